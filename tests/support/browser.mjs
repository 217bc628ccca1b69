// Launches Debian's Chromium through playwright-core (no browser download) and serves dist/.
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { App } from './app.mjs';
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('Chromium introuvable : installez le paquet chromium ou définissez CHROMIUM.');
  return found;
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A browser profile of its own (fresh user data dir), as a separate person's browser. */
export async function launchProfile(options = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'atelier-cls-profil-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    locale: 'fr-FR',
    acceptDownloads: true,
    ...options,
  });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export function serveDist(options = {}) {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ absent : lancez `make build`.');
  return startStaticServer(dist, options);
}

/** The pages being watched, each with the errors it reported that no check has seen yet. */
const watched = new Map();

/**
 * Collects the page's uncaught errors and console errors; `failOnPageErrors` fails the test
 * that saw any. `expectErrors`, a pattern, is for a test that provokes errors on purpose (a
 * simulated crash): only the messages it matches are let through.
 */
export function watchErrors(page, { expectErrors } = {}) {
  if (watched.has(page)) return watched.get(page);
  const errors = [];
  const record = (text) => { if (!expectErrors?.test(text)) errors.push(text); };
  page.on('pageerror', (e) => record(e.message));
  page.on('console', (m) => { if (m.type() === 'error') record(m.text()); });
  watched.set(page, errors);
  return errors;
}

/** Throws if a watched page reported an error since the last check, listing them all. */
function assertNoPageErrors() {
  const found = [];
  for (const [page, errors] of watched) {
    found.push(...errors.splice(0).map((error) => `${page.url()}: ${error}`));
    if (page.isClosed()) watched.delete(page);
  }
  assert.deepEqual(found, [], `page errors during this test:\n${found.join('\n')}`);
}

/** After every test of the file, asserts that no watched page reported an error. */
export function failOnPageErrors() {
  afterEach(assertNoPageErrors);
}

/**
 * One browser and one static server for a test file, started before its tests and closed
 * after; `freshApp()` opens the app in a new context (its own empty storage), closed after its
 * test. Every page of that context, other tabs included, is watched: a test fails on any page
 * error unless it names the ones it provokes with `freshApp({ expectErrors: /pattern/ })`.
 * The release build registers a service worker once the app runs (README « Hors ligne »); from
 * then on it answers the page's requests from its cache, where `page.route` never sees them: a
 * test that routes the app's own files passes `freshApp({ serviceWorkers: 'block' })`.
 */
export function suite() {
  const env = {};
  const contexts = [];
  before(async () => { [env.browser, env.server] = await Promise.all([launchBrowser(), serveDist()]); });
  afterEach(async () => {
    try {
      assertNoPageErrors();
    } finally {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    }
  });
  after(async () => { await env.browser?.close(); await env.server?.close(); });
  env.freshApp = async ({ expectErrors, ...options } = {}) => {
    const context = await env.browser.newContext({ locale: 'fr-FR', ...options });
    contexts.push(context);
    context.on('page', (page) => watchErrors(page, { expectErrors }));
    const page = await context.newPage();
    return { app: new App(page, env.server.url), page, context, errors: watchErrors(page, { expectErrors }) };
  };
  return env;
}
