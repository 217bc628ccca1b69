// Firefox ESR: a contract exported as a file from one browser profile is imported into another.
//
// Download: puppeteer exposes no download event over BiDi in Firefox, and Firefox would ask
// where to save; the profile’s preferences (tests/firefox/support.mjs: browser.download.dir,
// folderList 2, useDownloadDir) save it without asking in a folder of the
// test's own, where the test waits for the complete file (no `.part` left, JSON that parses).
// Import: the file chooser is not driven; `uploadFile` sets the file on the page's
// <input type="file"> (« Choisir un fichier JSON ») and fires its change event, as a choice in
// the dialog would. Dropping a file anywhere on the page, the app's other way in, is a DOM
// drop event with a DataTransfer that the page builds itself (no driver can drag a file from
// the desktop), as in the Chromium suite: it works the same in Firefox.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { suite, typeInto, press } from './support.mjs';
import { assert, until } from '../support/expect.mjs';

const env = suite();

test('Firefox: « Télécharger le contrat (JSON) » saves the file, another browser imports it', async () => {
  const coordinator = await env.freshApp();
  await coordinator.app.createContract('CLS du Pays de Mauriac');
  await typeInto(await coordinator.app.visible('textbox', 'Nom du territoire'), 'Pays de Mauriac');
  await coordinator.app.saved();
  await coordinator.app.goTo('Échanges');
  await typeInto(await coordinator.app.visible('textbox', 'Organisation qui exporte'), 'Communauté de communes du Pays de Mauriac');
  const file = await coordinator.app.download(async () => press(await coordinator.app.visible('button', 'Télécharger le contrat (JSON)')));
  assert.match(file.name, /^cls-pays-de-mauriac-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(file.text);
  assert.equal(exported.type, 'atelier-cls/contrat');
  assert.equal(exported.exported_by, 'Communauté de communes du Pays de Mauriac');
  await coordinator.app.saved();
  assert.deepEqual(exported.contract, (await coordinator.app.storedWorkspace()).contracts[0]);

  const partner = await env.freshApp();
  await partner.app.open('echanges/');
  await partner.app.heading('Échanges');
  const input = await partner.page.waitForSelector('input[type="file"]');
  assert.equal(await input.evaluate((el) => el.labels[0]?.textContent.trim() || el.getAttribute('aria-label')), 'Choisir un fichier JSON');
  await input.uploadFile(file.path);
  await partner.app.heading(`Aperçu du fichier « ${file.name} »`);
  await press(await partner.app.visible('button', 'Ajouter ce contrat'));
  await partner.app.saved();
  await until(async () => {
    const stored = await partner.app.storedWorkspace();
    assert.deepEqual(stored?.contracts.map((c) => [c.id, c.name, c.territory?.name ?? null]),
      [[exported.contract.id, 'CLS du Pays de Mauriac', exported.contract.territory?.name ?? null]]);
  });
});

test('Firefox: a file dropped on the contract list opens its preview in « Échanges »', async () => {
  const { app, page } = await env.freshApp();
  await app.open();
  await app.heading('Mes contrats locaux de santé');
  const text = readFileSync(new URL('../../examples/cls-aurillac-2024-2028.json', import.meta.url), 'utf8');
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'cls-aurillac.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, text);
  await app.heading('Échanges');
  await app.heading('Aperçu du fichier « cls-aurillac.json »');
  await press(await app.visible('button', 'Ajouter ce contrat'));
  await app.saved();
  await until(async () => assert.equal((await app.storedWorkspace())?.contracts[0]?.id, JSON.parse(text).contract.id));
});
