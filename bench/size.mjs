// `make size`: where the bytes of the wasm's first part go (the part every first visit loads;
// issue 27). Takes the first part as the splitter wrote it (scripts/wasm-split.sh keeps it in
// target/wasm/wasm-split/split/; function names still in it; cargo's whole linked wasm works too), passes it through wasm-bindgen and `wasm-opt -Oz -g` as the release build does but
// keeping the names, runs twiggy and writes bench/size-<label>.md: the 30 largest items by
// retained size, then the code grouped by crate and by our own modules (shallow sizes, which add
// up). The module measured is dist/'s wasm plus its name section, which is left out of the sums.
//
// Usage: node bench/size.mjs <cargo's atelier-cls.wasm> <label>   (label: "before", "after"...)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [raw, label = 'now'] = process.argv.slice(2);
if (!raw || !existsSync(raw)) {
  console.error('usage : node bench/size.mjs <fichier.wasm de cargo> <libellé>');
  process.exit(2);
}

/** dist/'s wasm, names kept: wasm-bindgen, then wasm-opt with the release flags plus -g. */
function namedReleaseWasm(input) {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-cls-taille-'));
  // --keep-lld-exports as the split build: the parts call the first part through them.
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--out-dir', dir, '--out-name', 'app', input]);
  const out = join(dir, 'app_named.wasm');
  const wasmOpt = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
  execFileSync(wasmOpt, ['-Oz', '-g', '--enable-reference-types', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', join(dir, 'app_bg.wasm'), '-o', out]);
  return out;
}
const wasm = namedReleaseWasm(raw);

const twiggy = (...args) => JSON.parse(execFileSync('twiggy', [...args, '--format', 'json', wasm], {
  maxBuffer: 1 << 30,
}).toString());

/** Sections and tables, which are not code: left out of the per-crate sums. */
const NOT_CODE = /^(custom section|"function names"|table\[|elem\[|type\[|import |export |global\[|memory\[|"local names"|wasm magic|header)/;

/**
 * The crate a demangled symbol belongs to. `<Type as Trait>::f` counts for the type's crate,
 * unless the type is a generic parameter (`<T as Trait>`, `<&mut F as ...>`): then the trait's.
 * Our own crate is split into its modules (atelier_cls::model::contract...).
 */
export function crateOf(name) {
  if (name.startsWith('data segment') || /^data\[\d+\]/.test(name)) return 'data (strings, tables)';
  if (/^(code|func)\[\d+\]/.test(name)) return 'unnamed code';
  const clean = name.replace(/\[[0-9a-f]{16}\]/g, '');
  const path = (text) => text.replace(/^(&mut |&|\*const |\*mut |dyn |impl )+/, '').match(/^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*/)?.[0];
  let found = path(clean);
  const trait = clean.match(/^<(.+?) as ([^>]+)>/);
  if (clean.startsWith('<') && trait) {
    const subject = path(trait[1]);
    found = subject && subject.includes('::') ? subject : path(trait[2]);
  } else if (clean.startsWith('<')) {
    found = path(clean.slice(1)); // an inherent method: <Type<...>>::f
  }
  if (!found) return 'other';
  const parts = found.split('::');
  if (parts[0] === 'atelier_cls') return parts.slice(0, 3).join('::');
  return parts.length === 1 ? `other (${parts[0]})` : parts[0];
}

const kib = (bytes) => (bytes / 1024).toFixed(1);
const top = twiggy('top', '-n', '60', '--retained');
const all = twiggy('top', '-n', '1000000');
const total = readFileSync(wasm).length;
const names = all.filter((item) => NOT_CODE.test(item.name)).reduce((t, item) => t + item.shallow_size, 0);

const code = all.filter((item) => !NOT_CODE.test(item.name));
const codeTotal = code.reduce((t, item) => t + item.shallow_size, 0);
const byCrate = new Map();
for (const item of code) {
  const key = crateOf(item.name);
  byCrate.set(key, (byCrate.get(key) ?? 0) + item.shallow_size);
}
const crates = [...byCrate.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);

const section = [
  `## ${label}`,
  '',
  `Module: ${kib(total)} KiB with names (${kib(names)} KiB of sections, names and tables); code and data: ${kib(codeTotal)} KiB (${new Date().toISOString().slice(0, 10)}).`,
  '',
  '### Top 30 by retained size',
  '',
  '| item | retained (KiB) | % |',
  '|---|---:|---:|',
  ...top.filter((t) => !NOT_CODE.test(t.name)).slice(0, 30).map((t) => `| \`${t.name.replace(/\|/g, '\\|').slice(0, 110)}\` | ${kib(t.retained_size)} | ${t.retained_size_percent.toFixed(1)} |`),
  '',
  '### Top 30 crates and modules by shallow size',
  '',
  '| crate or module | KiB | % |',
  '|---|---:|---:|',
  ...crates.map(([name, size]) => `| ${name} | ${kib(size)} | ${(100 * size / codeTotal).toFixed(1)} |`),
  '',
].join('\n');

const out = join(ROOT, 'bench', `size-${label}.md`);
writeFileSync(out, section);
console.log(section);
