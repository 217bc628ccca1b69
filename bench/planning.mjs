// The planning benchmark: a generated contract of 100 sheets × 10 actions (1,000 bars) in the
// browser's storage; in one page and run: the time of the planning's first render, of a
// re-render after a filter change, the time plain JavaScript takes to build the same DOM (so
// the figure is a ratio), and the time a keystroke takes with this contract, in the contract's
// name and in a fiche's fields.
// Times are from the event to the DOM built and laid out (a forced layout), median of runs.
import { execFileSync } from 'node:child_process';
import { launchProfile } from '../tests/support/browser.mjs';

const RUNS = 5;
export const median = (values) => percentile(values, 50);
/** The value below which `p` percent of `values` fall (nearest rank). */
export const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)];
const KEYSTROKES = 50;
export const FRAME_MS = 1000 / 60;

function generatedWorkspace() {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'bench-contract', '--', '100', '10'], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
}

/**
 * In the page: runs `trigger`, resolves when `done()` holds and the work queued by the event
 * (the framework's effects run as microtasks) is over, after a forced layout: the time of the
 * work and its layout, not of the painting. The work is over at whichever comes first: the next
 * task (a message posted to itself) or the next frame (its callbacks run once the event's task
 * and microtasks are done, before the browser lays out and paints).
 */
export const TIMER = `window.__timeUntil = (trigger, done) => new Promise((resolve) => {
  const t0 = performance.now();
  let settled = false, finished = false;
  const finish = () => {
    if (finished || !settled || !done()) return;
    finished = true; observer.disconnect();
    document.body.getBoundingClientRect();
    resolve(performance.now() - t0);
  };
  const observer = new MutationObserver(finish);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  const settle = () => { settled = true; finish(); };
  const channel = new MessageChannel();
  channel.port1.onmessage = settle;
  requestAnimationFrame(settle);
  trigger();
  channel.port2.postMessage(null);
});`;

/**
 * The planning's lines built with plain DOM calls: the same elements, attributes (in the same
 * order), text and listeners as the app draws (the bench checks that both lists' markup is
 * identical), from `lines`, a description of each line read from the app's own list.
 * Like the app, it listens on the list (one listener per event type), not on each button.
 */
const PLAIN_JS = `window.__plainPlanning = (lines) => {
  const list = document.createElement('ul');
  list.className = 'planning__lines';
  for (const type of ['click', 'pointerdown', 'pointermove', 'pointerup']) list.addEventListener(type, () => {});
  for (const line of lines) list.append(line.group ? group(line) : action(line));
  return list;
  function element(tag, className) { const e = document.createElement(tag); if (className) e.className = className; return e; }
  function group(g) {
    const li = element('li', 'plan-group plan-group--' + g.group);
    const button = element('button'); button.type = 'button'; button.className = 'plan-group__toggle';
    button.setAttribute('aria-expanded', g.expanded); button.setAttribute('data-groupe', g.key); button.textContent = g.text;
    li.append(button);
    return li;
  }
  function action(r) {
    const li = element('li', 'plan-row');
    const a = element('a'); a.setAttribute('href', r.href); a.className = 'plan-row__name'; a.textContent = r.name;
    const lead = element('span', 'plan-row__lead'); lead.textContent = r.lead;
    const track = element('div', 'plan-row__track');
    if (r.bar) {
      const bar = element('button'); bar.type = 'button'; bar.className = r.bar.className;
      bar.setAttribute('style', r.bar.style); bar.title = r.bar.label;
      bar.setAttribute('data-fiche', r.bar.sheet); bar.setAttribute('data-action', r.bar.action);
      if (r.bar.start) bar.setAttribute('data-debut', r.bar.start);
      if (r.bar.end) bar.setAttribute('data-fin', r.bar.end);
      if (r.bar.grips) for (const side of ['start', 'end']) {
        const grip = element('span', 'bar__handle bar__handle--' + side); grip.setAttribute('aria-hidden', 'true'); bar.append(grip);
      }
      track.append(bar);
    }
    const dates = element('button'); dates.type = 'button'; dates.className = 'plan-row__dates secondary small no-print';
    dates.setAttribute('aria-expanded', 'false'); dates.setAttribute('aria-label', r.datesLabel);
    dates.setAttribute('data-dates', r.action); dates.textContent = 'Dates';
    li.append(a, lead, track, dates);
    return li;
  }
};
/** What each line of the app's list shows, for the plain JavaScript to draw the same. */
window.__planningLines = () => [...document.querySelectorAll('.planning__lines > li')].map((li) => {
  const toggle = li.querySelector('.plan-group__toggle');
  if (toggle) return { group: li.classList.contains('plan-group--axis') ? 'axis' : 'sheet', expanded: toggle.getAttribute('aria-expanded'), key: toggle.dataset.groupe, text: toggle.textContent };
  const bar = li.querySelector('.plan-row__track > button');
  const dates = li.querySelector('[data-dates]');
  return {
    href: li.querySelector('.plan-row__name').getAttribute('href'), name: li.querySelector('.plan-row__name').textContent,
    lead: li.querySelector('.plan-row__lead').textContent, action: dates.dataset.dates, datesLabel: dates.getAttribute('aria-label'),
    bar: bar && { className: bar.className, style: bar.getAttribute('style'), label: bar.title, sheet: bar.dataset.fiche,
      action: bar.dataset.action, start: bar.dataset.debut, end: bar.dataset.fin, grips: bar.querySelector('.bar__handle') !== null },
  };
});
/** Draws the lines in plain JavaScript and checks that the markup is the app's, character for character. */
window.__plainMatches = (lines) => {
  const mine = window.__plainPlanning(lines).innerHTML, app = document.querySelector('.planning__lines').innerHTML;
  if (mine !== app) throw new Error('plain JavaScript does not draw the same lines as the app');
};`;

/**
 * Types KEYSTROKES letters at the end of the field labelled `label`, one input event each, and
 * times each from the event to the work it queued done and, when `echo` (a CSS selector) is
 * given, to that element's text ending with the letter. `label` is a `<label>`'s text, or
 * `{ css }` for a field named otherwise (`aria-labelledby`), found by that CSS selector.
 */
export async function typingLatency(page, label, echo) {
  const times = [];
  for (let i = 0; i < KEYSTROKES; i += 1) {
    const letter = String.fromCharCode(97 + (i % 26));
    times.push(await page.evaluate(([label, letter, echo]) => window.__timeUntil(() => {
      const input = label.css ? document.querySelector(label.css)
        : [...document.querySelectorAll('label')].find((l) => l.textContent === label).control;
      input.value += letter;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, () => echo === null || document.querySelector(echo).textContent.endsWith(letter)), [label, letter, echo]));
  }
  return {
    keys: times.length, median: median(times), p90: percentile(times, 90), max: Math.max(...times),
    overFrame: times.filter((t) => t > FRAME_MS).length,
  };
}

export async function planningBench(url) {
  const workspace = generatedWorkspace();
  const firstAxis = JSON.parse(workspace).contracts[0].axes[0].id;
  const context = await launchProfile();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(([value]) => { if (!localStorage.getItem('atelier-cls.v1.espace')) localStorage.setItem('atelier-cls.v1.espace', value); }, [workspace]);
    await page.addInitScript(TIMER);
    await page.addInitScript(PLAIN_JS);
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    const first = [], filtered = [], plainFirst = [], plainFiltered = [];
    let rowsShown = 0, rowsFiltered = 0;
    for (let run = 0; run < RUNS; run += 1) {
      await page.getByRole('link', { name: 'Mes contrats', exact: true }).click();
      await page.getByRole('heading', { name: 'Mes contrats locaux de santé' }).waitFor();
      first.push(await page.evaluate(() => window.__timeUntil(
        () => document.querySelector('nav[aria-label="Navigation principale"] a[href$="/planning/"]').click(),
        () => document.querySelectorAll('.plan-row').length >= 1000)));
      rowsShown = await page.locator('.plan-row').count();
      const allLines = await page.evaluate(() => { const lines = window.__planningLines(); window.__plainMatches(lines); return lines; });
      filtered.push(await page.evaluate((axis) => window.__timeUntil(() => {
        const select = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Axe').control;
        select.value = axis; select.dispatchEvent(new Event('change', { bubbles: true }));
      }, () => document.querySelectorAll('.plan-row').length > 0 && document.querySelectorAll('.plan-row').length < 1000), firstAxis));
      rowsFiltered = await page.locator('.plan-row').count();
      const someLines = await page.evaluate(() => { const lines = window.__planningLines(); window.__plainMatches(lines); return lines; });
      // Plain JavaScript, same page, same lines. First render: into an empty container.
      // Timed with the same harness as the app (`__timeUntil`).
      plainFirst.push(await page.evaluate(async (lines) => {
        const host = document.createElement('div'); host.className = 'planning'; document.querySelector('main').append(host);
        await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
        const t = await window.__timeUntil(() => host.append(window.__plainPlanning(lines)), () => true);
        host.remove();
        return t;
      }, allLines));
      // After a filter change: as the app, it replaces the 1,000 lines it shows (drawn and
      // painted beforehand, not timed) with the filtered ones.
      plainFiltered.push(await page.evaluate(async ([all, some]) => {
        const host = document.createElement('div'); host.className = 'planning'; document.querySelector('main').append(host);
        host.append(window.__plainPlanning(all));
        await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
        const t = await window.__timeUntil(() => host.replaceChildren(window.__plainPlanning(some)), () => true);
        host.remove();
        return t;
      }, [allLines, someLines]));
    }
    // Typing with this contract loaded: in the contract's name, echoed in the header; in a
    // fiche's title, echoed in its heading; in its « Constat » text area, echoed nowhere else.
    await page.getByRole('link', { name: 'Contrat', exact: true }).click();
    await page.getByLabel('Nom du contrat').waitFor();
    const contractName = await typingLatency(page, 'Nom du contrat', '.app-header__contract');
    await page.getByRole('link', { name: 'Fiches action', exact: true }).click();
    await page.getByRole('link', { name: /^Fiche action n°1 – / }).click();
    await page.getByLabel('Intitulé de la fiche').waitFor();
    const sheetTitle = await typingLatency(page, 'Intitulé de la fiche', 'main h1');
    await page.getByRole('link', { name: '2. Constat' }).click();
    await page.getByLabel('Constats propres à cette fiche').waitFor();
    const sheetFinding = await typingLatency(page, 'Constats propres à cette fiche', null);
    return {
      rowsShown, rowsFiltered,
      first: median(first), filtered: median(filtered), plainFirst: median(plainFirst), plainFiltered: median(plainFiltered),
      typing: { contractName, sheetTitle, sheetFinding },
    };
  } finally {
    await context.close();
  }
}
