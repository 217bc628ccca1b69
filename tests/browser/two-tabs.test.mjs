// Two tabs of the same browser, nothing lost (issue 14): edits made at the same time in two tabs
// are merged item by item rather than one tab's workspace replacing the other's. Different
// items are both kept, in storage and on both screens; the same field keeps the most recent
// edit, and the tab whose text was replaced says so and gives it back.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { App, press } from '../support/app.mjs';
import { assert, visible, hidden, hasText, hasValue, until } from '../support/expect.mjs';

const env = suite();

/** The example open in two tabs (pages of one browser context: one local storage). */
async function twoTabs() {
  const { app, page, context } = await env.freshApp();
  await app.loadExample();
  await app.saved();
  const stored = await app.storedWorkspace();
  const contract = stored.contracts.find((c) => c.id === stored.active_contract);
  const other = new App(await context.newPage(), env.server.url);
  await other.open();
  return { first: app, second: other, contract };
}

const titleField = (app) => app.page.getByLabel('Intitulé de la fiche');

/** Opens a fiche's first step and waits for its title. */
async function openSheet(app, sheet) {
  await app.open(`fiche/?id=${sheet.id}`);
  await hasValue(titleField(app), sheet.title);
}

/** Types at the end of a fiche's title, one key after the other, without any pause. */
async function typeAtEnd(app, text) {
  const field = titleField(app);
  await field.focus();
  await field.press('End');
  await field.pressSequentially(text);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sheetLink = (app, title) => app.page.getByRole('link', { name: new RegExp(escape(title)) }).first();

const storedSheet = async (app, id) => {
  const stored = await app.storedWorkspace();
  return stored.contracts.find((c) => c.id === stored.active_contract).sheets.find((s) => s.id === id);
};

test('two fiches edited at the same time in two tabs are both kept, on both screens and after a reload', async () => {
  const { first, second, contract } = await twoTabs();
  const [one, two] = contract.sheets;
  await openSheet(first, one);
  await openSheet(second, two);
  await typeAtEnd(first, 'AAAA');
  await typeAtEnd(second, 'BBBB');
  await first.saved();
  await second.saved();
  await until(async () => {
    assert.equal((await storedSheet(first, one.id)).title, `${one.title}AAAA`);
    assert.equal((await storedSheet(first, two.id)).title, `${two.title}BBBB`);
  });
  // Each tab keeps its own text and shows the other's fiche as the other left it, without a
  // reload: the list of fiches is reached by the app's own navigation.
  await hasValue(titleField(first), `${one.title}AAAA`);
  await hasValue(titleField(second), `${two.title}BBBB`);
  await first.goTo('Fiches action');
  await visible(sheetLink(first, `${two.title}BBBB`));
  await second.goTo('Fiches action');
  await visible(sheetLink(second, `${one.title}AAAA`));
  for (const app of [first, second]) {
    await app.page.reload();
    await app.open(`fiche/?id=${one.id}`);
    await hasValue(titleField(app), `${one.title}AAAA`);
    await app.open(`fiche/?id=${two.id}`);
    await hasValue(titleField(app), `${two.title}BBBB`);
  }
});

/** The alert that says which text of this tab another tab replaced. */
const replacedNotice = (app, text) => app.page.getByRole('alert')
  .filter({ hasText: `votre texte « ${text} » a été remplacé` });

test('the same title typed in two tabs keeps the most recent; the other tab says what it replaced and gives it back', async () => {
  const { first, second, contract } = await twoTabs();
  const [one] = contract.sheets;
  await openSheet(first, one);
  await openSheet(second, one);
  await typeAtEnd(first, 'AAAA');
  await typeAtEnd(second, 'BBBB');
  // The second tab typed last: its text is kept, in both tabs and in storage.
  const notice = replacedNotice(first, `${one.title}AAAA`);
  await hasText(notice.locator('p'), new RegExp(`^Le champ « Intitulé » de la fiche n°\\d+ a été modifié dans un autre onglet : `
    + `votre texte « ${escape(one.title)}AAAA » a été remplacé\\.$`));
  await hasValue(titleField(first), `${one.title}BBBB`);
  await hasValue(titleField(second), `${one.title}BBBB`);
  await until(async () => assert.equal((await storedSheet(first, one.id)).title, `${one.title}BBBB`));
  assert.equal(await replacedNotice(second, `${one.title}BBBB`).count(), 0, 'nothing of the second tab was replaced');

  // « Rétablir mon texte », from the keyboard, puts it back as a new edit: everywhere, and
  // the second tab is told in turn, with its own way back.
  await press(notice.getByRole('button', { name: 'Rétablir mon texte' }));
  await hidden(notice);
  await hasValue(titleField(first), `${one.title}AAAA`);
  await until(async () => assert.equal((await storedSheet(first, one.id)).title, `${one.title}AAAA`));
  await hasValue(titleField(second), `${one.title}AAAA`);
  await visible(replacedNotice(second, `${one.title}BBBB`).getByRole('button', { name: 'Rétablir mon texte' }));
  for (const app of [first, second]) {
    await app.page.reload();
    await hasValue(titleField(app), `${one.title}AAAA`);
  }
});

test('a fiche edited in one tab and an action\'s dates changed on the planning in the other are both kept', async () => {
  const { first, second, contract } = await twoTabs();
  const [one, two] = contract.sheets;
  // An action with dates in the first fiche, made in the first tab.
  await first.open(`fiche/?id=${one.id}&etape=4`);
  await press(first.page.getByRole('button', { name: 'Ajouter une action' }));
  const action = first.page.getByRole('group', { name: 'Action 1' });
  await action.getByLabel('Description de l’action').fill('Accueillir les internes');
  await action.getByLabel('Début (mois et année)').fill('2024-01');
  await action.getByLabel('Fin (mois et année)').fill('2025-12');
  await first.saved();
  await openSheet(first, two);

  await second.open('planning/');
  await press(second.page.getByRole('button', { name: 'Modifier les dates de « Accueillir les internes »' }));
  const editor = second.page.getByRole('form', { name: 'Modifier les dates' });
  await editor.getByLabel('Nouveau début').fill('2026-03');
  await editor.getByLabel('Nouvelle fin').fill('2027-12');
  // The fiche's title typed in one tab, the dates saved in the other right after, no pause.
  await typeAtEnd(first, 'CCCC');
  await press(editor.getByRole('button', { name: 'Enregistrer les dates' }));
  await hidden(editor);
  await first.saved();
  await second.saved();

  const bar = (app) => app.page.getByRole('region', { name: 'Planning des actions' })
    .getByRole('button', { name: /^Accueillir les internes – .*, de mars 2026 à décembre 2027,/ });
  await until(async () => {
    const stored = await first.storedWorkspace();
    const open = stored.contracts.find((c) => c.id === stored.active_contract);
    assert.equal(open.sheets.find((s) => s.id === two.id).title, `${two.title}CCCC`);
    const [moved] = open.sheets.find((s) => s.id === one.id).actions;
    assert.deepEqual([moved.start, moved.end], [{ year: 2026, month: 3 }, { year: 2027, month: 12 }]);
  });
  // Both screens show both, without a reload: the planning in the first tab, the fiche's title
  // in the second.
  await hasValue(titleField(first), `${two.title}CCCC`);
  await first.goTo('Planning');
  await visible(bar(first));
  await visible(bar(second));
  await second.goTo('Fiches action');
  await visible(sheetLink(second, `${two.title}CCCC`));
  for (const app of [first, second]) {
    await app.page.reload();
    await visible(bar(app).or(sheetLink(app, `${two.title}CCCC`)).first());
  }
  await first.open('planning/');
  await visible(bar(first));
  await second.open(`fiche/?id=${two.id}`);
  await hasValue(titleField(second), `${two.title}CCCC`);
});

test('each tab keeps its own contract open while the other creates and fills another', async () => {
  const { first, second, contract } = await twoTabs();
  const [one] = contract.sheets;
  await openSheet(first, one);
  await second.createContract('CLS du Pays de Mauriac');
  await typeAtEnd(first, 'AAAA');
  const name = second.page.getByLabel('Nom du contrat');
  await name.focus();
  await name.press('End');
  await name.pressSequentially(' 2025');
  await first.saved();
  await second.saved();
  await until(async () => {
    const stored = await first.storedWorkspace();
    const names = stored.contracts.map((c) => c.name);
    assert.deepEqual(names, [contract.name, 'CLS du Pays de Mauriac 2025']);
    assert.equal(stored.contracts[0].sheets[0].title, `${one.title}AAAA`);
  });
  await hasValue(titleField(first), `${one.title}AAAA`);
  await visible(first.page.getByRole('banner').getByText(contract.name));
  await hasValue(name, 'CLS du Pays de Mauriac 2025');
  await second.goTo('Fiches action');
  await visible(second.page.getByText('Aucune fiche action', { exact: false }).or(second.page.getByRole('button', { name: 'Nouvelle fiche action' })).first());
  assert.equal(await sheetLink(second, `${one.title}AAAA`).count(), 0, 'the second tab still shows its own contract');
});

test('the merge comes when another tab writes; until it can be fetched, a tab keeps its edit and stored data stay whole', async () => {
  const { app: first, context } = await env.freshApp({
    serviceWorkers: 'block',
    expectErrors: /split_exchanges|Failed to load resource|ERR_FAILED|Failed to fetch|WebAssembly/,
  });
  await first.loadExample();
  await first.saved();
  const stored = await first.storedWorkspace();
  const [one, two] = stored.contracts.find((c) => c.id === stored.active_contract).sheets;
  // The second tab cannot fetch the « Échanges » part, which holds the merge (src/ui/platform/tabs.rs).
  const page = await context.newPage();
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname.split('/').pop()));
  const mergePart = /split_exchanges-[0-9a-f]+\.wasm$/;
  await page.route(mergePart, (route) => route.abort('internetdisconnected'));
  const second = new App(page, env.server.url);
  await openSheet(first, one);
  await openSheet(second, two);

  // Both tabs' saves wait for the lock they share, held here. The first tab's edit is written
  // without it, as when a tab is hidden (its save then cannot wait): the second tab, whose edit
  // is not saved yet, hears that write and must merge it.
  const locks = () => first.page.evaluate(async () => {
    const { held, pending } = await navigator.locks.query();
    return held.length + pending.length;
  });
  await first.page.evaluate(() => new Promise((held) => {
    navigator.locks.request('atelier-cls.v1.espace', () => new Promise((release) => {
      window.releaseTabsLock = release;
      held();
    }));
  }));
  await typeAtEnd(second, 'BBBB');
  await until(async () => assert.equal(await locks(), 2, 'the second tab’s save waits for the lock'));
  await typeAtEnd(first, 'AAAA');
  await first.page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    delete document.visibilityState;
  });
  await until(async () => assert.equal((await storedSheet(first, one.id)).title, `${one.title}AAAA`));

  const alert = page.getByRole('alert').filter({ hasText: 'Un autre onglet a modifié ces données' });
  await visible(alert);
  assert.ok(asked.some((name) => mergePart.test(name)), `the second tab asked for the merge: ${asked.join(', ')}`);
  // Its save, once the lock is free, writes nothing: the first tab's write stays whole.
  await first.page.evaluate(() => window.releaseTabsLock());
  await until(async () => assert.equal(await locks(), 0, 'every save has run'));
  assert.equal((await storedSheet(first, one.id)).title, `${one.title}AAAA`, 'the first tab’s write is whole');
  assert.equal((await storedSheet(first, two.id)).title, two.title, 'nothing written without the merge');
  await hasValue(titleField(second), `${two.title}BBBB`);
  await visible(alert);

  // Once the network is back, « Réessayer » fetches the merge and saves both edits.
  await page.unroute(mergePart);
  await press(alert.getByRole('button', { name: 'Réessayer' }));
  await hidden(alert);
  await until(async () => {
    assert.equal((await storedSheet(first, one.id)).title, `${one.title}AAAA`);
    assert.equal((await storedSheet(first, two.id)).title, `${two.title}BBBB`);
  });
  await second.saved();
});
