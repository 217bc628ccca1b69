// Trunk post-build step (scripts/post-build.sh), after the split: the screens' styles leave the
// first visit. index.html inlines the first screen's CSS and names the other screens' files in
// <meta name="atelier-cls:screens-css" content="style/a.css style/b.css …">. This step joins
// those files, in that order, into screens-<hash of their content>.css (a new build never
// reuses an old name, so no cache mixes two versions), and points the meta at it; the app
// fetches it with the first part it loads (src/ui/platform/stylesheet.rs). It also drops the
// comments of the inlined styles: they are for the people reading style/, not for every
// first visit (3.4 KB of brotli with the screens' own).
//
// Usage: node screens-css.mjs <staging folder> <source folder>
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [stage, source] = process.argv.slice(2);
const indexPath = path.join(stage, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');

/** CSS without its comments and blank lines (no style of ours writes « /* » in a string). */
const withoutComments = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n/g, '\n').trim();

const meta = /(<meta name="atelier-cls:screens-css" content=")([^"]*)(")/;
const files = index.match(meta)?.[2].split(/\s+/).filter(Boolean);
if (!files?.length) throw new Error('screens-css.mjs: index.html names no screens stylesheet');
const css = files.map((file) => withoutComments(fs.readFileSync(path.join(source, file), 'utf8'))).join('\n') + '\n';
const hash = crypto.createHash('sha256').update(css).digest('hex').slice(0, 16);
const name = `screens-${hash}.css`;
fs.writeFileSync(path.join(stage, name), css);
index = index.replace(meta, `$1./${name}$3`);
index = index.replace(/<style>([\s\S]*?)<\/style>/g, (_, inline) => `<style>${withoutComments(inline)}</style>`);
fs.writeFileSync(indexPath, index);
console.log(`screens-css.mjs: ${name} (${css.length} bytes) from ${files.length} files`);
