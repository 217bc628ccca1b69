// Firefox ESR: a contract exported as a file from one browser profile is imported into another.
//
// Download: puppeteer exposes no download event over BiDi in Firefox, and Firefox would ask
// where to save; the profile’s preferences (tests/firefox/support.mjs: browser.download.dir,
// folderList 2, useDownloadDir) save it without asking in a folder of the
// test's own, where the test waits for the complete file (no `.part` left, JSON that parses).
// Import: the file chooser is not driven; `uploadFile` sets the file on the page's
// <input type="file"> (« Choisir un fichier JSON ») and fires its change event, as a choice in
// the dialog would.
import { test } from 'node:test';
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
