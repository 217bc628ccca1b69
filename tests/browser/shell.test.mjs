// The shell of the app: it mounts, in French, its navigation works, and every screen loads
// from a deep link or a reload on a plain static server under a sub-path.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { assert, visible, until } from '../support/expect.mjs';

const env = suite();

const freshApp = () => env.freshApp();

test('the app mounts, in French, with its header and navigation', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await visible(app.heading('Mes contrats locaux de santé'));
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await visible(page.getByRole('banner').getByText('Atelier CLS'));
  await visible(page.getByRole('banner').getByText('Aucun contrat ouvert'));
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  for (const area of ['Contrat', 'Fiches action', 'Planning', 'Échanges']) {
    await visible(nav.getByRole('link', { name: area, exact: true }));
  }
  assert.equal(await page.locator('#chargement').count(), 0, 'the loading message is replaced');
});

const SCREENS = [
  ['contrat/', 'Le contrat'],
  ['fiches/', 'Fiches action'],
  ['fiche/', 'Fiche action'],
  ['planning/', 'Planning'],
  ['echanges/', 'Échanges'],
];

for (const [path, title] of SCREENS) {
  test(`a deep link to ${path} lands on « ${title} », also after a reload`, async () => {
    const { app, page } = await freshApp();
    await app.open(path);
    await visible(app.heading(title));
    await page.reload();
    await visible(app.heading(title));
  });
}

test('a deep link without its trailing slash still lands on the screen', async () => {
  const { app } = await freshApp();
  await app.open('planning');
  await visible(app.heading('Planning'));
});

test('navigating by the menu changes the address, and back returns', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await app.goTo('Planning');
  await visible(app.heading('Planning'));
  assert.equal(new URL(page.url()).pathname, '/sous-dossier/planning/');
  const link = page.getByRole('link', { name: 'Planning', exact: true });
  assert.equal(await link.getAttribute('aria-current'), 'page');
  await app.goTo('Échanges');
  await visible(app.heading('Échanges'));
  await page.goBack();
  await visible(app.heading('Planning'));
});

test('the menu works from the keyboard', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await page.getByRole('link', { name: 'Fiches action', exact: true }).focus();
  await page.keyboard.press('Enter');
  await visible(app.heading('Fiches action'));
  await until(async () => assert.equal(new URL(page.url()).pathname, '/sous-dossier/fiches/'));
});

test('an unknown address says so in French', async () => {
  const { app, page } = await freshApp();
  await app.open();
  await page.evaluate(() => { history.pushState(null, '', 'nulle-part/'); dispatchEvent(new PopStateEvent('popstate')); });
  await visible(app.heading('Page introuvable'));
});

test('a crash shows a French banner instead of a blank page', async () => {
  // The panic is logged (its message, then the WebAssembly trap it ends with): only those.
  const { page } = await env.freshApp({ expectErrors: /^panicked at .*\npanne simulée à la demande \(\?simuler-panne\)\n|^unreachable$/ });
  await page.goto(env.server.url + '?simuler-panne');
  const banner = page.getByRole('alert').filter({ hasText: 'erreur inattendue' });
  await visible(banner);
  await visible(banner.getByRole('button', { name: 'Recharger la page' }));
});
