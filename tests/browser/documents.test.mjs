// The documents made from the data (issue 12): the COPIL's annual report, the contract's bilan,
// the contract to sign, a fiche alone and an avenant (issue 13). Shown on screen, printed to A4
// PDF by Chromium, and downloaded as ODT files that LibreOffice opens.
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, press, typeInto } from '../support/app.mjs';
import { assertMimetypeFirstAndStored, convert, textOf } from '../support/odt.mjs';
import { AVENANT, seedAvenant } from '../support/avenant.mjs';
import { assert, hasCount, hidden, until, visible } from '../support/expect.mjs';

const env = suite();
const CONTRACT = 'Pays de Val-Sorel';

/** A fresh app with the demonstration contract loaded. */
async function demonstration() {
  const { app, page } = await env.freshApp();
  await app.open('');
  await page.getByRole('button', { name: 'Charger la démonstration' }).click();
  await visible(app.heading('Le contrat'));
  return { app, page };
}

/** The texts of a table's rows (cells joined by « | »), header excluded. */
const rowTexts = (table) => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim()).join(' | ')));

test('the annual report of the demonstration for 2025 shows its counts and the COPIL’s decision points', async () => {
  const { app, page } = await demonstration();
  await app.open('suivi/?annee=2025');
  await press(page.getByRole('navigation', { name: 'Documents du suivi' }).getByRole('link', { name: 'Rapport annuel 2025 pour le COPIL' }));
  await visible(app.heading('Rapport annuel 2025'));
  await visible(page.getByRole('img', { name: /^Actions par statut en 2025\. Axe 1 : 2 Réalisé/ }));
  const counts = page.getByRole('table', { name: 'Actions par statut et par axe en 2025' });
  await until9Rows(counts);
  const total = (await rowTexts(counts)).at(-1);
  assert.equal(total, 'Total | 3 | 5 | 21 | 4 | 4 | 2 | 3 | 2 | 3 | 47');
  // The total row's label on the left, its figures on the right like the figures above them.
  const aligned = await counts.locator('tbody tr').last().locator('td').evaluateAll((cells) => cells.map((c) => getComputedStyle(c).textAlign));
  assert.deepEqual([aligned[0], ...new Set(aligned.slice(1))], ['left', 'right']);
  // « Pourquoi ? » never breaks before its question mark: a narrow no-break space binds it.
  const headers = await page.locator('.document__table th').allTextContents();
  assert.ok(headers.includes('Pourquoi\u202f?'), headers.join(' | '));
  assert.ok(!headers.some((h) => / [?!;:]/.test(h)), headers.join(' | '));
  await visible(page.getByText(/^En 2025, 25 actions sur 47/));
  await visible(page.getByRole('heading', { name: 'Points soumis à la décision du COPIL', level: 2 }));
  const slipped = page.getByRole('table', { name: 'Actions reportées, non réalisées ou abandonnées en 2025' });
  await hasCount(slipped.locator('tbody tr'), 7);
  const statuses = await slipped.locator('td.status-cell').allTextContents();
  assert.ok(statuses.every((s) => ['Reporté', 'Non réalisé', 'Abandonné'].includes(s.trim())), statuses.join(', '));
  await visible(page.getByRole('heading', { name: 'Fiches dont le suivi 2025 est incomplet', level: 3 }));

  // A year nobody has followed says so plainly.
  await chooseWithKeyboard(page.getByLabel('Année du rapport'), '2027');
  await visible(app.heading('Rapport annuel 2027'));
  await visible(page.getByText(/^Aucun suivi n’a été saisi pour 2027\u202f:/).first());
  assert.match(page.url(), /annee=2027/);
});

async function until9Rows(table) {
  await hasCount(table.locator('tbody tr'), 9); // eight axes and the total
}

test('the documents download as ODT files that LibreOffice opens, mimetype first and stored', async () => {
  const { app, page } = await demonstration();
  const download = async (path, name) => {
    await app.open(path);
    const [file] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger (ODT)' }))]);
    assert.equal(file.suggestedFilename(), name);
    const saved = join(mkdtempSync(join(tmpdir(), 'atelier-cls-odt-')), name);
    await file.saveAs(saved);
    assertMimetypeFirstAndStored(readFileSync(saved));
    return textOf(saved);
  };
  const report = await download('rapport/?annee=2025', 'cls-pays-de-val-sorel-territoire-fictif-rapport-2025.odt');
  for (const expected of [CONTRACT, 'Rapport annuel 2025', 'Fiche action n°1 – ', 'Partiellement réalisé', 'Indicateurs 2025\u202f: cible, résultat et écart']) {
    assert.ok(report.includes(expected), `the report's text has « ${expected} »`);
  }
  const bilan = await download('bilan/', 'cls-pays-de-val-sorel-territoire-fictif-bilan.odt');
  for (const expected of [CONTRACT, 'Bilan du contrat 2024-2028', 'Fiche action n°2 – ', 'Réalisé', '2025']) {
    assert.ok(bilan.includes(expected), `the bilan's text has « ${expected} »`);
  }
  const contract = await download('document/', 'cls-pays-de-val-sorel-territoire-fictif-contrat.odt');
  for (const expected of [CONTRACT, 'Signatures', 'Fiche action n°8']) {
    assert.ok(contract.includes(expected), `the contract's text has « ${expected} »`);
  }
  // A fiche alone, from its own « Relecture » step.
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°3 – / }));
  await press(page.getByRole('link', { name: /Relecture/ }));
  await press(page.getByRole('link', { name: 'Document de la fiche (ODT)' }));
  await visible(page.getByRole('heading', { level: 1, name: /^Fiche action n°3/ }));
  const [file] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger (ODT)' }))]);
  assert.equal(file.suggestedFilename(), 'cls-pays-de-val-sorel-territoire-fictif-fiche-3.odt');
  const saved = join(mkdtempSync(join(tmpdir(), 'atelier-cls-odt-')), file.suggestedFilename());
  await file.saveAs(saved);
  const fiche = textOf(saved);
  assert.ok(fiche.includes('Fiche action n°3') && fiche.includes(CONTRACT), fiche.slice(0, 400));
});

test('printed by Chromium, the annual report gives A4 pages with no table row cut across two pages', async () => {
  const { app, page } = await demonstration();
  await app.open('rapport/?annee=2025');
  await visible(page.getByRole('table', { name: 'Actions par statut et par axe en 2025' }));
  // What to look for in the PDF: the start of each row (its first cell's first words) and its
  // end (the last words of its longest cell, at the bottom of the row), for rows whose texts
  // are found in no other cell of the report (an action is also listed among the decision
  // points: its row there would be found first).
  const rows = await page.locator('.document__table tbody tr').evaluateAll((trs) => {
    const clean = (c) => c.textContent.trim().replace(/\s+/g, ' ');
    const all = trs.flatMap((tr) => [...tr.cells].map(clean));
    const once = (part) => part.length === 25 && all.filter((t) => t.includes(part)).length === 1;
    return trs.map((tr) => {
      const cells = [...tr.cells].map(clean);
      const longest = cells.reduce((a, b) => (b.length > a.length ? b : a));
      return [cells[0].slice(0, 25), longest.slice(-25)];
    }).filter(([start, end]) => once(start) && once(end));
  });
  assert.ok(rows.length > 10, `${rows.length} rows to find`);
  const dir = mkdtempSync(join(tmpdir(), 'atelier-cls-pdf-'));
  const pdf = join(dir, 'rapport.pdf');
  await page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/, info);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  assert.ok(pages > 3, `${pages} pages`);
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ' '));
  const pageOf = (words) => text.findIndex((p) => p.includes(words));
  let checked = 0;
  for (const [first, last] of rows) {
    const [a, b] = [pageOf(first), pageOf(last)];
    if (a < 0 || b < 0) continue;
    assert.equal(a, b, `« ${first.slice(0, 40)} » and « ${last.slice(0, 40)} » are on one page`);
    checked += 1;
  }
  assert.ok(checked > 10, `${checked} rows checked in the PDF`);
});

test('avenant n°1 to the signed example: its changes before and after, the ten signature blocks, printed without the app around it, downloaded as ODT', async () => {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  await app.saved();
  await seedAvenant(page);
  await app.open('document/?avenant=1');
  await visible(app.heading(/^Avenant n°1 au Contrat local de santé du Bassin d’Aurillac/));
  const parts = await page.locator('.document h2').allTextContents();
  assert.deepEqual(parts, ['Entre les parties', 'Visas', 'Article 1 — Objet', 'Article 2 — Modifications', 'Article 3 — Autres dispositions', 'Signatures']);
  await visible(page.getByText('Vu le contrat local de santé signé le 11 mars 2025 à Aurillac'));
  await visible(page.getByText(`Vu la décision d’adoption : ${AVENANT.adoptedBy}`));
  await visible(page.getByText(AVENANT.object));
  await visible(app.heading(`Fiche action n°3 — ${AVENANT.fiche} (modifiée)`, 3));
  const changes = page.getByRole('table', { name: `Fiche action n°3 — ${AVENANT.fiche} : avant et après l’avenant n°1` });
  const rows = await rowTexts(changes);
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.ok(rows.some((r) => r.includes(AVENANT.action) && r.endsWith('› Fin | juin 2025 | septembre 2026')), rows.join('\n'));
  assert.ok(rows.some((r) => r.endsWith(` | ${AVENANT.objective}`) && !r.includes(`| ${AVENANT.objective} |`)), rows.join('\n'));
  await visible(page.getByText('Les autres dispositions du contrat demeurent inchangées.'));
  await visible(page.getByText('Fait à Aurillac, le 02/04/2026'));
  const blocks = page.getByRole('listitem').filter({ hasText: 'Signature :' });
  await hasCount(blocks, 10);
  const parties = await blocks.locator('.signature__party').allTextContents();
  assert.equal(parties[0], 'Pour l’Agence Régionale de Santé Auvergne-Rhône-Alpes');

  // Printed: A4, the document alone (no navigation, no buttons), each signature block whole.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible(), false);
  const pdf = join(mkdtempSync(join(tmpdir(), 'atelier-cls-pdf-')), 'avenant.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/, info);
  const pages = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ' '));
  const text = pages.join(' ');
  for (const expected of ['Avenant n°1 au Contrat local de santé', 'Article 2 — Modifications', 'septembre 2026', 'Fait à Aurillac, le 02/04/2026']) {
    assert.ok(text.includes(expected), `the PDF has « ${expected} »`);
  }
  for (const chrome of ['Navigation principale', 'Mes contrats', 'Télécharger (ODT)', 'Imprimer', 'Échanges']) {
    assert.ok(!text.includes(chrome), `the PDF has no « ${chrome} »`);
  }
  const signatures = await blocks.evaluateAll((items) => items.map((li) => [...li.querySelectorAll('p')].map((p) => p.textContent.trim().replace(/\s+/g, ' '))));
  for (const lines of signatures) {
    const page = pages.findIndex((p) => p.includes(lines[0]));
    assert.ok(page >= 0, `« ${lines[0]} » is printed`);
    const rest = pages[page].slice(pages[page].indexOf(lines[0]));
    assert.ok(lines.slice(1).every((line) => rest.includes(line)), `the block of « ${lines[0]} » is on one page`);
  }
  await page.emulateMedia({ media: 'screen' });

  // Downloaded as ODT: LibreOffice reads its object and its changes.
  const [file] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger (ODT)' }))]);
  assert.equal(file.suggestedFilename(), 'cls-bassin-d-aurillac-du-carlades-et-de-la-c-avenant-1-2026-04-02.odt');
  const saved = join(mkdtempSync(join(tmpdir(), 'atelier-cls-odt-')), file.suggestedFilename());
  await file.saveAs(saved);
  assertMimetypeFirstAndStored(readFileSync(saved));
  const odt = textOf(saved);
  for (const expected of ['Avenant n°1', AVENANT.object, AVENANT.objective, 'septembre 2026', 'Article 3 — Autres dispositions', 'Cécile COURREGES',
    'Pour l’Agence Régionale de Santé Auvergne-Rhône-Alpes', 'Pour la Préfecture du Cantal', 'Pour le Conseil Départemental du Cantal']) {
    assert.ok(odt.includes(expected), `the ODT's text has « ${expected} »`);
  }

  // An avenant the contract does not have says so, and leads back to the avenants.
  await app.open('document/?avenant=7');
  await visible(app.heading('Avenant introuvable'));
  await visible(page.getByText('L’avenant n°7 n’existe pas dans ce contrat.', { exact: false }));
  const back = page.getByRole('main').getByRole('link', { name: 'Signature et avenants' });
  await visible(back);
  assert.match(await back.getAttribute('href'), /\/signature\/$/);
  assert.equal(await page.getByRole('button', { name: 'Télécharger (ODT)' }).count(), 0);
});

/** The text of each page of a PDF, white space collapsed. */
const pdfPages = (pdf) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);

test('once signed, « Le contrat à signer » is the version in force; the working version says on every page, screen, print and ODT, that nobody adopted it', async () => {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  await app.goTo('Signature et avenants');
  await press(page.getByRole('button', { name: 'Signer le contrat' }));
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Oui, signer le contrat'));
  await page.keyboard.press('Enter');
  await visible(page.getByText('Signé à Aurillac le 11 mars 2025.'));
  const LATER = 'Nom changé après la signature';
  await app.goTo('Contrat');
  await typeInto(page.getByLabel('Nom du contrat'), LATER);
  await app.saved();

  // By default: the version in force, as signed, with no mark.
  await app.open('document/');
  await visible(app.heading('Le contrat à signer'));
  await visible(page.getByText('Version en vigueur : texte signé'));
  await visible(page.getByText('Fait à Aurillac, le 11/03/2025'));
  const mark = page.getByRole('note').filter({ hasText: 'Version de travail, non adoptée' });
  await hidden(mark);
  assert.ok(!(await page.locator('.document').textContent()).includes(LATER), 'the later name is not in the signed version');

  // The working version, chosen by its label, kept in the address.
  await chooseWithKeyboard(page.getByLabel('Version du contrat'), /^Version de travail, non adoptée/);
  await until(async () => assert.match(page.url(), /\/document\/\?version=travail$/));
  await visible(mark);
  await visible(page.locator('.document').getByText(LATER).first());
  await page.reload();
  await visible(mark);
  assert.equal(await page.getByLabel('Version du contrat').evaluate((el) => el.options[el.selectedIndex].text).then((t) => t.startsWith('Version de travail')), true);

  // Printed: the mark on every page.
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'atelier-cls-travail-'));
  const printed = join(dir, 'contrat.pdf');
  writeFileSync(printed, await page.pdf({ preferCSSPageSize: true }));
  const printedPages = pdfPages(printed);
  assert.ok(printedPages.length > 3, `${printedPages.length} pages`);
  printedPages.forEach((text, n) => assert.ok(text.includes('Version de travail, non adoptée'), `printed page ${n + 1} is marked`));
  await page.emulateMedia({ media: 'screen' });

  // Downloaded: a name of its own, and the mark on every page LibreOffice lays out.
  const [file] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger (ODT)' }))]);
  assert.equal(file.suggestedFilename(), 'cls-bassin-d-aurillac-du-carlades-et-de-la-c-contrat-version-de-travail.odt');
  const saved = join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  assertMimetypeFirstAndStored(readFileSync(saved));
  const odtPages = pdfPages(convert(saved, 'pdf'));
  assert.ok(odtPages.length > 3, `${odtPages.length} pages`);
  odtPages.forEach((text, n) => assert.ok(text.includes('Version de travail, non adoptée'), `ODT page ${n + 1} is marked`));
  assert.ok(odtPages.some((text) => text.includes(LATER)));

  // Back to the version in force.
  await chooseWithKeyboard(page.getByLabel('Version du contrat'), /^Version en vigueur/);
  await until(async () => assert.match(page.url(), /\/document\/$/));
  await hidden(mark);
  const [signedFile] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger (ODT)' }))]);
  assert.equal(signedFile.suggestedFilename(), 'cls-bassin-d-aurillac-du-carlades-et-de-la-c-contrat.odt');
});
