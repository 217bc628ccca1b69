// Firefox ESR: « Aller au contenu » from the keyboard moves the focus to the content of the
// screen shown, on the root's page and in a screen's folder (whose page carries
// <base href="../">, against which a bare href="#contenu" led to « Mes contrats »).
import { test } from 'node:test';
import { suite } from './support.mjs';
import { assert, until } from '../support/expect.mjs';

const env = suite();

test('Firefox: « Aller au contenu » focuses the content of the same screen, at every folder depth', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS du Pays de Mauriac');
  for (const [path, title] of [['planning/', 'Planning'], ['fiches/', 'Fiches action'], ['', 'Mes contrats locaux de santé']]) {
    await app.open(path);
    await app.heading(title);
    const address = page.url();
    await page.keyboard.press('Tab');
    await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Aller au contenu'));
    await page.keyboard.press('Enter');
    await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu', path));
    assert.equal(page.url(), address, `${path}: the address stays`);
    await app.heading(title);
  }
});
