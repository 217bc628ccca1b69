// OpenDocument files in the tests: LibreOffice (Debian's libreoffice-writer-nogui, installed by
// scripts/setup.sh --with-browser) converts them to text or PDF, as a partner's office suite
// would open them; and the package's first bytes are checked as the ODF specification asks.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

export function sofficePath() {
  const candidates = [process.env.SOFFICE, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('LibreOffice introuvable : lancez scripts/setup.sh --with-browser (paquet libreoffice-writer-nogui) ou définissez SOFFICE.');
  return found;
}

/** A LibreOffice profile of the test process's own: no shared HOME, no first-start dialogs. */
let profile;
function userInstallation() {
  profile ??= mkdtempSync(join(tmpdir(), 'atelier-cls-soffice-'));
  return pathToFileURL(profile).href;
}

/**
 * Converts a file with LibreOffice (`format`: 'pdf', or 'txt:Text (encoded):UTF8' for UTF-8
 * text) and returns the converted file's path. Throws when soffice exits with an error or
 * writes nothing: a file LibreOffice cannot open converts to nothing.
 */
export function convert(file, format, outDir = mkdtempSync(join(tmpdir(), 'atelier-cls-conversion-'))) {
  execFileSync(sofficePath(), [
    `-env:UserInstallation=${userInstallation()}`, '--headless', '--norestore',
    '--convert-to', format, '--outdir', outDir, file,
  ], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  const extension = format.split(':')[0];
  const out = join(outDir, basename(file).replace(/\.[^.]+$/, `.${extension}`));
  assert.ok(existsSync(out), `LibreOffice n’a pas converti ${file} en ${extension}`);
  return out;
}

/** The plain text LibreOffice reads in a document. */
export function textOf(file) {
  return readFileSync(convert(file, 'txt:Text (encoded):UTF8'), 'utf8');
}

/**
 * The package's first entry is `mimetype`, stored (compression method 0) with no extra field,
 * holding the ODT media type: a reader recognises the file from its first bytes.
 */
export function assertMimetypeFirstAndStored(bytes) {
  assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'le fichier commence par une entrée zip');
  assert.equal(bytes.readUInt16LE(8), 0, 'mimetype est stocké sans compression');
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  assert.equal(bytes.toString('latin1', 30, 30 + nameLength), 'mimetype', 'la première entrée est mimetype');
  assert.equal(extraLength, 0, 'mimetype n’a pas de champ supplémentaire');
  const start = 30 + nameLength;
  assert.equal(bytes.toString('latin1', start, start + ODT_MEDIA_TYPE.length), ODT_MEDIA_TYPE);
}
