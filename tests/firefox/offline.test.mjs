// Firefox ESR: the offline start (issue 14). Once visited, the app opens with its data while the
// server is down, from a reload and from a deep link, answered by its service worker
// (tests/browser/offline.test.mjs has the same in Chromium, with every screen and the updates).
import { test } from 'node:test';
import { suite, press } from './support.mjs';
import { assert } from '../support/expect.mjs';

const env = suite();

test('Firefox: once visited, a reload and a deep link open with the data while the server is down', async () => {
  const { app, page } = await env.freshApp();
  await app.open();
  await press(await app.visible('button', 'Charger l’exemple'));
  await app.heading('Le contrat');
  await app.saved();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), `${env.server.url}sw.js`);

  await env.server.stop();
  try {
    await page.reload();
    await app.heading('Le contrat');
    const name = await app.visible('textbox', 'Nom du contrat');
    assert.match(await name.evaluate((el) => el.value), /Bassin d’Aurillac/);
    await app.open('rapport/?annee=2025');
    await app.heading('Rapport annuel 2025');
    await app.open('planning/');
    await app.heading('Planning');
    await page.waitForFunction(() => document.querySelector('header')?.innerText.includes('Aurillac'));
  } finally {
    await env.server.restart();
  }
});
