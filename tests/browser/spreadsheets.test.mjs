// Tables for spreadsheets: the fiches action, the actions and the indicators of the open
// contract download as three CSV files that French spreadsheets open right (BOM, ';', CRLF),
// one row per item of the contract.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, press } from '../support/app.mjs';
import { assert, visible } from '../support/expect.mjs';

const env = suite();

const TITLE = 'Aidants ; « pause » et "répit"';

/** Parses a CSV as written for French spreadsheets (';', quoted fields, CRLF) into rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** Clicks a download button; gives the file's name, its raw bytes, its text and its rows. */
async function downloadTable(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: button }))]);
  const bytes = readFileSync(await download.path());
  const text = bytes.toString('utf8');
  return { name: download.suggestedFilename(), bytes, text, rows: parseCsv(text.replace(/^\uFEFF/, '')) };
}

/** The example contract, plus a sheet under axis 2 with one dated milestone. */
async function exampleWithAnAction() {
  const { app, page } = await env.freshApp({ acceptDownloads: true });
  await app.loadExample();
  await app.goTo('Fiches action');
  await press(page.getByRole('button', { name: 'Nouvelle fiche action' }));
  await chooseWithKeyboard(page.getByLabel('Axe stratégique'), /^Axe 2 /);
  await page.getByLabel('Intitulé de la fiche').fill(TITLE);
  await page.getByRole('link', { name: '4. Actions' }).click();
  await press(page.getByRole('button', { name: 'Ajouter une action' }));
  const action = page.getByRole('group', { name: 'Action 1' });
  await action.getByLabel('Description de l’action').fill('Ouvrir un café des aidants');
  await action.getByLabel('Début (mois et année)').fill('2025-01');
  await action.getByLabel('Fin (mois et année)').fill('2026-06');
  await action.getByLabel('C’est un jalon (date clé à suivre)').check();
  await app.goTo('Échanges');
  await visible(page.getByRole('heading', { name: 'Tableaux pour tableur (CSV)', level: 2 }));
  await app.saved();
  const ws = await app.storedWorkspace();
  const contract = ws.contracts.find((c) => c.id === ws.active_contract);
  return { app, page, contract };
}

/** "Prévu 2024;Dépensé 2024;…" over the example's period, 2024-2028. */
const perYear = (...columns) => [2024, 2025, 2026, 2027, 2028].flatMap((y) => columns.map((c) => `${c} ${y}`)).join(';');

const FILE_NAME = (what) => new RegExp(`^cls-bassin-d-aurillac[a-z-]*-${what}-\\d{4}-\\d{2}-\\d{2}\\.csv$`);

test('the three tables download for a French spreadsheet, one row per item of the contract', async () => {
  const { page, contract } = await exampleWithAnAction();

  const sheets = await downloadTable(page, 'Télécharger les fiches action (CSV)');
  assert.match(sheets.name, FILE_NAME('fiches'));
  assert.deepEqual([...sheets.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(sheets.text.startsWith(`\uFEFFN° fiche;Fiche action;Axe;Objectif stratégique;Type;Priorité;Volet santé mentale;Pilote;Personne pilote;Copilotes;Partenaires;Publics cibles;Territoire concerné;Participation des habitants;Budget prévu (€);Montants à préciser;Début;Fin;Début (version signée);Fin (version signée);Nombre d’actions;Nombre d’indicateurs;Dernier bilan;Année du dernier bilan;${perYear('Prévu', 'Dépensé')}\r\n`));
  assert.ok(sheets.text.endsWith('\r\n'));
  assert.equal(sheets.rows.length - 1, contract.sheets.length);
  assert.equal(contract.sheets.length, 9);
  assert.deepEqual(sheets.rows[1].slice(0, 3), ['1', 'Attractivité du territoire', 'Axe 1 – Offre de soins']);
  assert.deepEqual(sheets.rows[3].slice(0, 3), ['3', TITLE, 'Axe 2 – Santé mentale précarité']);
  // The example is not signed (« Signer le contrat » keeps the signed version): no signed dates.
  assert.deepEqual(sheets.rows[3].slice(16, 21), ['01/2025', '06/2026', '', '', '1']);
  assert.ok(sheets.rows.every((row) => row.length === 34));

  const actions = await downloadTable(page, 'Télécharger les actions (CSV)');
  assert.match(actions.name, FILE_NAME('actions'));
  assert.deepEqual([...actions.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(actions.text.startsWith(`\uFEFFN° fiche;Fiche action;Axe;Action;Pilote;Début;Fin;Début (version signée);Fin (version signée);Jalon;Dernier bilan;Année du dernier bilan;${perYear('Statut', 'Commentaire', 'Pourquoi ?', 'Suite prévue')}\r\n`));
  assert.equal(actions.rows.length - 1, contract.sheets.flatMap((s) => s.actions).length);
  assert.ok(actions.text.includes('\r\n3;"Aidants ; « pause » et ""répit""";Axe 2 – Santé mentale précarité;Ouvrir un café des aidants;;01/2025;06/2026;;;Oui;;;;;;;;;;;;;;;;;;;;;;\r\n'));

  const indicators = await downloadTable(page, 'Télécharger les indicateurs (CSV)');
  assert.match(indicators.name, FILE_NAME('indicateurs'));
  assert.deepEqual([...indicators.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(indicators.text.startsWith('\uFEFFN° fiche;Fiche action;Axe;Type d’indicateur;Indicateur;'));
  assert.ok(indicators.rows[0].join(';').endsWith(`;${perYear('Cible', 'Résultat')}`));
  // The contract's own indicators come first, without a fiche number or an axis.
  assert.equal(indicators.rows.length - 1, contract.indicators.length + contract.sheets.flatMap((s) => s.indicators).length);
  assert.deepEqual(indicators.rows[1].slice(0, 5), [
    '', 'Indicateurs du contrat', '', 'Indicateur de processus',
    'Nombre de professionnels participant à l’ensemble du CLS (pilotes et partenaires)',
  ]);
});
