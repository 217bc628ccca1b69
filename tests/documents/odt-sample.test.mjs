// LibreOffice opens what the ODT writer writes (`cargo run --bin odt-sample`): the writer's
// sample, with every kind of block (cover, headings, table with status cells, chart, list,
// page break, signatures; src/exchange/odt/sample.rs), and the demonstration contract's four
// documents, named as the app names them. Each converts to text holding what it should, the
// sample to a PDF of A4 pages. The app's own downloads are checked the same way by the
// documents' browser tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertMimetypeFirstAndStored, convert, textOf } from '../support/odt.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes the files with the native writer; returns their folder and names. */
function writeFiles() {
  const folder = mkdtempSync(join(tmpdir(), 'atelier-cls-odt-'));
  const names = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'odt-sample', '--', folder], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  }).toString().trim().split('\n');
  return { folder, names };
}

const { folder, names } = writeFiles();
const TERRITORY = 'cls-pays-de-val-sorel-territoire-fictif';
const CONTRACT = 'CLS du Pays de Val-Sorel 2024-2028';
const FICHE = 'Fiche action n°1 – Attirer et accueillir les professionnels de santé';

function includesAll(text, expected, file) {
  for (const part of expected) {
    assert.ok(text.includes(part), `« ${part} » manque dans ${file} tel que LibreOffice le lit :\n${text.slice(0, 3000)}`);
  }
}

test('the files are written with the names the app gives them, each mimetype entry first and stored', () => {
  assert.deepEqual(names, [
    'exemple.odt',
    `${TERRITORY}-rapport-2025.odt`,
    `${TERRITORY}-bilan.odt`,
    `${TERRITORY}-contrat.odt`,
    `${TERRITORY}-fiche-1.odt`,
    'avenant-un-signataire.odt',
  ]);
  for (const name of names) assertMimetypeFirstAndStored(readFileSync(join(folder, name)));
});

test('LibreOffice reads the sample’s title, headings, table cells, status labels, list and signatures', () => {
  includesAll(textOf(join(folder, 'exemple.odt')), [
    'Rapport annuel 2025',
    'Contrat local de santé du Pays de Vic',
    'Fiche 1 – Accès aux soins de premier recours',
    'Maison de santé pluriprofessionnelle',
    'Non réalisé',
    'Non renseigné',
    // French spacing: a narrow no-break space inside « » and before « : ».
    'Permanence «\u202fsanté\u202f» <mobile> & itinérante',
    '• Fiche 2\u202f: aucun suivi saisi',
    // A signature block names its party with the article.
    'Pour la Caisse primaire d’assurance maladie',
  ], 'exemple.odt');
});

test('LibreOffice prints the sample as a PDF of two A4 pages', () => {
  const pdf = readFileSync(convert(join(folder, 'exemple.odt'), 'pdf')).toString('latin1');
  assert.ok(pdf.startsWith('%PDF-'), 'un PDF');
  assert.equal(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length, 2, 'deux pages');
  assert.match(pdf, /\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/, 'au format A4');
});

test('LibreOffice reads the demonstration’s annual report: the year, a fiche, a status, an indicator’s target', () => {
  const name = `${TERRITORY}-rapport-2025.odt`;
  includesAll(textOf(join(folder, name)), [
    'Rapport annuel 2025', CONTRACT, FICHE, 'Partiellement réalisé', 'Cible 2025',
    'Nombre de professionnels participant au CLS (pilotes et partenaires) (personnes)\n55\n58\n',
  ], name);
});

test('LibreOffice reads the demonstration’s evaluation, contract and fiche', () => {
  const expected = {
    [`${TERRITORY}-bilan.odt`]: [CONTRACT, FICHE, 'Dernier statut', 'Réalisé'],
    [`${TERRITORY}-contrat.odt`]: [CONTRACT, FICHE, 'Signatures', 'Cible'],
    [`${TERRITORY}-fiche-1.odt`]: [CONTRACT, FICHE, 'Cible'],
  };
  for (const [name, parts] of Object.entries(expected)) includesAll(textOf(join(folder, name)), parts, name);
});

test('LibreOffice keeps an avenant’s only signature block with « Fait à » and its heading, and adds no blank page', () => {
  const pdf = convert(join(folder, 'avenant-un-signataire.odt'), 'pdf');
  const pages = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ' ').trim());
  if (pages.at(-1) === '') pages.pop();
  const pageOf = (words) => pages.findIndex((p) => p.includes(words));
  const block = pageOf('Pour ');
  assert.ok(block >= 0, 'the signature block is printed');
  assert.ok(pages[block].includes('Signatures') && pages[block].includes('Fait à Saint-Flour, le 02/04/2026'), `page ${block + 1}: ${pages[block]}`);
  assert.ok(pages[block].indexOf('Fait à') < pages[block].indexOf('Pour '), 'in reading order');
  pages.forEach((text, n) => assert.ok(text.replace(/CLS du Pays de Val-Sorel.*page \d+ sur \d+/, '').trim() !== '', `page ${n + 1} is not blank`));
});
