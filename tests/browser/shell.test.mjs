// The shell of the app: it mounts, in French, its navigation works, and every screen loads
// from a deep link or a reload on a plain static server under a sub-path.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { press } from '../support/app.mjs';
import { assert, hidden, visible, until } from '../support/expect.mjs';

const env = suite();

const freshApp = () => env.freshApp();

test('the app mounts, in French, with its header and navigation', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await visible(app.heading('Mes contrats locaux de santé'));
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await visible(page.getByRole('banner').getByText('Atelier CLS'));
  await visible(page.getByRole('banner').getByText('Aucun contrat ouvert'));
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  for (const area of ['Contrat', 'Fiches action', 'Planning', 'Échanges']) {
    await visible(nav.getByRole('link', { name: area, exact: true }));
  }
  assert.equal(await page.locator('#chargement').count(), 0, 'the loading message is replaced');
});

const SCREENS = [
  ['contrat/', 'Le contrat'],
  ['fiches/', 'Fiches action'],
  ['fiche/', 'Fiche action'],
  ['planning/', 'Planning'],
  ['echanges/', 'Échanges'],
];

for (const [path, title] of SCREENS) {
  test(`a deep link to ${path} lands on « ${title} », also after a reload`, async () => {
    const { app, page } = await freshApp();
    await app.open(path);
    await visible(app.heading(title));
    await page.reload();
    await visible(app.heading(title));
  });
}

test('a deep link without its trailing slash still lands on the screen', async () => {
  const { app } = await freshApp();
  await app.open('planning');
  await visible(app.heading('Planning'));
});

test('navigating by the menu changes the address, and back returns', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await app.goTo('Planning');
  await visible(app.heading('Planning'));
  assert.equal(new URL(page.url()).pathname, '/sous-dossier/planning/');
  const link = page.getByRole('link', { name: 'Planning', exact: true });
  assert.equal(await link.getAttribute('aria-current'), 'page');
  await app.goTo('Échanges');
  await visible(app.heading('Échanges'));
  await page.goBack();
  await visible(app.heading('Planning'));
});

test('the menu works from the keyboard', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await page.getByRole('link', { name: 'Fiches action', exact: true }).focus();
  await page.keyboard.press('Enter');
  await visible(app.heading('Fiches action'));
  await until(async () => assert.equal(new URL(page.url()).pathname, '/sous-dossier/fiches/'));
});

test('an unknown address says so in French', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await page.evaluate(() => { history.pushState(null, '', 'nulle-part/'); dispatchEvent(new PopStateEvent('popstate')); });
  await visible(app.heading('Page introuvable'));
});

test('a crash shows a French banner instead of a blank page', async () => {
  // The panic is logged (its message, then the WebAssembly trap it ends with): only those.
  const { page } = await env.freshApp({ expectErrors: /^panicked at .*\npanne simulée à la demande \(\?simuler-panne\)\n|^unreachable$/ });
  await page.goto(env.server.url + '?simuler-panne');
  const banner = page.getByRole('alert').filter({ hasText: 'erreur inattendue' });
  await visible(banner);
  await visible(banner.getByRole('button', { name: 'Recharger la page' }));
});

/** The id of fiche n°1 of the open contract, read from the stored workspace. */
async function firstSheetId(app) {
  const stored = await app.storedWorkspace();
  return stored.contracts.find((c) => c.id === stored.active_contract).sheets[0].id;
}

test('« Aller au contenu » moves the focus to the content of the same screen, at every folder depth', async () => {
  const { app, page } = await freshApp();
  await app.loadExample();
  const sheet = await firstSheetId(app);
  // The root's page, then screens' folders, whose pages carry <base href="../">: a bare
  // href="#contenu" led from each of these to « Mes contrats ».
  const screens = [['', 'Mes contrats locaux de santé'], ['planning/', 'Planning'],
    [`fiche/?id=${sheet}&etape=3`, /^Fiche action n°1 – /], ['suivi/?partie=budget', 'Suivi'], ['echanges/', 'Échanges']];
  for (const [path, title] of screens) {
    await app.open(path);
    await visible(app.heading(title));
    const address = page.url();
    await page.keyboard.press('Tab');
    await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Aller au contenu'));
    await page.keyboard.press('Enter');
    await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu', path));
    assert.equal(page.url(), address, `${path}: the address stays`);
    await visible(app.heading(title));
    // The next Tab goes on inside the content, not back to the header.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('main'))), true, path);
  }
});

test('the tab’s title names the screen and the open contract', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await until(async () => assert.equal(await page.title(), 'Mes contrats — Atelier CLS'));
  await app.open('planning/');
  await until(async () => assert.equal(await page.title(), 'Planning — Atelier CLS'));
  await app.loadExample();
  const name = (await app.storedWorkspace()).contracts[0].name;
  await until(async () => assert.equal(await page.title(), `Contrat — ${name} — Atelier CLS`));
  await app.goTo('Planning');
  await until(async () => assert.equal(await page.title(), `Planning — ${name} — Atelier CLS`));
  await app.goTo('Suivi');
  await until(async () => assert.equal(await page.title(), `Suivi — ${name} — Atelier CLS`));
  // Renamed, the title follows.
  await app.goTo('Contrat');
  await page.getByLabel('Nom du contrat').fill('CLS renommé');
  await until(async () => assert.equal(await page.title(), 'Contrat — CLS renommé — Atelier CLS'));
});

test('a notice about what was just done on a screen does not follow the user onto the next', async () => {
  const { app, page } = await freshApp();
  await app.loadExample();
  await app.goTo('Signature et avenants');
  await press(page.getByRole('button', { name: 'Signer le contrat' }));
  await press(page.getByRole('alertdialog').getByRole('button', { name: 'Oui, signer le contrat' }));
  const notice = page.getByRole('status').filter({ hasText: /^Contrat signé/ });
  await visible(notice);
  await app.goTo('Planning');
  await visible(app.heading('Planning'));
  await hidden(notice);
  await app.goTo('Signature et avenants');
  await visible(app.heading('Signature et avenants'));
  assert.equal(await notice.count(), 0, 'gone for good, not only hidden elsewhere');
});

test('the contract’s « Sections du contrat » lead to their section when the page was opened in its folder', async () => {
  const { app, page } = await freshApp();
  await app.loadExample();
  // Opened from its own folder, whose page carries <base href="../">: a bare href="#gouvernance"
  // led to « Mes contrats ».
  await app.open('contrat/');
  await visible(app.heading('Le contrat'));
  const address = page.url();
  await press(page.getByRole('navigation', { name: 'Sections du contrat' }).getByRole('link', { name: 'Gouvernance' }));
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'gouvernance'));
  assert.equal(page.url(), address);
  await visible(app.heading('Le contrat'));
  assert.ok(await page.evaluate(() => document.getElementById('gouvernance').getBoundingClientRect().top < innerHeight));
});
