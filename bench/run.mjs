// `make bench`: figures, not a pass/fail test. Writes bench/RESULTS.md with
//  - the size of every file of dist/ (raw, gzip, brotli);
//  - the median of 5 cold loads in headless Chromium, from navigation start to the app's
//    first interactive render (the performance mark "atelier-cls:pret", set right after mount);
//  - the same on a throttled rural profile (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, CPU 4x
//    slower), served with gzip as common static hosts do, with the bytes the browser received;
//  - the planning with 1,000 actions (planning.mjs) and « Suivi » with the same actions and two
//    years of follow-up (follow-up.mjs);
//  - the storage of a signed contract with five avenants and the save of a keystroke (storage.mjs);
//  - « Collecte »: the leads' spreadsheets written and 20 answers read back (collection.mjs).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { launchProfile, serveDist } from '../tests/support/browser.mjs';
import { isFirstVisit, isOnDemand } from '../tests/support/first-visit.mjs';
import { planningBench } from './planning.mjs';
import { followUpBench } from './follow-up.mjs';
import { storageBench } from './storage.mjs';
import { collectionBench } from './collection.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const COLD_LOADS = 5;
/** Weak 4G in a rural territory, as issue 15 defines it (Chromium's network emulation). */
const RURAL = {
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  cpuSlowdown: 4,
};

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function sizes() {
  return files(DIST).sort().map((path) => {
    const body = readFileSync(path);
    return {
      file: relative(DIST, path),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);

/**
 * One cold load: a fresh profile (empty cache, empty storage) and a fresh browser each time;
 * with `profile`, under Chromium's network and CPU emulation. `transferred` is what came over
 * the wire (the document and every resource, `encodedBodySize`, so compressed when served so).
 */
async function coldLoad(url, profile = null) {
  const context = await launchProfile();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (profile) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile.network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    }
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('atelier-cls:pret').length > 0, null, { timeout: 60_000 });
    const measured = await page.evaluate(() => {
      const ready = performance.getEntriesByName('atelier-cls:pret')[0].startTime;
      const resources = performance.getEntriesByType('resource');
      const wasm = resources.find((r) => r.name.endsWith('.wasm'));
      const entries = [...performance.getEntriesByType('navigation'), ...resources];
      const transferred = entries.map((r) => ({ name: r.name, bytes: r.encodedBodySize }));
      return { ready, wasmFetched: wasm ? wasm.responseEnd : null, transferred };
    });
    return { ...measured, planningOpened: await openPlanning(page) };
  } finally {
    await context.close();
  }
}

/**
 * From the click on « Planning » in the main navigation to its screen shown, its part fetched
 * and started (no contract: the screen's own message): what opening a screen costs the first time.
 */
async function openPlanning(page) {
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Planning', exact: true }).click();
  await page.waitForFunction(() => !document.querySelector('.part-loading')
    && document.querySelector('main h1')?.textContent === 'Planning', null, { timeout: 60_000 });
  return (await page.evaluate(() => performance.now())) - start;
}

async function coldLoads(options, profile) {
  const server = await serveDist(options);
  try {
    const runs = [];
    for (let i = 0; i < COLD_LOADS; i += 1) runs.push(await coldLoad(server.url, profile));
    return runs;
  } finally {
    await server.close();
  }
}

async function measure() {
  const runs = await coldLoads({}, null);
  const rural = await coldLoads({ gzip: true }, RURAL);
  const server = await serveDist();
  try {
    return {
      runs, rural, planning: await planningBench(server.url), followUp: await followUpBench(server.url),
      storage: await storageBench(server.url), collection: await collectionBench(server.url),
    };
  } finally {
    await server.close();
  }
}

/**
 * What the first visit downloads, summed over the files of one cold load (the HTML, the JS, the
 * first part of the wasm); the files loaded on demand are listed apart.
 */
function firstVisit(table) {
  const shipped = table.filter((r) => isFirstVisit(r.file));
  return {
    files: shipped.map((r) => r.file),
    ...shipped.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 }),
  };
}

/** The load when the run starts (`uptime`'s 1, 5 and 15-minute averages): timings depend on it. */
const startLoad = loadavg();
const table = sizes();
const total = table.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const first = firstVisit(table);
const parts = table.filter((r) => isOnDemand(r.file));
const partsTotal = parts.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const { runs, rural, planning, followUp, storage, collection } = await measure();
const ruralMedian = median(rural.map((r) => r.ready));
const wire = rural[0].transferred;
const wireTotal = wire.reduce((t, r) => t + r.bytes, 0);
const shortName = (url) => decodeURIComponent(new URL(url).pathname.replace(/^\/sous-dossier\//, '')) || 'index.html';
const ms = (v) => `${v.toFixed(1)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const readyMedian = median(runs.map((r) => r.ready));
const summaryRow = (what, t, aim) => `| ${what} | ${ms(t.median)} | ${ms(t.p90)} | ${ms(t.max)} | ${t.overFrame} of ${t.runs} | ${aim} |`;
const typingRow = (field, echo, t) => `| ${field} | ${echo} | ${ms(t.median)} | ${ms(t.p90)} | ${ms(t.max)} | ${t.overFrame} of ${t.keys} |`;

const lines = [
  '# Benchmark results',
  '',
  `Written by \`make bench\` on ${new Date().toISOString()} (${process.platform}, Node ${process.version}).`,
  'Figures only, never a pass/fail test. Re-run `make bench` to refresh.',
  `Load average when the run started (\`uptime\`, 1/5/15 min, ${cpus().length} cores): ${startLoad.map((l) => l.toFixed(2)).join(', ')}.`,
  '',
  '## Size of dist/',
  '',
  '| file | raw (KiB) | gzip -9 (KiB) | brotli q11 (KiB) |',
  '|---|---:|---:|---:|',
  ...table.map((r) => `| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
  `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`,
  '',
  `**What a first visit downloads** (${first.files.join(', ')}): ${kb(first.raw)} KiB raw, **${kb(first.gzip)} KiB gzip -9**, **${kb(first.brotli)} KiB brotli q11**.`,
  'Budget (issue 27): 330 KiB gzip, 250 KiB brotli; the first part\'s and all parts\' brotli sizes are guarded by `tests/build/size.test.mjs` (in `make test`).',
  '',
  '**Files loaded on demand**: the parts of the wasm (`scripts/wasm-split.sh`; `src/ui/parts.rs` says which screens each holds; a `chunk` is code shared by several parts, fetched with the first of them) and the screens\' stylesheet (`scripts/screens-css.mjs`), fetched with the first part:',
  '',
  '| part | raw (KiB) | gzip -9 (KiB) | brotli q11 (KiB) |',
  '|---|---:|---:|---:|',
  ...parts.map((r) => `| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
  `| **all parts** | **${kb(partsTotal.raw)}** | **${kb(partsTotal.gzip)}** | **${kb(partsTotal.brotli)}** |`,
  '',
  '',
  '## Cold load',
  '',
  `Median of ${COLD_LOADS} cold loads (fresh Chromium profile each, served from 127.0.0.1), from navigation`,
  'start to the first interactive render (`performance.mark("atelier-cls:pret")` after mount):',
  '',
  `**${readyMedian.toFixed(0)} ms**`,
  '',
  '| run | interactive (ms) | wasm fetched (ms) | « Planning » opened (ms) |',
  '|---:|---:|---:|---:|',
  ...runs.map((r, i) => `| ${i + 1} | ${r.ready.toFixed(0)} | ${r.wasmFetched?.toFixed(0) ?? '-'} | ${r.planningOpened.toFixed(0)} |`),
  '',
  '## Cold load on a rural connection',
  '',
  `The same, under Chromium's emulation of a weak 4G link (${RURAL.network.downloadThroughput * 8 / 1e6} Mbit/s down, ${RURAL.network.uploadThroughput * 8 / 1e3} kbit/s up, ${RURAL.network.latency} ms`,
  `round trip) and a CPU ${RURAL.cpuSlowdown}× slower, \`dist/\` served with gzip (level 6, as common static hosts do). Median of ${COLD_LOADS}:`,
  '',
  `**${ruralMedian.toFixed(0)} ms** (target: 2,500 ms); then opening « Planning », its part fetched and started: **${median(rural.map((r) => r.planningOpened)).toFixed(0)} ms** (target: 1,000 ms).`,
  '',
  '| run | interactive (ms) | wasm fetched (ms) | « Planning » opened (ms) |',
  '|---:|---:|---:|---:|',
  ...rural.map((r, i) => `| ${i + 1} | ${r.ready.toFixed(0)} | ${r.wasmFetched?.toFixed(0) ?? '-'} | ${r.planningOpened.toFixed(0)} |`),
  '',
  'Bytes the browser received in the first run (`encodedBodySize`, gzip):',
  '',
  '| file | received (KiB) |',
  '|---|---:|',
  ...wire.map((r) => `| ${shortName(r.name)} | ${kb(r.bytes)} |`),
  `| **total** | **${kb(wireTotal)}** |`,
  '',
  '## Planning (100 fiches × 10 actions = 1,000 bars)',
  '',
  'Generated contract (`cargo run --bin bench-contract`) in local storage; in one page and run, from the',
  'event to the work it queued done and the DOM laid out (forced layout; painting not included), median of',
  '5, both sides timed by the same harness.',
  'Plain JavaScript builds the same lines with DOM calls in the same page (the bench checks that its markup',
  'is the app\'s, character for character); after a filter change, both replace the 1,000 lines shown.',
  '',
  '| measure | Atelier CLS (Leptos) | plain JavaScript | ratio |',
  '|---|---:|---:|---:|',
  `| first render (${planning.rowsShown} bars) | ${ms(planning.first)} | ${ms(planning.plainFirst)} | ${ratio(planning.first, planning.plainFirst)} |`,
  `| re-render after a filter change (axis: ${planning.rowsFiltered} bars) | ${ms(planning.filtered)} | ${ms(planning.plainFiltered)} | ${ratio(planning.filtered, planning.plainFiltered)} |`,
  '',
  `### Typing with this contract loaded (${planning.typing.contractName.keys} keys per field)`,
  '',
  'From the keystroke to the work it queued done and, where the field is echoed elsewhere, that echo updated.',
  '',
  '| field | echoed in | median | 90th percentile | max | keys over one frame (16.7 ms) |',
  '|---|---|---:|---:|---:|---:|',
  typingRow('« Nom du contrat »', 'the header', planning.typing.contractName),
  typingRow('a fiche’s « Intitulé de la fiche »', 'the fiche’s heading', planning.typing.sheetTitle),
  typingRow('a fiche’s « Constats propres à cette fiche »', '-', planning.typing.sheetFinding),
  '',
  `## Suivi (${followUp.sheetRows} fiches × ${followUp.actionRows / followUp.sheetRows} actions, two years of follow-up)`,
  '',
  'Generated contract (`cargo run --bin bench-contract -- 100 10 suivi`) in local storage: every fiche and action',
  'has a bilan for 2024 and 2025 (statuses cycling through all eight and « Non renseigné », comments, reasons,',
  'next steps), with indicator values and amounts spent for both years. « Suivi » for 2025 has',
  `${followUp.rows} rows to fill in (${followUp.sheetRows} fiches and ${followUp.actionRows} actions), in pages of whole fiches of at most 60 rows`,
  `(${followUp.pageRows} on the first), and, in their own parts of the screen, ${followUp.indicatorRows} indicators and ${followUp.budgetRows} budget lines.`,
  'In one page and run, from the event to the work it queued done and the DOM laid out (forced layout;',
  'painting not included), timed in the page as the planning\'s.',
  `Load average (\`uptime\`, 1/5/15 min) on this ${cpus().length}-core machine: ${followUp.load.before.map((l) => l.toFixed(2)).join(', ')} before, ${followUp.load.after.map((l) => l.toFixed(2)).join(', ')} after:`,
  followUp.load.before[0] > 1 ? 'other work was running, so these figures are upper bounds.' : 'the machine was otherwise idle.',
  '',
  '| measure | median | 90th percentile | max | over one frame (16.7 ms) | aim |',
  '|---|---:|---:|---:|---:|---|',
  summaryRow(`opening « Suivi » 2025 from « Mes contrats » (router), until its first page's ${followUp.pageRows} rows and the chart are there`, followUp.opening, 'under 150 ms'),
  summaryRow('changing one action’s status, until its row, the chart’s accessible name and the counts show it', followUp.status, 'one frame at the median'),
  summaryRow('a keystroke in an action’s « Ce qui a été fait »', { ...followUp.comment, runs: followUp.comment.keys }, 'one frame at the median'),
  '',
  'The same events until the next frame is painted (a task posted from that frame\'s animation callback: the',
  'main thread\'s style, layout, paint and layerizing of the frame are done; rastering is not counted). This',
  `is what a person waits for; the keystrokes are ${followUp.painted.comment.runs} in another action's « Ce qui a été fait »:`,
  '',
  '| until painted | median | 90th percentile | max | over one frame (16.7 ms) |',
  '|---|---:|---:|---:|---:|',
  ...[['opening « Suivi » 2025', followUp.painted.opening], ['changing one action’s status', followUp.painted.status],
    ['a keystroke in « Ce qui a été fait »', followUp.painted.comment]]
    .map(([what, t]) => `| ${what} | ${ms(t.median)} | ${ms(t.p90)} | ${ms(t.max)} | ${t.overFrame} of ${t.runs} |`),
  '',
  '## Storage of a signed contract with five avenants',
  '',
  'What local storage holds (keys and values, in the UTF-16 code units browsers count against their limit of',
  'about 5 M) once the contract is signed and has five avenants, and the save of one keystroke in « Nom du',
  'contrat » (the longest task from the keystroke until « Modifications enregistrées », 0 when none took over',
  `50 ms; median and worst of ${storage[0].longest.length} keystrokes). « Before » is the same workspace stored as versions before`,
  'issue 30 stored it, every frozen copy inline (`bench-contract` writes that form); the save\'s longest task',
  'before was measured for issue 30 in Chromium: 59 ms at 1 M characters, 226 ms at 5.1 M.',
  '',
  '| contract | stored before | stored now (frozen copies apart) | longest task of a save: median / worst | the workspace\'s setItem, median |',
  '|---|---:|---:|---:|---:|',
  ...storage.map((r) => `| ${r.name} | ${(r.inline / 1e6).toFixed(2)} M${r.fitsBefore ? '' : ' (over the limit: cannot be stored)'} | ${(r.units / 1e6).toFixed(2)} M (${r.keys} copies) | ${ms(r.longestMedian)} / ${ms(r.longestMax)} | ${ms(r.writeMedian)} |`),
  '',
  '## Collecte (the same 100 × 10 contract, 2025)',
  '',
  `The ${collection.leads} leads' spreadsheets written as .xlsx one at a time by their button, until the file's Blob is handed to`,
  `the download (${collection.writing.runs} files: every lead, then the first ones again), the whole .zip once, then the same`,
  `${collection.reading.runs} files given back as answers one at a time, each until its preview is in the DOM (read, matched and`,
  'previewed). Timed in the page (collection.mjs), the « Collecte » part already loaded.',
  '',
  '| measure | median | max | over one second | aim |',
  '|---|---:|---:|---:|---|',
  `| writing one lead's .xlsx | ${ms(collection.writing.median)} | ${ms(collection.writing.max)} | ${collection.writing.overSecond} of ${collection.writing.runs} | under a second each |`,
  `| reading one answer back, until its preview | ${ms(collection.reading.median)} | ${ms(collection.reading.max)} | ${collection.reading.overSecond} of ${collection.reading.runs} | under a second each |`,
  `| every lead's .xlsx in one .zip | ${ms(collection.zip)} | | | |`,
  '',
];
// Figures measured by hand (what a feature adds to the wasm, with the variants tried) follow
// this heading at the end of the file: `make bench` keeps them as they are.
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const BY_HAND = '## Measured by hand';
const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
if (previous.includes(BY_HAND)) lines.push(previous.slice(previous.indexOf(BY_HAND)));
writeFileSync(RESULTS, lines.join('\n'));
console.log(lines.join('\n'));
