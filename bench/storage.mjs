// The benchmark of storage (issue 30): a signed contract with five avenants, the demonstration
// (8 fiches, 47 actions) and a generated contract of 96 fiches (576 actions, two years of
// follow-up). For each: what local storage holds (keys and values, in the UTF-16 code units
// browsers count against their limit of about 5 M), against the same workspace stored the way
// versions before issue 30 did (every frozen copy inline: `bench-contract` prints that form),
// and the save of one keystroke in « Nom du contrat »: the longest task (the browser's long
// tasks, over 50 ms) from the keystroke until « Modifications enregistrées », and the time of
// the workspace's own `localStorage.setItem`.
import { execFileSync } from 'node:child_process';
import { launchProfile } from '../tests/support/browser.mjs';
import { median } from './planning.mjs';

const KEYSTROKES = 7;
const LIMIT = 5 * 1024 * 1024;
const CASES = [
  { name: 'the demonstration (8 fiches, 47 actions)', args: ['demonstration', '5'] },
  { name: 'generated, 96 fiches and 576 actions, two years of follow-up', args: ['96', '6', 'suivi', '5'] },
];

function benchContract(args, stored) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'bench-contract', '--', ...args], {
    encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, BENCH_STORED: stored ? '1' : '0' },
  }).trim();
}

/** In the page: the long tasks seen, and the time of each write of the workspace. */
const WATCH = `window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
  .observe({ type: 'longtask', buffered: true });
window.__writes = [];
const set = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  const start = performance.now();
  const result = set.call(this, key, value);
  if (key === 'atelier-cls.v1.espace') window.__writes.push(performance.now() - start);
  return result;
};`;

async function one({ name, args }, url) {
  const inline = benchContract(args, false).length;
  const stored = JSON.parse(benchContract(args, true));
  const context = await launchProfile();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(([entries]) => {
      if (!localStorage.getItem('atelier-cls.v1.espace')) for (const [k, v] of entries) localStorage.setItem(k, v);
    }, [Object.entries(stored)]);
    await page.addInitScript(WATCH);
    await page.goto(`${url}contrat/`);
    const field = page.getByLabel('Nom du contrat');
    await field.waitFor();
    const saved = page.getByText('Modifications enregistrées dans ce navigateur');
    const longest = [];
    const writes = [];
    for (let i = 0; i < KEYSTROKES; i += 1) {
      await saved.waitFor();
      const from = await page.evaluate(() => { window.__writes = []; return performance.now(); });
      await field.press('End');
      await field.press(String(i));
      await page.waitForFunction(() => window.__writes.length > 0);
      await saved.waitFor();
      const seen = await page.evaluate((t) => ({
        tasks: window.__longTasks.filter((e) => e.start >= t).map((e) => e.duration),
        writes: window.__writes,
      }), from);
      longest.push(Math.max(0, ...seen.tasks));
      writes.push(...seen.writes);
    }
    const units = await page.evaluate(() => Object.keys(localStorage)
      .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('atelier-cls.v1.figee.')).length);
    return { name, inline, units, keys, longest, writes, fitsBefore: inline <= LIMIT };
  } finally {
    await context.close();
  }
}

export async function storageBench(url) {
  const results = [];
  for (const c of CASES) results.push(await one(c, url));
  return results.map((r) => ({ ...r, longestMedian: median(r.longest), longestMax: Math.max(...r.longest), writeMedian: median(r.writes) }));
}
