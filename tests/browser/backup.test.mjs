// Keeping one's work: the reminder to back up (« Dernière copie de sauvegarde : il y a N jours »,
// or none yet) shows when contracts changed since their last copy and that copy is over a week
// old or missing; « Télécharger une sauvegarde » gives every contract in one file, which
// « Importer » takes back into another browser; « Masquer le rappel » works from the keyboard
// and lasts until the next change; the example just loaded brings none until changed. Échanges
// says whether storage is persistent and how much is used, and persistence is asked once, at
// the first change.
// Old copies are made by writing the stored record of copies (no waiting, no page clock).
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { suite } from '../support/browser.mjs';
import { typeInto, press } from '../support/app.mjs';
import { assert, visible, hidden, hasText, until } from '../support/expect.mjs';

const env = suite();
const RECORD_KEY = 'atelier-cls.v1.sauvegarde';
const DAY = 24 * 60 * 60 * 1000;

const reminderOf = (page) => page.getByRole('complementary', { name: 'Rappel de sauvegarde' });

/** Writes the record of copies: each stored contract copied `daysAgo` days ago. */
async function copiedDaysAgo(app, daysAgo) {
  const ids = (await app.storedWorkspace()).contracts.map((c) => c.id);
  await app.page.evaluate(([key, ids, at]) => {
    localStorage.setItem(key, JSON.stringify({ exported: Object.fromEntries(ids.map((id) => [id, at])) }));
  }, [RECORD_KEY, ids, Date.now() - daysAgo * DAY]);
}

test('the reminder shows for changes never backed up; « Télécharger une sauvegarde » gives every contract in one file, which « Importer » restores in another browser', async () => {
  const { app, page } = await env.freshApp({ acceptDownloads: true });
  await app.loadExample();
  await app.createContract('CLS du Pays de Mauriac');
  const reminder = reminderOf(page);
  await visible(reminder);
  await hasText(reminder.getByRole('paragraph'), /^Aucune copie de sauvegarde n’a encore été faite\. .*certains navigateurs effacent les données d’un site qui n’a pas été ouvert depuis quelques jours\.$/);
  await app.saved();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    press(reminder.getByRole('button', { name: 'Télécharger une sauvegarde' })),
  ]);
  await hidden(reminder);
  assert.match(download.suggestedFilename(), /^atelier-cls-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(file.type, 'atelier-cls/sauvegarde');
  assert.equal(file.schema_version, 4);
  const stored = await app.storedWorkspace();
  assert.equal(file.contracts.length, 2);
  assert.deepEqual(file.contracts, stored.contracts);
  // Still hidden after a reload: the copy is remembered.
  await app.open('contrat/');
  await app.saved();
  assert.equal(await reminder.count(), 0);

  // Another browser (a fresh context: empty storage) takes the one file back with its preview.
  const other = await env.freshApp();
  await other.app.open('echanges/');
  await other.page.getByLabel('Choisir un fichier JSON').setInputFiles(path);
  const preview = other.page.getByRole('region', { name: /^Aperçu de la sauvegarde/ });
  await visible(preview);
  await hasText(preview.getByRole('paragraph').first(), /^Sauvegarde de 2 contrats faite le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}\.$/);
  for (const contract of stored.contracts) {
    await visible(preview.getByRole('listitem').filter({ hasText: contract.name }).filter({ hasText: 'absent de ce navigateur : il sera ajouté' }));
  }
  await press(preview.getByRole('button', { name: 'Restaurer la sauvegarde' }));
  await visible(other.page.getByRole('button', { name: 'Annuler l’import' }));
  await until(async () => assert.deepEqual((await other.app.storedWorkspace())?.contracts, stored.contracts));
  await other.app.open();
  for (const contract of stored.contracts) await visible(other.page.getByRole('heading', { name: contract.name }));
  // What was restored is in the file: no reminder for it.
  assert.equal(await reminderOf(other.page).count(), 0);
});

test('an old copy brings « il y a N jours » back once the contract changed; a recent one does not', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS du Pays de Mauriac');
  await app.saved();
  await copiedDaysAgo(app, 3);
  await app.open('contrat/');
  await typeInto(page.getByLabel('Nom du territoire'), 'Pays de Mauriac');
  await app.saved();
  assert.equal(await reminderOf(page).count(), 0, 'a copy of 3 days is recent enough');

  await copiedDaysAgo(app, 10);
  await app.open('contrat/');
  await visible(reminderOf(page));
  await hasText(reminderOf(page).getByRole('paragraph'), /^Dernière copie de sauvegarde : il y a 10 jours\. /);
});

test('« Masquer le rappel » works from the keyboard and hides the reminder until the next change', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS du Pays de Mauriac');
  await app.saved();
  const reminder = reminderOf(page);
  await visible(reminder);
  await press(reminder.getByRole('button', { name: 'Masquer le rappel' }));
  await hidden(reminder);
  // The keyboard goes on from the content, not from the top of the page.
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu'));
  await app.open('contrat/');
  await visible(app.heading('Le contrat'));
  assert.equal(await reminder.count(), 0, 'still put away after a reload');
  await typeInto(page.getByLabel('Nom du territoire'), 'Pays de Mauriac');
  await visible(reminder);
});

test('the example just loaded is not one’s own work: no reminder until it is changed', async () => {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  await app.saved();
  const reminder = reminderOf(page);
  assert.equal(await reminder.count(), 0, 'not right after loading');
  await app.open('planning/');
  await visible(app.heading('Planning'));
  assert.equal(await reminder.count(), 0, 'nor after a reload');
  await app.goTo('Contrat');
  await typeInto(page.getByLabel('Nom du territoire'), 'Bassin d’Aurillac et Châtaigneraie');
  await visible(reminder);
  await hasText(reminder.getByRole('paragraph'), /^Aucune copie de sauvegarde n’a encore été faite\. /);
});

test('an export of the whole contract counts as a copy of it, not of the others', async () => {
  const { app, page } = await env.freshApp({ acceptDownloads: true });
  await app.createContract('CLS de Riom');
  await app.createContract('CLS du Pays de Mauriac');
  await app.goTo('Échanges');
  await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger le contrat (JSON)' }))]);
  await app.saved();
  const exported = (await app.storedWorkspace()).contracts.find((c) => c.name === 'CLS du Pays de Mauriac').id;
  await until(async () => {
    const record = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY));
    assert.deepEqual(Object.keys(record.exported), [exported]);
  });
  await visible(reminderOf(page));
});

test('Échanges says whether storage is persistent (as navigator.storage.persisted() says) and how much is used', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS du Pays de Mauriac');
  await app.saved();
  await app.goTo('Échanges');
  const section = page.getByRole('region', { name: 'Sauvegarde et stockage' });
  await visible(section);
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  const term = (name) => section.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]');
  await hasText(term('Stockage persistant'), persisted ? 'oui' : 'non');
  // Local storage against its own limit (about 5 Mo), apart from the browser's estimate, which
  // does not count it: the figure is what this page's local storage holds, keys and values.
  const local = term('Stockage local (contrats, versions signées, instantanés)');
  await hasText(local, /^\d+(,\d)? (octets?|Ko|Mo) sur environ 5 Mo$/);
  const units = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  const [shown, unit] = (await local.textContent()).split(' sur ')[0].split(' ');
  const scale = { octet: 1, octets: 1, Ko: 1024, Mo: 1024 ** 2 }[unit];
  assert.ok(Math.abs(Number(shown.replace(',', '.')) * scale - units) <= scale, `${shown} ${unit} for ${units} units`);
  await hasText(term('Autres données du site, selon l’estimation du navigateur (hors stockage local)'), /^\d+(,\d)? (octets?|Ko|Mo|Go|To) sur \d+(,\d)? (Ko|Mo|Go|To)$/);
  await visible(section.getByText(persisted ? /^Le navigateur garde vos contrats/ : /^Le navigateur n’a pas accordé le stockage persistant .*ce n’est pas une erreur/));
});

test('persistence is asked once, at the first change, not at load', async () => {
  const { app, page, context } = await env.freshApp();
  await context.addInitScript(() => {
    window.persistCalls = 0;
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function counted() {
      window.persistCalls += 1;
      return persist.call(this);
    };
  });
  await app.open();
  await visible(app.heading('Mes contrats locaux de santé'));
  assert.equal(await page.evaluate(() => window.persistCalls), 0, 'not at load');
  await app.createContract('CLS du Pays de Mauriac');
  await app.saved();
  await until(async () => assert.equal(await page.evaluate(() => window.persistCalls), 1));
  await typeInto(page.getByLabel('Nom du territoire'), 'Pays de Mauriac');
  await app.saved();
  assert.equal(await page.evaluate(() => window.persistCalls), 1, 'once');
});

test('a browser without the Storage API gets an explanation, not an error', async () => {
  const { app, page, context } = await env.freshApp();
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined, configurable: true });
  });
  await app.createContract('CLS du Pays de Mauriac');
  await app.saved();
  await app.goTo('Échanges');
  const section = page.getByRole('region', { name: 'Sauvegarde et stockage' });
  await visible(section.getByText('inconnu (ce navigateur ne le dit pas)').first());
  await visible(section.getByText(/^Ce navigateur ne permet pas de savoir si vos contrats sont protégés/));
});

test('a backup dropped on the contract list opens its preview; a contract changed since is kept and the backup’s version added beside it, undoably', async () => {
  const { app, page } = await env.freshApp({ acceptDownloads: true });
  await app.createContract('CLS de Riom');
  await app.goTo('Échanges');
  const section = page.getByRole('region', { name: 'Sauvegarde et stockage' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    press(section.getByRole('button', { name: 'Télécharger une sauvegarde' })),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  await app.open('contrat/');
  await typeInto(page.getByLabel('Nom du territoire'), 'Limagne');
  await app.saved();

  await app.goTo('Mes contrats');
  await page.evaluate(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, { name: download.suggestedFilename(), text });
  await visible(app.heading('Échanges'));
  const preview = page.getByRole('region', { name: `Aperçu de la sauvegarde « ${download.suggestedFilename()} »` });
  await visible(preview.getByRole('listitem').filter({ hasText: 'CLS de Riom' }).filter({ hasText: 'déjà dans ce navigateur, avec des différences : le vôtre reste tel quel' }));
  await press(preview.getByRole('button', { name: 'Restaurer la sauvegarde' }));
  await app.saved();
  const names = (await app.storedWorkspace()).contracts.map((c) => c.name);
  assert.equal(names.length, 2);
  assert.equal(names[0], 'CLS de Riom');
  assert.match(names[1], /^CLS de Riom \(sauvegarde du \d{1,2}(er)? \S+ \d{4}\)$/);
  await press(page.getByRole('button', { name: 'Annuler l’import' }));
  await until(async () => assert.deepEqual((await app.storedWorkspace()).contracts.map((c) => c.name), ['CLS de Riom']));
});
