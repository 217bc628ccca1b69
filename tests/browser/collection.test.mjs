// « Collecte » (issue 24): the yearly collection of the leads' answers, round trip. The
// coordinator downloads a lead's spreadsheet from « Suivi », the lead answers it in a real
// spreadsheet program (openpyxl types statuses in their own words, accented comments,
// « 1 250,50 € » and moves a column; LibreOffice saves an answer typed as Calc keeps it and
// converts it to .xlsx), the coordinator meanwhile types an amount the lead also gives (the
// planted conflict); the answers come back by the file picker or dropped anywhere, the preview
// shows what they fill, change and conflict, and once applied every value is in « Suivi » and
// the collection's table says who answered. Hostile files are refused, storage unchanged.
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { suite } from '../support/browser.mjs';
import { assert, hasText, until, visible } from '../support/expect.mjs';
import { press } from '../support/app.mjs';
import { violations } from '../support/axe.mjs';
import { sofficePath } from '../support/odt.mjs';

const env = suite();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PYTHON = join(ROOT, '.tools', 'venv', 'bin', 'python');
// The demonstration has the bilans of 2024 and 2025: 2026 is the first year every lead is asked
// afresh (2025's statuses show as last year's).
const YEAR = 2026;
const folder = mkdtempSync(join(tmpdir(), 'atelier-cls-collecte-navigateur-'));

/** The demonstration loaded, then « Collecte » of 2025 open. */
async function demonstrationCollection() {
  const opened = await env.freshApp();
  const { app, page } = opened;
  await app.open();
  await press(page.getByRole('button', { name: 'Charger la démonstration' }));
  await visible(app.heading('Le contrat'));
  await app.saved();
  await app.open(`/suivi/?annee=${YEAR}&partie=collecte`);
  await visible(app.heading(`Collecte ${YEAR}`, 2));
  return opened;
}

const recipientsTable = (page) => page.getByRole('table', { name: `Destinataires de la collecte ${YEAR}` });

/** The recipients' rows as shown: name, quality, rows answered, sent on, received on. */
async function recipientRows(page) {
  const rows = recipientsTable(page).getByRole('row');
  const texts = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  return texts.map(([name, quality, answered, sent, received]) => ({ name, quality, answered, sent, received }));
}

/** Clicks a download button and saves the file into the test's folder. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), press(button)]);
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

const contractOf = async (app) => {
  const stored = await app.storedWorkspace();
  return stored.contracts.find((c) => c.id === stored.active_contract);
};

const today = () => new Date().toLocaleDateString('fr-FR');

async function pickAnswers(page, paths) {
  await page.getByLabel('Choisir les tableaux des pilotes').setInputFiles(paths);
}

test('a lead answers in a spreadsheet, the answer is previewed with its conflict, applied, found in « Suivi », and changes nothing the second time', async () => {
  const { app, page } = await demonstrationCollection();
  const rows = await recipientRows(page);
  assert.ok(rows.length >= 5, JSON.stringify(rows));
  assert.ok(rows.every((r) => /^0 \/ \d+$/.test(r.answered) && r.sent === '—' && r.received === '—'), JSON.stringify(rows));
  await visible(page.getByText(`En attente de réponse (${rows.length}) :`));

  // The date answers are asked by, said on « Mode d’emploi ».
  await page.getByLabel('Réponses attendues avant le').fill('2026-03-15');
  await app.saved();
  assert.equal((await contractOf(app)).collections.find((c) => c.year === YEAR).answer_by, '2026-03-15');

  // The lead asked the most rows: their fiches, indicators and funding lines.
  const lead = rows.reduce((a, b) => (Number(b.answered.split('/ ')[1]) > Number(a.answered.split('/ ')[1]) ? b : a));
  const sheet = await download(page, page.getByRole('button', { name: `Télécharger le tableau de ${lead.name}` }));
  assert.match(sheet.name, new RegExp(`^cls-pays-de-val-sorel-territoire-fictif-suivi-${YEAR}-[a-z0-9-]+\\.xlsx$`));

  // « Écrire au pilote »: a mail ready in French; the date sent is recorded.
  const mail = page.getByRole('link', { name: `Écrire au pilote ${lead.name} (le fichier est à joindre à la main)` });
  const href = decodeURIComponent(await mail.getAttribute('href'));
  assert.match(href, new RegExp(`^mailto:.*\\?subject=.* : bilan ${YEAR} de vos actions&body=`));
  assert.ok(href.includes(sheet.name) && href.includes('avant le 15 mars 2026'), href);
  await mail.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault(), { once: true }));
  await press(mail);
  await until(async () => assert.equal((await recipientRows(page)).find((r) => r.name === lead.name).sent, today()));

  // The lead types their answer (openpyxl) into the file.
  const answered = join(folder, sheet.name.replace('.xlsx', '-reponse.xlsx'));
  const typed = JSON.parse(execFileSync(PYTHON, [join(ROOT, 'tests/support/type-answer.py'), sheet.path, answered]).toString());
  assert.ok(typed.Actions?.length && typed.Indicateurs?.length && typed.Dépenses?.length, JSON.stringify(typed));

  // Meanwhile the coordinator typed the same line's amount spent: the planted conflict.
  const fundingId = typed.Dépenses[0].split(':')[2];
  const leadId = (await contractOf(app)).organisations.find((o) => o.name === lead.name).id;
  await app.open(`/suivi/?annee=${YEAR}&pilote=${leadId}&partie=budget`);
  const amount = page.locator(`#budget-${fundingId}-depense`);
  await amount.fill('900');
  await amount.press('Tab');
  await app.saved();

  await app.open(`/suivi/?annee=${YEAR}&partie=collecte`);
  await pickAnswers(page, [answered]);
  const preview = page.getByRole('region', { name: `Réponse de ${lead.name} — bilan ${YEAR}` });
  await visible(preview);
  await hasText(preview, /2 valeurs à compléter|valeurs à compléter/);
  const changes = preview.getByRole('table', { name: `Ce que la réponse de ${lead.name} complète ou modifie` });
  await hasText(changes, /Réalisé/);
  await hasText(changes, /Partiellement réalisé/);
  await hasText(changes, /Séances tenues à l’école Jean-Macé ; élèves sensibilisés, « très bon accueil »/);
  await hasText(changes, /42/);
  const conflict = preview.getByRole('group', { name: /modifié ici depuis l’envoi et dans la réponse/ });
  await hasText(conflict, /Ici : 900\s?€ — dans la réponse : 1\s?251\s?€|Ici : 900\s?€ — dans la réponse : 1\s?250\s?€/);
  assert.equal(await conflict.getByRole('radio', { name: 'Garder la valeur d’ici' }).isChecked(), true);
  assert.deepEqual(await violations(page), [], 'axe-core sur « Collecte » et son aperçu');
  await press(conflict.getByRole('radio', { name: 'Prendre celle du fichier' }), 'Space');
  await press(preview.getByRole('button', { name: `Appliquer la réponse de ${lead.name}` }));
  await visible(page.getByRole('status').filter({ hasText: new RegExp(`Réponse appliquée — ${lead.name} : \\d+ valeurs complétées`) }));
  await app.saved();

  // The collection's table: received today, rows answered.
  const after = (await recipientRows(page)).find((r) => r.name === lead.name);
  assert.equal(after.received, today());
  assert.notEqual(after.answered.split(' / ')[0], '0');
  await visible(page.getByText(`En attente de réponse (${rows.length - 1}) :`));

  // Every value in « Suivi », and in what is stored.
  const contract = await contractOf(app);
  const actions = contract.sheets.flatMap((s) => s.actions);
  const review = (id) => actions.find((a) => a.id === id)?.reviews.find((r) => r.year === YEAR);
  const [first, second] = typed.Actions.map((ref) => ref.split(':')[2]);
  assert.equal(review(first).status, 'done');
  assert.match(review(first).comment, /Jean-Macé/);
  if (second) assert.equal(review(second).status, 'partly_done');
  const line = contract.sheets.flatMap((s) => s.funding).find((f) => f.id === fundingId);
  assert.ok([1250, 1251].includes(line.actual_euros), JSON.stringify(line));
  const record = contract.collections.find((c) => c.year === YEAR).recipients.find((r) => r.organisation_id === leadId);
  assert.equal(record.received_on, new Date().toISOString().slice(0, 10));
  await app.open(`/suivi/?annee=${YEAR}&pilote=${leadId}&partie=budget`);
  assert.match(await page.locator(`#budget-${fundingId}-depense`).inputValue(), /^1\s?25[01]/);

  // The same answer again changes nothing: everything it says is here now.
  await app.open(`/suivi/?annee=${YEAR}&partie=collecte`);
  await pickAnswers(page, [answered]);
  await visible(preview);
  await hasText(preview, /Aucun changement/);
});

/**
 * The demonstration as its file has it (same ids, as a partner's import keeps them), for the
 * files `collection-sheets` writes from it: « Charger la démonstration » gives fresh ids.
 */
async function importedDemonstration() {
  const opened = await env.freshApp();
  const { app, page } = opened;
  await app.open('/echanges/');
  await page.getByLabel('Choisir un fichier JSON').setInputFiles(join(ROOT, 'examples/cls-demonstration-2024-2028.json'));
  await press(page.getByRole('button', { name: 'Ajouter ce contrat' }));
  await app.saved();
  return opened;
}

function soffice(args) {
  const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'atelier-cls-soffice-'))).href;
  execFileSync(sofficePath(), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...args], { stdio: 'pipe', timeout: 300_000 });
}

test('an answer typed as Calc saves it, converted by LibreOffice to .xlsx and dropped anywhere, or its « Actions » saved as a Windows-1252 CSV and picked, is read and applied; « Annuler » puts it back', async () => {
  const out = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'collection-sheets', '--', 'answered', folder], { cwd: ROOT }).toString().trim();
  const ods = join(folder, out);
  soffice(['--convert-to', 'xlsx', '--outdir', join(folder, 'calc'), ods]);
  // 59: « ; », 34: the quote, 1: Windows-1252; the 12th token picks the second sheet, « Actions ».
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,1,1,,0,false,true,false,false,false,2', '--outdir', join(folder, 'csv'), ods]);
  const xlsx = join(folder, 'calc', out.replace(/\.ods$/, '.xlsx'));
  const csv = join(folder, 'csv', out.replace(/\.ods$/, '-Actions.csv'));
  assert.ok(existsSync(xlsx) && existsSync(csv), `LibreOffice n’a pas écrit ${xlsx} et ${csv}`);
  const raw = readFileSync(csv);
  assert.ok(raw.includes(0xe9) && !raw.includes(Buffer.from('é')), 'the CSV is in Windows-1252: « é » as one byte');

  const { app, page } = await importedDemonstration();
  await app.open('/planning/');
  // Dropped anywhere: « Collecte » opens and reads it.
  const bytes = [...readFileSync(xlsx)];
  await page.evaluate(({ bytes, name }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, { bytes, name: out.replace(/\.ods$/, '.xlsx') });
  const preview = page.getByRole('region', { name: 'Réponse de Conseil départemental de la Lende — bilan 2025' });
  await visible(preview);
  const changes = preview.getByRole('table', { name: /complète ou modifie$/ });
  await hasText(changes, /Deux réunions à Sorel-sur-Lende, « bilan » partagé/);
  await hasText(changes, /14/);
  const before = JSON.stringify((await contractOf(app)).sheets);
  await press(preview.getByRole('button', { name: 'Appliquer la réponse de Conseil départemental de la Lende' }));
  await visible(page.getByRole('status').filter({ hasText: /Réponse appliquée/ }));
  await app.saved();
  const applied = JSON.stringify((await contractOf(app)).sheets);
  assert.notEqual(applied, before);
  assert.ok(applied.includes('Deux réunions à Sorel-sur-Lende, « bilan » partagé'));
  // « Annuler » puts the snapshot back: the follow-up as it was, the answer not received.
  await press(page.getByRole('button', { name: 'Annuler' }));
  await until(async () => assert.equal(JSON.stringify((await contractOf(app)).sheets), before));

  // The CSV does not say whose answer it is: the coordinator says, then applies.
  await pickAnswers(page, [csv]);
  const unknown = page.getByRole('region', { name: 'Réponse de pilote à préciser — bilan 2025' });
  await visible(unknown);
  await hasText(unknown.getByRole('table', { name: /complète ou modifie$/ }), /Deux réunions à Sorel-sur-Lende, « bilan » partagé/);
  const apply = unknown.getByRole('button', { name: /^Appliquer la réponse de / });
  assert.equal(await apply.isDisabled(), true);
  await unknown.getByLabel('De quel pilote est cette réponse ?').selectOption({ label: 'Conseil départemental de la Lende' });
  await press(page.getByRole('button', { name: 'Appliquer la réponse de Conseil départemental de la Lende' }));
  await visible(page.getByRole('status').filter({ hasText: /Réponse appliquée/ }));
  await app.saved();
  assert.ok(JSON.stringify((await contractOf(app)).sheets).includes('Deux réunions à Sorel-sur-Lende, « bilan » partagé'));
  const record = (await contractOf(app)).collections.find((c) => c.year === 2025);
  assert.equal(record.recipients.filter((r) => r.received_on).length, 1);
});

test('hostile files are refused with a French message naming them, and nothing changes', async () => {
  const { app, page } = await demonstrationCollection();
  const before = JSON.stringify(await contractOf(app));
  const files = {
    'image.xlsx': Buffer.from('\x89PNG\r\n\x1a\n' + 'x'.repeat(200), 'binary'),
    'ancien.xls': Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
    'protege.xlsx': Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(600)]),
    'enorme.csv': Buffer.from(['Référence;Statut'].concat(Array.from({ length: 20_000 }, (_, i) => `x${i};réalisé`)).join('\n')),
    'autre-contrat.csv': Buffer.from(`Référence;N° fiche;Action;Statut\naction:${YEAR}:0f6a1d8e-1111-4a4a-8b8b-123456789abc;1;Une action d’ailleurs;réalisé\n`),
  };
  const bomb = join(folder, 'bombe.xlsx');
  execFileSync(PYTHON, ['-c', `import zipfile\nwith zipfile.ZipFile(${JSON.stringify(bomb)}, 'w', zipfile.ZIP_DEFLATED) as z:\n    z.writestr('xl/worksheets/sheet1.xml', b'0' * (60 * 1024 * 1024))\n    z.writestr('[Content_Types].xml', b'<Types/>')`]);
  const paths = Object.entries(files).map(([name, bytes]) => {
    const path = join(folder, name);
    writeFileSync(path, bytes);
    return path;
  });
  await pickAnswers(page, [...paths, bomb]);
  const refusals = page.getByRole('alert').filter({ hasText: /n’a pas été lu/ });
  await until(async () => assert.equal(await refusals.count(), 6));
  await hasText(refusals.filter({ hasText: 'ancien.xls' }), /ancien format d’Excel/);
  await hasText(refusals.filter({ hasText: 'protege.xlsx' }), /protégé par un mot de passe/);
  await hasText(refusals.filter({ hasText: 'enorme.csv' }), /lignes|trop/);
  await hasText(refusals.filter({ hasText: 'autre-contrat.csv' }), /autre contrat/);
  await hasText(refusals.filter({ hasText: 'bombe.xlsx' }), /Mo/);
  await hasText(refusals.filter({ hasText: 'image.xlsx' }), /n’a pas été lu/);
  assert.equal(JSON.stringify(await contractOf(app)), before);
});
