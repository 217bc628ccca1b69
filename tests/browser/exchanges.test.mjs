// Exporting the contract: the downloaded file is the whole contract in the exchange format,
// named after the territory; the same text can go to the clipboard. The format's JSON Schema is
// published beside the app.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { suite } from '../support/browser.mjs';
import { typeInto, press } from '../support/app.mjs';
import { assert, visible, until } from '../support/expect.mjs';

const env = suite();

test('« Télécharger le contrat » gives the whole contract in the exchange format', async () => {
  const { app, page } = await env.freshApp({ acceptDownloads: true });
  await app.createContract('CLS du Pays de Mauriac');
  await page.getByLabel('Nom du territoire').fill('Pays de Mauriac');
  await page.getByLabel('Intitulé du nouvel axe').fill('Santé mentale');
  await page.getByRole('button', { name: 'Ajouter l’axe' }).click();
  await app.goTo('Échanges');
  await typeInto(page.getByLabel('Organisation qui exporte'), 'Communauté de communes du Pays de Mauriac');
  const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger le contrat (JSON)' }))]);
  assert.match(download.suggestedFilename(), /^cls-pays-de-mauriac-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(file.type, 'atelier-cls/contrat');
  assert.equal(file.schema_version, 4);
  assert.equal(file.exported_by, 'Communauté de communes du Pays de Mauriac');
  assert.match(file.exported_at, /^\d{4}-\d{2}-\d{2}T/);
  await app.saved();
  assert.deepEqual(file.contract, (await app.storedWorkspace()).contracts[0]);
});

test('« Copier dans le presse-papiers » puts the same file in the clipboard', async () => {
  const { app, page } = await env.freshApp({ permissions: ['clipboard-read', 'clipboard-write'] });
  await app.createContract('CLS copié');
  await app.goTo('Échanges');
  await press(page.getByRole('button', { name: 'Copier dans le presse-papiers' }));
  await visible(page.getByRole('status').filter({ hasText: 'copié dans le presse-papiers' }));
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(copied.type, 'atelier-cls/contrat');
  await until(async () => assert.deepEqual(copied.contract, (await app.storedWorkspace()).contracts[0]));
});

test('the JSON Schema of the exchange file is published at schema/cls.schema.json', async () => {
  const { app, page } = await env.freshApp();
  await app.open('echanges/');
  // Relative to the app's root folder (the document's base), as a partner's link would be.
  const { status, schema } = await page.evaluate(async () => {
    const response = await fetch(new URL('schema/cls.schema.json', document.baseURI));
    return { status: response.status, schema: response.ok ? await response.json() : null };
  });
  assert.equal(status, 200);
  assert.equal(schema.title, 'Atelier CLS — fichier d’échange');
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.properties.type.const, 'atelier-cls/contrat');
  assert.ok(schema.required.includes('contract'), 'a file must hold the contract');
});
