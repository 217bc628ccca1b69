// The planning: bars sit where their dates say, filters hide what they should and live in the
// address, dates changed from the planning are validated and saved, and the CSV opens right.
// Once signed, « Comparer à la version signée » draws the signed dates under the bars.
// With the example: the two-level time header is readable at 1280 and 1024 px, the header row
// and the action column stay in view while the chart scrolls, the compact density is 28 px a
// line and remembered, the keyboard reaches everything, axe-core finds nothing.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, typeInto, press } from '../support/app.mjs';
import { assert, visible, hidden, hasText, until } from '../support/expect.mjs';
import { violations } from '../support/axe.mjs';

const env = suite();

/** A contract of two axes and three dated actions, made through the screens. */
async function plannedContract() {
  const { app, page } = await env.freshApp({ acceptDownloads: true });
  await app.createContract('CLS planifié');
  for (const title of ['Offre de soins', 'Santé mentale']) {
    await page.getByLabel('Intitulé du nouvel axe').fill(title);
    await page.getByRole('button', { name: 'Ajouter l’axe' }).click();
  }
  const sheets = [['Attractivité', /^Axe 1 /, [['Accueillir les internes', '2024-01', '2025-12', false]]],
    ['Souffrance psychique', /^Axe 2 /, [['Former au repérage', '2026-01', '2026-12', false], ['Lancer le CLSM', '2027-06', '2027-06', true]]]];
  for (const [title, axis, actions] of sheets) {
    await app.goTo('Fiches action');
    await page.getByRole('button', { name: 'Nouvelle fiche action' }).click();
    await chooseWithKeyboard(page.getByLabel('Axe stratégique'), axis);
    await page.getByLabel('Intitulé de la fiche').fill(title);
    await page.getByRole('link', { name: '4. Actions' }).click();
    for (const [i, [description, start, end, milestone]] of actions.entries()) {
      await page.getByRole('button', { name: 'Ajouter une action' }).click();
      const group = page.getByRole('group', { name: `Action ${i + 1}` });
      await group.getByLabel('Description de l’action').fill(description);
      await group.getByLabel('Début (mois et année)').fill(start);
      await group.getByLabel('Fin (mois et année)').fill(end);
      if (milestone) await group.getByLabel('C’est un jalon (date clé à suivre)').check();
    }
  }
  await app.goTo('Planning');
  await visible(app.heading('Planning'));
  return { app, page };
}

const bar = (page, name) => page.getByRole('region', { name: 'Planning des actions' }).getByRole('button', { name: new RegExp(`^${name} –`) });

async function relativeBox(page, locator) {
  const box = await locator.boundingBox();
  const track = await locator.locator('xpath=ancestor::div[contains(@class,"plan-row__track")]').boundingBox();
  return { left: (box.x - track.x) / track.width, right: (box.x + box.width - track.x) / track.width };
}

test('bars sit where their dates say over 2024-2028, milestones are diamonds', async () => {
  const { page } = await plannedContract();
  // 2024-01 → 2025-12 is the first two fifths of five years.
  const first = await relativeBox(page, bar(page, 'Accueillir les internes'));
  assert.ok(Math.abs(first.left - 0) < 0.01 && Math.abs(first.right - 0.4) < 0.01, JSON.stringify(first));
  const second = await relativeBox(page, bar(page, 'Former au repérage'));
  assert.ok(Math.abs(second.left - 0.4) < 0.01 && Math.abs(second.right - 0.6) < 0.01, JSON.stringify(second));
  const milestone = bar(page, 'Lancer le CLSM');
  assert.match(await milestone.getAttribute('class'), /milestone/);
  // The header says the year once, above its quarters (it said « T1 2024 » in every cell).
  await visible(page.locator('.planning__year', { hasText: /^2024$/ }));
  await visible(page.locator('.planning__column', { hasText: /^T1$/ }).first());
  await chooseWithKeyboard(page.getByLabel('Échelle'), 'Années');
  await until(async () => assert.match(page.url(), /echelle=annees/));
  await visible(page.locator('.planning__column', { hasText: /^2028$/ }));
  await hidden(page.locator('.planning__column', { hasText: /^T1$/ }).first());
});

test('filters hide what they should, live in the address, and a shared link shows the same view', async () => {
  const { app, page } = await plannedContract();
  await hasText(page.getByText(/actions? au planning/), '3 actions au planning.');
  await chooseWithKeyboard(page.getByLabel('Axe'), /^Axe 2 /);
  await hasText(page.getByText(/actions? au planning/), '2 actions au planning.');
  await hidden(bar(page, 'Accueillir les internes'));
  await visible(bar(page, 'Former au repérage'));
  await typeInto(page.getByLabel('Rechercher une action'), 'clsm');
  await hasText(page.getByText(/actions? au planning/), '1 action au planning.');
  await until(async () => assert.match(page.url(), /q=clsm/));
  const link = page.url();
  await page.goto(link);
  await hasText(page.getByText(/actions? au planning/), '1 action au planning.');
  assert.equal(await page.getByLabel('Rechercher une action').inputValue(), 'clsm');
  await visible(bar(page, 'Lancer le CLSM'));
  await chooseWithKeyboard(page.getByLabel('De l’année'), '2027');
  await until(async () => assert.match(page.url(), /de=2027/));
  await app.goTo('Planning');
  await hasText(page.getByText(/actions? au planning/), '3 actions au planning.');
});

test('the yearly summary under the chart follows the filters; Back leaves the filtered planning', async () => {
  const { page } = await plannedContract();
  // Under the chart, off screen at first (laid out only when scrolled near): still there for
  // assistive technologies and the page's search, and right.
  const years = page.getByRole('table', { name: 'Actions par année' });
  const year = (y) => years.getByRole('row').filter({ has: page.getByRole('rowheader', { name: y, exact: true }) });
  await hasText(year('2024'), '2024 1 1 0');
  await hasText(year('2026'), '2026 1 1 1');
  await chooseWithKeyboard(page.getByLabel('Axe'), /^Axe 2 /);
  await hasText(year('2024'), '2024 0 0 0');
  await hasText(year('2026'), '2026 1 1 1');
  await hasText(year('2027'), '2027 1 1 1');
  const leads = page.getByRole('table', { name: 'Actions en cours par pilote' });
  await visible(leads);
  // The address follows the view just after it is shown, replacing the entry: one Back leaves
  // the planning, whatever was chosen or typed there.
  await until(async () => assert.match(page.url(), /axe=/));
  await typeInto(page.getByLabel('Rechercher une action'), 'repérage');
  await until(async () => assert.match(page.url(), /q=rep%C3%A9rage/));
  await hasText(page.getByText(/actions? au planning/), '1 action au planning.');
  await page.goBack();
  await until(async () => assert.doesNotMatch(page.url(), /planning/));
  await page.goForward();
  await hasText(page.getByText(/actions? au planning/), '1 action au planning.');
  assert.equal(await page.getByLabel('Rechercher une action').inputValue(), 'repérage');
});

test('groups fold and unfold', async () => {
  const { page } = await plannedContract();
  const toggle = page.getByRole('button', { name: /Santé mentale \(2 actions\)/ });
  await toggle.click();
  await hidden(bar(page, 'Former au repérage'));
  assert.equal(await page.getByRole('button', { name: /Santé mentale \(2 actions\)/ }).getAttribute('aria-expanded'), 'false');
  await page.getByRole('button', { name: /Santé mentale \(2 actions\)/ }).click();
  await visible(bar(page, 'Former au repérage'));

  // By keyboard: the lines are drawn anew, and the focus stays on the same toggle.
  await press(page.getByRole('button', { name: /Santé mentale \(2 actions\)/ }));
  await hidden(bar(page, 'Former au repérage'));
  await until(async () => assert.match(await page.evaluate(() => document.activeElement?.textContent), /^▸ .*Santé mentale \(2 actions\)$/));
  await page.keyboard.press('Enter');
  await visible(bar(page, 'Former au repérage'));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'true');
});

test('text typed in a workshop is shown as text in the planning, never run as HTML', async () => {
  const { app, page } = await plannedContract();
  const hostile = '<img src=x onerror="window.__pwned=1"> & <b>gras</b>';
  await page.getByRole('link', { name: 'Former au repérage', exact: true }).click();
  await page.getByRole('group', { name: 'Action 1' }).getByLabel('Description de l’action').fill(hostile);
  await app.goTo('Planning');
  await visible(page.getByRole('link', { name: hostile, exact: true }));
  await visible(bar(page, hostile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await page.locator('.planning__lines img, .planning__lines b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('dates changed from the planning are validated, saved, and open the sheet', async () => {
  const { app, page } = await plannedContract();
  await press(page.getByRole('button', { name: 'Modifier les dates de « Former au repérage »' }));
  const editor = page.getByRole('form', { name: 'Modifier les dates' });
  await editor.getByLabel('Nouveau début').fill('2026-03');
  await editor.getByLabel('Nouvelle fin').fill('2030-06');
  await press(editor.getByRole('button', { name: 'Enregistrer les dates' }));
  await visible(editor.getByRole('alert'));
  await editor.getByLabel('Nouvelle fin').fill('2025-01');
  await press(editor.getByRole('button', { name: 'Enregistrer les dates' }));
  await hasText(editor.getByRole('alert'), /avant le début/);
  await editor.getByLabel('Nouvelle fin').fill('2027-12');
  await press(editor.getByRole('button', { name: 'Enregistrer les dates' }));
  await hidden(editor);
  await page.reload();
  const moved = await relativeBox(page, bar(page, 'Former au repérage'));
  assert.ok(Math.abs(moved.left - (24 + 2) / 60) < 0.01 && Math.abs(moved.right - 48 / 60) < 0.01, JSON.stringify(moved));

  // Dragging the end of a bar one year to the right.
  const target = bar(page, 'Accueillir les internes');
  const handle = target.locator('.bar__handle--end');
  await handle.scrollIntoViewIfNeeded(); // raw mouse events do not scroll by themselves
  const box = await handle.boundingBox();
  const track = await target.locator('xpath=ancestor::div[contains(@class,"plan-row__track")]').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // Mid-June 2026: 29.5 months after January 2024, out of 60.
  await page.mouse.move(track.x + track.width * (29.5 / 60), box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await until(async () => assert.equal(await bar(page, 'Accueillir les internes').getAttribute('data-fin'), '2026-06'));
  await until(async () => {
    const ws = await app.storedWorkspace();
    const action = ws.contracts[0].sheets.flatMap((s) => s.actions).find((a) => a.description === 'Accueillir les internes');
    assert.deepEqual(action.end, { year: 2026, month: 6 });
  });

  // Enter on a bar opens its sheet at the actions step.
  await press(bar(page, 'Lancer le CLSM'));
  await visible(page.getByRole('heading', { name: 'Étape 4 sur 8 : Actions' }));
});

test('the CSV opens in a French spreadsheet: BOM, semicolons, the right columns', async () => {
  const { page } = await plannedContract();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le planning (CSV)' }).click()]);
  assert.match(download.suggestedFilename(), /^planning-cls-planifie-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'Axe;Fiche action;Action;Pilote;Partenaires;Début;Fin;Statut;Début (version signée);Fin (version signée)');
  assert.equal(lines.length, 4);
  // Not signed: the signed dates are empty cells.
  assert.match(lines[1], /^Axe 1 – Offre de soins;Fiche action n°1 – Attractivité;Accueillir les internes;[^;]*;[^;]*;01\/2024;12\/2025;;;$/);

  const [calendar] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les jalons et COPIL (iCalendar)' }).click()]);
  const ics = readFileSync(await calendar.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 1);
  assert.match(ics, /SUMMARY:Jalon : Lancer le CLSM/);
});

test('the planning prints in landscape', async () => {
  const { page } = await plannedContract();
  await page.emulateMedia({ media: 'print' });
  await hidden(page.getByRole('group', { name: 'Filtrer le planning' }));
  // On paper the chart is no scroll container and nothing sticks: every line is on a page.
  const printed = await page.evaluate(() => {
    const chart = getComputedStyle(document.querySelector('.planning'));
    return { overflow: chart.overflowY, maxHeight: chart.maxHeight, head: getComputedStyle(document.querySelector('.planning__head')).position,
      name: getComputedStyle(document.querySelector('.plan-row__name')).position, density: getComputedStyle(document.querySelector('.planning-density')).display };
  });
  assert.deepEqual(printed, { overflow: 'visible', maxHeight: 'none', head: 'static', name: 'static', density: 'none' });
  const pdf = await page.pdf({ preferCSSPageSize: true, path: 'tests/.artifacts/planning.pdf' });
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(box && Number(box[1]) > Number(box[2]), `not landscape: ${box?.[0]}`);
});

// ---- With the example (« Charger l’exemple », 2024-2028) --------------------------------------

const chart = (page) => page.getByRole('region', { name: 'Planning des actions' });

async function examplePlanning(viewport = { width: 1280, height: 800 }) {
  const { app, page } = await env.freshApp({ viewport });
  await app.loadExample();
  await app.goTo('Planning');
  await visible(app.heading('Planning'));
  await visible(chart(page).locator('.planning__year').first());
  return { app, page };
}

/** The demonstration (47 actions): the example has fiches but no actions yet. */
async function demonstrationPlanning(viewport = { width: 1280, height: 800 }) {
  const { app, page } = await env.freshApp({ viewport });
  await app.open();
  await press(page.getByRole('button', { name: 'Charger la démonstration' }));
  await visible(app.heading('Le contrat'));
  await app.goTo('Planning');
  await visible(app.heading('Planning'));
  await until(async () => assert.ok(await chart(page).locator('.plan-row').count() >= 40));
  return { app, page };
}

/** Every header label whose text does not fit its cell (scrollWidth larger than clientWidth). */
const truncatedLabels = (page) => page.locator('.planning__column').evaluateAll((cells) => cells
  .filter((c) => c.scrollWidth > c.clientWidth || c.clientWidth === 0)
  .map((c) => `${c.textContent} (${c.scrollWidth} > ${c.clientWidth})`));

test('the example’s header has its years over quarters or months, none cut at 1280 and 1024 px', async () => {
  const { page } = await examplePlanning();
  const texts = (selector) => page.locator(selector).allTextContents();
  await until(async () => assert.deepEqual(await texts('.planning__year'), ['2024', '2025', '2026', '2027', '2028']));
  assert.deepEqual(await texts('.planning__subperiods .planning__column'), Array.from({ length: 20 }, (_, i) => `T${(i % 4) + 1}`));
  // The years show on the chart too: a line at the start of each year after the first.
  assert.equal(await page.locator('.planning__grid .planning__year-line').count(), 4);
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [scale, key, periods] of [['Trimestres', 'trimestres', 20], ['Mois', 'mois', 60], ['Années', 'annees', 0]]) {
      await chooseWithKeyboard(page.getByLabel('Échelle'), scale);
      await until(async () => assert.equal(await page.locator('.planning__subperiods .planning__column').count(), periods));
      if (key === 'mois') assert.equal((await texts('.planning__subperiods .planning__column'))[0], 'janv.');
      assert.deepEqual(await truncatedLabels(page), [], `${scale} at ${width} px`);
      assert.equal(await page.locator('.planning__year').count(), 5);
    }
  }
  // At the default scale, the quarters fit the width at 1280 px: no sideways scrolling.
  await page.setViewportSize({ width: 1280, height: 800 });
  await chooseWithKeyboard(page.getByLabel('Échelle'), 'Trimestres');
  await until(async () => assert.equal(await page.locator('.planning__subperiods .planning__column').count(), 20));
  assert.ok(await chart(page).evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the quarters need no sideways scrolling at 1280 px');
  // The same with lines in the chart (the example has no actions yet): the demonstration.
  const demonstration = await demonstrationPlanning({ width: 1024, height: 800 });
  assert.deepEqual(await truncatedLabels(demonstration.page), []);
  assert.ok(await chart(demonstration.page).evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the quarters need no sideways scrolling at 1024 px');
});

test('the header row and the action column stay in view while the chart scrolls both ways', async () => {
  const { page } = await demonstrationPlanning({ width: 1024, height: 700 });
  // Months are wider than the screen: the chart scrolls sideways as well as down.
  await chooseWithKeyboard(page.getByLabel('Échelle'), 'Mois');
  await until(async () => assert.equal(await page.locator('.planning__subperiods .planning__column').count(), 60));
  const region = chart(page);
  const sizes = await region.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }));
  assert.ok(sizes.sw > sizes.cw + 500 && sizes.sh > sizes.ch + 500, JSON.stringify(sizes));
  const head = page.locator('.planning__head');
  const before = { chart: await region.boundingBox(), head: await head.boundingBox() };
  await region.evaluate((el) => el.scrollTo(600, 800));
  await until(async () => assert.deepEqual(await region.evaluate((el) => [el.scrollLeft, el.scrollTop]), [600, 800]));
  const chartBox = await region.boundingBox();
  const headBox = await head.boundingBox();
  // The header row is still at the top of the chart.
  assert.ok(Math.abs(headBox.y - chartBox.y) <= 2 && Math.abs(headBox.y - before.head.y) <= 2, JSON.stringify({ headBox, chartBox }));
  assert.ok(await page.locator('.planning__corner').evaluate((c) => c.getBoundingClientRect().left - c.closest('.planning').getBoundingClientRect().left) <= 2);
  // The line at the middle of the chart: its name and lead are still at the chart's left edge,
  // and nothing of the chart covers them.
  const middle = await region.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const y = box.top + box.height / 2;
    const line = [...el.querySelectorAll('.plan-row')].find((l) => { const r = l.getBoundingClientRect(); return r.top <= y && r.bottom >= y; });
    const name = line.querySelector('.plan-row__name').getBoundingClientRect();
    const lead = line.querySelector('.plan-row__lead').getBoundingClientRect();
    const topmost = document.elementFromPoint(name.left + 30, name.top + name.height / 2);
    return { chartLeft: box.left, nameLeft: name.left, leadLeft: lead.left, nameWidth: name.width, onTop: topmost?.closest('.plan-row__name') !== null, below: name.top >= box.top };
  });
  assert.ok(Math.abs(middle.nameLeft - middle.chartLeft) <= 2 && Math.abs(middle.leadLeft - middle.chartLeft) <= 2, JSON.stringify(middle));
  assert.ok(middle.onTop && middle.nameWidth > 100, JSON.stringify(middle));
  // A header label is readable over the scrolled track (here: under the corner, nothing).
  const corner = await page.locator('.planning__corner').boundingBox();
  assert.ok(corner.x - chartBox.x <= 2);
});

test('the compact density makes lines of 28 px at most, and is remembered after a reload', async () => {
  const { page } = await demonstrationPlanning();
  const compact = page.getByRole('checkbox', { name: 'Affichage compact' });
  assert.equal(await compact.isChecked(), false);
  const heights = () => chart(page).locator('.plan-row').evaluateAll((lines) => lines.slice(0, 12).map((l) => l.getBoundingClientRect().height));
  assert.ok((await heights()).every((h) => h > 40), `normal lines: ${await heights()}`);
  // By the keyboard: Space on the checkbox.
  await press(compact, 'Space');
  await until(async () => assert.ok((await heights()).every((h) => h > 0 && h <= 28), `compact lines: ${await heights()}`));
  const groups = await chart(page).locator('.plan-group').evaluateAll((g) => g.slice(0, 5).map((l) => l.getBoundingClientRect().height));
  assert.ok(groups.every((h) => h <= 30), `groups: ${groups}`);
  await page.reload();
  await visible(chart(page).locator('.plan-row').first());
  assert.equal(await page.getByRole('checkbox', { name: 'Affichage compact' }).isChecked(), true);
  await until(async () => assert.ok((await heights()).every((h) => h > 0 && h <= 28), `after a reload: ${await heights()}`));
  // Compact, the header is still readable and the labels still uncut.
  await page.setViewportSize({ width: 1024, height: 800 });
  assert.deepEqual(await truncatedLabels(page), []);
  await page.getByRole('checkbox', { name: 'Affichage compact' }).uncheck();
  await until(async () => assert.ok((await heights()).every((h) => h > 40)));
  assert.equal(await page.evaluate(() => localStorage.getItem('atelier-cls.v1.planning.compact')), null);
});

test('the keyboard reaches the chart’s lines, which scroll into view clear of the sticky header', async () => {
  const { page } = await demonstrationPlanning({ width: 1280, height: 700 });
  await press(page.getByRole('checkbox', { name: 'Affichage compact' }), 'Space');
  const region = chart(page);
  // Tab through the lines: every focused control is inside the chart's view, below its header.
  await page.getByRole('checkbox', { name: 'Affichage compact' }).focus();
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const focused = document.activeElement;
      const chart = focused.closest('.planning');
      if (!chart) return null;
      const box = focused.getBoundingClientRect(), view = chart.getBoundingClientRect();
      const head = chart.querySelector('.planning__head').getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, headBottom: head.bottom, viewBottom: view.bottom, text: focused.textContent || focused.title };
    });
    if (where === null) continue;
    assert.ok(where.top >= where.headBottom - 1 && where.bottom <= where.viewBottom + 1, JSON.stringify(where));
  }
  assert.ok(await region.evaluate((el) => el.scrollTop > 0), 'tabbing scrolled the chart');
  // Enter on a group's toggle folds it, and the focus stays on it.
  const toggle = region.locator('.plan-group__toggle').first();
  await press(toggle);
  await until(async () => assert.equal(await region.locator('.plan-group__toggle').first().getAttribute('aria-expanded'), 'false'));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'false');
});


test('axe-core finds no violation on the planning, in both densities, with the example and the demonstration', async () => {
  const example = await examplePlanning();
  assert.deepEqual(await violations(example.page), []);
  await example.page.getByRole('checkbox', { name: 'Affichage compact' }).check();
  assert.deepEqual(await violations(example.page), []);
  const { page } = await demonstrationPlanning();
  await page.getByRole('checkbox', { name: 'Affichage compact' }).uncheck();
  assert.deepEqual(await violations(page), []);
  await page.getByRole('checkbox', { name: 'Affichage compact' }).check();
  await until(async () => assert.ok(await chart(page).evaluate((el) => el.classList.contains('planning--compact'))));
  assert.deepEqual(await violations(page), []);
  await chooseWithKeyboard(page.getByLabel('Échelle'), 'Mois');
  await until(async () => assert.equal(await page.locator('.planning__subperiods .planning__column').count(), 60));
  assert.deepEqual(await violations(page), []);
});

test('the COPIL markers say their dates in words', async () => {
  const { page } = await demonstrationPlanning();
  const labels = await page.locator('.marker--copil .marker__label').allTextContents();
  assert.ok(labels.length > 0, 'the demonstration has COPIL meetings');
  for (const label of labels) assert.match(label, /^COPIL du (1er|\d{1,2}) [a-zéû]+ \d{4}$/);
});

// ---- « Comparer à la version signée » ------------------------------------------------------------

/**
 * The example with two actions of 2026 in its first fiche, added through the fiche's form, then
 * signed with « Signer le contrat » on « Signature et avenants ».
 */
async function signedExampleWithActions() {
  const { app, page } = await env.freshApp({ acceptDownloads: true });
  await app.loadExample();
  const stored = await app.storedWorkspace();
  const sheet = stored.contracts.find((c) => c.id === stored.active_contract).sheets.find((s) => s.title === 'Attractivité du territoire');
  await app.open(`fiche/?id=${sheet.id}&etape=4`);
  for (const [i, description] of ['Accueillir les internes', 'Former les maîtres de stage'].entries()) {
    await page.getByRole('button', { name: 'Ajouter une action' }).click();
    const group = page.getByRole('group', { name: `Action ${i + 1}` });
    await group.getByLabel('Description de l’action').fill(description);
    await group.getByLabel('Début (mois et année)').fill('2026-01');
    await group.getByLabel('Fin (mois et année)').fill('2026-12');
  }
  await app.saved();

  // Not signed yet: the box is disabled and says why.
  await app.goTo('Planning');
  const compare = page.getByRole('checkbox', { name: 'Comparer à la version signée' });
  await visible(compare);
  assert.equal(await compare.isDisabled(), true);
  assert.equal(await compare.getAttribute('aria-describedby'), 'planning-comparer-aide');
  await hasText(page.locator('#planning-comparer-aide'), 'Le contrat n’est pas encore signé : la comparaison sera possible après « Signer le contrat ».');

  await app.goTo('Signature et avenants');
  await page.getByRole('button', { name: 'Signer le contrat' }).click();
  await page.getByRole('alertdialog', { name: 'Signer le contrat maintenant ?' }).getByRole('button', { name: 'Oui, signer le contrat' }).click();
  await visible(page.getByText('Signé à Aurillac le 11 mars 2025.'));
  await app.saved();
  await app.goTo('Planning');
  await visible(chart(page).locator('.plan-row').first());
  return { app, page };
}

/** The line (`.plan-row`) of an action, found by its name's link. */
const line = (page, name) => chart(page).locator('.plan-row', { has: page.getByRole('link', { name, exact: true }) });

test('the signed version shows as a baseline under the bars, with the delay in each bar’s name', async () => {
  const { app, page } = await signedExampleWithActions();
  const compare = page.getByRole('checkbox', { name: 'Comparer à la version signée' });
  assert.equal(await compare.isDisabled(), false);
  assert.equal(await compare.isChecked(), false);
  await hidden(page.locator('#planning-comparer-aide'));
  assert.equal(await chart(page).locator('.baseline').count(), 0);

  // One action ends three months later, changed from the planning.
  await press(page.getByRole('button', { name: 'Modifier les dates de « Accueillir les internes »' }));
  const editor = page.getByRole('form', { name: 'Modifier les dates' });
  await editor.getByLabel('Nouvelle fin').fill('2027-03');
  await press(editor.getByRole('button', { name: 'Enregistrer les dates' }));
  await hidden(editor);
  await app.saved();

  await press(compare, 'Space');
  await until(async () => assert.match(page.url(), /[?&]comparer=signee/));
  const late = bar(page, 'Accueillir les internes');
  await until(async () => assert.match(await late.getAttribute('title'), /, de janvier 2026 à mars 2027, pilote : .* ; version signée : de janvier 2026 à décembre 2026, prolongée de 3 mois$/));
  const lateBaseline = line(page, 'Accueillir les internes').locator('.baseline');
  await visible(lateBaseline);
  assert.match(await lateBaseline.getAttribute('class'), /baseline--late/);
  assert.equal(await lateBaseline.getAttribute('aria-hidden'), 'true');
  // The baseline covers 2026 (the third fifth of 2024-2028), under today's bar, which runs on.
  const signed = await relativeBox(page, lateBaseline);
  assert.ok(Math.abs(signed.left - 0.4) < 0.01 && Math.abs(signed.right - 0.6) < 0.01, JSON.stringify(signed));
  const today = await relativeBox(page, late);
  assert.ok(Math.abs(today.right - 0.65) < 0.01, JSON.stringify(today));
  const [barBox, baselineBox] = [await late.boundingBox(), await lateBaseline.boundingBox()];
  assert.ok(baselineBox.y >= barBox.y + barBox.height - 1 && baselineBox.height < barBox.height / 2, JSON.stringify({ barBox, baselineBox }));

  // The unchanged action has its baseline too, without delay.
  const same = bar(page, 'Former les maîtres de stage');
  assert.match(await same.getAttribute('title'), / ; version signée : de janvier 2026 à décembre 2026, dates inchangées depuis la signature$/);
  const sameBaseline = line(page, 'Former les maîtres de stage').locator('.baseline');
  await visible(sameBaseline);
  assert.doesNotMatch(await sameBaseline.getAttribute('class'), /baseline--late/);
  await visible(page.getByRole('list', { name: 'Légende' }).getByText('Dates de la version signée'));

  // Kept in the address: a reload (or a shared link) shows the same comparison.
  await page.reload();
  await visible(line(page, 'Accueillir les internes').locator('.baseline--late'));
  assert.equal(await page.getByRole('checkbox', { name: 'Comparer à la version signée' }).isChecked(), true);

  // The CSV gives the signed dates beside today's.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le planning (CSV)' }).click()]);
  const rows = readFileSync(await download.path(), 'utf8').slice(1).split('\r\n');
  assert.equal(rows[0], 'Axe;Fiche action;Action;Pilote;Partenaires;Début;Fin;Statut;Début (version signée);Fin (version signée)');
  assert.ok(rows.some((r) => /;Accueillir les internes;.*;01\/2026;03\/2027;[^;]*;01\/2026;12\/2026$/.test(r)), rows.join('\n'));

  // On paper, the baseline and its legend are printed.
  await page.emulateMedia({ media: 'print' });
  const printed = await lateBaseline.evaluate((el) => ({ display: getComputedStyle(el).display, border: getComputedStyle(el).borderTopStyle }));
  assert.deepEqual(printed, { display: 'block', border: 'solid' });
  await page.emulateMedia({ media: 'screen' });

  assert.deepEqual(await violations(page), []);
  await page.getByRole('checkbox', { name: 'Affichage compact' }).check();
  await until(async () => assert.ok(await chart(page).evaluate((el) => el.classList.contains('planning--compact'))));
  assert.deepEqual(await violations(page), []);

  // Off again: no baseline, and bars say what they said.
  await page.getByRole('checkbox', { name: 'Comparer à la version signée' }).uncheck();
  await until(async () => assert.equal(await chart(page).locator('.baseline').count(), 0));
  assert.doesNotMatch(await bar(page, 'Accueillir les internes').getAttribute('title'), /signée/);
  // The address is written just after the frame that shows the change (planning/mod.rs).
  await until(async () => assert.doesNotMatch(page.url(), /comparer=/));
});
