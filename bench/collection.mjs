// The benchmark of « Collecte » (issue 24): the generated contract of 100 fiches × 10 actions
// with two years of follow-up, in the browser's storage. For 2025: each lead's spreadsheet
// written as .xlsx from its button until the browser hands the download over (20 files: the
// contract's leads, then the first ones again, as `collection-sheets bench` does natively), the
// whole .zip once; then 20 answers picked one at a time, each until its preview is shown (read,
// matched, previewed against the contract). Times are taken in Node around the browser's own
// events (the download, the preview's heading), so they include what the page does and the
// DevTools round trip (about a millisecond).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from '../tests/support/browser.mjs';
import { median } from './planning.mjs';

const YEAR = 2025;
const FILES = 20;

function generatedWorkspace() {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'bench-contract', '--', '100', '10', 'suivi'], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
}

const summary = (times) => ({ runs: times.length, median: median(times), max: Math.max(...times), overSecond: times.filter((t) => t > 1000).length });

export async function collectionBench(url) {
  const workspace = generatedWorkspace();
  const folder = mkdtempSync(join(tmpdir(), 'atelier-cls-banc-collecte-'));
  const context = await launchProfile();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(([value]) => { if (!localStorage.getItem('atelier-cls.v1.espace')) localStorage.setItem('atelier-cls.v1.espace', value); }, [workspace]);
    await page.goto(`${url}suivi/?annee=${YEAR}&partie=collecte`);
    const table = page.getByRole('table', { name: `Destinataires de la collecte ${YEAR}` });
    await table.waitFor();
    const buttons = page.getByRole('button', { name: /^Télécharger le tableau de / });
    const leads = await buttons.count();
    const writing = [];
    const written = [];
    for (let i = 0; i < FILES; i += 1) {
      const button = buttons.nth(i % leads);
      const t0 = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      writing.push(performance.now() - t0);
      const path = join(folder, `${i}-${download.suggestedFilename()}`);
      await download.saveAs(path);
      written.push(path);
    }
    const all = page.getByRole('button', { name: 'Télécharger tous les tableaux (.zip)' });
    const t0 = performance.now();
    await Promise.all([page.waitForEvent('download'), all.click()]);
    const zip = performance.now() - t0;

    const reading = [];
    const picker = page.getByLabel('Choisir les tableaux des pilotes');
    for (const path of written) {
      const previews = page.getByRole('region', { name: /^Réponse de .* — bilan 2025$/ });
      const t1 = performance.now();
      await picker.setInputFiles(path);
      await previews.first().waitFor();
      reading.push(performance.now() - t1);
      await page.getByRole('button', { name: 'Écarter' }).first().click();
      await previews.first().waitFor({ state: 'detached' });
    }
    return { leads, writing: summary(writing), zip, reading: summary(reading) };
  } finally {
    await context.close();
  }
}
