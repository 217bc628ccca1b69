// Offline (issue 14, README « Hors ligne »): the release build's service worker precaches every
// file of dist/, so that once visited the app opens with no server at all, on every screen and
// from a deep link; a new version deployed is offered (« Recharger ») and never forced; and
// Chromium finds the app installable from its manifest.
import { test, before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { failOnPageErrors, launchBrowser, launchProfile, serveDist, watchErrors } from '../support/browser.mjs';
import { App, press } from '../support/app.mjs';
import { assert, hidden, until, visible } from '../support/expect.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENS = readFileSync(join(ROOT, 'src/ui/screens.txt'), 'utf8').split('\n').filter(Boolean);

/** What each screen's folder shows with the example open: its level-1 heading. */
const HEADINGS = {
  contrat: 'Le contrat',
  fiches: 'Fiches action',
  fiche: 'Fiche action',
  planning: 'Planning',
  suivi: 'Suivi',
  echanges: 'Échanges',
  rapport: /^Rapport annuel \d{4}$/,
  bilan: 'Bilan du contrat',
  document: 'Le contrat à signer',
  signature: 'Signature et avenants',
};

let browser;
const servers = [];
const temporary = [];
failOnPageErrors();
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A static server of its own (a test stops it or changes what it serves). */
async function server(dir = DIST) {
  const started = await serveDist();
  if (dir !== DIST) started.serve(dir);
  servers.push(started);
  return started;
}

/** A fresh browser context (empty storage, no worker) with a page watched for errors. */
async function freshPage() {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  watchErrors(page);
  return { context, page };
}

/** Waits until the service worker controls the page: from then on it answers the page's requests. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}

/** The contract's name in the header: the data is there. */
const openContract = (page) => page.getByRole('banner').getByText(/Bassin d’Aurillac/).first();

test('every screen folder has its expected heading here', () => {
  assert.deepEqual(Object.keys(HEADINGS).sort(), [...SCREENS].sort(), 'src/ui/screens.txt and HEADINGS list the same screens');
});

test('once visited, every screen and a deep link open with their data while the server is down', async () => {
  const host = await server();
  const { page } = await freshPage();
  const app = new App(page, host.url);
  await app.loadExample();
  await controlled(page);
  const { scope, script } = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
  assert.equal(scope, host.url, 'the scope is the app’s folder');
  assert.equal(script, `${host.url}sw.js`);

  await host.stop();
  const failed = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  await page.reload();
  await visible(app.heading('Le contrat'));
  await visible(openContract(page));
  for (const screen of SCREENS) {
    await app.open(`${screen}/`);
    await visible(app.heading(HEADINGS[screen]));
    await visible(openContract(page));
  }
  // Deep links keep their query; a folder without its trailing slash is redirected.
  await app.open('rapport/?annee=2025');
  await visible(app.heading('Rapport annuel 2025'));
  await app.open('suivi?annee=2026&partie=budget');
  await visible(app.heading('Suivi'));
  assert.equal(new URL(page.url()).pathname, '/sous-dossier/suivi/');
  assert.match(new URL(page.url()).search, /annee=2026/);
  await app.open('');
  await visible(app.heading('Mes contrats locaux de santé'));
  await visible(page.getByText(/Bassin d’Aurillac/).first());
  assert.deepEqual(failed, [], 'no request went unanswered');
});

/**
 * A copy of dist/ as a new version would be: the loader's content changed, so its hashed name
 * and its integrity in every page change too; then its service worker written again by the
 * build's own generator.
 */
function newVersion() {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-cls-v2-'));
  temporary.push(dir);
  cpSync(DIST, dir, { recursive: true });
  const oldName = readdirSync(dir).find((name) => /^[0-9a-f]+-loader\.js$/.test(name));
  assert.ok(oldName, 'dist/ has a hashed loader');
  const oldContent = readFileSync(join(dir, oldName));
  const newContent = Buffer.concat([oldContent, Buffer.from('\n// Version 2 (tests/browser/offline.test.mjs).\n')]);
  const newName = `${createHash('sha256').update(newContent).digest('hex').slice(0, 16)}-loader.js`;
  rmSync(join(dir, oldName));
  writeFileSync(join(dir, newName), newContent);
  const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const pages = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
  assert.equal(pages.length, 1 + SCREENS.length);
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    assert.ok(html.includes(oldName) && html.includes(integrity(oldContent)), `${file} names the loader`);
    writeFileSync(file, html.replaceAll(oldName, newName).replaceAll(integrity(oldContent), integrity(newContent)));
  }
  execFileSync('sh', [join(ROOT, 'scripts/precache.sh'), dir], { stdio: 'pipe' });
  return { dir, oldName, newName };
}

const versionOf = (dir) => /const VERSION = '([0-9a-f]+)'/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))[1];

/** The loader file this page runs. */
const loaderOf = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((entry) => entry.name.split('/').pop()).find((name) => name.endsWith('-loader.js')));

test('a new version deployed is offered with « Recharger », and only that click brings it, data kept', async () => {
  const next = newVersion();
  assert.notEqual(versionOf(next.dir), versionOf(DIST), 'a build with other files has another version');
  const host = await server();
  const { context, page } = await freshPage();
  const app = new App(page, host.url);
  await app.loadExample();
  await controlled(page);
  assert.equal(await loaderOf(page), next.oldName);
  await page.evaluate(() => { window.sameDocument = true; });

  // Deployed: the open page checks when it is shown again, and a page opened now at start.
  host.serve(next.dir);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const notice = (p) => p.getByRole('status').filter({ hasText: 'Une nouvelle version d’Atelier CLS est disponible' });
  await visible(notice(page));
  const other = await context.newPage();
  watchErrors(other);
  const otherApp = new App(other, host.url);
  await otherApp.open('planning/');
  await visible(notice(other));

  // Until « Recharger », both pages run the old version's files, from the old version's cache
  // (the server no longer has them), and nothing reloaded by itself.
  for (const p of [page, other]) {
    assert.equal(await loaderOf(p), next.oldName);
    assert.equal(await p.evaluate((url) => fetch(url).then((r) => r.status), host.url + next.oldName), 200);
  }
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  await page.addScriptTag({ content: AXE });
  assert.deepEqual(await page.evaluate(async () => (await window.axe.run('.update-banner', {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  })).violations.map((v) => `${v.id}: ${v.help}`)), [], 'the notice passes axe-core');

  // « Plus tard » puts the notice away in one page; it comes back there when another page's
  // « Recharger » puts the new version in charge.
  await press(notice(other).getByRole('button', { name: 'Plus tard' }));
  await hidden(notice(other));

  await press(notice(page).getByRole('button', { name: 'Recharger' }));
  await until(async () => assert.equal(await loaderOf(page), next.newName), { timeout: 10000 });
  await visible(app.heading('Le contrat'));
  await visible(openContract(page));
  await hidden(notice(page));
  assert.deepEqual(await page.evaluate(() => caches.keys()),
    [`atelier-cls ${host.url} ${versionOf(next.dir)}`], 'the old version’s cache is gone');

  // The other page still runs the old files under the new worker, and offers to reload again.
  await visible(notice(other));
  assert.equal(await loaderOf(other), next.oldName);
  await press(notice(other).getByRole('button', { name: 'Recharger' }));
  await until(async () => assert.equal(await loaderOf(other), next.newName), { timeout: 10000 });
  await visible(otherApp.heading('Planning'));
  await visible(openContract(other));
});

/** A copy of dist/ whose pages and sw.js the post-build hook wrote as for a development build. */
function developmentCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-cls-dev-'));
  temporary.push(dir);
  cpSync(DIST, dir, { recursive: true });
  for (const screen of SCREENS) rmSync(join(dir, screen), { recursive: true });
  rmSync(join(dir, 'sw.js'));
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<meta name="atelier-cls:service-worker" content="sw.js">', ''));
  execFileSync('sh', [join(ROOT, 'scripts/route-pages.sh')], {
    cwd: ROOT, stdio: 'pipe', env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'debug', TRUNK_SOURCE_DIR: ROOT },
  });
  return dir;
}

test('a development build served where a release build was removes its worker and cache, then runs without one', async () => {
  const host = await server();
  const { page } = await freshPage();
  const app = new App(page, host.url);
  await app.open();
  await controlled(page);
  host.serve(developmentCopy());
  // The release worker answers this reload, and the browser then finds the development sw.js.
  await page.reload();
  await until(async () => assert.deepEqual(await page.evaluate(async () => ({
    registered: Boolean(await navigator.serviceWorker.getRegistration()),
    controlled: Boolean(navigator.serviceWorker.controller),
    caches: await caches.keys(),
    marked: Boolean(document.querySelector('meta[name="atelier-cls:service-worker"]')),
  })), { registered: false, controlled: false, caches: [], marked: false }), { timeout: 10000 });
  await visible(app.heading('Mes contrats locaux de santé'));
});

test('Chromium finds the manifest valid and the app installable, also after moving between screens', async () => {
  const host = await server();
  const context = await launchProfile(); // not incognito: Chromium installs no app from there
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page);
    const app = new App(page, host.url);
    await app.open();
    await controlled(page);
    await app.goTo('Planning');
    await visible(app.heading('Planning'));
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${host.url}manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const data = JSON.parse(manifest.data);
    assert.equal(data.name, 'Atelier CLS');
    assert.equal(data.lang, 'fr');
    assert.equal(data.display, 'standalone');
    assert.equal(data.start_url, './');
    assert.deepEqual(data.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort(),
      ['192x192 any', '512x512 any', '512x512 maskable', 'any any']);
    let installability;
    await until(async () => {
      installability = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installability.installabilityErrors, []);
    }, { timeout: 10000, interval: 250 });
  } finally {
    await context.close();
  }
});
