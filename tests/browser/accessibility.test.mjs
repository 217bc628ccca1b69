// Accessibility (RGAA / WCAG 2.1 AA): every screen, with a real contract loaded, is checked by
// axe-core (labels, names, contrast, landmarks, ARIA), then the keyboard focus is checked visible.
import { test, before, after } from 'node:test';
import { failOnPageErrors, launchBrowser, serveDist, watchErrors } from '../support/browser.mjs';
import { App } from '../support/app.mjs';
import { seedAvenant } from '../support/avenant.mjs';
import { assert, visible } from '../support/expect.mjs';
import { violations } from '../support/axe.mjs';

let browser, server, app;

failOnPageErrors();
before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDist()]);
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  watchErrors(page);
  app = new App(page, server.url);
  await app.loadExample();
});
after(async () => { await browser?.close(); await server?.close(); });


for (const [path, title] of [['', 'Mes contrats locaux de santé'], ['contrat/', 'Le contrat'], ['fiches/', 'Fiches action'],
  ['planning/', 'Planning'], ['suivi/', 'Suivi'], ['echanges/', 'Échanges']]) {
  test(`« ${title} » passes the WCAG 2.1 AA checks of axe-core`, async () => {
    await app.open(path);
    await visible(app.heading(title));
    if (path === 'contrat/') await app.page.getByText('Voir la liste').click();
    assert.deepEqual(await violations(app.page), []);
  });
}

test('the import preview (conflicts field by field, choices) and the sheet selection pass axe-core too', async () => {
  await app.open('echanges/');
  await visible(app.heading('Échanges'));
  const contract = (await app.storedWorkspace()).contracts[0];
  const theirs = { ...contract, name: `${contract.name} (revu)`, sheets: contract.sheets.map((s, i) => (i === 0 ? { ...s, title: 'Titre revu' } : s)) };
  const file = { type: 'atelier-cls/contrat', schema_version: 3, app_version: '0.1.0', exported_at: '2026-11-23T10:00:00.000Z', exported_by: 'ARS', contract: theirs };
  await app.page.getByLabel('Choisir un fichier JSON').setInputFiles({ name: 'revu.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await visible(app.page.getByRole('group', { name: /Conflit/ }).first());
  await app.page.getByRole('radio', { name: 'Une sélection de fiches action' }).check();
  await visible(app.page.getByRole('group', { name: 'Fiches action à exporter' }));
  assert.deepEqual(await violations(app.page), []);
  await app.page.getByRole('button', { name: 'Ne pas importer' }).click();
});

test('« Sauvegarde et stockage », the reminder to back up and a backup’s preview pass axe-core too', async () => {
  // The example just loaded brings no reminder: a change (undone) makes it the user's work,
  // never backed up, and the reminder is then on every screen.
  await app.open('contrat/');
  const territory = app.page.getByLabel('Nom du territoire');
  const name = await territory.inputValue();
  await territory.fill(`${name} (revu)`);
  await territory.fill(name);
  await app.saved();
  await app.open('echanges/');
  await visible(app.heading('Échanges'));
  await visible(app.page.getByRole('complementary', { name: 'Rappel de sauvegarde' }));
  await visible(app.page.getByRole('region', { name: 'Sauvegarde et stockage' }).getByText('Stockage persistant', { exact: true }));
  const contract = (await app.storedWorkspace()).contracts[0];
  const contracts = [contract, { ...contract, name: `${contract.name} (revu)` }, { ...contract, id: '00000000-0000-4000-8000-0000000000b1', name: 'Un autre contrat' }];
  const file = { type: 'atelier-cls/sauvegarde', schema_version: 2, app_version: '0.1.0', exported_at: '2026-11-23T10:00:00.000Z', contracts };
  await app.page.getByLabel('Choisir un fichier JSON').setInputFiles({ name: 'sauvegarde.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await visible(app.page.getByRole('button', { name: 'Restaurer la sauvegarde' }));
  assert.deepEqual(await violations(app.page), []);
  await app.page.getByRole('button', { name: 'Ne pas importer' }).click();
});

test('the fiche’s « Évaluation » step (yearly table, an issue, a value apart) and its « Suivi annuel » pass axe-core', async () => {
  const sheetId = (await app.storedWorkspace()).contracts[0].sheets.find((s) => s.title === 'Sport santé nutrition').id;
  await app.open(`fiche/?id=${sheetId}&etape=7`);
  await visible(app.heading('Étape 7 sur 8 : Évaluation', 2));
  await app.saved();
  await app.page.evaluate((id) => {
    const key = 'atelier-cls.v1.espace';
    const workspace = JSON.parse(localStorage.getItem(key));
    const sheet = workspace.contracts.find((c) => c.id === workspace.active_contract).sheets.find((s) => s.id === id);
    const value = (year, target, result) => ({ year, target, target_comment: '', result, result_comment: '' });
    sheet.indicators = [{
      id: '00000000-0000-4000-8aaa-000000000010', modified_at: 0, kind: 'outcome', name: 'Patients orientés',
      definition: '', unit: 'personnes', baseline: '0', target: '100', scale: 'at_least', source: 'Réseau sport santé',
      frequency: 'yearly', collector: '', values: [value(2024, '80', 'une dizaine'), value(null, '', '3')],
    }];
    sheet.reviews = [{ year: 2024, status: 'partly_done', comment: 'Deux ateliers', reason: 'Salle indisponible', next_steps: '', to_confirm: true }];
    localStorage.setItem(key, JSON.stringify(workspace));
  }, sheetId);
  await app.page.reload();
  await visible(app.page.getByRole('list', { name: 'Valeurs de l’indicateur 1 hors du tableau' }));
  await visible(app.page.getByText('n’est pas un nombre', { exact: false }));
  assert.deepEqual(await violations(app.page), []);
  await app.open(`fiche/?id=${sheetId}&etape=8`);
  await visible(app.page.getByRole('table', { name: 'Suivi annuel' }));
  assert.deepEqual(await violations(app.page), []);
});

test('the keyboard focus is always visible', async () => {
  await app.open('contrat/');
  await visible(app.heading('Le contrat'));
  for (let i = 0; i < 12; i += 1) {
    await app.page.keyboard.press('Tab');
    const outline = await app.page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, tag: document.activeElement.tagName };
    });
    assert.ok(outline.width >= 2 && outline.style !== 'none', `focus invisible on ${outline.tag}`);
  }
});

test('the checker itself catches an unlabelled input (so a pass above means something)', async () => {
  await app.open('contrat/');
  await visible(app.heading('Le contrat'));
  await app.page.evaluate(() => document.querySelector('main').append(document.createElement('input')));
  const found = await violations(app.page);
  assert.ok(found.some((v) => v.startsWith('label:')), found.join('\n'));
});

// Late: it adds a signature and avenant n°1 to the example (tests/support/avenant.mjs).
test('the document of avenant n°1 and the page of an unknown avenant pass axe-core', async () => {
  await app.open('contrat/');
  await visible(app.heading('Le contrat'));
  await app.saved();
  await seedAvenant(app.page);
  await app.open('document/?avenant=1');
  await visible(app.page.getByRole('table', { name: /^Fiche action n°3 — .* : avant et après l’avenant n°1$/ }));
  assert.deepEqual(await violations(app.page), []);
  await app.open('document/?avenant=2');
  await visible(app.heading('Avenant introuvable'));
  assert.deepEqual(await violations(app.page), []);
});

// Last: it opens another contract.
test('« Suivi » for a year with data (the demonstration, 2025) passes axe-core too', async () => {
  await app.open('');
  await app.page.getByRole('button', { name: 'Charger la démonstration' }).click();
  await visible(app.heading('Le contrat'));
  await app.open('suivi/?annee=2025');
  await visible(app.page.getByRole('img', { name: /^Actions par statut en 2025\. Axe 1 :/ }));
  await app.page.getByText('Les chiffres du graphique').click();
  assert.deepEqual(await violations(app.page), []);
  for (const [part, region] of [['Indicateurs', 'Indicateurs 2025'], ['Budget', 'Budget 2025 : prévu et dépensé']]) {
    await app.followUpPart(part).click();
    await visible(app.page.getByRole('region', { name: region }));
    assert.deepEqual(await violations(app.page), [], part);
  }
  // The documents made from it: the year's report, the bilan, the contract to sign.
  for (const [path, title] of [['rapport/?annee=2025', 'Rapport annuel 2025'], ['bilan/', 'Bilan du contrat'], ['document/', 'Le contrat à signer']]) {
    await app.open(path);
    await visible(app.heading(title));
    await visible(app.page.locator('.document table').first());
    assert.deepEqual(await violations(app.page), [], path);
  }
});
