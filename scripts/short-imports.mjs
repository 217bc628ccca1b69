// Gives the first part's JavaScript imports short names, in the wasm and in its bindings
// (scripts/wasm-split.sh, after wasm-opt). wasm-bindgen names each import after the function
// and a hash of its signature (`__wbg_getFullYear_94114da14f235fca`): about 240 names whose 16
// hex digits compress to nothing, written twice (the wasm's import section and the bindings'
// import object). Named `_0`, `_1`, … instead, the first visit is 5.7 KB of brotli lighter
// (bench/SIZE.md). wasm-opt's own pass only renames imports of the module "env".
//
// Usage: node short-imports.mjs <first part .wasm> <its bindings .js>   (both rewritten in place)
//
// Only imports of the bindings' module (`…_bg.js`) are renamed, and only a name that is not
// also an export and that the bindings name exactly as often as a key can be: the script
// refuses (exit 1) rather than write a pair of files that would not link.
import fs from 'node:fs';

const [wasmPath, jsPath] = process.argv.slice(2);
const wasm = fs.readFileSync(wasmPath);
let js = fs.readFileSync(jsPath, 'utf8');

/** A cursor over the wasm's bytes. */
let at = 8;
function uleb() {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}
function name() {
  const length = uleb();
  const text = wasm.subarray(at, at + length).toString('utf8');
  at += length;
  return text;
}
function encodeUleb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}
function encodeName(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([encodeUleb(bytes.length), bytes]);
}
/** Skips an import's description: function, table, memory or global. */
function skipImportDescription() {
  const kind = wasm[at++];
  if (kind === 0) uleb();
  else if (kind === 1) { at++; const flags = wasm[at++]; uleb(); if (flags & 1) uleb(); }
  else if (kind === 2) { const flags = wasm[at++]; uleb(); if (flags & 1) uleb(); }
  else if (kind === 3) at += 2;
  else throw new Error(`short-imports: unknown import kind ${kind}`);
}

// The sections, as [id, start, start of body, end]; the export names.
const sections = [];
const exportNames = new Set();
while (at < wasm.length) {
  const start = at;
  const id = wasm[at++];
  const size = uleb();
  sections.push([id, start, at, at + size]);
  if (id === 7) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      exportNames.add(name());
      at++;
      uleb();
    }
  }
  at = sections.at(-1)[3];
}

const importSection = sections.find(([id]) => id === 2);
if (!importSection) process.exit(0);

const occurrences = (text) => js.match(new RegExp(`\\b${text}\\b`, 'g'))?.length ?? 0;
const renamed = new Map();
at = importSection[2];
const count = uleb();
const entries = [encodeUleb(count)];
for (let i = 0; i < count; i++) {
  const module = name();
  const field = name();
  const start = at;
  skipImportDescription();
  let short = field;
  const renameable = module.endsWith('_bg.js') && /^__wbg?[a-z0-9_]*$/i.test(field)
    && !exportNames.has(field);
  if (renameable && occurrences(field) === 1) {
    short = renamed.get(field) ?? `_${renamed.size.toString(36)}`;
    renamed.set(field, short);
  }
  entries.push(encodeName(module), encodeName(short), wasm.subarray(start, at));
}
for (const [field, short] of renamed) {
  if (occurrences(short) !== 0) throw new Error(`short-imports: « ${short} » is already in the bindings`);
}
for (const [field, short] of renamed) js = js.replace(new RegExp(`\\b${field}\\b`), short);

const body = Buffer.concat(entries);
const out = Buffer.concat([
  wasm.subarray(0, importSection[1]),
  Buffer.from([2]), encodeUleb(body.length), body,
  wasm.subarray(importSection[3]),
]);
fs.writeFileSync(wasmPath, out);
fs.writeFileSync(jsPath, js);
console.log(`short-imports.mjs: ${renamed.size} of ${count} imports renamed`);
