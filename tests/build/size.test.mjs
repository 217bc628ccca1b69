// The size guard: what a first visit downloads must not creep up unnoticed (issue 15: a rural 4G
// link pays every kilobyte). Sizes are deterministic for a given toolchain, so this is no timed
// test. To raise the budget on purpose, change WASM_BROTLI_BUDGET below in the commit that
// needs it, saying in its message what the bytes buy (`make size` shows where they go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/**
 * The release wasm's brotli (quality 11) size reached by issue 11's fiche side, plus 5 %
 * (417,840 before it: the yearly indicator tables, the contract's indicators, their validation
 * and the fiche's « Suivi annuel » took about 22 KB).
 */
const WASM_BROTLI_BUDGET = Math.round(1.05 * 439_928);

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('the release wasm stays within its brotli budget', () => {
  const wasm = readdirSync(DIST).filter((name) => name.endsWith('_bg.wasm'));
  assert.equal(wasm.length, 1, `dist/ doit contenir un seul wasm (trouvés : ${wasm.join(', ') || 'aucun'}) : lancez make build`);
  const size = brotli(readFileSync(join(DIST, wasm[0])));
  assert.ok(size <= WASM_BROTLI_BUDGET,
    `${wasm[0]} : ${size} octets en brotli, au-delà du budget de ${WASM_BROTLI_BUDGET} (voir tests/build/size.test.mjs)`);
});
