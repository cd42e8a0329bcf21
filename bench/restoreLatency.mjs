// In Chromium: how long a signed-in user's reload takes to show the signed-in content, with the engine (the
// session's restore, refresh, tabs and every sign-in flow) in the first chunk (eager) against a chunk of its
// own that the store fetches at once (as shipped), in the same run, on production builds served over HTTP
// with a round trip of RTT ms on every script. The session is in localStorage with a valid access token, so
// the restore sends no request: what differs is only when the engine's code is there.
//
//   node bench/restoreLatency.mjs      writes bench-results/restore.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { eagerEngine } from './support/eagerEngine.mjs';
import { serveBuilds } from './support/serveBuilds.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RTT = 50;
const RUNS = 12;
const out = join(root, 'bench-results/restore');

/** Builds the page; `eager` imports the engine statically, so it is in the first chunk. */
async function buildPage(name, eager) {
  await build({
    configFile: false,
    root: join(root, 'bench/restore'),
    base: './',
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: eager ? [eagerEngine()] : [],
    // Vite's default module preload, as an app gets it: a chunk's own imports are fetched beside it, not after.
    build: { outDir: join(out, name), emptyOutDir: true, minify: true, target: 'es2022', reportCompressedSize: false },
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await buildPage('eager', true);
await buildPage('lazy', false);
const server = await serveBuilds(out, RTT);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(chromiumLaunchOptions);
const times = { eager: [], lazy: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const variant of Object.keys(times)) {
      // A new context each time: nothing cached; sign in once, then the measured reload.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/${variant}/?signin`);
      await page.waitForFunction(() => window.restoreMarks.ready, undefined, { timeout: 20_000 });
      await page.goto(`${base}/${variant}/`);
      await page.getByText('Signed in as alice').waitFor({ timeout: 20_000 });
      times[variant].push(await page.evaluate(() => window.restoreMarks.signedInAt));
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const result = { rttMs: RTT, runs: RUNS, medianMs: { eager: median(times.eager), lazy: median(times.lazy) }, timesMs: times };
result.lazyMinusEagerMs = result.medianMs.lazy - result.medianMs.eager;
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/restore.json'), JSON.stringify(result, null, 2));
console.log(`reload of a signed-in page -> signed-in content rendered, ms after navigation start, median of ${RUNS} (RTT ${RTT} ms):`, result.medianMs, `lazy - eager ${result.lazyMinusEagerMs.toFixed(1)} ms`);
