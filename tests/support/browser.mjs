// Launches Debian's Chromium through playwright-core (no browser download) and serves dist/.
import { before, after } from 'node:test';
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

export function serveDist() {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ absent : lancez `make build`.');
  return startStaticServer(dist);
}

/** Fails the test on any uncaught page error or console error. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/**
 * One browser and one static server for a test file, started before its tests and closed
 * after; `freshApp()` opens the app in a new context (its own empty storage).
 */
export function suite() {
  const env = {};
  before(async () => { [env.browser, env.server] = await Promise.all([launchBrowser(), serveDist()]); });
  after(async () => { await env.browser?.close(); await env.server?.close(); });
  env.freshApp = async (options = {}) => {
    const context = await env.browser.newContext({ locale: 'fr-FR', ...options });
    const page = await context.newPage();
    return { app: new App(page, env.server.url), page, context, errors: watchErrors(page) };
  };
  return env;
}
