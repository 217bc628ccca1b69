// Nothing is lost: every change is saved without a save button and survives a reload, even one
// right after the last keystroke; unreadable stored data is kept aside; a full storage and a
// second tab are reported in French.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { App } from '../support/app.mjs';
import { assert, visible, hasValue, until } from '../support/expect.mjs';

const KEY = 'atelier-cls.v1.espace';
/** Unreadable data is copied under this prefix (`SET_ASIDE_PREFIX`, src/storage/codec.rs). */
const SET_ASIDE_PREFIX = 'atelier-cls.v1.illisible.';
const env = suite();

const freshApp = () => env.freshApp();

test('a change survives a reload made right after the last keystroke', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS de test');
  const name = page.getByLabel('Nom du contrat');
  await name.fill('CLS du Pays de Saint-Flour');
  await page.keyboard.type(' 2025');
  await page.reload();
  await hasValue(page.getByLabel('Nom du contrat'), 'CLS du Pays de Saint-Flour 2025');
  await visible(page.getByRole('banner').getByText('CLS du Pays de Saint-Flour 2025'));
});

test('changes are written to local storage with the schema version, without a save button', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS écrit');
  await page.getByLabel('Dernière année').fill('2029');
  await app.saved();
  const stored = await app.storedWorkspace();
  assert.equal(stored.schema_version, 4);
  assert.equal(stored.contracts[0].name, 'CLS écrit');
  assert.equal(stored.contracts[0].period.last_year, 2029);
  assert.equal(await page.getByRole('button', { name: /enregistrer/i }).count(), 0);
});

/** Puts `raw` where the workspace is stored, then starts the app on it. */
async function startWith(page, raw) {
  await page.goto(env.server.url);
  // The app must have read the (empty) storage before it is written: otherwise a slow start
  // reads the planted data too, and the reload sets it aside a second time.
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, raw]);
  await page.reload();
}

/** What local storage holds under the set-aside prefix: `[key, value]` pairs. */
const keptAside = (page) => page.evaluate((prefix) =>
  Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)]), SET_ASIDE_PREFIX);

/** The alert about data that could not be read: it gives the reason and names the copy's key. */
async function keptAsideAlert(page, reason, key) {
  const alert = page.getByRole('alert').filter({ hasText: 'n’ont pas pu être lues' });
  await visible(alert);
  await until(async () => {
    const text = (await alert.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes(reason), text);
    assert.ok(text.includes(`conservées à part (clé « ${key} » du stockage local)`), text);
  });
}

test('unreadable stored data is kept aside, reported, and not overwritten', async () => {
  const { app, page } = await freshApp();
  const unreadable = '{"schema_version": 1, "contracts": [tronqué';
  await startWith(page, unreadable);
  await until(async () => assert.equal((await keptAside(page)).length, 1));
  const [[key, copy]] = await keptAside(page);
  assert.equal(copy, unreadable);
  await keptAsideAlert(page, 'pas du JSON lisible', key);
  // A reload before anything new is saved finds the same data: it is already kept, under the
  // same key, and is not copied a second time.
  await page.reload();
  await keptAsideAlert(page, 'pas du JSON lisible', key);
  assert.deepEqual(await keptAside(page), [[key, unreadable]]);
  // Working on goes on normally, in a fresh workspace; the copy set aside stays as it was.
  await page.getByLabel('Nom du nouveau contrat').fill('Nouveau départ');
  await page.getByRole('button', { name: 'Créer le contrat' }).click();
  await visible(app.heading('Le contrat'));
  await app.saved();
  assert.equal((await app.storedWorkspace()).contracts[0].name, 'Nouveau départ');
  assert.deepEqual(await keptAside(page), [[key, unreadable]]);
});

test('data from a newer version is refused with a French message and kept aside', async () => {
  const { page } = await freshApp();
  const future = '{"schema_version": 99, "contracts": [], "active_contract": null}';
  await startWith(page, future);
  await until(async () => assert.equal((await keptAside(page)).length, 1));
  const [[key, copy]] = await keptAside(page);
  assert.equal(copy, future);
  await keptAsideAlert(page, 'version plus récente d’Atelier CLS (format 99,', key);
});

test('a full local storage is reported in French and the work stays on screen', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS plein');
  await app.saved();
  // From now on the browser refuses every write, as a full storage does.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.getByLabel('Nom du contrat').fill('CLS plein, modifié');
  await visible(page.getByRole('alert').filter({ hasText: 'stockage du navigateur est plein' }));
  await visible(page.getByText('Échec de l’enregistrement'));
  await hasValue(page.getByLabel('Nom du contrat'), 'CLS plein, modifié');
  // The stored copy is the last one that could be written, intact.
  assert.equal((await app.storedWorkspace()).contracts[0].name, 'CLS plein');
});

test('once storage is full, typing tries no write until something is removed, and « Réessayer l’enregistrement » saves', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS en trop');
  await app.createContract('CLS plein');
  await app.saved();
  // The debounce's timers run when the test says so: « no write was tried » is then a fact.
  await page.clock.install();
  await page.evaluate(() => {
    window.__tries = 0;
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key) {
      if (key === 'atelier-cls.v1.espace') window.__tries += 1;
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  const tries = () => page.evaluate(() => window.__tries);
  const name = page.getByLabel('Nom du contrat');
  await name.fill('CLS plein, modifié');
  await page.clock.runFor(2000);
  await visible(page.getByRole('alert').filter({ hasText: 'L’enregistrement reprend dès qu’une suppression fait de la place' }));
  await until(async () => assert.equal(await tries(), 1));

  await name.fill('CLS plein, modifié deux fois');
  await page.clock.runFor(2000);
  await name.press('End');
  await page.keyboard.type(', trois');
  await page.clock.runFor(2000);
  assert.equal(await tries(), 1, 'storage is full and nothing was removed: no write is tried');
  await visible(page.getByText('Échec de l’enregistrement'));

  // Removing a contract could make room: the next save is tried at once.
  await app.goTo('Mes contrats');
  await page.getByRole('button', { name: 'Supprimer « CLS en trop »' }).click();
  await page.getByRole('button', { name: 'Oui, supprimer' }).click();
  await page.clock.runFor(2000);
  await until(async () => assert.equal(await tries(), 2));

  // Room made outside the app: « Réessayer l’enregistrement » saves what is on screen.
  await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
  await page.getByRole('button', { name: 'Réessayer l’enregistrement' }).click();
  await page.clock.runFor(2000);
  await app.saved();
  const stored = await app.storedWorkspace();
  assert.deepEqual(stored.contracts.map((c) => c.name), ['CLS plein, modifié deux fois, trois']);
});

test('a change made in another tab shows up in this one', async () => {
  const { app, page, context } = await freshApp();
  await app.createContract('CLS partagé');
  await app.saved();
  const other = new App(await context.newPage(), env.server.url);
  await other.open('contrat/');
  await other.page.getByLabel('Nom du contrat').fill('CLS renommé ailleurs');
  await other.saved();
  await visible(page.getByRole('status').filter({ hasText: 'autre onglet' }));
  await hasValue(page.getByLabel('Nom du contrat'), 'CLS renommé ailleurs');
  await until(async () => assert.equal((await app.storedWorkspace()).contracts[0].name, 'CLS renommé ailleurs'));
});
