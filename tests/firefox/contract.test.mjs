// Firefox ESR: creating a contract from « Mes contrats », then a reload finds it in local storage.
import { test } from 'node:test';
import { suite, typeInto } from './support.mjs';
import { assert } from '../support/expect.mjs';

const env = suite();

test('Firefox: a contract created from « Mes contrats » opens on « Le contrat » and is stored', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS du Pays de Mauriac');
  const name = await app.visible('textbox', 'Nom du contrat');
  assert.equal(await name.evaluate((el) => el.value), 'CLS du Pays de Mauriac');
  await app.saved();
  const stored = await app.storedWorkspace();
  assert.deepEqual(stored.contracts.map((c) => c.name), ['CLS du Pays de Mauriac']);

  // A reload keeps it, then the list shows it.
  await typeInto(await app.visible('textbox', 'Nom du territoire'), 'Pays de Mauriac');
  await app.saved();
  await page.reload();
  await app.heading('Le contrat');
  assert.equal(await (await app.visible('textbox', 'Nom du territoire')).evaluate((el) => el.value), 'Pays de Mauriac');
  await app.open();
  await app.visible('heading', 'Mes contrats locaux de santé');
  await page.waitForFunction(() => document.querySelector('main')?.innerText.includes('CLS du Pays de Mauriac'));
});
