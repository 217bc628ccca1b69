// A look inside one keystroke's save (not part of `make bench`): for the 96-fiche contract
// with five avenants, each local storage read and write the save makes, by key, with its time,
// beside the longest task. Usage: node bench/save-profile.mjs (after make build).
import { execFileSync } from 'node:child_process';
import { launchProfile, serveDist } from '../tests/support/browser.mjs';

const args = process.argv.slice(2).length ? process.argv.slice(2) : ['96', '6', 'suivi', '5'];
const stored = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'bench-contract', '--', ...args], {
  encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, BENCH_STORED: '1' },
}));
const WATCH = `window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
  .observe({ type: 'longtask', buffered: true });
window.__ops = [];
window.__saves = [];
const request = LockManager.prototype.request;
LockManager.prototype.request = function (...a) {
  const run = a[a.length - 1];
  a[a.length - 1] = (lock) => {
    const start = performance.now();
    const result = run(lock);
    window.__saves.push(performance.now() - start);
    return result;
  };
  return request.apply(this, a);
};
for (const name of ['getItem', 'setItem', 'removeItem', 'key']) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (...a) {
    const start = performance.now();
    const result = original.apply(this, a);
    window.__ops.push({ op: name, key: String(a[0]).slice(0, 40), ms: performance.now() - start, at: start });
    return result;
  };
}`;
const server = await serveDist();
const context = await launchProfile();
const page = context.pages()[0] ?? (await context.newPage());
await page.addInitScript(([entries]) => {
  if (!localStorage.getItem('atelier-cls.v1.espace')) for (const [k, v] of entries) localStorage.setItem(k, v);
}, [Object.entries(stored)]);
await page.addInitScript(WATCH);
await page.goto(`${server.url}contrat/`);
const field = page.getByLabel('Nom du contrat');
await field.waitFor();
const saved = page.getByText('Modifications enregistrées dans ce navigateur');
for (let i = 0; i < 6; i += 1) {
  await saved.waitFor();
  const from = await page.evaluate(() => { window.__ops = []; window.__saves = []; return performance.now(); });
  await field.press('End');
  await field.press(String(i));
  await page.waitForFunction(() => window.__ops.some((o) => o.op === 'setItem' && o.key === 'atelier-cls.v1.espace'));
  await saved.waitFor();
  const seen = await page.evaluate((t) => ({ tasks: window.__longTasks.filter((e) => e.start >= t), ops: window.__ops, saves: window.__saves }), from);
  const byKey = {};
  for (const o of seen.ops) { const k = `${o.op} ${o.key}`; byKey[k] = (byKey[k] ?? 0) + o.ms; }
  console.log(`keystroke ${i}: save ${seen.saves.map((ms) => ms.toFixed(1)).join(', ')} ms; long tasks ${seen.tasks.map((t) => `${t.duration.toFixed(0)} ms @${(t.start - from).toFixed(0)}`).join(', ') || 'none'}`);
  for (const [k, ms] of Object.entries(byKey)) if (ms > 0.5) console.log(`   ${k}: ${ms.toFixed(1)} ms`);
}
await context.close();
await server.close?.();
process.exit(0);
