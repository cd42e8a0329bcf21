// Serves production builds under `dir` (and MSW's worker script) on 127.0.0.1 for the Chromium benchmarks;
// every script answers after `rttMs` (a network's round trip), nothing is cached.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export function serveBuilds(dir, rttMs) {
  const worker = join(root, 'node_modules/msw/lib/mockServiceWorker.js');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = path.endsWith('/mockServiceWorker.js') ? worker : normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir) && file !== worker) return void response.writeHead(404).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return void response.writeHead(404).end();
    }
    const send = () => response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    if (extname(file) === '.js' && file !== worker) setTimeout(send, rttMs);
    else send();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}
