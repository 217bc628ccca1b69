// The benchmark of « Collecte » (issue 24): the generated contract of 100 fiches × 10 actions
// with two years of follow-up, in the browser's storage. For 2025: each lead's spreadsheet
// written as .xlsx from its button (20 files: the contract's leads, then the first ones again,
// as `collection-sheets bench` does natively), the whole .zip once; then the 20 files read back
// as answers, one at a time, each until its preview is shown (read, matched, previewed against
// the contract). Timed in the page: a button's click writes the file and hands its Blob to
// `URL.createObjectURL` before returning (the download itself is the browser's), and an answer
// is timed from the file input's change to its preview's heading in the DOM. The browser's
// download events are not used: Chromium stops announcing them after a few in a row.
import { execFileSync } from 'node:child_process';
import { launchProfile } from '../tests/support/browser.mjs';
import { median } from './planning.mjs';

const YEAR = 2025;
const FILES = 20;

function generatedWorkspace() {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'bench-contract', '--', '100', '10', 'suivi'], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
}

const summary = (times) => ({ runs: times.length, median: median(times), max: Math.max(...times), overSecond: times.filter((t) => t > 1000).length });

/** Keeps every Blob the page makes a URL of, with its file's name when a link downloads it. */
const KEEP_BLOBS = `window.__blobs = [];
const makeUrl = URL.createObjectURL;
URL.createObjectURL = (blob) => { window.__blobs.push(blob); return makeUrl.call(URL, blob); };`;

/** In the page: clicks each download button in turn, timing each click, and the .zip's. */
async function writeAll([files, zipName]) {
  const buttons = [...document.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? '').startsWith('Télécharger le tableau de '));
  const times = [];
  for (let i = 0; i < files; i += 1) {
    const t0 = performance.now();
    buttons[i % buttons.length].click();
    times.push(performance.now() - t0);
  }
  const all = [...document.querySelectorAll('button')].find((b) => b.textContent === zipName);
  const t0 = performance.now();
  all.click();
  return { leads: buttons.length, times, zip: performance.now() - t0 };
}

/** In the page: each kept .xlsx given to the answers' file input, until its preview shows. */
async function readAll(files) {
  const input = [...document.querySelectorAll('input[type=file][multiple]')][0];
  const shown = () => document.querySelector('.answer-preview h4');
  const until = (done) => new Promise((resolve) => {
    if (done()) { resolve(); return; }
    const watch = new MutationObserver(() => { if (done()) { watch.disconnect(); resolve(); } });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const times = [];
  for (const blob of window.__blobs.slice(0, files)) {
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'reponse.xlsx'));
    const t0 = performance.now();
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(shown);
    times.push(performance.now() - t0);
    [...document.querySelectorAll('.answer-preview button')].find((b) => b.textContent === 'Écarter').click();
    await until(() => !shown());
  }
  return times;
}

export async function collectionBench(url) {
  const workspace = generatedWorkspace();
  const context = await launchProfile();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(([value]) => { if (!localStorage.getItem('atelier-cls.v1.espace')) localStorage.setItem('atelier-cls.v1.espace', value); }, [workspace]);
    await page.addInitScript(KEEP_BLOBS);
    await page.goto(`${url}suivi/?annee=${YEAR}&partie=collecte`);
    await page.getByRole('button', { name: /^Télécharger le tableau de / }).first().waitFor();
    const written = await page.evaluate(writeAll, [FILES, 'Télécharger tous les tableaux (.zip)']);
    const reading = await page.evaluate(readAll, FILES);
    return { leads: written.leads, writing: summary(written.times), zip: written.zip, reading: summary(reading) };
  } finally {
    await context.close();
  }
}
