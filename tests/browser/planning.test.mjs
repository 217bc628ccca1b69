// The planning: bars sit where their dates say, filters hide what they should and live in the
// address, dates changed from the planning are validated and saved, and the CSV opens right.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, typeInto, press } from '../support/app.mjs';
import { assert, visible, hidden, hasText, until } from '../support/expect.mjs';

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
  await visible(page.getByText('T1 2024'));
  await chooseWithKeyboard(page.getByLabel('Échelle'), 'Années');
  await until(async () => assert.match(page.url(), /echelle=annees/));
  await visible(page.locator('.planning__column', { hasText: /^2028$/ }));
  await hidden(page.locator('.planning__column', { hasText: 'T1 2024' }));
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
  assert.equal(lines[0], 'Axe;Fiche action;Action;Pilote;Partenaires;Début;Fin;Statut');
  assert.equal(lines.length, 4);
  assert.match(lines[1], /^Axe 1 – Offre de soins;Fiche action n°1 – Attractivité;Accueillir les internes;[^;]*;[^;]*;01\/2024;12\/2025;$/);

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
  const pdf = await page.pdf({ preferCSSPageSize: true, path: 'tests/.artifacts/planning.pdf' });
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(box && Number(box[1]) > Number(box[2]), `not landscape: ${box?.[0]}`);
});
