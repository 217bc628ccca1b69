// The planning benchmark: a generated contract of 100 sheets × 10 actions (1,000 bars) in the
// browser's storage; in one page and run: the time of the planning's first render, of a
// re-render after a filter change, the time plain JavaScript takes to build the same DOM (so
// the figure is a ratio), and the time a keystroke in a form field takes with this contract.
// Times are from the event to the DOM built and laid out (a forced layout), median of runs.
import { execFileSync } from 'node:child_process';
import { launchProfile } from '../tests/support/browser.mjs';

const RUNS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function generatedWorkspace() {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'bench-contract', '--', '100', '10'], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
}

/** In the page: runs `trigger`, resolves when `done()` holds, after a forced layout. */
const TIMER = `window.__timeUntil = (trigger, done) => new Promise((resolve) => {
  const t0 = performance.now();
  const finish = () => { document.body.getBoundingClientRect(); resolve(performance.now() - t0); };
  const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); finish(); } });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  trigger();
  if (done()) { observer.disconnect(); finish(); }
});`;

/** The same DOM as the planning's lines, built with plain DOM calls. */
const PLAIN_JS = `window.__plainPlanning = (rows) => {
  const list = document.createElement('ul');
  list.className = 'planning__lines';
  let axis = null, sheet = null;
  for (const r of rows) {
    if (r.axis !== axis) { axis = r.axis; list.append(group('plan-group plan-group--axis', r.axis)); }
    if (r.sheet !== sheet) { sheet = r.sheet; list.append(group('plan-group plan-group--sheet', r.sheet)); }
    const li = document.createElement('li'); li.className = 'plan-row';
    const label = document.createElement('div'); label.className = 'planning__label-col plan-row__label';
    const a = document.createElement('a'); a.href = '#'; a.className = 'plan-row__name'; a.textContent = r.label;
    const lead = document.createElement('span'); lead.className = 'plan-row__lead'; lead.textContent = r.lead;
    label.append(a, lead);
    const track = document.createElement('div'); track.className = 'planning__track plan-row__track';
    const bar = document.createElement('button'); bar.type = 'button'; bar.className = 'bar bar--axis-0';
    bar.setAttribute('style', 'left:' + r.left + '%;width:' + r.width + '%');
    bar.setAttribute('aria-label', r.label); bar.title = r.label;
    bar.addEventListener('click', () => {});
    for (const side of ['start', 'end']) { const h = document.createElement('span'); h.className = 'bar__handle bar__handle--' + side; bar.append(h); }
    track.append(bar);
    const edit = document.createElement('div'); edit.className = 'plan-row__edit';
    const b = document.createElement('button'); b.type = 'button'; b.className = 'secondary small'; b.textContent = 'Dates';
    b.setAttribute('aria-label', 'Modifier les dates de « ' + r.label + ' »'); b.addEventListener('click', () => {});
    edit.append(b);
    li.append(label, track, edit);
    list.append(li);
  }
  return list;
  function group(className, text) {
    const li = document.createElement('li'); li.className = className;
    const button = document.createElement('button'); button.type = 'button'; button.className = 'plan-group__toggle';
    button.textContent = text; button.addEventListener('click', () => {}); li.append(button); return li;
  }
};`;

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
      filtered.push(await page.evaluate((axis) => window.__timeUntil(() => {
        const select = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Axe').control;
        select.value = axis; select.dispatchEvent(new Event('change', { bubbles: true }));
      }, () => document.querySelectorAll('.plan-row').length > 0 && document.querySelectorAll('.plan-row').length < 1000), firstAxis));
      rowsFiltered = await page.locator('.plan-row').count();
      // Plain JavaScript, same page, same rows: all of them, then the filtered ones.
      const data = await page.evaluate(() => [...document.querySelectorAll('.plan-row')].map((li) => ({
        axis: 'Axe', sheet: 'Fiche', label: li.querySelector('.plan-row__name').textContent,
        lead: li.querySelector('.plan-row__lead').textContent, left: 10, width: 20 })));
      const all = Array.from({ length: 1000 }, (_, i) => ({ ...data[i % data.length], axis: 'Axe ' + Math.floor(i / 125), sheet: 'Fiche ' + Math.floor(i / 10) }));
      const some = all.slice(0, rowsFiltered).map((r) => ({ ...r, axis: 'Axe 1' }));
      for (const [rows, sink] of [[all, plainFirst], [some, plainFiltered]]) {
        sink.push(await page.evaluate((rows) => {
          const host = document.createElement('div'); host.className = 'planning'; document.querySelector('main').append(host);
          const t0 = performance.now();
          host.append(window.__plainPlanning(rows));
          document.body.getBoundingClientRect();
          const t = performance.now() - t0;
          host.remove();
          return t;
        }, rows));
      }
    }
    // Typing in a form field with this contract loaded: keystroke to the header showing it.
    await page.getByRole('link', { name: 'Contrat', exact: true }).click();
    await page.getByLabel('Nom du contrat').waitFor();
    const keystrokes = [];
    for (let i = 0; i < 20; i += 1) {
      keystrokes.push(await page.evaluate((i) => window.__timeUntil(() => {
        const input = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Nom du contrat').control;
        input.value = input.value + String.fromCharCode(97 + (i % 26));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, () => document.querySelector('.app-header__contract').textContent.endsWith(String.fromCharCode(97 + (i % 26)))), i));
    }
    return {
      rowsShown, rowsFiltered,
      first: median(first), filtered: median(filtered), plainFirst: median(plainFirst), plainFiltered: median(plainFiltered),
      keystroke: median(keystrokes), keystrokeMax: Math.max(...keystrokes),
    };
  } finally {
    await context.close();
  }
}
