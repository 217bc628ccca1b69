// axe-core in the page, on the WCAG 2.1 A and AA rules (RGAA's ground): what the accessibility
// checks of every screen share.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** axe-core's script, to inject into a page. */
export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations axe-core finds in the whole page, one line each (empty when none). */
export async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× ex. ${v.nodes[0].target.join(' ')})`);
  });
}
