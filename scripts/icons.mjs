// Draws the app's PNG icons (icons/*.png, committed) from its SVG logo (icons/logo.svg, the
// same drawing as index.html's inline favicon) with Debian's Chromium, which the tests already
// use: no image converter to install. Run it again after changing a logo:
//   node scripts/icons.mjs
// - icon-192.png, icon-512.png: the rounded logo on a transparent background ("any");
// - icon-maskable-512.png: icons/logo-maskable.svg, square and full-bleed ("maskable"): the
//   launcher cuts its own shape, and the cross stays inside the central safe circle (radius 40 %
//   of the width: the cross reaches 9.5/32 = 30 % from the centre).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, CHROMIUM_ARGS } from '../tests/support/browser.mjs';

const ICONS = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
const WANTED = [['logo.svg', 192, 'icon-192.png'], ['logo.svg', 512, 'icon-512.png'], ['logo-maskable.svg', 512, 'icon-maskable-512.png']];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (const [svg, size, png] of WANTED) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const source = `data:image/svg+xml;base64,${readFileSync(join(ICONS, svg)).toString('base64')}`;
    await page.setContent(`<body style="margin:0"><img src="${source}" width="${size}" height="${size}" style="display:block"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    writeFileSync(join(ICONS, png), await page.screenshot({ omitBackground: true, type: 'png' }));
    await page.close();
  }
} finally {
  await browser.close();
}
