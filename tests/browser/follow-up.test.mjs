// « Suivi »: a year's follow-up typed from the keyboard and kept across a reload, the dashboard
// and its chart agreeing with the table, a chart segment filtering the table, « Reprendre
// l’année précédente », and amounts spent adding up.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, press, typeInto } from '../support/app.mjs';
import { assert, hasCount, hasText, hasValue, hidden, until, visible } from '../support/expect.mjs';
import { violations } from '../support/axe.mjs';

const env = suite();
const ACTIONS = ['Accueillir les internes', 'Ouvrir un cabinet secondaire', 'Former les maîtres de stage'];

/** The example contract with three actions and two funding lines of 2025 in fiche 1. */
async function exampleWithActions() {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°1 – / }));
  await press(page.getByRole('link', { name: '4. Actions' }));
  for (const [i, description] of ACTIONS.entries()) {
    await press(page.getByRole('button', { name: 'Ajouter une action' }));
    await typeInto(page.getByRole('group', { name: `Action ${i + 1}` }).getByLabel('Description de l’action'), description);
  }
  await press(page.getByRole('link', { name: '6. Moyens' }));
  for (const [i, [funder, euros]] of [[/^Agence régionale de santé/i, '12000'], [/^Caisse primaire/i, '3000']].entries()) {
    await press(page.getByRole('button', { name: 'Ajouter une ligne de financement' }));
    const line = page.getByRole('group', { name: `Ligne de financement ${i + 1}` });
    await chooseWithKeyboard(line.getByLabel('Année'), '2025');
    await chooseWithKeyboard(line.getByLabel('Financeur'), funder);
    await typeInto(line.getByLabel('Montant prévu (€)'), euros);
    await line.getByLabel('Montant prévu (€)').press('Tab'); // an amount is read when the field is left
  }
  await app.saved();
  await app.goTo('Suivi');
  await visible(app.heading('Suivi'));
  await chooseWithKeyboard(page.getByLabel('Année', { exact: true }), '2025');
  await until(async () => assert.match(page.url(), /annee=2025/));
  return { app, page };
}

const status = (page, row) => page.getByRole('combobox', { name: new RegExp(`^Statut 2025 ${row}`) });
const field = (page, column, row) => page.getByRole('textbox', { name: new RegExp(`^${column} ${row}`) });
const FICHE = 'Fiche action n°1 – Attractivité du territoire';

test('a year of follow-up typed from the keyboard survives a reload, and the dashboard agrees', async () => {
  const { app, page } = await exampleWithActions();
  // A status is chosen by typing its first letters, then Tab goes on to what was done.
  const typed = [[ACTIONS[0], 'réa', 'done'], [ACTIONS[1], 'par', 'partly_done'], [ACTIONS[2], 'en', 'in_progress'], [FICHE, 'par', 'partly_done']];
  for (const [row, letters, key] of typed) {
    const select = status(page, row);
    await select.focus();
    await page.keyboard.type(letters);
    await hasValue(select, key);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Fait : ${row}`);
  }
  await hasValue(field(page, 'Ce qui a été fait', ACTIONS[0]), `Fait : ${ACTIONS[0]}`);
  // « Pourquoi ? » is asked only when the action is not « Réalisé ».
  await hidden(field(page, 'Pourquoi \\?', ACTIONS[0]));
  await typeInto(field(page, 'Pourquoi \\?', ACTIONS[1]), 'Local indisponible');
  await typeInto(field(page, 'Suite prévue', ACTIONS[1]), 'Chercher un autre local');
  await app.saved();

  await page.reload();
  await visible(app.heading('Suivi'));
  for (const [row, , key] of typed) await hasValue(status(page, row), key);
  await hasValue(field(page, 'Ce qui a été fait', ACTIONS[2]), `Fait : ${ACTIONS[2]}`);
  await hasValue(field(page, 'Pourquoi \\?', ACTIONS[1]), 'Local indisponible');
  // Two of three actions réalisées (the fiche's own bilan is not an action).
  await hasText(page.getByRole('definition').first(), '2 sur 3 (66 %)');
  const chart = page.getByRole('img', { name: /^Actions par statut en 2025\./ });
  assert.equal(await chart.getAttribute('aria-label'),
    'Actions par statut en 2025. Axe 1 : 1 En cours, 1 Réalisé, 1 Partiellement réalisé.');
  await page.getByText('Les chiffres du graphique').click();
  const counts = page.getByRole('table', { name: 'Actions par statut et par axe en 2025' });
  await hasText(counts.locator('tfoot td').last(), '3');
  await hasText(counts.getByRole('row', { name: /Axe 1/ }).getByRole('button', { name: /Réalisé : 1/ }), '1');
});

test('a segment of the chart filters the table to its axis and status', async () => {
  const { page } = await exampleWithActions();
  const select = status(page, ACTIONS[1]);
  await select.focus();
  await page.keyboard.type('rep');
  await hasValue(select, 'postponed');
  await page.locator('svg.status-chart rect.status--postponed').click();
  await until(async () => assert.match(page.url(), /statut=postponed/));
  assert.match(page.url(), /axe=/);
  await hasCount(page.locator('.review-table tbody tr.review-row'), 1);
  await visible(status(page, ACTIONS[1]));
  await press(page.getByRole('button', { name: 'Effacer les filtres' }));
  await hasCount(page.locator('.review-table tbody tr.review-row'), 8 + ACTIONS.length);
});

test('« Reprendre l’année précédente » copies status and next step, to confirm', async () => {
  const { app, page } = await exampleWithActions();
  const select = status(page, ACTIONS[2]);
  await select.focus();
  await page.keyboard.type('en');
  await typeInto(field(page, 'Suite prévue', ACTIONS[2]), 'Deuxième session en mars');
  await chooseWithKeyboard(page.getByLabel('Année', { exact: true }), '2026');
  await until(async () => assert.match(page.url(), /annee=2026/));
  const row = page.getByRole('row', { name: new RegExp(ACTIONS[2]) });
  await press(row.getByRole('button', { name: /^Reprendre l’année précédente/ }));
  const carried = page.getByRole('combobox', { name: new RegExp(`^Statut 2026 ${ACTIONS[2]}`) });
  await hasValue(carried, 'in_progress');
  await hasValue(page.getByRole('textbox', { name: new RegExp(`^Suite prévue ${ACTIONS[2]}`) }), 'Deuxième session en mars');
  await visible(row.getByText('À confirmer'));
  await app.saved();
  await page.reload();
  await visible(row.getByText('À confirmer'));
  await press(row.getByRole('button', { name: /^Confirmer/ }));
  await hidden(row.getByText('À confirmer'));
  await hasValue(carried, 'in_progress');
});

test('amounts spent are typed in the follow-up and totals show planned against spent', async () => {
  const { app, page } = await exampleWithActions();
  await press(app.followUpPart('Budget'));
  const budget = page.getByRole('region', { name: 'Budget 2025 : prévu et dépensé' });
  const spent = (funder) => budget.getByRole('textbox', { name: new RegExp(`^Dépensé 2025 ${FICHE} — ${funder}`) });
  await typeInto(spent('Agence'), '10 500');
  await spent('Agence').press('Tab');
  const total = budget.locator('tfoot td');
  await hasText(total.first(), /^15\s000\s€$/);
  await hasText(total.last(), /^10\s500\s€ \(1 ligne non renseignée\)$/);
  await typeInto(spent('Caisse'), '3200');
  await spent('Caisse').press('Tab');
  await hasText(total.last(), /^13\s700\s€$/);
  const funders = page.getByRole('table', { name: 'Budget 2025 : prévu et dépensé par financeur' });
  await hasText(funders.getByRole('row', { name: /Caisse/ }).locator('td').last(), /^3\s200\s€$/);
  await app.saved();
  const stored = await app.storedWorkspace();
  const lines = stored.contracts[0].sheets.flatMap((s) => s.funding);
  assert.deepEqual(lines.map((l) => l.actual_euros).sort(), [10500, 3200].sort());
  // The fiche's own budget shows the same amounts spent beside what it planned.
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°1 – / }));
  await press(page.getByRole('link', { name: '6. Moyens' }));
  const perYear = page.getByRole('table', { name: 'Total prévu par année' });
  await hasText(perYear.locator('tfoot td').first(), /^15\s000\s€$/);
  await hasText(perYear.locator('tfoot td').last(), /^13\s700\s€$/);
  await app.goTo('Suivi');
  await chooseWithKeyboard(page.getByLabel('Année', { exact: true }), '2025');
  await press(app.followUpPart('Budget'));
  await typeInto(spent('Caisse'), 'beaucoup');
  await spent('Caisse').press('Tab');
  await hasText(budget.getByRole('alert').filter({ hasText: 'beaucoup' }),
    '« beaucoup » n’est pas un montant : écrivez des chiffres, par exemple 12 500 ou 12 500,50 €. Le montant enregistré n’a pas changé.');
  assert.equal(await spent('Caisse').getAttribute('aria-invalid'), 'true');
  await hasText(total.last(), /^13\s700\s€$/);
});

/** The text of an amount field, its spaces read as plain spaces (the app groups thousands with narrow no-break spaces). */
const amountIn = async (field) => (await field.inputValue()).replace(/\s/g, ' ');
const ROUNDED = '15 000,50 € arrondi à 15 001 € : les montants se comptent en euros entiers.';

test('« 15 000,50 » typed in « Moyens » and in « Suivi › Budget » reads the same: 15 001 €, and says it was rounded', async () => {
  const { app, page } = await exampleWithActions();
  await press(app.followUpPart('Budget'));
  const budget = page.getByRole('region', { name: 'Budget 2025 : prévu et dépensé' });
  const spent = budget.getByRole('textbox', { name: new RegExp(`^Dépensé 2025 ${FICHE} — Agence`) });
  await typeInto(spent, '15 000,50');
  await spent.press('Tab');
  await until(async () => assert.equal(await amountIn(spent), '15 001'));
  await hasText(budget.getByRole('status').filter({ hasText: 'arrondi' }), ROUNDED);
  assert.equal(await spent.getAttribute('aria-invalid'), null);
  await hasText(budget.locator('tfoot td').last(), /^15\s001\s€ \(1 ligne non renseignée\)$/);

  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°1 – / }));
  await press(page.getByRole('link', { name: '6. Moyens' }));
  const line = page.getByRole('group', { name: 'Ligne de financement 1' });
  const planned = line.getByRole('textbox', { name: 'Montant prévu (€)' });
  await typeInto(planned, '15 000,50');
  await planned.press('Tab');
  await until(async () => assert.equal(await amountIn(planned), '15 001'));
  await hasText(line.getByRole('status').filter({ hasText: 'arrondi' }), ROUNDED);
  const perYear = page.getByRole('table', { name: 'Total prévu par année' });
  await hasText(perYear.locator('tfoot td').first(), /^18\s001\s€$/);
  assert.equal(await amountIn(line.getByRole('textbox', { name: 'Montant réalisé (€)' })), '15 001');

  // A value that may mean thousands is refused, and the stored amount is kept.
  await typeInto(planned, '15.000');
  await planned.press('Tab');
  await hasText(line.getByRole('alert').filter({ hasText: 'ambigu' }),
    '« 15.000 » est ambigu : la virgule ou le point ne sépare que les centimes (deux chiffres au plus) ; pour des milliers, écrivez 15 000. Le montant enregistré n’a pas changé.');
  assert.equal(await planned.getAttribute('aria-invalid'), 'true');
  await hasText(perYear.locator('tfoot td').first(), /^18\s001\s€$/);
  assert.deepEqual(await violations(page), [], 'the step with a rounded and a refused amount passes axe-core');

  // An amount left empty is « à préciser », never 0 €.
  const second = page.getByRole('group', { name: 'Ligne de financement 2' }).getByRole('textbox', { name: 'Montant prévu (€)' });
  await typeInto(second, '');
  await second.press('Backspace');
  await second.press('Tab');
  await hasText(perYear.locator('tfoot td').first(), /^15\s001\s€ dont 1 montant à préciser$/);
  await app.saved();
  const lines = (await app.storedWorkspace()).contracts[0].sheets.flatMap((s) => s.funding).filter((l) => l.year === 2025);
  assert.deepEqual(lines.map((l) => [l.planned_euros, l.actual_euros]), [[15001, 15001], [null, null]]);
  await press(page.getByRole('link', { name: '8. Relecture' }));
  const summary = page.getByRole('article', { name: /^Fiche action n°/ });
  await hasText(summary.getByText(/^2025 – Caisse primaire/i), /^2025 – Caisse primaire[^:]*: montant à préciser$/i);
  await hasText(summary.getByText(/^Total prévu/), /^Total prévu : 15\s001\s€ dont 1 montant à préciser$/);
});

/** Every value of an `id` key inside `value`: what a copied fiche must not share with its original. */
function ownIds(value, found = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => ownIds(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') found.add(v);
      else ownIds(v, found);
    }
  }
  return found;
}

test('a long contract’s table comes in pages of whole fiches, kept in the address', async () => {
  const { app, page } = await env.freshApp();
  await app.open('');
  await page.getByRole('button', { name: 'Charger la démonstration' }).click();
  await visible(app.heading('Le contrat'));
  await app.saved();
  // Three times the demonstration's fiches (8 fiches, 47 actions), each copy with ids of its own.
  const workspace = await app.storedWorkspace();
  const contract = workspace.contracts.find((c) => c.id === workspace.active_contract);
  const copies = [1, 2].flatMap(() => contract.sheets.map((sheet) => {
    let text = JSON.stringify(sheet);
    for (const id of ownIds(sheet)) text = text.replaceAll(id, crypto.randomUUID());
    return JSON.parse(text);
  }));
  contract.sheets.push(...copies);
  await page.evaluate((value) => localStorage.setItem('atelier-cls.v1.espace', value), JSON.stringify(workspace));
  await app.open('suivi/?annee=2025');

  const pager = page.getByRole('navigation', { name: 'Pages du bilan des actions' });
  await hasText(pager.getByText(/^Page 1 sur/), /^Page 1 sur \d+ \(lignes 1 à \d+ sur 165\)$/);
  const rows = page.locator('.review-table tbody tr.review-row');
  const firstPage = await rows.count();
  assert.ok(firstPage > 0 && firstPage <= 60, `${firstPage} rows on the first page`);
  assert.equal(await pager.getByRole('button', { name: 'Page précédente' }).isDisabled(), true);

  // The next page starts with a fiche's own row: a fiche is never cut from its actions.
  await press(pager.getByRole('button', { name: 'Page suivante' }));
  await hasText(pager.getByText(/^Page 2 sur/), new RegExp(`^Page 2 sur \\d+ \\(lignes ${firstPage + 1} à `));
  assert.match(page.url(), /[?&]page=2/);
  await hasText(rows.first().locator('th'), /\(bilan de la fiche\)$/);
  await page.reload();
  await hasText(pager.getByText(/^Page 2 sur/), /^Page 2 sur/);

  // Another filter starts again from the first page, and a short table has no pages at all.
  await page.getByLabel('Axe', { exact: true }).selectOption({ index: 1 });
  await hidden(pager);
  assert.doesNotMatch(page.url(), /page=/);

  // The budget is paged the same way, a fiche's lines with their subtotal; the contract's
  // total stays under every page.
  await press(app.followUpPart('Budget'));
  const budgetPager = page.getByRole('navigation', { name: 'Pages du budget' });
  await hasText(budgetPager.getByText(/^Page 1 sur/), /^Page 1 sur [2-9] \(lignes 1 à \d+ sur \d+\)$/);
  const budget = page.getByRole('region', { name: 'Budget 2025 : prévu et dépensé' });
  const total = await budget.locator('tfoot td').first().textContent();
  const lastRow = budget.locator('tbody tr').last();
  await hasText(lastRow.locator('th'), /^Total de la fiche n°/);
  await press(budgetPager.getByRole('button', { name: 'Page suivante' }));
  await hasText(budgetPager.getByText(/^Page 2 sur/), /^Page 2 sur/);
  await hasText(lastRow.locator('th'), /^Total de la fiche n°/);
  assert.equal(await budget.locator('tfoot td').first().textContent(), total);
});
