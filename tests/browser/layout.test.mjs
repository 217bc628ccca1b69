// Layout on a phone (360 × 740) and a laptop (1280 × 800), over the demonstration: at 360 px no
// screen scrolls the page sideways, every fiche step and every part of « Suivi » included; a
// table wider than the screen scrolls inside its own box, a labelled region that takes the
// keyboard focus, and sticks out of nothing (a table cut with no way to scroll to its end is a
// failure too); the header, the navigation, the banner and the backup reminder leave the
// content on the first screen. At 1280 px « Suivi »'s table fits its frame and its comments grow
// in height, not the table in width.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { assert, visible, until } from '../support/expect.mjs';

const env = suite();
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

/** The demonstration, loaded in a window of this size; resolves with its stored contract. */
async function demonstration(viewport) {
  const { app, page } = await env.freshApp({ viewport });
  await app.open();
  await page.getByRole('button', { name: 'Charger la démonstration' }).click();
  await visible(app.heading('Le contrat'));
  await app.saved();
  const stored = await app.storedWorkspace();
  return { app, page, contract: stored.contracts.find((c) => c.id === stored.active_contract) };
}

/**
 * What is wrong with the page's width, one line each (empty when nothing): the page wider
 * than the window, with the outermost elements that stick out; a table sticking out of a box
 * on the way to its scroll box (cut, or spilling over); a scroll box that scrolls but cannot
 * be reached from the keyboard or has no name.
 */
function widthProblems() {
  const problems = [];
  const describe = (el) => {
    const name = el.getAttribute('aria-label') ?? el.querySelector('caption')?.textContent ?? el.textContent;
    return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} « ${(name ?? '').trim().slice(0, 40)} »`;
  };
  const root = document.documentElement;
  if (root.scrollWidth > innerWidth) {
    // The outermost elements that stick out, not counting what scrolls inside a box.
    const inScrollBox = (el) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    const out = [...document.body.querySelectorAll('*')].filter((el) => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= innerWidth + 0.5 || inScrollBox(el)) return false;
      const parent = el.parentElement.getBoundingClientRect();
      return parent.right <= innerWidth + 0.5;
    });
    problems.push(`page ${root.scrollWidth} px wide in ${innerWidth} px: ${out.slice(0, 4).map((el) => `${describe(el)} to ${Math.round(el.getBoundingClientRect().right)} px`).join(' ; ')}`);
  }
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const table of document.querySelectorAll('main table')) {
    if (table.getClientRects().length === 0) continue;
    const rect = table.getBoundingClientRect();
    let box = table.parentElement;
    for (; box && box !== document.body && !scrolls(box); box = box.parentElement) {
      const outer = box.getBoundingClientRect();
      if (rect.right > outer.right + 1 || rect.left < outer.left - 1) {
        problems.push(`${describe(table)} (${Math.round(rect.width)} px) sticks out of ${describe(box)} (${Math.round(outer.width)} px)`);
        break;
      }
    }
    if (box && box !== document.body && scrolls(box) && box.scrollWidth > box.clientWidth + 1) {
      if (box.tabIndex < 0 || box.getAttribute('role') !== 'region' || !box.getAttribute('aria-label')) {
        problems.push(`${describe(table)} scrolls in a box that is not a focusable, labelled region`);
      }
    }
  }
  return problems;
}

/** Every screen of the demonstration, each with what says it is drawn. */
function screensOf(contract) {
  // The fiche with the most indicators and funding lines: the widest steps 6 and 7.
  const sheet = [...contract.sheets].sort((a, b) => (b.indicators.length + b.funding.length) - (a.indicators.length + a.funding.length))[0];
  const steps = ['Identification', 'Constat', 'Objectifs', 'Actions', 'Acteurs', 'Moyens', 'Évaluation', 'Relecture'];
  return [
    ['', (page) => page.getByRole('heading', { name: 'Mes contrats locaux de santé', level: 1 })],
    ['contrat/', (page) => page.getByRole('heading', { name: 'Indicateurs d’évaluation du contrat' })],
    ['fiches/', (page) => page.getByRole('link', { name: /^Fiche action n°1 – / })],
    ['fiches/?vue=impression', (page) => page.getByRole('heading', { name: 'Version imprimable du contrat', level: 1 })],
    ...steps.map((title, i) => [`fiche/?id=${sheet.id}&etape=${i + 1}`,
      (page) => page.getByRole('heading', { name: `Étape ${i + 1} sur 8 : ${title}` })]),
    ['planning/', (page) => page.getByRole('heading', { name: 'Synthèse par année' })],
    ['signature/', (page) => page.getByRole('heading', { name: 'Signature et avenants', level: 1 })],
    ['suivi/?annee=2025', (page) => page.getByRole('heading', { name: 'Bilan des actions 2025' })],
    ['suivi/?annee=2025&partie=indicateurs', (page) => page.getByRole('region', { name: 'Indicateurs 2025' })],
    ['suivi/?annee=2025&partie=budget', (page) => page.getByRole('region', { name: 'Budget 2025 : prévu et dépensé' })],
    // « Sauvegarde et stockage » fills in once the browser has answered (estimate()).
    ['echanges/', (page) => page.getByText('Stockage persistant', { exact: true })],
    ['rapport/?annee=2025', (page) => page.locator('.document table').first()],
    ['bilan/', (page) => page.locator('.document table').first()],
    ['document/', (page) => page.locator('.document table').first()],
    ['document/?avenant=1', (page) => page.locator('.document table').first()],
    [`document/?fiche=${sheet.id}`, (page) => page.locator('.document h1, .document h2').first()],
  ];
}

test('at 360 px no screen of the demonstration scrolls the page sideways, and wide tables scroll in their own box', async () => {
  const { app, page, contract } = await demonstration(PHONE);
  const found = [];
  for (const [path, drawn] of screensOf(contract)) {
    await app.open(path);
    await visible(drawn(page));
    // Folded parts open, as a person reading them would: « Les chiffres du graphique ».
    for (const summary of await page.locator('main details:not([open]) > summary').all()) await summary.click();
    // The planning's summary is laid out once near (content-visibility): brought into view.
    await page.evaluate(() => document.querySelector('.planning-summary')?.scrollIntoView());
    for (const problem of await page.evaluate(widthProblems)) found.push(`${path || '/'}: ${problem}`);
  }
  assert.deepEqual(found, []);
});

test('the planning’s « Synthèse par année » scrolls inside its boxes at 360 px, to its last column', async () => {
  const { app, page } = await demonstration(PHONE);
  await app.open('planning/');
  const region = page.getByRole('region', { name: 'Synthèse : actions en cours par pilote' });
  await region.scrollIntoViewIfNeeded();
  await visible(region);
  // From the keyboard: focused, then scrolled with the arrow keys to its end.
  await region.focus();
  for (let i = 0; i < 40; i += 1) await page.keyboard.press('ArrowRight');
  await until(async () => {
    const { left, width, client } = await region.evaluate((el) => ({ left: el.scrollLeft, width: el.scrollWidth, client: el.clientWidth }));
    assert.ok(width > client, 'the table is wider than a phone');
    assert.ok(left + client >= width - 1, `scrolled to ${left + client} of ${width}`);
  });
  await visible(region.getByRole('columnheader', { name: '2028' }));
});

test('on a phone the header, navigation, banner and backup reminder leave the content on the first screen', async () => {
  const { app, page } = await demonstration(PHONE);
  // The demonstration just loaded asks for no backup; once changed, the reminder shows too.
  await app.open('contrat/');
  await page.getByLabel('Nom du territoire').fill('Pays de Val-Sorel (fictif), revu');
  await app.saved();
  for (const [path, title] of [['planning/', 'Planning'], ['suivi/', 'Suivi'], ['contrat/', 'Le contrat']]) {
    await app.open(path);
    const heading = app.heading(title);
    await visible(heading);
    await visible(page.getByRole('note').filter({ hasText: 'Contrat de démonstration' }));
    await visible(page.getByRole('complementary', { name: 'Rappel de sauvegarde' }));
    const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top < PHONE.height * 0.4, `${path}: the screen's title starts at ${Math.round(top)} px of ${PHONE.height}`);
  }
});

test('at 1280 px « Suivi »’s table fits its frame and a long comment grows in height, not in width', async () => {
  const { app, page } = await demonstration(LAPTOP);
  await app.open('suivi/?annee=2025');
  const region = page.getByRole('region', { name: 'Tableau du bilan des actions' });
  await visible(region);
  const fits = () => region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  let size = await fits();
  assert.ok(size.scroll <= size.client, `table ${size.scroll} px in a frame of ${size.client} px`);
  const comment = region.getByRole('textbox', { name: /^Ce qui a été fait / }).first();
  const before = await comment.boundingBox();
  await comment.fill('Trois ateliers ont eu lieu au printemps dans les centres sociaux de la ville, deux autres à l’automne dans les communes rurales ; la salle de la mairie a manqué en juin et la session a été reportée à septembre. '.repeat(2));
  const after = await comment.boundingBox();
  assert.ok(Math.abs(after.width - before.width) < 1, `width ${before.width} → ${after.width}`);
  assert.ok(after.height > before.height, `height ${before.height} → ${after.height}`);
  size = await fits();
  assert.ok(size.scroll <= size.client, `after typing: table ${size.scroll} px in a frame of ${size.client} px`);
  // The first column is not cut when a field far right takes the focus.
  await region.getByRole('textbox', { name: /^Suite prévue / }).first().focus();
  assert.equal(await region.evaluate((el) => el.scrollLeft), 0);
  // Each comment is wider than the 150 px that wrapped a comment to six lines.
  const width = await comment.evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(width >= 200, `comment column ${Math.round(width)} px`);
});

test('at 360 px axe-core still finds nothing on the screens whose layout changes on a phone', async () => {
  const { app, page, contract } = await demonstration(PHONE);
  const { violations } = await import('../support/axe.mjs');
  const screens = screensOf(contract).filter(([path]) => /^(planning|suivi|contrat|echanges|fiche\/.*etape=[678])/.test(path));
  for (const [path, drawn] of screens) {
    await app.open(path);
    await visible(drawn(page));
    assert.deepEqual(await violations(page), [], path);
  }
});
