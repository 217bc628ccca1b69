// The benchmark of « Suivi »: the generated contract of 100 fiches × 10 actions with two years
// of follow-up (2024 and 2025: bilans, indicator values, amounts spent) in the browser's
// storage; in one page and run: the time « Suivi » takes to open for 2025 from another screen,
// to show a changed status (the row, the chart's accessible name and the counts), and a
// keystroke in a row's « Ce qui a été fait ».
// Times are from the event to the DOM built and laid out (a forced layout), as the planning's
// (`__timeUntil` in planning.mjs), and also until the next frame is painted: with a thousand
// rows of form fields, painting a frame costs more than building it.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { launchProfile } from '../tests/support/browser.mjs';
import { FRAME_MS, TIMER, median, percentile, typingLatency } from './planning.mjs';

const OPENINGS = 7;
const STATUS_CHANGES = 20;
const PAINTED_KEYSTROKES = 20;
const YEAR = 2025;
/** The option values of a status select, « Non renseigné » first (as the select lists them). */
const STATUS_KEYS = ['', 'upcoming', 'in_progress', 'done', 'partly_done', 'barely_done', 'not_done', 'postponed', 'abandoned'];

function generatedWorkspace() {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'bench-contract', '--', '100', '10', 'suivi'], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
}

const summary = (times) => ({
  runs: times.length, median: median(times), p90: percentile(times, 90), max: Math.max(...times),
  overFrame: times.filter((t) => t > FRAME_MS).length,
});

/** As `PAGE_ROWS` in src/model/follow_up/pages.rs: the most rows a page of the table holds. */
const PAGE_ROWS = 60;

/** The rows of the table's first page: whole fiches (a fiche's row and its actions) while they fit. */
function firstPageRows(sheets) {
  let rows = 0;
  for (const sheet of sheets) {
    const size = 1 + sheet.actions.length;
    if (rows > 0 && rows + size > PAGE_ROWS) break;
    rows += size;
  }
  return rows;
}

/**
 * In the page: what the follow-up shows for `year` once open: the chart with its name naming
 * the year, and every row of the table's first page.
 */
const OPEN = `window.__followUpShown = (year, rows) =>
  document.querySelectorAll('.review-table tbody tr.review-row').length === rows
  && document.querySelector('svg.status-chart rect') !== null
  && (document.querySelector('svg.status-chart')?.getAttribute('aria-label') ?? '').startsWith('Actions par statut en ' + year + '.');
/** Follows an in-app link to « Suivi » for a year, as the router does for any link of the app. */
window.__openFollowUp = (year) => {
  const nav = document.querySelector('nav[aria-label="Navigation principale"] a[href$="/suivi/"]');
  const link = document.createElement('a');
  link.href = nav.getAttribute('href') + '?annee=' + year;
  document.querySelector('main').append(link);
  link.click();
  link.remove();
};
/**
 * As \`__timeUntil\` (planning.mjs), and then until the next frame is painted: a task posted
 * from that frame's animation callback runs once the frame's main-thread work (style, layout,
 * paint, layerizing) is done. Gives both times: \`{ dom, painted }\`.
 */
window.__timeBoth = (trigger, done) => new Promise((resolve) => {
  const t0 = performance.now();
  window.__timeUntil(trigger, done).then((dom) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve({ dom, painted: performance.now() - t0 });
    channel.port2.postMessage(null);
  }));
});
/** The dashboard's counts: the footer of « Les chiffres du graphique » (per status, then all). */
window.__footCounts = () => [...document.querySelectorAll('.counts-table tfoot td')].map((td) => td.textContent).join(' ');`;

export async function followUpBench(url) {
  const workspace = generatedWorkspace();
  const contract = JSON.parse(workspace).contracts[0];
  const sheetRows = contract.sheets.length;
  const actionRows = contract.sheets.reduce((n, s) => n + s.actions.length, 0);
  const rows = sheetRows + actionRows;
  const pageRows = firstPageRows(contract.sheets);
  const indicatorRows = contract.indicators.length + contract.sheets.reduce((n, s) => n + s.indicators.length, 0);
  const budgetRows = contract.sheets.reduce((n, s) => n + s.funding.filter((f) => f.year === YEAR).length, 0);
  const load = { before: loadavg() };
  const context = await launchProfile();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(([value]) => { if (!localStorage.getItem('atelier-cls.v1.espace')) localStorage.setItem('atelier-cls.v1.espace', value); }, [workspace]);
    await page.addInitScript(TIMER);
    await page.addInitScript(OPEN);
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await page.evaluate(() => { window.__samePage = true; });

    // Opening: from « Mes contrats » (the contract loaded) to « Suivi » for the year, through
    // the router, as a click on a link of the app.
    const openings = [];
    for (let run = 0; run < OPENINGS; run += 1) {
      await page.getByRole('link', { name: 'Mes contrats', exact: true }).click();
      await page.getByRole('heading', { name: 'Mes contrats locaux de santé' }).waitFor();
      openings.push(await page.evaluate(([year, rows]) => window.__timeBoth(
        () => window.__openFollowUp(year), () => window.__followUpShown(year, rows)), [YEAR, pageRows]));
    }
    if (!(await page.evaluate(() => window.__samePage === true))) throw new Error('« Suivi » was opened by a page load, not by the router');
    if (!page.url().includes(`annee=${YEAR}`)) throw new Error(`« Suivi » is not showing ${YEAR}: ${page.url()}`);

    // Changing a status: one action's select each time (20 actions of the page shown), to
    // the next status in the list, until its row shows it (the select's class), the chart's
    // name has changed, and the counts' footer (under « Les chiffres du graphique ») too.
    const shown = new Set(await page.evaluate(() => [...document.querySelectorAll('.review-table select[id$="-statut"]')].map((s) => s.id.slice('suivi-'.length, -'-statut'.length))));
    const actionIds = contract.sheets.flatMap((s) => s.actions.map((a) => a.id)).filter((id) => shown.has(id));
    if (actionIds.length < STATUS_CHANGES) throw new Error(`only ${actionIds.length} actions on the first page`);
    const statusTimes = [];
    for (let i = 0; i < STATUS_CHANGES; i += 1) {
      const id = actionIds[Math.floor((i * actionIds.length) / STATUS_CHANGES)];
      statusTimes.push(await page.evaluate(([id, keys]) => {
        const select = document.getElementById(`suivi-${id}-statut`);
        const next = keys[(keys.indexOf(select.value) + 1) % keys.length];
        const chart = document.querySelector('svg.status-chart');
        const [name, counts] = [chart.getAttribute('aria-label'), window.__footCounts()];
        return window.__timeBoth(() => {
          select.value = next;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }, () => {
          const row = document.getElementById(`suivi-${id}-statut`);
          return row.classList.contains(`status-select--${next || 'none'}`)
            && document.querySelector('svg.status-chart').getAttribute('aria-label') !== name
            && window.__footCounts() !== counts;
        });
      }, [id, STATUS_KEYS]));
    }

    // Typing in « Ce qui a été fait » of an action in the middle of the table, as the planning's
    // fields are timed; then, in another action's, until each keystroke's frame is painted.
    const field = (id) => `textarea[aria-labelledby="suivi-col-fait suivi-${id}"]`;
    const typed = actionIds[Math.floor(actionIds.length / 2)];
    const comment = await typingLatency(page, { css: field(typed) }, null);
    const paintedKeys = [];
    for (let i = 0; i < PAINTED_KEYSTROKES; i += 1) {
      paintedKeys.push(await page.evaluate(([css, letter]) => window.__timeBoth(() => {
        const input = document.querySelector(css);
        input.value += letter;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, () => true), [field(actionIds[Math.floor(actionIds.length / 2) + 1]), String.fromCharCode(97 + (i % 26))]));
    }
    load.after = loadavg();
    const painted = (times) => summary(times.map((t) => t.painted));
    return {
      rows, pageRows, sheetRows, actionRows, indicatorRows, budgetRows, load,
      opening: summary(openings.map((t) => t.dom)), status: summary(statusTimes.map((t) => t.dom)), comment,
      painted: { opening: painted(openings), status: painted(statusTimes), comment: painted(paintedKeys) },
    };
  } finally {
    await context.close();
  }
}
