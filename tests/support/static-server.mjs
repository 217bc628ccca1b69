// A plain static file server over dist/, as the dumbest static host would be: no rewrite, no
// fallback to index.html, 404 for anything missing, "dir" redirected to "dir/". The app is
// served under a sub-path (/sous-dossier/) to prove that dist/ works from any folder.
// `{ gzip: true }` compresses text and wasm the way common static hosts do (gzip, level 6), for
// the benchmark's throttled load.
// For the offline tests (tests/browser/offline.test.mjs), a server can `stop()` (the host is
// gone: connections refused), `restart()` on the same port (same origin, so the same service
// worker and storage), and `serve(dir)` another folder (a new version deployed).
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export const SUB_PATH = '/sous-dossier/';

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest']);

export async function startStaticServer(dir, { gzip = false } = {}) {
  let root = dir;
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
  const listen = (port) => new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const stop = () => new Promise((resolve) => {
    if (!server.listening) { resolve(); return; }
    server.close(() => resolve());
    server.closeAllConnections(); // keep-alive connections too: the browser must find no host
  });
  await listen(0);
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    close: stop,
    stop,
    restart: () => listen(port),
    serve(other) { root = other; compressed.clear(); },
  };
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable');
}
