// The post-build hook's offline part (scripts/route-pages.sh, scripts/precache.sh), run on a small
// staging folder as Trunk would: a release build gets a service worker listing every file it
// has, under a version that changes with any file; a development build registers none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENS = readFileSync(join(ROOT, 'src/ui/screens.txt'), 'utf8').split('\n').filter(Boolean);
const MARK = '<meta name="atelier-cls:service-worker" content="sw.js">';

/** A staging folder as Trunk leaves it before the hook: the page, hashed files, copied files. */
function staging() {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-cls-staging-'));
  writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><html lang="fr"><head><title>Atelier CLS</title></head><body></body></html>');
  writeFileSync(join(dir, 'atelier-cls-0123456789abcdef_bg.wasm'), 'wasm');
  writeFileSync(join(dir, 'atelier-cls-0123456789abcdef.js'), 'js');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'icons', 'icon-192.png'), 'png');
  return dir;
}

function hook(dir, profile) {
  execFileSync('sh', [join(ROOT, 'scripts/route-pages.sh')], {
    cwd: ROOT, stdio: 'pipe',
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile, TRUNK_SOURCE_DIR: ROOT },
  });
}

/** VERSION and FILES, as the worker sees them. */
function worker(dir) {
  const text = readFileSync(join(dir, 'sw.js'), 'utf8');
  const head = text.slice(0, text.indexOf('\n\n'));
  return new Function(`${head}\nreturn { VERSION, FILES };`)();
}

const pages = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(dir, f), 'utf8'));

test('a release build lists every one of its files for the worker, each page naming the worker', (t) => {
  const dir = staging();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  hook(dir, 'release');
  const { VERSION, FILES } = worker(dir);
  assert.match(VERSION, /^[0-9a-f]{16}$/);
  const expected = ['', 'atelier-cls-0123456789abcdef.js', 'atelier-cls-0123456789abcdef_bg.wasm', 'icons/icon-192.png',
    'manifest.webmanifest', ...SCREENS.map((screen) => `${screen}/`)];
  assert.deepEqual([...FILES].sort(), expected.sort());
  const html = pages(dir);
  assert.equal(html.length, 1 + SCREENS.length);
  for (const page of html) assert.ok(page.includes(MARK), 'every page registers the worker');
  assert.ok(readFileSync(join(dir, 'sw.js'), 'utf8').includes(readFileSync(join(ROOT, 'src/sw.js'), 'utf8')));

  // The same files give the same version; one byte or one name changed gives another.
  execFileSync('sh', [join(ROOT, 'scripts/precache.sh'), dir], { stdio: 'pipe' });
  assert.equal(worker(dir).VERSION, VERSION);
  writeFileSync(join(dir, 'icons', 'icon-192.png'), 'png!');
  execFileSync('sh', [join(ROOT, 'scripts/precache.sh'), dir], { stdio: 'pipe' });
  const changed = worker(dir).VERSION;
  assert.notEqual(changed, VERSION);
  renameSync(join(dir, 'atelier-cls-0123456789abcdef.js'), join(dir, 'atelier-cls-fedcba9876543210.js'));
  execFileSync('sh', [join(ROOT, 'scripts/precache.sh'), dir], { stdio: 'pipe' });
  assert.notEqual(worker(dir).VERSION, changed);
  assert.ok(worker(dir).FILES.includes('atelier-cls-fedcba9876543210.js'));
});

test('a file name that would need escaping stops the build rather than break the worker', (t) => {
  const dir = staging();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "l'exemple.json"), '{}');
  const run = spawnSync('sh', [join(ROOT, 'scripts/precache.sh'), dir], { encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /l'exemple\.json/);
});

test('a development build registers no worker; its sw.js only removes one left by a release build', (t) => {
  const dir = staging();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  hook(dir, 'debug');
  for (const page of pages(dir)) assert.ok(!page.includes('atelier-cls:service-worker'));
  assert.equal(readFileSync(join(dir, 'sw.js'), 'utf8'), readFileSync(join(ROOT, 'src/sw-development.js'), 'utf8'));
});
