// The first visit on a slow link (issue 15): the page has the product's look before the wasm
// arrives, shows the download's progress, then gives way to the app; the styles come inlined.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { assert, visible } from '../support/expect.mjs';

const env = suite();

test('a slow download shows the product name and a progress bar that moves, then the app', async () => {
  const { app, page, context } = await env.freshApp();
  // About 300 kB/s: the wasm takes a few seconds, long enough to see the bar between 0 and 100.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 40, downloadThroughput: 300_000, uploadThroughput: 300_000,
  });
  await page.goto(env.server.url, { waitUntil: 'commit' });
  const loading = page.getByRole('status').filter({ hasText: 'Atelier CLS' });
  await visible(loading);
  await visible(loading.getByText('Contrats locaux de santé'));
  const bar = page.getByRole('progressbar', { name: 'Téléchargement d’Atelier CLS' });
  await page.waitForFunction(() => {
    const value = document.getElementById('chargement-progression')?.value ?? 0;
    return value > 0 && value < 100;
  });
  const percent = Number(await bar.getAttribute('value'));
  assert.ok(percent > 0 && percent < 100, `progression : ${percent}`);
  assert.match(await page.locator('#chargement-texte').innerText(), /^Chargement d’Atelier CLS… \d+ %$/);
  // Styled before any stylesheet request: the name has the product's colour (bleu France).
  const colour = await page.locator('.loading__name').evaluate((e) => getComputedStyle(e).color);
  assert.equal(colour, 'rgb(0, 0, 145)');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
  });
  await visible(app.heading('Mes contrats locaux de santé'));
  assert.equal(await page.locator('#chargement').count(), 0, 'the loading screen gives way to the app');
});

test('no stylesheet is requested for the contract list: its styles are inlined in the page', async () => {
  const { app, page } = await env.freshApp();
  const stylesheets = [];
  page.on('request', (request) => { if (request.resourceType() === 'stylesheet') stylesheets.push(request.url()); });
  await app.open();
  await visible(app.heading('Mes contrats locaux de santé'));
  assert.deepEqual(stylesheets, []);
  // base, layout, forms, contract, print; the other screens' styles come with their part.
  const inlined = await page.locator('head style').count();
  assert.equal(inlined, 5, `${inlined} blocs de style dans la page`);
  const listStyled = await page.getByRole('list', { name: 'Contrats' }).evaluate((e) => getComputedStyle(e).display);
  assert.equal(listStyled, 'grid', 'the contract list has its own style (style/contract.css)');
});
