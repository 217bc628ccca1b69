// The Firefox ESR suite's support: Debian's firefox-esr driven through WebDriver BiDi by
// puppeteer-core (which never downloads a browser), a fresh profile per test, dist/ served on
// 127.0.0.1 by the same static server as the Chromium suite, and the same rule: a test fails on
// any page error (tests/support/browser.mjs's watchErrors and failOnPageErrors, reused).
//
// Finding things: puppeteer's ARIA selector `::-p-aria([name="…"][role="…"])`, which over BiDi
// asks Firefox's own accessibility tree (browsingContext.locateNodes with an accessibility
// locator), so names are the French accessible names a screen reader hears. Give the role as
// well as the name: a bare `::-p-aria(Nom)` also matches the label's text node, which a locator
// then waits on for ever as it is not an input.
import { before, after, afterEach } from 'node:test';
import puppeteer from 'puppeteer-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, watchErrors, failOnPageErrors } from '../support/browser.mjs';
import { assert, until } from '../support/expect.mjs';
import { readStorage, wholeWorkspace } from '../support/stored.mjs';

export function firefoxPath() {
  const found = [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
  if (!found) throw new Error('Firefox introuvable : installez le paquet firefox-esr ou définissez FIREFOX.');
  return found;
}

/** The selector of the element of this role and exact accessible name. */
export const role = (kind, name) => `::-p-aria([name="${name}"][role="${kind}"])`;

/**
 * Launches Firefox ESR headless on a profile of its own. Downloads: puppeteer exposes no
 * download event for Firefox over BiDi, so the profile's preferences send every download to
 * `downloadDir` (folderList 2: "the folder in browser.download.dir", useDownloadDir: without
 * asking) and a test waits for the file there (`FirefoxApp.download`). These three suffice for
 * the app's downloads (a blob behind <a download>, so no content-type prompt); without them the
 * export test fails (checked). `browser.helperApps.neverAsk.saveToDisk` was not needed.
 */
export async function launchFirefox() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'atelier-cls-firefox-'));
  const downloadDir = mkdtempSync(join(tmpdir(), 'atelier-cls-telechargements-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir,
    extraPrefsFirefox: {
      'intl.accept_languages': 'fr-FR, fr',
      'intl.locale.requested': 'fr-FR',
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
    },
  });
  return { browser, downloadDir, profiles: [userDataDir, downloadDir] };
}

/**
 * One static server for the test file; `freshApp()` launches Firefox on a new profile (its own
 * empty storage), closed after the test. Every page is watched for errors.
 */
export function suite() {
  const env = {};
  const running = [];
  before(async () => { env.server = await serveDist(); });
  failOnPageErrors();
  afterEach(async () => {
    for (const { browser, profiles } of running.splice(0)) {
      await browser.close();
      for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
    }
  });
  after(async () => { await env.server?.close(); });
  env.freshApp = async () => {
    const launched = await launchFirefox();
    running.push(launched);
    const [page] = await launched.browser.pages();
    page.setDefaultTimeout(10000);
    watchErrors(page);
    return { app: new FirefoxApp(page, env.server.url, launched.downloadDir), page, ...launched };
  };
  return env;
}

/** What a person does, by roles and French accessible names, in Firefox. */
export class FirefoxApp {
  constructor(page, baseUrl, downloadDir) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.downloadDir = downloadDir;
  }

  async open(path = '') {
    await this.page.goto(this.baseUrl + path);
    await this.visible('navigation', 'Navigation principale');
  }

  /**
   * Waits until the element of this role and name is shown; resolves to its handle.
   * Asked from Node, one query at a time (`$`, i.e. BiDi's locateNodes on Firefox's accessibility
   * tree), not with puppeteer's locator: after a reload, the locator's in-page poller sometimes
   * never answered (about one run in six of the offline test) while `$` found the element at once.
   */
  async visible(kind, name, scope = this.page) {
    let handle;
    const shown = async () => {
      handle = await scope.$(role(kind, name));
      assert.ok(handle, `${kind} « ${name} » non affiché`);
      assert.ok(await handle.isVisible(), `${kind} « ${name} » caché`);
    };
    await until(shown, { timeout: 10000, interval: 50 });
    return handle;
  }

  heading(name) {
    return this.visible('heading', name);
  }

  async goTo(area) {
    const nav = await this.visible('navigation', 'Navigation principale');
    await press(await this.visible('link', area, nav));
  }

  async createContract(name) {
    await this.open();
    await typeInto(await this.visible('textbox', 'Nom du nouveau contrat'), name);
    await press(await this.visible('button', 'Créer le contrat'));
    await this.heading('Le contrat');
  }

  /**
   * Waits until the page's text (`innerText`, what is shown) includes `text`: for a sentence
   * that has no role of its own (a status line, a paragraph). Polled from Node, like `visible`.
   */
  async says(text) {
    await until(async () => {
      const shown = await this.page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
      assert.ok(shown.includes(text), `« ${text} » non affiché`);
    }, { timeout: 10000, interval: 50 });
  }

  /** Waits until autosave says everything is written. */
  async saved() {
    await this.page.waitForFunction(() => document.body.innerText.includes('Modifications enregistrées dans ce navigateur'))
      .catch((e) => { throw new Error(`« Modifications enregistrées dans ce navigateur » non affiché : ${e.message}`); });
  }

  /** The stored workspace, its frozen copies (stored apart) put back in place. */
  async storedWorkspace() {
    return wholeWorkspace(await this.page.evaluate(readStorage));
  }

  /** Waits for the one file a click downloads to land, complete, in the profile's folder. */
  async download(action) {
    const before = new Set(readdirSync(this.downloadDir));
    await action();
    let name;
    await until(() => {
      const added = readdirSync(this.downloadDir).filter((f) => !before.has(f) && !f.endsWith('.part'));
      assert.equal(added.length, 1, `fichiers téléchargés : ${added.join(', ')}`);
      [name] = added;
      JSON.parse(readFileSync(join(this.downloadDir, name), 'utf8'));
    }, { timeout: 10000 });
    return { name, path: join(this.downloadDir, name), text: readFileSync(join(this.downloadDir, name), 'utf8') };
  }
}

/** Focuses a control and types into it key by key, replacing what it held. */
export async function typeInto(handle, text) {
  await handle.focus();
  const page = handle.frame.page();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

/**
 * Activates a link, button or checkbox, from the keyboard where Firefox lets WebDriver BiDi do
 * it. In Firefox ESR 153 headless, the keys BiDi synthesises (input.performActions) reach the
 * page as trusted events and Tab moves the focus, Enter follows a focused link, Enter in a text
 * field submits its form; but Enter or Space on a focused <button>, or Space on a checkbox,
 * fires no click (checked on a bare page with no script of ours, with and without the pref
 * focusmanager.testmode; the document never has the OS focus: document.hasFocus() is false).
 * So links get Enter, and buttons and checkboxes a BiDi click (a real pointer event at the
 * element's centre). The Chromium suite covers activation by keyboard.
 */
export async function press(handle) {
  if (await handle.evaluate((el) => el.tagName === 'A')) {
    await handle.focus();
    await handle.press('Enter');
  } else {
    await handle.click();
  }
}

// Chooses an option of a <select> with the keyboard only: the Chromium suite's, which uses only
// what a Playwright locator and a puppeteer element handle both have (focus, press, evaluate).
export { chooseWithKeyboard } from '../support/app.mjs';
