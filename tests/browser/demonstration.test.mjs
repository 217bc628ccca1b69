// The demonstration contract: « Charger la démonstration » fetches the fictional contract
// published beside the app (dist/exemples/), opens it, and every screen then says its data are
// fictional; the planning and the list of fiches are full. When the file cannot be fetched, a
// French message says so and nothing changes.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { press } from '../support/app.mjs';
import { assert, visible, hidden, hasText, hasCount, hasValue, until } from '../support/expect.mjs';

const env = suite();

const FILE = '**/exemples/cls-demonstration-2024-2028.json';
const BANNER = 'Contrat de démonstration : données fictives';
const banner = (page) => page.getByRole('note').filter({ hasText: BANNER });
const loadButton = (page) => page.getByRole('button', { name: 'Charger la démonstration' });
const failure = (page) => page.getByRole('alert').filter({ hasText: 'La démonstration n’a pas pu être chargée' });
/** A failed request is reported by Chromium in the console: expected in the failure tests. */
const FAILED_REQUEST = /Failed to load resource/;
/**
 * The failure tests replace the file's answer with `page.route`, which never sees a request that
 * the service worker answers from its cache (where the demonstration is, once it has taken
 * control, offline too): they run as a first visit before the worker is installed would, with
 * service workers blocked.
 */
const NO_WORKER = { expectErrors: FAILED_REQUEST, serviceWorkers: 'block' };

test('the demonstration loads from the keyboard, says it is fictional on every screen, and fills the planning and the fiches', async () => {
  const { app, page } = await env.freshApp();
  // Entered from a screen's own folder (its page has <base href="../">), as a shared link would.
  await app.open('fiches/');
  await app.goTo('Mes contrats');
  await hidden(banner(page));
  const requested = page.waitForRequest(FILE);
  await press(loadButton(page));
  assert.equal(new URL((await requested).url()).pathname, '/sous-dossier/exemples/cls-demonstration-2024-2028.json');
  await visible(app.heading('Le contrat'));
  await visible(banner(page));
  await until(async () => {
    const stored = await app.storedWorkspace();
    const open = stored?.contracts.find((contract) => contract.id === stored.active_contract);
    assert.equal(open?.fictional, true);
    assert.match(open?.name ?? '', /^Contrat de démonstration \(fictif\)/);
  });

  await app.goTo('Planning');
  await visible(app.heading('Planning'));
  await visible(banner(page));
  const planning = page.getByRole('region', { name: 'Planning des actions' });
  await until(async () => assert.ok(await planning.locator('button.bar').count() >= 40, 'at least 40 bars'));
  assert.ok(await planning.locator('button.milestone').count() >= 5, 'milestones');
  const count = await page.getByText(/actions? au planning/).innerText();
  assert.ok(Number.parseInt(count, 10) >= 46, count);

  await app.goTo('Fiches action');
  await visible(banner(page));
  await hasText(page.getByRole('status').filter({ hasText: 'affichée' }), '8 fiches affichées sur 8');
  await hasCount(page.getByRole('link', { name: /^Fiche action n°\d+/ }), 8);

  // « Suivi » is full too: two years of follow-up, with every status somewhere.
  await app.open('suivi/?annee=2025');
  await visible(banner(page));
  const statuses = page.getByRole('combobox', { name: /^Statut 2025 / });
  await until(async () => assert.ok(await statuses.count() >= 48, 'a status per fiche and per action'));
  const chosen = await statuses.evaluateAll((selects) => selects.map((s) => s.value));
  assert.ok(chosen.filter(Boolean).length >= 40, `statuses filled in: ${chosen.filter(Boolean).length}`);
  const chart = await page.getByRole('img', { name: /^Actions par statut en 2025\./ }).getAttribute('aria-label');
  assert.match(chart, /Axe 8 :/);
  await app.followUpPart('Budget').click();
  await visible(page.getByRole('region', { name: 'Budget 2025 : prévu et dépensé' }));
  assert.match(page.url(), /partie=budget/);
  assert.equal(await app.followUpPart('Budget').getAttribute('aria-current'), 'page');

  // A real contract opened next: no banner.
  await app.loadExample();
  await visible(app.heading('Le contrat'));
  await hidden(banner(page));
});

test('offline, the demonstration gives a French message, changes nothing, and works once back online', async () => {
  const { app, page } = await env.freshApp(NO_WORKER);
  await page.route(FILE, (route) => route.abort('internetdisconnected'));
  await app.open();
  await press(loadButton(page));
  await visible(failure(page));
  await hasText(failure(page), /connexion à internet.*Vos contrats n’ont pas changé\./);
  await visible(app.heading('Mes contrats locaux de santé'));
  await hasCount(page.getByRole('list', { name: 'Contrats' }).getByRole('listitem'), 0);
  await hidden(banner(page));
  assert.equal((await app.storedWorkspace())?.contracts.length ?? 0, 0);

  await page.unroute(FILE);
  await press(loadButton(page));
  await visible(app.heading('Le contrat'));
  await visible(banner(page));
  await hidden(failure(page));
});

test('a site deployed without the file says it is missing', async () => {
  const { app, page } = await env.freshApp(NO_WORKER);
  await page.route(FILE, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Introuvable' }));
  await app.open();
  await press(loadButton(page));
  await hasText(failure(page), /introuvable sur ce site \(erreur 404\)/);
  await hasCount(page.getByRole('list', { name: 'Contrats' }).getByRole('listitem'), 0);
});

/** The demonstration loaded from the contract list; resolves once it is stored. */
async function loadDemonstration(app, page) {
  await app.open();
  await press(loadButton(page));
  await visible(app.heading('Le contrat'));
  await app.saved();
}

const contractNames = async (app) => (await app.storedWorkspace()).contracts.map((c) => c.name);

test('loaded a second time, the demonstration offers to open the one already there, or to add a copy under another name', async () => {
  const { app, page } = await env.freshApp();
  await loadDemonstration(app, page);
  const [first] = (await app.storedWorkspace()).contracts;
  // The first one changed a little: opening it must bring back that change.
  await app.goTo('Contrat');
  await page.getByLabel('Nom du territoire').fill('Pays de Val-Sorel (fictif), revu');
  await app.saved();

  await app.goTo('Mes contrats');
  await press(loadButton(page));
  const offer = page.getByRole('alertdialog', { name: 'La démonstration est déjà dans vos contrats.' });
  await visible(offer);
  await hasText(offer, new RegExp(`« ${first.name.replace(/[()]/g, '\\$&')} » est déjà dans ce navigateur, tel que vous l’avez laissé`));
  await hasText(offer, /« Ajouter une copie » ajoute la démonstration d’origine à côté, sous le nom « Contrat de démonstration \(fictif\) .* \(copie\) »/);
  // The keyboard lands on the answer most people want.
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ouvrir le contrat déjà là'));
  await hasCount(page.getByRole('list', { name: 'Contrats' }).getByRole('listitem'), 1);
  await page.keyboard.press('Enter');
  await visible(app.heading('Le contrat'));
  await until(async () => assert.equal(await page.getByLabel('Nom du territoire').inputValue(), 'Pays de Val-Sorel (fictif), revu'));
  const stored = await app.storedWorkspace();
  assert.deepEqual([stored.contracts.length, stored.active_contract], [1, first.id]);

  // « Annuler » adds nothing and gives the keyboard back to the button.
  await app.goTo('Mes contrats');
  await press(loadButton(page));
  await press(offer.getByRole('button', { name: 'Annuler' }));
  await hidden(offer);
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Charger la démonstration'));
  assert.equal((await contractNames(app)).length, 1);

  // A copy on purpose: a name of its own, the demonstration as published, opened.
  await press(loadButton(page));
  await press(offer.getByRole('button', { name: 'Ajouter une copie' }));
  await visible(app.heading('Le contrat'));
  await visible(banner(page));
  await until(async () => assert.deepEqual(await contractNames(app), [first.name, `${first.name} (copie)`]));
  await until(async () => assert.equal(await page.getByLabel('Nom du territoire').inputValue(), first.territory.name));
  await app.goTo('Mes contrats');
  await visible(page.getByRole('heading', { name: `${first.name} (copie)`, level: 2 }));
});

test('opened, the demonstration is signed with avenant n°1, « Suivi » shows its latest year of follow-up, and no backup is asked for until it changes', async () => {
  const { app, page } = await env.freshApp();
  await loadDemonstration(app, page);
  const reminder = page.getByRole('complementary', { name: 'Rappel de sauvegarde' });
  // Loading an example is not one's own work: no reminder, on any screen, even after a reload.
  await hidden(reminder);
  await app.open('suivi/');
  await visible(app.heading('Suivi'));
  // No year in the address: the latest year with follow-up (2025), not this year's empty one.
  await hasValue(page.getByLabel('Année', { exact: true }), '2025');
  assert.doesNotMatch(page.url(), /annee=/);
  await visible(page.getByRole('img', { name: /^Actions par statut en 2025\./ }));
  await visible(page.getByRole('link', { name: 'Rapport annuel 2025 pour le COPIL' }));
  const statuses = page.getByRole('combobox', { name: /^Statut 2025 / });
  await until(async () => assert.ok(await statuses.count() >= 48));
  assert.equal(await reminder.count(), 0);

  // Signed on 15 February 2024, with one avenant adopted at the COPIL of 4 December 2025.
  await app.goTo('Signature et avenants');
  await visible(app.heading('Signature et avenants'));
  await visible(page.getByText('Signé à Sorel-sur-Lende le 15 février 2024.'));
  await visible(page.getByText('Aucune modification depuis la version en vigueur : le contrat est tel que l’a modifié l’avenant n°1.'));
  const avenant = page.getByRole('article', { name: 'Avenant n°1' });
  await visible(avenant.getByRole('heading', { name: /^Fiche action n°1 — .* : modifiée$/, level: 5 }));
  await visible(avenant.getByRole('row', { name: /Fin juin 2026 décembre 2026/ }));
  await visible(avenant.getByRole('row', { name: /Montant prévu \(€\) 5000 10000/ }));
  await visible(page.getByRole('heading', { name: 'Créer l’avenant n°2', level: 2 }));
  await press(avenant.getByRole('link', { name: 'Voir et imprimer l’avenant n°1' }));
  await visible(page.getByRole('table', { name: /^Fiche action n°1 — .* : avant et après l’avenant n°1$/ }));
  await visible(page.getByText(/le 15 février 2024 à Sorel-sur-Lende/).first());
  assert.equal(await reminder.count(), 0);

  // The first change is one's own work: the reminder comes.
  await app.goTo('Contrat');
  await page.getByLabel('Nom du territoire').fill('Pays de Val-Sorel (fictif), revu');
  await visible(reminder);
  await hasText(reminder.getByRole('paragraph'), /^Aucune copie de sauvegarde n’a encore été faite\./);
});
