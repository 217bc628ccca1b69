// A plain static file server over dist/, as the dumbest static host would be: no rewrite, no
// fallback to index.html, 404 for anything missing, "dir" redirected to "dir/". The app is
// served under a sub-path (/sous-dossier/) to prove that dist/ works from any folder.
// `{ gzip: true }` compresses text and wasm the way common static hosts do (gzip, level 6), for
// the benchmark's throttled load.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
};

export const SUB_PATH = '/sous-dossier/';

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg']);

export async function startStaticServer(root, { gzip = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(SUB_PATH)) return notFound(res);
    const relative = normalize(decodeURIComponent(url.pathname.slice(SUB_PATH.length)));
    if (relative.startsWith('..')) return notFound(res);
    let file = join(root, relative);
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: url.pathname + '/' + url.search }).end();
          return;
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 6 }));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' })
          .end(compressed.get(file));
        return;
      }
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      notFound(res);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${SUB_PATH}`, close: () => new Promise((r) => server.close(r)) };
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable');
}
