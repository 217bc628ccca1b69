// Indicators and the yearly follow-up seen from the fiche and the contract: a year's cible and
// résultat typed in the fiche's « Évaluation » step, a word where a number is expected, the
// values a file brings without a year, the contract's own ten indicators, and the review
// history (« Suivi annuel ») on the fiche's summary.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, typeInto, press } from '../support/app.mjs';
import { assert, visible, hidden, hasValue, hasText, hasCount, until } from '../support/expect.mjs';

const env = suite();
const KEY = 'atelier-cls.v1.espace';
/** Fiche 4 of the example: no indicator, no action, no review. */
const TITLE = 'Sport santé nutrition';

async function appWithExample() {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  return { app, page };
}

/** The stored fiche « Sport santé nutrition » (loading the example gives every item a new id). */
async function storedSheet(app) {
  return (await storedContract(app)).sheets.find((sheet) => sheet.title === TITLE);
}

const openStep = async (app, n, title) => {
  await app.open(`fiche/?id=${(await storedSheet(app)).id}&etape=${n}`);
  await visible(app.page.getByRole('heading', { name: `Étape ${n} sur 8 : ${title}` }));
};

/** The open contract as stored. */
async function storedContract(app) {
  const stored = await app.storedWorkspace();
  return stored.contracts.find((contract) => contract.id === stored.active_contract);
}

/** Changes the stored open contract with `change` (run in the page), then reloads the app on it. */
async function editStored(app, change) {
  await app.saved();
  await app.page.evaluate(([key, source]) => {
    const workspace = JSON.parse(localStorage.getItem(key));
    const contract = workspace.contracts.find((c) => c.id === workspace.active_contract);
    new Function('contract', source)(contract);
    localStorage.setItem(key, JSON.stringify(workspace));
  }, [KEY, `(${change})(contract)`]);
  await app.page.reload();
}

/** The text of a table row, spaces folded. */
const rowText = async (row) => (await row.innerText()).replace(/\s+/g, ' ').trim();

test('a year’s cible and résultat are typed in the fiche with the keyboard and are still there after a reload', async () => {
  const { app, page } = await appWithExample();
  await openStep(app, 7, 'Évaluation');
  await press(page.getByRole('button', { name: 'Ajouter un indicateur de résultat' }));
  const indicator = page.getByRole('group', { name: 'Indicateur 1 (indicateur de résultat)' });
  await typeInto(indicator.getByLabel('Nom de l’indicateur'), 'Patients orientés vers le sport santé');
  await chooseWithKeyboard(indicator.getByLabel('Type de valeur'), 'Chiffré : atteindre au moins la cible');
  await typeInto(indicator.getByLabel('Source des données'), 'Réseau sport santé');
  const table = indicator.getByRole('table', { name: 'Cible et résultat par année de l’indicateur 1' });
  await hasCount(table.getByRole('rowheader'), 5);
  // From the year's cible, Tab goes through its comment, its résultat and the résultat's comment.
  await typeInto(table.getByLabel('Cible 2025 de l’indicateur 1', { exact: true }), '100');
  for (const text of ['Première année pleine', '112', 'Chiffres du réseau']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(text);
  }
  await hasValue(table.getByLabel('Commentaire sur le résultat 2025 de l’indicateur 1', { exact: true }), 'Chiffres du réseau');
  await app.saved();

  await page.reload();
  const again = page.getByRole('group', { name: 'Indicateur 1 (indicateur de résultat)' });
  await hasValue(again.getByLabel('Cible 2025 de l’indicateur 1', { exact: true }), '100');
  await hasValue(again.getByLabel('Commentaire sur la cible 2025 de l’indicateur 1', { exact: true }), 'Première année pleine');
  await hasValue(again.getByLabel('Résultat 2025 de l’indicateur 1', { exact: true }), '112');
  await hasValue(again.getByLabel('Type de valeur'), 'at_least');
  await hasValue(again.getByLabel('Source des données'), 'Réseau sport santé');
  const sheet = (await storedSheet(app));
  assert.deepEqual(sheet.indicators[0].values, [
    { year: 2025, target: '100', target_comment: 'Première année pleine', result: '112', result_comment: 'Chiffres du réseau' },
  ]);

  // « Suivi » shows the same year of the same indicator, and says the target is reached.
  await app.open('suivi/?annee=2025');
  await app.followUpPart('Indicateurs').click();
  const suivi = page.getByRole('region', { name: 'Indicateurs 2025' });
  await hasValue(suivi.getByRole('textbox', { name: 'Cible 2025 Patients orientés vers le sport santé' }), '100');
  await hasValue(suivi.getByRole('textbox', { name: 'Résultat 2025 Patients orientés vers le sport santé' }), '112');
  await hasText(suivi.getByRole('row', { name: /Patients orientés/ }).locator('td').last(), 'Oui');
  await hasText(page.getByRole('definition').filter({ hasText: 'mesurables' }), '1 sur 1 mesurables');
  await openStep(app, 7, 'Évaluation');

  // The fiche's summary shows the year; no frequency was chosen, so it reads « Non renseigné »
  // (issue 13: a new indicator states no frequency by default).
  await press(page.getByRole('link', { name: '8. Relecture' }));
  // The summary's table of indicators: type, name, target, source, frequency, then « 2025 (cible / résultat) ».
  const row = page.getByRole('article', { name: /^Fiche action n°/ }).getByRole('row', { name: /Patients orientés/ });
  await visible(row);
  await until(async () => assert.deepEqual((await row.locator('th, td').allInnerTexts()).map((t) => t.trim()),
    ['Indicateur de résultat', 'Patients orientés vers le sport santé', '—', 'Réseau sport santé', 'Non renseigné', '100 / 112']));

  // Clearing every cell of the year leaves no empty entry behind.
  await press(page.getByRole('link', { name: '7. Évaluation' }));
  for (const label of ['Cible 2025', 'Commentaire sur la cible 2025', 'Résultat 2025', 'Commentaire sur le résultat 2025']) {
    const field = page.getByLabel(`${label} de l’indicateur 1`, { exact: true });
    await field.focus();
    await field.press('Control+A');
    await field.press('Backspace');
  }
  await app.saved();
  assert.deepEqual((await storedSheet(app)).indicators[0].values, []);
});

test('a word typed where the indicator expects a number shows the French issue beside the year', async () => {
  const { app, page } = await appWithExample();
  await openStep(app, 7, 'Évaluation');
  await press(page.getByRole('button', { name: 'Ajouter un indicateur de processus' }));
  const indicator = page.getByRole('group', { name: 'Indicateur 1 (indicateur de processus)' });
  await typeInto(indicator.getByLabel('Nom de l’indicateur'), 'Ateliers organisés');
  await chooseWithKeyboard(indicator.getByLabel('Type de valeur'), 'Chiffré : atteindre au moins la cible');
  const result = indicator.getByLabel('Résultat 2026 de l’indicateur 1', { exact: true });
  await typeInto(result, 'une dizaine');
  const issue = indicator.getByText('Le résultat 2026 de l’indicateur « Ateliers organisés » n’est pas un nombre : « une dizaine ».', { exact: false });
  await visible(issue);
  await hasText(issue, /^Erreur : Le résultat 2026 .* choisissez « Qualitatif \(texte libre\) » comme type de valeur\.$/);
  assert.equal(await result.getAttribute('aria-invalid'), 'true');
  const description = await result.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby'))?.innerText ?? '');
  assert.match(description, /n’est pas un nombre/);
  // The same issue on the Relecture step's list.
  await press(page.getByRole('link', { name: '8. Relecture' }));
  await visible(page.getByRole('region', { name: 'Points à vérifier' }).getByText('Le résultat 2026 de l’indicateur « Ateliers organisés » n’est pas un nombre', { exact: false }));

  // A number clears it; a qualitative indicator accepts words.
  await press(page.getByRole('link', { name: '7. Évaluation' }));
  const back = page.getByRole('group', { name: 'Indicateur 1 (indicateur de processus)' });
  await typeInto(back.getByLabel('Résultat 2026 de l’indicateur 1', { exact: true }), '12');
  await hidden(back.getByText('n’est pas un nombre', { exact: false }));
  assert.equal(await back.getByLabel('Résultat 2026 de l’indicateur 1', { exact: true }).getAttribute('aria-invalid'), null);
  await typeInto(back.getByLabel('Cible 2026 de l’indicateur 1', { exact: true }), 'une douzaine');
  await visible(back.getByText('La cible 2026 de l’indicateur « Ateliers organisés » n’est pas un nombre', { exact: false }));
  await chooseWithKeyboard(back.getByLabel('Type de valeur'), 'Qualitatif (texte libre)');
  await hidden(back.getByText('n’est pas un nombre', { exact: false }));
});

test('values a file brings without a year or outside the period are listed apart with their issue, and can be removed', async () => {
  const { app, page } = await appWithExample();
  await editStored(app, (contract) => {
    const indicator = contract.indicators[1];
    indicator.values = [
      { year: 2025, target: '4', target_comment: '', result: '5', result_comment: '' },
      { year: null, target: '', target_comment: '', result: '3', result_comment: 'ancien tableau' },
      { year: 2031, target: '6', target_comment: '', result: '', result_comment: '' },
    ];
  });
  await visible(app.heading('Le contrat'));
  const indicator = page.getByRole('group', { name: 'Indicateur 2 (indicateur de processus)' });
  await hasValue(indicator.getByLabel('Résultat 2025 de l’indicateur 2', { exact: true }), '5');
  const apart = indicator.getByRole('list', { name: 'Valeurs de l’indicateur 2 hors du tableau' });
  await visible(apart);
  await visible(apart.getByText('Une valeur de l’indicateur « Nombre de rencontres organisées » n’a pas d’année.', { exact: false }));
  await visible(apart.getByText('La valeur 2031 de l’indicateur « Nombre de rencontres organisées » est en dehors de la période du contrat (2024-2028)', { exact: false }));
  await visible(apart.getByText('Sans année : cible —, résultat 3 (ancien tableau)'));
  await press(indicator.getByRole('button', { name: 'Supprimer la valeur sans année de l’indicateur 2' }));
  await hidden(apart.getByText('n’a pas d’année', { exact: false }));
  await press(indicator.getByRole('button', { name: 'Supprimer la valeur 2031 de l’indicateur 2' }));
  await hidden(apart);
  await app.saved();
  assert.deepEqual((await storedContract(app)).indicators[1].values.map((v) => v.year), [2025]);
});

test('the example shows its ten contract indicators on « Le contrat », and an edit to one persists', async () => {
  const { app, page } = await appWithExample();
  const toc = page.getByRole('navigation', { name: 'Sections du contrat' });
  await press(toc.getByRole('link', { name: 'Indicateurs d’évaluation du contrat' }));
  const section = page.getByRole('region', { name: 'Indicateurs d’évaluation du contrat' });
  await hasCount(section.getByRole('group', { name: /^Indicateur \d+ \(indicateur de processus\)$/ }), 3);
  await hasCount(section.getByRole('group', { name: /^Indicateur \d+ \(indicateur de résultat\)$/ }), 7);
  const second = section.getByRole('group', { name: 'Indicateur 2 (indicateur de processus)' });
  await hasValue(second.getByLabel('Nom de l’indicateur'), 'Nombre de rencontres organisées');
  await typeInto(second.getByLabel('Valeur cible'), '4 par an');
  await chooseWithKeyboard(second.getByLabel('Type de valeur'), 'Chiffré : atteindre au moins la cible');
  await typeInto(second.getByLabel('Cible 2024 de l’indicateur 2', { exact: true }), '4');
  await typeInto(second.getByLabel('Résultat 2024 de l’indicateur 2', { exact: true }), '5');
  await app.saved();

  await page.reload();
  const again = page.getByRole('group', { name: 'Indicateur 2 (indicateur de processus)' });
  await hasValue(again.getByLabel('Valeur cible'), '4 par an');
  await hasValue(again.getByLabel('Résultat 2024 de l’indicateur 2', { exact: true }), '5');
  const stored = (await storedContract(app)).indicators[1];
  assert.equal(stored.target, '4 par an');
  assert.equal(stored.scale, 'at_least');
  assert.deepEqual(stored.values, [{ year: 2024, target: '4', target_comment: '', result: '5', result_comment: '' }]);

  // Moved down with the keyboard: it becomes the third, and stays so.
  await press(again.getByRole('button', { name: 'Descendre l’indicateur 2' }));
  await hasValue(page.getByRole('group', { name: 'Indicateur 3 (indicateur de processus)' }).getByLabel('Nom de l’indicateur'), 'Nombre de rencontres organisées');
  await app.saved();
  assert.equal((await storedContract(app)).indicators[2].name, 'Nombre de rencontres organisées');
  // A new one, then removed and put back.
  await press(page.getByRole('button', { name: 'Ajouter un indicateur de résultat' }));
  await visible(page.getByRole('group', { name: 'Indicateur 11 (indicateur de résultat)' }));
  await press(page.getByRole('button', { name: 'Supprimer l’indicateur 11' }));
  await hidden(page.getByRole('group', { name: 'Indicateur 11 (indicateur de résultat)' }));
  await app.saved();
  assert.equal((await storedContract(app)).indicators.length, 10);
});

test('the fiche’s summary shows its review history, every year, « Non renseigné » and « à confirmer » included', async () => {
  const { app, page } = await appWithExample();
  await openStep(app, 8, 'Relecture');
  await visible(page.getByText('Aucun bilan annuel n’a encore été saisi pour cette fiche.'));
  await editStored(app, (contract) => {
    const sheet = contract.sheets.find((s) => s.title === 'Sport santé nutrition');
    const review = (year, status, fields = {}) => ({ year, status, comment: '', reason: '', next_steps: '', to_confirm: false, ...fields });
    sheet.reviews = [
      review(2024, 'done', { comment: 'Trois ateliers tenus', next_steps: 'Ouvrir un second site' }),
      review(2025, 'in_progress', { next_steps: 'Ouvrir un second site', to_confirm: true }),
    ];
    sheet.actions = [{
      id: '00000000-0000-4000-8aaa-000000000001', modified_at: 0, description: 'Former les éducateurs sportifs',
      start: null, end: null, lead_id: null, milestone: false,
      reviews: [review(2024, 'postponed', { reason: 'Pas de formateur disponible', next_steps: 'Recruter un formateur' })],
    }];
  });
  const history = page.getByRole('table', { name: 'Suivi annuel' });
  await visible(history);
  const headers = await history.getByRole('columnheader').allInnerTexts();
  assert.deepEqual(headers.map((h) => h.trim()), ['Fiche ou action', '2024', '2025', '2026', '2027', '2028']);
  const rows = history.locator('tbody tr');
  await hasCount(rows, 2);
  const sheetCells = await rows.nth(0).locator('th, td').allInnerTexts();
  assert.deepEqual(sheetCells.map((t) => t.replace(/\s+/g, ' ').trim()), [
    'La fiche (bilan d’ensemble)',
    'Réalisé Fait : Trois ateliers tenus Suite prévue : Ouvrir un second site',
    'En cours (à confirmer) Suite prévue : Ouvrir un second site',
    'Non renseigné', 'Non renseigné', 'Non renseigné',
  ]);
  assert.equal(await rowText(rows.nth(1).locator('th')), 'Action 1 – Former les éducateurs sportifs');
  assert.equal(await rowText(rows.nth(1).locator('td').nth(0)), 'Reporté Pourquoi : Pas de formateur disponible Suite prévue : Recruter un formateur');
  assert.equal(await rowText(rows.nth(1).locator('td').nth(1)), 'Non renseigné');

  // The same history in the printable contract, with the fiche among its annexes.
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: 'Version imprimable du contrat' }));
  const annex = page.getByRole('article', { name: /^Fiche action n°/ }).filter({ hasText: 'Former les éducateurs sportifs' });
  await visible(annex.getByRole('table', { name: 'Suivi annuel' }));
  await until(async () => assert.equal(await page.getByRole('table', { name: 'Suivi annuel' }).count(), 1));
});
