// The ODT writer's sample (every kind of block: cover, headings, table with status cells,
// chart, list, page break, signatures; src/exchange/odt/sample.rs) is opened by a real office
// suite: LibreOffice converts it to text and to PDF. The app's own downloads are checked the
// same way by the documents' browser tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertMimetypeFirstAndStored, convert, textOf } from '../support/odt.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes the sample with the native writer (`cargo run --bin odt-sample`). */
function sample() {
  const file = join(mkdtempSync(join(tmpdir(), 'atelier-cls-odt-')), 'exemple.odt');
  execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'odt-sample', '--', file], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
  });
  return file;
}

const file = sample();

test('the sample’s mimetype entry comes first, stored', () => {
  assertMimetypeFirstAndStored(readFileSync(file));
});

test('LibreOffice reads the sample’s title, headings, table cells, status labels and signatures', () => {
  const text = textOf(file);
  for (const expected of [
    'Rapport annuel 2025',
    'Contrat local de santé du Pays de Vic',
    'Fiche 1 – Accès aux soins de premier recours',
    'Maison de santé pluriprofessionnelle',
    'Non réalisé',
    'Non renseigné',
    'Permanence « santé » <mobile> & itinérante',
    '• Fiche 2 : aucun suivi saisi',
    'Caisse primaire d’assurance maladie',
  ]) {
    assert.ok(text.includes(expected), `« ${expected} » manque dans le texte lu par LibreOffice :\n${text}`);
  }
});

test('LibreOffice prints the sample as a PDF of two A4 pages', () => {
  const pdf = readFileSync(convert(file, 'pdf')).toString('latin1');
  assert.ok(pdf.startsWith('%PDF-'), 'un PDF');
  assert.equal(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length, 2, 'deux pages');
  assert.match(pdf, /\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/, 'au format A4');
});
