// The fiche action: a whole sheet filled through the eight steps with the keyboard, found
// back after a reload on the review step and in the print; the sheet list and its filters.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, typeInto, press } from '../support/app.mjs';
import { assert, visible, hidden, hasText, hasCount, until } from '../support/expect.mjs';

const env = suite();

async function appWithExample() {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  return { app, page };
}

const next = (page) => press(page.getByRole('link', { name: 'Étape suivante →' }));
const stepHeading = (page, n, title) => visible(page.getByRole('heading', { name: `Étape ${n} sur 8 : ${title}` }));
const countPdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('a complete sheet is filled with the keyboard through every step and found back after a reload', async () => {
  const { app, page } = await appWithExample();
  await app.goTo('Fiches action');
  await press(page.getByRole('button', { name: 'Nouvelle fiche action' }));

  // 1. Identification
  await stepHeading(page, 1, 'Identification');
  await chooseWithKeyboard(page.getByLabel('Axe stratégique'), /^Axe 4 /);
  await chooseWithKeyboard(page.getByLabel('Objectif stratégique'), /^4\.1 /);
  await typeInto(page.getByLabel('Intitulé de la fiche'), 'Bouger sur ordonnance');
  await chooseWithKeyboard(page.getByLabel('Priorité'), 'Haute');
  await press(page.getByRole('checkbox', { name: 'Prévention', exact: true }), 'Space');
  await press(page.getByRole('checkbox', { name: 'Comportements et modes de vie' }), 'Space');
  await press(page.getByRole('checkbox', { name: /^PRS/ }), 'Space');
  await visible(page.getByRole('heading', { name: /Fiche action n°\d+ – Bouger sur ordonnance/ }));
  await next(page);

  // 2. Constat
  await stepHeading(page, 2, 'Constat');
  await press(page.getByRole('group', { name: 'Constats du diagnostic' }).getByRole('checkbox').first(), 'Space');
  await typeInto(page.getByLabel('Constats propres à cette fiche'), 'Peu d’offre d’activité physique adaptée hors d’Aurillac');
  await next(page);

  // 3. Objectives
  await stepHeading(page, 3, 'Objectifs');
  await typeInto(page.getByLabel('Objectif général'), 'Augmenter l’activité physique des malades chroniques');
  await press(page.getByRole('button', { name: 'Ajouter un objectif spécifique' }));
  await typeInto(page.getByRole('textbox', { name: 'Objectif spécifique 4.1.3' }), 'Orienter 100 patients par an vers le sport santé');
  await typeInto(page.getByLabel('Résultats attendus'), '100 patients orientés chaque année');
  await next(page);

  // 4. Actions
  await stepHeading(page, 4, 'Actions');
  await press(page.getByRole('button', { name: 'Ajouter une action' }));
  const action = page.getByRole('group', { name: 'Action 1' });
  await typeInto(action.getByLabel('Description de l’action'), 'Former les médecins à la prescription');
  await action.getByLabel('Début (mois et année)').fill('2025-03'); // the month picker's own widget
  await action.getByLabel('Fin (mois et année)').fill('2026-06');
  await press(action.getByLabel('C’est un jalon (date clé à suivre)'), 'Space');
  await next(page);

  // 5. Acteurs
  await stepHeading(page, 5, 'Acteurs');
  const lead = await chooseWithKeyboard(page.getByLabel('Organisation pilote'), /^Caisse primaire/i);
  await typeInto(page.getByLabel('Personne référente chez le pilote'), 'Julie Bernard, chargée de prévention');
  await press(page.getByRole('group', { name: 'Partenaires' }).getByRole('checkbox', { name: /^Mutualité|^MSA|^Conseil départemental/ }).first(), 'Space');
  await typeInto(page.getByLabel('Nouveau partenaire'), 'Club de randonnée du Cantal');
  await page.getByLabel('Nouveau partenaire').press('Enter');
  await until(async () => assert.equal(await page.getByRole('group', { name: 'Partenaires' }).getByRole('checkbox', { name: 'Club de randonnée du Cantal' }).isChecked(), true));
  await typeInto(page.getByLabel('Publics cibles'), 'Patients atteints de maladies chroniques');
  await chooseWithKeyboard(page.getByLabel('Participation des habitants'), 'Concertation');
  await next(page);

  // 6. Moyens
  await stepHeading(page, 6, 'Moyens');
  await typeInto(page.getByLabel('Moyens humains'), '0,1 ETP de la coordinatrice');
  await press(page.getByRole('button', { name: 'Ajouter une ligne de financement' }));
  const line = page.getByRole('group', { name: 'Ligne de financement 1' });
  await chooseWithKeyboard(line.getByLabel('Année'), '2025');
  await chooseWithKeyboard(line.getByLabel('Financeur'), /^Agence régionale de santé/i);
  // A new line states no nature until someone chooses one (« Non renseigné » by default).
  await chooseWithKeyboard(line.getByLabel('Nature'), 'Fonctionnement');
  await typeInto(line.getByLabel('Montant prévu (€)'), '12000');
  await line.getByLabel('Montant prévu (€)').press('Tab'); // an amount is read when the field is left
  await hasText(page.getByRole('table', { name: 'Total prévu par année' }).locator('tfoot td').first(), /^12\s000\s€$/);
  await next(page);

  // 7. Évaluation
  await stepHeading(page, 7, 'Évaluation');
  await press(page.getByRole('button', { name: 'Ajouter un indicateur de processus' }));
  await press(page.getByRole('button', { name: 'Ajouter un indicateur de résultat' }));
  const processIndicator = page.getByRole('group', { name: 'Indicateur 1 (indicateur de processus)' });
  await typeInto(processIndicator.getByLabel('Nom de l’indicateur'), 'Nombre de médecins formés');
  await typeInto(processIndicator.getByLabel('Valeur cible'), '40 médecins');
  await typeInto(processIndicator.getByLabel('Source des données'), 'Feuilles d’émargement');
  const outcome = page.getByRole('group', { name: 'Indicateur 2 (indicateur de résultat)' });
  await typeInto(outcome.getByLabel('Nom de l’indicateur'), 'Patients actifs à six mois');
  await typeInto(outcome.getByLabel('Valeur cible'), '60 %');
  await typeInto(outcome.getByLabel('Source des données'), 'Questionnaire de suivi');
  await next(page);

  // 8. Relecture
  await stepHeading(page, 8, 'Relecture');
  await visible(page.getByRole('heading', { name: 'Complétude : 7 sur 7' }));
  assert.equal(await page.getByRole('progressbar').getAttribute('value'), '8');

  await page.reload();
  await visible(page.getByRole('heading', { name: 'Complétude : 7 sur 7' }));
  const summary = page.getByRole('article', { name: /^Fiche action n°/ });
  const text = (await summary.innerText()).replace(/\s+/g, ' ');
  for (const expected of [
    'Bouger sur ordonnance', 'Axe 4', '4.1 –', 'Haute', 'Prévention', 'Comportements et modes de vie', 'PRS / SRS',
    'Peu d’offre d’activité physique adaptée hors d’Aurillac', 'Augmenter l’activité physique des malades chroniques',
    '4.1.3 Orienter 100 patients par an vers le sport santé', '100 patients orientés chaque année',
    '◆ Former les médecins à la prescription (de mars 2025 à juin 2026)', lead, 'Julie Bernard, chargée de prévention',
    'Club de randonnée du Cantal', 'Patients atteints de maladies chroniques', 'Concertation', '0,1 ETP de la coordinatrice',
  ]) assert.ok(text.includes(expected), `missing « ${expected} » in:\n${text}`);
  assert.match(text, /2025 – Agence régionale de santé[^–]* – Fonctionnement : 12\s000\s€ prévus/i);
  // The indicators are a table, one row each, not run-on text.
  const indicators = summary.getByRole('table', { name: 'Indicateurs' });
  await hasText(indicators.getByRole('row', { name: /Nombre de médecins formés/ }),
    'Indicateur de processus Nombre de médecins formés 40 médecins Feuilles d’émargement Non renseigné');
  await hasText(indicators.getByRole('row', { name: /Patients actifs à six mois/ }),
    'Indicateur de résultat Patients actifs à six mois 60 % Questionnaire de suivi Non renseigné');
  await hasText(indicators.locator('thead'), 'Type Indicateur Cible Source Fréquence');

  // The print: only the sheet, with the contract and number at the top of the A4 pages.
  await page.emulateMedia({ media: 'print' });
  await hidden(page.getByRole('navigation', { name: 'Navigation principale' }));
  await hidden(page.getByRole('heading', { name: 'Complétude : 7 sur 7' }));
  await visible(summary.getByText('Bouger sur ordonnance', { exact: false }).first());
  const printHeader = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent).join(''));
  assert.match(printHeader, /@top-left \{ content: "Contrat local de santé[^"]* — Fiche action n°\d+"/);
  const pdf = await page.pdf({ format: 'A4', path: 'tests/.artifacts/fiche.pdf' });
  assert.ok(countPdfPages(pdf) >= 1 && countPdfPages(pdf) <= 3, `${countPdfPages(pdf)} pages`);
});

test('the whole contract prints with a cover and each sheet on its own pages', async () => {
  const { app, page } = await appWithExample();
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: 'Version imprimable du contrat' }));
  await hasCount(page.getByRole('article', { name: /^Fiche action n°/ }), 8);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', path: 'tests/.artifacts/contrat.pdf' });
  assert.ok(countPdfPages(pdf) >= 9, `only ${countPdfPages(pdf)} pages for a cover and 8 sheets`);
});

test('the sheet list searches, filters, reorders, duplicates and deletes with undo', async () => {
  const { app, page } = await appWithExample();
  await app.goTo('Fiches action');
  const status = page.getByRole('status').filter({ hasText: 'affichée' });
  await hasText(status, '8 fiches affichées sur 8');
  await typeInto(page.getByLabel('Rechercher une fiche'), 'sante mentale');
  await hasText(status, '1 fiche affichée sur 8');
  await visible(page.getByRole('link', { name: /Santé mentale/ }));
  await typeInto(page.getByLabel('Rechercher une fiche'), '');
  await page.getByLabel('Rechercher une fiche').press('Backspace');
  await hasText(status, '8 fiches affichées sur 8');
  await chooseWithKeyboard(page.getByLabel('Complétude'), 'Complètes');
  await hasText(status, '0 fiche affichée sur 8');
  await chooseWithKeyboard(page.getByLabel('Complétude'), 'Toutes');
  await chooseWithKeyboard(page.getByLabel('Axe'), /^Axe 2 /);
  await hasText(status, '1 fiche affichée sur 8');
  await chooseWithKeyboard(page.getByLabel('Axe'), 'Tous les axes');

  const first = page.getByRole('link', { name: /^Fiche action n°1 – / });
  const firstName = (await first.innerText()).replace(/^Fiche action n°1 – /, '');
  await press(page.getByRole('button', { name: `Dupliquer la fiche action n°1 – ${firstName.toLowerCase()}` }));
  await hasText(status, '9 fiches affichées sur 9');
  await visible(page.getByRole('link', { name: `Fiche action n°2 – ${firstName} (copie)` }));
  await press(page.getByRole('button', { name: `Monter la fiche action n°2 – ${firstName.toLowerCase()} (copie)` }));
  await visible(page.getByRole('link', { name: `Fiche action n°1 – ${firstName} (copie)` }));
  await press(page.getByRole('button', { name: `Supprimer la fiche action n°1 – ${firstName.toLowerCase()} (copie)` }));
  await hasText(status, '8 fiches affichées sur 8');
  // « supprimée », agreeing with « fiche ».
  await visible(page.getByText(`Fiche action n°1 – ${firstName} (copie) : supprimée.`));
  await press(page.getByRole('button', { name: 'Annuler la suppression' }));
  await hasText(status, '9 fiches affichées sur 9');
  await page.reload();
  await hasText(page.getByRole('status').filter({ hasText: 'affichée' }), '9 fiches affichées sur 9');
});

test('a sheet opened from the list, and a link to a missing sheet says so', async () => {
  const { app, page } = await appWithExample();
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°2 – / }));
  await stepHeading(page, 1, 'Identification');
  await press(page.getByRole('link', { name: '8. Relecture' }));
  await stepHeading(page, 8, 'Relecture');
  await app.open('fiche/?id=00000000-0000-4000-8000-00000000dead');
  await visible(page.getByText('Cette fiche action n’existe pas'));
});

test('only the current step of the fiche is marked current, and no other link', async () => {
  const { app, page } = await appWithExample();
  await app.goTo('Fiches action');
  // On the list, « Version imprimable du contrat » (/fiches/?vue=impression) is another view.
  const printable = page.getByRole('link', { name: 'Version imprimable du contrat' });
  await visible(printable);
  assert.equal(await printable.getAttribute('aria-current'), null);
  await press(page.getByRole('link', { name: /^Fiche action n°1 – / }));
  await press(page.getByRole('link', { name: '3. Objectifs' }));
  await stepHeading(page, 3, 'Objectifs');
  const steps = page.getByRole('navigation', { name: 'Étapes de la fiche' }).getByRole('link');
  await hasCount(steps, 8);
  const marks = [];
  for (const link of await steps.all()) marks.push([await link.innerText(), await link.getAttribute('aria-current')]);
  assert.deepEqual(marks.filter(([, current]) => current !== null), [['3. Objectifs', 'step']]);
  for (const name of ['← Étape précédente', 'Étape suivante →']) {
    assert.equal(await page.getByRole('link', { name }).getAttribute('aria-current'), null, name);
  }
});

test('« Étape suivante » moves the focus to the new step’s heading, so Entrée twice does not skip a step', async () => {
  const { app, page } = await appWithExample();
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°1 – / }));
  await stepHeading(page, 1, 'Identification');
  await next(page);
  await stepHeading(page, 2, 'Constat');
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Étape 2 sur 8 : Constat'));
  // A second Entrée, where the focus is, goes nowhere.
  await page.keyboard.press('Enter');
  await stepHeading(page, 2, 'Constat');
  await until(async () => assert.match(page.url(), /etape=2/));
  await press(page.getByRole('link', { name: '← Étape précédente' }));
  await stepHeading(page, 1, 'Identification');
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Étape 1 sur 8 : Identification'));
});

test('« Ajouter une action » puts the focus in the new action’s first field', async () => {
  const { app, page } = await appWithExample();
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°1 – / }));
  await press(page.getByRole('link', { name: '4. Actions' }));
  await stepHeading(page, 4, 'Actions');
  for (const n of [1, 2]) {
    await press(page.getByRole('button', { name: 'Ajouter une action' }));
    const description = page.getByRole('group', { name: `Action ${n}` }).getByLabel('Description de l’action');
    await until(async () => assert.equal(await description.evaluate((el) => el === document.activeElement), true, `action ${n}`));
    await page.keyboard.type(`Action tapée ${n}`);
    assert.equal(await description.inputValue(), `Action tapée ${n}`);
  }
});
