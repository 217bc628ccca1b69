// Parts loaded on demand (issue 27, README « Speed »): a first visit downloads the shell and the
// contract list only; each other screen's code comes the first time it opens, with its title and
// a progress line meanwhile; a part that cannot be fetched says so, and « Réessayer » fetches it
// again once the network is back, with nothing lost and the app still running.
// The service worker is blocked here: it would answer from its cache, out of `page.route`'s
// sight (the offline suite covers parts served by the worker).
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from '../support/browser.mjs';
import { assert, visible } from '../support/expect.mjs';

const env = suite();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENS = readFileSync(join(ROOT, 'src/ui/screens.txt'), 'utf8').split('\n').filter(Boolean);

/** Each screen's folder, the part that holds it (src/ui/parts.rs) and its heading with the example. */
const SCREEN_PARTS = {
  contrat: ['writing', 'Le contrat'],
  fiches: ['writing', 'Fiches action'],
  fiche: ['writing', 'Fiche action'],
  signature: ['writing', 'Signature et avenants'],
  planning: ['living', 'Planning'],
  suivi: ['living', 'Suivi'],
  rapport: ['living', /^Rapport annuel \d{4}$/],
  bilan: ['living', 'Bilan du contrat'],
  document: ['living', 'Le contrat à signer'],
  echanges: ['exchanges', 'Échanges'],
};

/** The file names the page asks for from now on (wasm, JavaScript and stylesheets only). */
function requests(page) {
  const names = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (/\.(wasm|js|css)$/.test(name)) names.push(name);
  });
  return names;
}

const SCREENS_CSS = /^screens-[0-9a-f]+\.css$/;

const partFile = (part) => new RegExp(`^split_${part}-[0-9a-f]+\\.wasm$`);
const isPart = (name) => /^(split_[a-z_]+|chunk_\d+)-[0-9a-f]+\.wasm$/.test(name);

/**
 * A fresh app (no service worker) whose requests for a part's file can be cut, as when the
 * network goes, and restored; the errors the browser logs for the cut requests are expected.
 */
async function appWithCuttablePart(part) {
  const { app, page } = await env.freshApp({
    serviceWorkers: 'block',
    expectErrors: new RegExp(`split_${part}|Failed to load resource|ERR_FAILED|Failed to fetch|WebAssembly`),
  });
  const file = new RegExp(`split_${part}-[0-9a-f]+\\.wasm$`);
  return {
    app,
    page,
    cut: () => page.route(file, (route) => route.abort('internetdisconnected')),
    restore: () => page.unroute(file),
  };
}

test('every screen folder belongs to a part here', () => {
  assert.deepEqual(Object.keys(SCREEN_PARTS).sort(), [...SCREENS].sort(), 'src/ui/screens.txt and SCREEN_PARTS list the same screens');
});

test('a first visit downloads the first part only: no screen’s part until it is opened', async () => {
  const { app, page } = await env.freshApp({ serviceWorkers: 'block' });
  const asked = requests(page);
  await app.open();
  await visible(app.heading('Mes contrats locaux de santé'));
  await page.locator('html[data-pret]').waitFor({ state: 'attached' });
  const wasm = asked.filter((name) => name.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `un seul wasm au premier chargement : ${wasm.join(', ')}`);
  assert.match(wasm[0], /^atelier-cls-[0-9a-f]+_bg\.wasm$/);
  assert.ok(asked.some((name) => /^__wasm_split-[0-9a-f]+\.js$/.test(name)), `le chargeur des parties : ${asked.join(', ')}`);
  assert.ok(!asked.some((name) => SCREENS_CSS.test(name)), `pas encore les styles des écrans : ${asked.join(', ')}`);

  // The first screen opened afterwards brings its part, and only its part (and shared chunks).
  await app.goTo('Échanges');
  await visible(app.heading('Échanges'));
  const parts = asked.filter(isPart);
  assert.ok(parts.some((name) => partFile('exchanges').test(name)), `la partie Échanges : ${parts.join(', ')}`);
  assert.deepEqual(parts.filter((name) => name.startsWith('split_')).map((name) => name.replace(/-.*/, '')), ['split_exchanges']);
  assert.equal(asked.filter((name) => SCREENS_CSS.test(name)).length, 1, `les styles des écrans, une fois : ${asked.join(', ')}`);
  await app.goTo('Planning');
  await visible(app.heading('Planning'));
  assert.equal(asked.filter((name) => SCREENS_CSS.test(name)).length, 1, 'the screens’ styles are fetched once');
});

test('the screens’ styles come with the first screen opened; if they cannot be fetched, « Réessayer » brings them', async () => {
  const { app, page } = await env.freshApp({
    serviceWorkers: 'block',
    expectErrors: /screens-|Failed to load resource|ERR_FAILED/,
  });
  await app.open();
  const sheet = /screens-[0-9a-f]+\.css$/;
  await page.route(sheet, (route) => route.abort('internetdisconnected'));
  // The example opens « Le contrat », the first screen loaded on demand.
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'L’écran « Contrat » n’a pas pu être chargé' });
  await visible(alert);
  await page.unroute(sheet);
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await visible(app.heading('Le contrat'));
  await app.goTo('Planning');
  await visible(page.getByRole('button', { name: /Exporter le planning/ }).first());
  // The planning's own rules apply (style/planning.css: its head row sticks to the top).
  const head = page.locator('.planning__head').first();
  assert.equal(await head.evaluate((element) => getComputedStyle(element).position), 'sticky');
  // The screens' styles come before print.css, whose rules must win when printing.
  const order = await page.evaluate(() => [...document.head.querySelectorAll('style, link[rel=stylesheet]')]
    .map((element) => element.id || element.tagName.toLowerCase()));
  assert.equal(order.indexOf('screens-css'), order.length - 2, `ordre des styles : ${order.join(', ')}`);
});

test('each screen opened by its link loads its part and shows it', async () => {
  const { app, page } = await env.freshApp({ serviceWorkers: 'block' });
  await app.loadExample();
  for (const [folder, [part, heading]] of Object.entries(SCREEN_PARTS)) {
    const asked = requests(page);
    await app.open(`${folder}/`);
    await visible(app.heading(heading));
    assert.ok(asked.some((name) => partFile(part).test(name)), `${folder}/ : partie ${part} attendue parmi ${asked.join(', ')}`);
  }
});

test('a part that fails to load says so, and « Réessayer » opens the screen once the network is back', async () => {
  const { app, page, cut, restore } = await appWithCuttablePart('living');
  await app.loadExample();
  await cut();
  await app.goTo('Planning');
  const alert = page.getByRole('alert').filter({ hasText: 'L’écran « Planning » n’a pas pu être chargé' });
  await visible(alert);
  await visible(app.heading('Planning'));
  // The app still runs: another screen opens, and the data is there.
  await app.goTo('Fiches action');
  await visible(app.heading('Fiches action'));
  await app.goTo('Planning');
  await visible(alert);
  await restore();
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await visible(page.getByRole('navigation', { name: 'Navigation principale' }));
  await visible(page.getByRole('button', { name: /Exporter le planning/ }).first());
  assert.equal(await alert.count(), 0, 'the message is gone once the screen is there');
});

test('while a part loads, the screen shows where it is going and a progress line', async () => {
  const { app, page } = await env.freshApp({ serviceWorkers: 'block' });
  await app.loadExample();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/split_living-[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
  await app.goTo('Suivi');
  await visible(app.heading('Suivi'));
  const loading = page.getByRole('status').filter({ hasText: 'Chargement de l’écran « Suivi »' });
  await visible(loading);
  await visible(page.getByRole('progressbar', { name: 'Chargement de l’écran « Suivi »' }));
  release();
  await loading.waitFor({ state: 'detached' });
  await visible(app.followUpPart('Bilan des actions'));
});

test('the example’s code comes with « Échanges »; if it cannot be fetched, the list says so and nothing changes', async () => {
  const { app, page, cut, restore } = await appWithCuttablePart('exchanges');
  await app.open();
  await cut();
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await visible(page.getByRole('alert').filter({ hasText: 'L’exemple n’a pas pu être chargé' }));
  await visible(app.heading('Mes contrats locaux de santé'));
  assert.equal(await page.getByRole('button', { name: /^Ouvrir « / }).count(), 0, 'no contract was added');
  await restore();
  await page.getByRole('button', { name: 'Charger l’exemple' }).click();
  await visible(app.heading('Le contrat'));
  await visible(page.getByRole('banner').getByText(/Bassin d’Aurillac/).first());
});

test('a file dropped while the checks cannot be fetched is refused with why, and nothing changes', async () => {
  const { app, page, cut, restore } = await appWithCuttablePart('exchanges');
  // Created from the list, not loaded as the example: the « Échanges » part is not fetched yet.
  await app.createContract('CLS du Pays de Saint-Flour');
  await app.saved();
  const before = await app.storedWorkspace();
  await app.goTo('Mes contrats');
  await cut();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{"format":"atelier-cls"}'], 'partenaire.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  });
  const alert = page.getByRole('alert').filter({ hasText: 'L’écran « Échanges » n’a pas pu être chargé' });
  await visible(alert);
  await restore();
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await visible(page.getByText('Les vérifications des fichiers n’ont pas pu être chargées').first());
  assert.deepEqual(await app.storedWorkspace(), before, 'nothing changed');
});

test('the demonstration whose checks cannot be fetched is not loaded, and the list says why', async () => {
  const { app, page, cut } = await appWithCuttablePart('exchanges');
  await app.open();
  await cut();
  await page.getByRole('button', { name: 'Charger la démonstration' }).click();
  await visible(page.getByRole('alert').filter({ hasText: 'La démonstration n’a pas pu être chargée : le fichier n’a pas pu être téléchargé' }));
  await visible(app.heading('Mes contrats locaux de santé'));
  assert.equal(await page.getByRole('button', { name: /^Ouvrir « / }).count(), 0, 'no contract was added');
});
