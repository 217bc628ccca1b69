// LibreOffice Calc opens the collection's spreadsheets (`cargo run --bin collection-sheets`):
// every lead's workbook of the demonstration's 2025 collection, written as `.xlsx` and `.ods`,
// is converted by LibreOffice to the other format, then read back by the app's reader: the
// same lead, no problem, nothing changed, and the status drop-down list, the protection and the
// hidden column still there. The « Actions » sheet saved as CSV in Windows-1252 with `;` (as a
// French office saves it) reads the same, and so does an answer typed as Calc saves it (numbers,
// a formula with its value, a date cell) once converted to .xlsx and back. Needs Debian's
// libreoffice-calc-nogui (Writer alone cannot load spreadsheets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sofficePath } from '../support/odt.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TERRITORY = 'cls-pays-de-val-sorel-territoire-fictif';

function sheets(...args) {
  return execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'collection-sheets', '--', ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
}

/** What the app's reader found in a file, `key: value` a line (repeated keys kept in order). */
function readBack(file) {
  const found = {};
  for (const line of sheets('read', file).trim().split('\n')) {
    const at = line.indexOf(': ');
    const [key, value] = [line.slice(0, at), line.slice(at + 2)];
    (found[key] ??= []).push(value);
  }
  return found;
}

/** Converts several files at once (one LibreOffice start), into `outDir`. */
function convertAll(files, format, outDir) {
  mkdirSync(outDir, { recursive: true });
  const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'atelier-cls-soffice-'))).href;
  execFileSync(sofficePath(), [
    `-env:UserInstallation=${profile}`, '--headless', '--norestore',
    '--convert-to', format, '--outdir', outDir, ...files,
  ], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
}

const folder = mkdtempSync(join(tmpdir(), 'atelier-cls-collecte-'));
const names = sheets('write', folder).trim().split('\n');
const lead = (name) => name.replace(`${TERRITORY}-suivi-2025-`, '').replace(/\.(xlsx|ods)$/, '');

test('a workbook is written in both formats for every lead of the demonstration, named as the app names them', () => {
  assert.ok(names.length >= 10, names.join('\n'));
  for (const name of names) assert.match(name, new RegExp(`^${TERRITORY}-suivi-2025-[a-z0-9-]+\\.(xlsx|ods)$`));
  assert.equal(names.filter((n) => n.endsWith('.xlsx')).length, names.filter((n) => n.endsWith('.ods')).length);
});

function assertReadsAsWritten(file, original) {
  const written = readBack(join(folder, original));
  const converted = readBack(file);
  assert.equal(converted.refus, undefined, `${file} : ${converted.refus}`);
  assert.deepEqual(converted.feuille, written.feuille, `${file} : mêmes feuilles, mêmes lignes`);
  assert.ok(converted.pilote[0].length > 0, `${file} : le pilote est reconnu`);
  assert.deepEqual(converted.pilote, written.pilote);
  assert.deepEqual(converted['lignes reconnues'], written['lignes reconnues']);
  assert.deepEqual(converted.problèmes, ['0'], `${file} : ${converted.problème}`);
  assert.deepEqual(converted.changements, ['0']);
  assert.deepEqual(converted['liste des statuts'], ['oui'], `${file} : la liste déroulante des statuts`);
  assert.deepEqual(converted.protégée, ['oui']);
  assert.deepEqual(converted['colonne masquée'], ['oui']);
}

test('LibreOffice converts every .xlsx to .ods, which reads as written, status list, protection and hidden column kept', () => {
  const out = join(folder, 'en-ods');
  convertAll(names.filter((n) => n.endsWith('.xlsx')).map((n) => join(folder, n)), 'ods', out);
  for (const name of names.filter((n) => n.endsWith('.xlsx'))) {
    const converted = join(out, name.replace(/\.xlsx$/, '.ods'));
    assert.ok(existsSync(converted), `LibreOffice n’a pas converti ${name}`);
    assertReadsAsWritten(converted, name);
  }
});

test('LibreOffice converts every .ods to .xlsx, which reads as written, status list, protection and hidden column kept', () => {
  const out = join(folder, 'en-xlsx');
  convertAll(names.filter((n) => n.endsWith('.ods')).map((n) => join(folder, n)), 'xlsx', out);
  for (const name of names.filter((n) => n.endsWith('.ods'))) {
    const converted = join(out, name.replace(/\.ods$/, '.xlsx'));
    assert.ok(existsSync(converted), `LibreOffice n’a pas converti ${name}`);
    assertReadsAsWritten(converted, name);
  }
});

test('the « Actions » sheet saved by LibreOffice as a Windows-1252 CSV with « ; » reads the same, the lead left to say', () => {
  const name = names.find((n) => n.endsWith('.xlsx'));
  const out = join(folder, 'en-csv');
  // 59: « ; », 34: the quote, 1: Windows-1252; the 12th token picks the second sheet.
  convertAll([join(folder, name)], 'csv:Text - txt - csv (StarCalc):59,34,1,1,,0,false,true,false,false,false,2', out);
  const csv = join(out, name.replace(/\.xlsx$/, '-Actions.csv'));
  assert.ok(existsSync(csv), `LibreOffice n’a pas écrit ${csv}`);
  const found = readBack(csv);
  assert.equal(found.refus, undefined, String(found.refus));
  const written = readBack(join(folder, name));
  assert.deepEqual(found.feuille, [`${name.replace(/\.xlsx$/, '-Actions')} (${written.feuille[1].match(/\((\d+) lignes\)/)[1]} lignes)`]);
  assert.deepEqual(found.pilote, [''], 'a CSV has no « Mode d’emploi »: the coordinator says whose');
  assert.deepEqual(found.problèmes, ['0']);
  assert.deepEqual(found.changements, ['0']);
  assert.ok(Number(found['lignes reconnues'][0]) > 0, lead(name));
});

test('an answer typed as LibreOffice saves it (a number, a formula’s value, a date cell) reads the same once Calc converts it to .xlsx and back to .ods', () => {
  const answered = sheets('answered', folder).trim();
  const original = readBack(join(folder, answered));
  const expected = [
    'Statut = Réalisé',
    'Ce qui a été fait = Deux réunions à Sorel-sur-Lende, « bilan » partagé',
    'Résultat = 14',
    'Dépensé (€) = 1251',
  ];
  for (const line of expected) assert.ok(original.réponse.includes(line), `${line} :\n${original.réponse.join('\n')}`);
  assert.deepEqual(original['date de la réponse'], ['2025-04-03']);
  assert.match(original.problème[0], /Dépenses, F2\s:\s1\s250,55\s€ arrondi à 1\s251\s€/);
  assert.deepEqual(original.changements, ['4']);
  const inXlsx = join(folder, 'reponse-en-xlsx');
  convertAll([join(folder, answered)], 'xlsx', inXlsx);
  const xlsx = join(inXlsx, answered.replace(/\.ods$/, '.xlsx'));
  const back = join(folder, 'reponse-en-ods');
  convertAll([xlsx], 'ods', back);
  for (const file of [xlsx, join(back, answered)]) {
    const found = readBack(file);
    assert.equal(found.refus, undefined, `${file} : ${found.refus}`);
    for (const key of ['pilote', 'date de la réponse', 'réponse', 'changements', 'liste des statuts', 'protégée', 'colonne masquée']) {
      assert.deepEqual(found[key], original[key], `${file} : ${key}`);
    }
    assert.deepEqual(found.problème.map((p) => p.replace(/^[^—]+— /, '')), original.problème.map((p) => p.replace(/^[^—]+— /, '')));
  }
});
