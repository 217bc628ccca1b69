// Firefox ESR: two tabs of the same browser (two pages of one profile, one local storage), the
// example open in both, fiche 1 in one and fiche 2 in the other, typed key by key with no pause
// between the two: both titles are kept, in storage, on both screens and after a reload. The
// same title typed in both keeps the most recent and the other tab gives its text back. In
// Firefox the tab not in front is hidden (its timers slowed down), which the Chromium suite
// does not show; Web Locks are there too (navigator.locks, Firefox 96 and later).
import { test } from 'node:test';
import { suite, FirefoxApp, press } from './support.mjs';
import { watchErrors } from '../support/browser.mjs';
import { assert, until } from '../support/expect.mjs';

const env = suite();

/** The example open in a first tab, and a second tab of the same browser. */
async function twoTabs() {
  const { app, browser } = await env.freshApp();
  await app.open();
  await press(await app.visible('button', 'Charger l’exemple'));
  await app.heading('Le contrat');
  await app.saved();
  const stored = await app.storedWorkspace();
  const contract = stored.contracts.find((c) => c.id === stored.active_contract);
  const page = await browser.newPage();
  page.setDefaultTimeout(10000);
  watchErrors(page);
  return { first: app, second: new FirefoxApp(page, env.server.url, app.downloadDir), contract };
}

const title = (app) => app.visible('textbox', 'Intitulé de la fiche');
const valueOf = async (app) => (await title(app)).evaluate((el) => el.value);

/** Opens a fiche's first step and waits for its title. */
async function openSheet(app, sheet) {
  await app.open(`fiche/?id=${sheet.id}`);
  await until(async () => assert.equal(await valueOf(app), sheet.title), { timeout: 10000 });
}

/** Types at the end of the fiche's title, key by key. */
async function typeAtEnd(app, text) {
  const field = await title(app);
  await field.focus();
  await field.press('End');
  await app.page.keyboard.type(text);
}

const storedTitles = async (app, ...ids) => {
  const stored = await app.storedWorkspace();
  const open = stored.contracts.find((c) => c.id === stored.active_contract);
  return ids.map((id) => open.sheets.find((s) => s.id === id).title);
};

test('Firefox: two fiches typed at the same time in two tabs are both kept', async () => {
  const { first, second, contract } = await twoTabs();
  const [one, two] = contract.sheets;
  await openSheet(first, one);
  await openSheet(second, two);
  await typeAtEnd(first, 'AAAA');
  await typeAtEnd(second, 'BBBB');
  const both = [`${one.title}AAAA`, `${two.title}BBBB`];
  await until(async () => assert.deepEqual(await storedTitles(first, one.id, two.id), both), { timeout: 10000 });
  // Each tab kept its own text while taking in the other's.
  await until(async () => assert.equal(await valueOf(first), both[0]), { timeout: 10000 });
  await until(async () => assert.equal(await valueOf(second), both[1]), { timeout: 10000 });
  for (const app of [first, second]) {
    await app.page.reload();
    await app.visible('navigation', 'Navigation principale');
    for (const [sheet, expected] of [[one, both[0]], [two, both[1]]]) {
      await app.open(`fiche/?id=${sheet.id}`);
      await until(async () => assert.equal(await valueOf(app), expected), { timeout: 10000 });
    }
  }
});

test('Firefox: the same title typed in two tabs keeps the most recent, and « Rétablir mon texte » gives the other back', async () => {
  const { first, second, contract } = await twoTabs();
  const [one] = contract.sheets;
  await openSheet(first, one);
  await openSheet(second, one);
  await typeAtEnd(first, 'AAAA');
  await typeAtEnd(second, 'BBBB');
  const [mine, theirs] = [`${one.title}AAAA`, `${one.title}BBBB`];
  await first.page.waitForFunction((text) => [...document.querySelectorAll('[role="alert"]')]
    .some((alert) => alert.innerText.includes(`votre texte « ${text} » a été remplacé`)), {}, mine);
  await until(async () => assert.equal(await valueOf(first), theirs), { timeout: 10000 });
  await until(async () => assert.deepEqual(await storedTitles(first, one.id), [theirs]), { timeout: 10000 });

  await press(await first.visible('button', 'Rétablir mon texte'));
  await until(async () => assert.equal(await valueOf(first), mine), { timeout: 10000 });
  await until(async () => assert.deepEqual(await storedTitles(first, one.id), [mine]), { timeout: 10000 });
  await until(async () => assert.equal(await valueOf(second), mine), { timeout: 10000 });
  await second.page.reload();
  await until(async () => assert.equal(await valueOf(second), mine), { timeout: 10000 });
});
