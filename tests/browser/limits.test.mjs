// Nothing lost at the limits (issue 30): two tabs creating an avenant at once make n°1 and
// n°2; files that lie (a month 13, a frozen copy of another contract) are refused with storage
// unchanged; an import that cannot be stored is refused at its preview, and no snapshot is
// dropped to make room; a signed contract's frozen copies are stored apart, once, compressed;
// the export of a workspace as large as local storage holds imports back.
import { test } from 'node:test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/browser.mjs';
import { App, press } from '../support/app.mjs';
import { assert, visible, hasText, until } from '../support/expect.mjs';
import { FROZEN_PREFIX, WORKSPACE_KEY } from '../support/stored.mjs';

const env = suite();
const EXAMPLE = JSON.parse(readFileSync(new URL('../../examples/cls-aurillac-2024-2028.json', import.meta.url), 'utf8'));

/** Everything local storage holds, key by key. */
const everything = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

/** Writes `file` (an object) to a temporary JSON file and gives its path. */
function fileOf(file, name = 'cls-partenaire.json') {
  const path = join(mkdtempSync(join(tmpdir(), 'atelier-cls-limites-')), name);
  writeFileSync(path, typeof file === 'string' ? file : JSON.stringify(file, null, 2));
  return path;
}

async function importFile(app, path) {
  await app.goTo('Échanges');
  await app.page.getByLabel('Choisir un fichier JSON').setInputFiles(path);
}

/** Signs the open contract from « Signature et avenants », at the keyboard. */
async function sign(app) {
  await app.goTo('Signature et avenants');
  await press(app.page.getByRole('button', { name: 'Signer le contrat' }));
  await press(app.page.getByRole('button', { name: 'Oui, signer le contrat' }));
  await visible(app.page.getByText(/^Signé à Aurillac le/));
  await app.saved();
}

test('two tabs pressing « Créer l’avenant » within 100 ms make avenant n°1 and n°2, each tab saying which', async () => {
  const { app, page, context } = await env.freshApp();
  await app.loadExample();
  await sign(app);
  const other = new App(await context.newPage(), env.server.url);
  await other.open('signature/');
  const button = (tab) => tab.page.getByRole('button', { name: /^Créer l’avenant n°\d+$/ });
  await hasText(button(app), 'Créer l’avenant n°1');
  await hasText(button(other), 'Créer l’avenant n°1');
  await Promise.all([button(app).click(), button(other).click()]);

  await until(async () => {
    const stored = await app.storedWorkspace();
    assert.deepEqual(stored.contracts[0].amendments.map((a) => a.number).sort(), [1, 2]);
  });
  // What each tab says of its avenant: « Avenant n°N créé », or, when the browser gave it a
  // stale read even under the lock, that the merge made its avenant the next number.
  const claimed = await Promise.all([app, other].map(async (tab) => {
    const created = tab.page.getByRole('status').filter({ hasText: /^Avenant n°\d créé/ });
    await visible(created);
    const moved = tab.page.getByRole('alert').filter({ hasText: /le vôtre devient l’avenant n°\d/ });
    const text = (await moved.count()) > 0 ? await moved.textContent() : await created.textContent();
    return text.match(/n°(\d)( créé|\.)/)[1];
  }));
  assert.deepEqual(claimed.sort(), ['1', '2'], 'each tab names the avenant it made');
  // Afterwards both tabs offer the next number, and each avenant has its own frozen copy.
  await hasText(button(app), 'Créer l’avenant n°3');
  await hasText(button(other), 'Créer l’avenant n°3');
  const stored = await app.storedWorkspace();
  assert.ok(stored.contracts[0].amendments.every((a) => a.frozen_copy?.id === stored.contracts[0].id));
});

test('signing from two tabs at once signs the contract once', async () => {
  const { app, context } = await env.freshApp();
  await app.loadExample();
  await app.saved();
  const other = new App(await context.newPage(), env.server.url);
  await other.open('signature/');
  await app.goTo('Signature et avenants');
  for (const tab of [app, other]) await press(tab.page.getByRole('button', { name: 'Signer le contrat' }));
  for (const tab of [app, other]) await visible(tab.page.getByRole('button', { name: 'Oui, signer le contrat' }));
  // Both confirmations at the same instant of the clock both tabs share, from the pages
  // themselves: a click through the test driver waits for the button to be stable, and one
  // page's script may run late on a busy machine, by when the other tab's signature has
  // replaced the button.
  const at = Date.now() + 300;
  await Promise.all([app, other].map((tab) => tab.page.evaluate((when) => {
    window.__confirmed = new Promise((resolve) => setTimeout(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Oui, signer le contrat');
      button?.click();
      resolve(Boolean(button));
    }, when - Date.now()));
  }, at)));
  const clicked = await Promise.all([app, other].map((tab) => tab.page.evaluate(() => window.__confirmed)));
  assert.deepEqual(clicked, [true, true], 'both tabs confirmed');
  await until(async () => assert.ok((await app.storedWorkspace()).contracts[0].signing.frozen_copy));
  for (const tab of [app, other]) {
    await visible(tab.page.getByText(/^Signé à Aurillac le 11 mars 2025/));
    await visible(tab.page.getByRole('button', { name: 'Créer l’avenant n°1' }));
  }
  const signed = await app.storedWorkspace();
  assert.equal(signed.contracts[0].amendments.length, 0);
  assert.equal(signed.contracts[0].signing.frozen_copy.id, signed.contracts[0].id, 'one signed copy, of this contract');
});

test('a signed contract’s frozen copies are stored apart, once and compressed, and a keystroke rewrites none of them', async () => {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  await sign(app);
  await app.goTo('Signature et avenants');
  await press(page.getByRole('button', { name: 'Créer l’avenant n°1' }));
  await visible(page.getByRole('status').filter({ hasText: /^Avenant n°1 créé/ }));
  await app.saved();
  const before = await everything(page);
  const copies = Object.keys(before).filter((k) => k.startsWith(FROZEN_PREFIX));
  assert.equal(copies.length, 2, 'the signature’s copy and the avenant’s');
  const main = JSON.parse(before[WORKSPACE_KEY]);
  assert.equal(main.contracts[0].signing.frozen_copy, null, 'not inline any more');
  assert.deepEqual(Object.values(main.frozen_apart[main.contracts[0].id]).sort(), copies.sort());
  const inline = JSON.stringify((await app.storedWorkspace()).contracts[0].signing.frozen_copy).length;
  for (const key of copies) assert.ok(before[key].length * 2 < inline, `${key}: ${before[key].length} vs ${inline}`);

  // A keystroke: the workspace is written again, the frozen copies are not.
  await app.goTo('Contrat');
  await page.getByLabel('Nom du contrat').press('End');
  await page.getByLabel('Nom du contrat').pressSequentially(' !');
  await app.saved();
  await page.evaluate(() => {
    window.__writes = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) { window.__writes.push(key); return set.call(this, key, value); };
  });
  await page.getByLabel('Nom du contrat').pressSequentially('!');
  await app.saved();
  const writes = await page.evaluate(() => window.__writes);
  assert.ok(writes.includes(WORKSPACE_KEY), writes.join(', '));
  assert.ok(!writes.some((k) => k.startsWith(FROZEN_PREFIX)), writes.join(', '));
  // After a reload, everything reads back: still signed, the avenant's version in force.
  await page.reload();
  await app.goTo('Signature et avenants');
  await visible(page.getByText(/^Signé à Aurillac le/));
  await visible(page.getByRole('button', { name: 'Créer l’avenant n°2' }));
});

test('a file with a month 13, or with the frozen copy of another contract, is refused and storage is unchanged', async () => {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  await app.saved();
  const stored = await everything(page);

  const month13 = structuredClone(EXAMPLE);
  month13.contract.sheets[0].actions.push({
    id: '00000000-0000-4000-8aaa-0000000000c1', modified_at: 0, description: 'Action au treizième mois',
    start: { year: 2024, month: 13 }, end: null, lead_id: null, milestone: false, reviews: [],
  });
  await importFile(app, fileOf(month13));
  const refusal = page.getByRole('alert').filter({ hasText: 'Le mois 13 n’existe pas (de 1, janvier, à 12, décembre).' });
  await visible(refusal);
  await visible(refusal.getByText(/contract\.sheets\[0\]\.actions\[\d+\]\.start/));

  const stolen = structuredClone(EXAMPLE);
  stolen.contract.signing.frozen_copy = { ...structuredClone(EXAMPLE.contract), id: '67e55044-10b1-426f-9247-bb680e5fe0c8', amendments: [] };
  await importFile(app, fileOf(stolen, 'cls-copie.json'));
  await visible(page.getByRole('alert').filter({ hasText: /Cette copie figée est celle d’un autre contrat \(identifiant 67e55044-10b1-426f-9247-bb680e5fe0c8/ }));
  assert.deepEqual(await everything(page), stored, 'nothing stored changed');
});

test('an import that cannot be stored is refused at its preview, with the room it needs; no snapshot is dropped', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('Brouillon');
  await app.saved();
  // Two imports: two snapshots.
  for (const name of ['cls-1.json', 'cls-2.json']) {
    const copy = structuredClone(EXAMPLE);
    copy.contract.id = crypto.randomUUID();
    await importFile(app, fileOf(copy, name));
    await press(page.getByRole('button', { name: 'Ajouter ce contrat' }));
    await visible(page.getByRole('status').filter({ hasText: `Import de « ${name} » appliqué` }));
    await app.saved();
  }
  await app.goTo('Échanges');
  const snapshots = page.getByRole('region', { name: 'Instantanés' }).getByRole('listitem');
  await until(async () => assert.equal(await snapshots.count(), 2));
  // Another site's data (or other contracts) leaves about 40 Ko free.
  await page.evaluate(() => {
    const used = Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);
    localStorage.setItem('remplissage', 'x'.repeat(5 * 1024 * 1024 - 64 * 1024 - 40 * 1024 - used));
  });
  const before = await everything(page);

  const third = structuredClone(EXAMPLE);
  third.contract.id = crypto.randomUUID();
  await importFile(app, fileOf(third, 'cls-3.json'));
  const refusal = page.getByRole('alert').filter({ hasText: /^Ce contrat ne peut pas être enregistré dans ce navigateur : il faut \d+(,\d)? Ko et il reste \d+(,\d)? Ko dans le stockage local \(environ 5 Mo en tout\)\. Rien n’a été modifié\./ });
  await visible(refusal);
  assert.equal(await page.getByRole('button', { name: 'Ajouter ce contrat' }).isDisabled(), true);
  assert.deepEqual(await everything(page), before, 'nothing stored changed');
  await page.reload();
  await app.goTo('Échanges');
  await until(async () => assert.equal(await snapshots.count(), 2));
  assert.equal((await app.storedWorkspace()).contracts.length, 3);
});

/** Every `id` defined inside `value`. */
function idsIn(value, found = []) {
  if (Array.isArray(value)) value.forEach((v) => idsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') found.push(v);
      else idsIn(v, found);
    }
  }
  return found;
}

/**
 * The example grown to `units` UTF-16 code units of JSON by copies of its fiches, each with
 * new ids for what it defines (actions, objectives, indicators…) and the same axes, partners
 * and findings.
 */
function exampleOfSize(units) {
  const file = structuredClone(EXAMPLE);
  const contract = file.contract;
  const models = contract.sheets.map((sheet) => JSON.stringify(sheet));
  const modelIds = contract.sheets.map((sheet) => idsIn(sheet));
  const per = JSON.stringify(contract.sheets).length / contract.sheets.length;
  const wanted = Math.floor((units - JSON.stringify(contract).length) / per);
  for (let i = 0; i < wanted; i += 1) {
    let text = models[i % models.length];
    for (const id of modelIds[i % models.length]) text = text.replaceAll(`"${id}"`, `"${crypto.randomUUID()}"`);
    contract.sheets.push(JSON.parse(text));
  }
  return file;
}

test('the largest workspace local storage holds, signed, exports and imports back, as a contract and as a backup', async () => {
  // 3.3 M units of contract; stored with the fingerprints of what was shared (`shared_versions`,
  // about a third more) and its frozen copy compressed (about a tenth): about 4.8 M of the
  // 5 Mi local storage holds, the 64 Ki kept spare apart.
  const big = exampleOfSize(3_300_000);
  const { app, page } = await env.freshApp({ acceptDownloads: true });
  await app.open('echanges/');
  await page.getByLabel('Choisir un fichier JSON').setInputFiles(fileOf(big, 'cls-grand.json'));
  await press(page.getByRole('button', { name: 'Ajouter ce contrat' }));
  await visible(page.getByRole('status').filter({ hasText: 'Import de « cls-grand.json » appliqué' }));
  await app.saved();
  await sign(app);
  const stored = await app.storedWorkspace();
  assert.equal(stored.contracts[0].sheets.length, big.contract.sheets.length);
  assert.ok(stored.contracts[0].signing.frozen_copy, 'signed, with its frozen copy');
  const used = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  assert.ok(used > 4_500_000, `${used} units stored: the test must be at the limit`);

  await app.goTo('Échanges');
  const [contractFile] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger le contrat (JSON)' }))]);
  const [backupFile] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger une sauvegarde' }).first())]);

  // Each file goes into another browser (an empty storage) and comes back whole.
  for (const [file, button, done] of [
    [await contractFile.path(), 'Ajouter ce contrat', 'Import de'],
    [await backupFile.path(), 'Restaurer la sauvegarde', 'Sauvegarde'],
  ]) {
    const other = await env.freshApp();
    await other.app.open('echanges/');
    await other.page.getByLabel('Choisir un fichier JSON').setInputFiles(file);
    await press(other.page.getByRole('button', { name: button }));
    await visible(other.page.getByRole('button', { name: 'Annuler l’import' }));
    await other.app.saved();
    assert.deepEqual((await other.app.storedWorkspace()).contracts, stored.contracts, `${done}: the same contract, stored`);
  }
});

test('a signed contract duplicated on a first visit, with little room left, is stored with its frozen copy compressed', async () => {
  const { app, page } = await env.freshApp({ serviceWorkers: 'block' });
  await app.loadExample();
  await sign(app);
  // A new visit opens on the list: no part loaded yet, so no deflate code (src/storage/frozen.rs).
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname.split('/').pop()));
  await app.open();
  const before = await everything(page);
  const [signedCopy] = Object.keys(before).filter((k) => k.startsWith(FROZEN_PREFIX));
  const contract = JSON.parse(before[WORKSPACE_KEY]).contracts[0];
  const plainCopy = JSON.stringify((await app.storedWorkspace()).contracts[0].signing.frozen_copy).length;
  // Room for the duplicate and its copy compressed, not for its copy as JSON.
  const room = JSON.stringify(contract).length + before[signedCopy].length + Math.round((plainCopy - before[signedCopy].length) / 2);
  await page.evaluate((free) => {
    const used = Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);
    localStorage.setItem('remplissage', 'x'.repeat(5 * 1024 * 1024 - free - used - 'remplissage'.length));
  }, room);

  await press(page.getByRole('button', { name: /^Dupliquer « / }));
  await until(async () => {
    const stored = await everything(page);
    assert.equal(JSON.parse(stored[WORKSPACE_KEY]).contracts.length, 2, 'the duplicate is stored');
    const copies = Object.keys(stored).filter((k) => k.startsWith(FROZEN_PREFIX));
    assert.equal(copies.length, 2, 'the duplicate has its own frozen copy');
    for (const key of copies) assert.ok(stored[key].startsWith('deflate-base64:'), `${key} compressed`);
  }, { timeout: 15_000 });
  await app.saved();
  assert.equal(await page.getByRole('alert').filter({ hasText: /plein/ }).count(), 0, 'no « storage full » message');
  assert.ok(asked.some((name) => /^split_exchanges-[0-9a-f]+\.wasm$/.test(name)), `the deflate came with a part: ${asked.join(', ')}`);
});
