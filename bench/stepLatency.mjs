// In Chromium: the time from submitting the password to the next step's form being usable (its field has
// the focus), <SignIn> with its challenge forms and the engine in the first chunk (eager) against loaded lazily (ours), in
// the same run, on production builds served over HTTP with a round trip of RTT ms on every script and every
// Cognito request (the simulated pool behind an MSW service worker). SRP sign-in of a user with TOTP MFA:
// InitiateAuth, RespondToAuthChallenge (PASSWORD_VERIFIER), then the SOFTWARE_TOKEN_MFA form.
//
//   lazy          as shipped: the forms fetched at idle, and while the sign-in's requests are in flight
//   lazy-noidle   without the idle prefetch: only the fetch started when the password is submitted
//
//   node bench/stepLatency.mjs      writes bench-results/steps.json
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
const out = join(root, 'bench-results/steps');

/** Builds the page; `eager` puts the challenge forms and the engine back in the first chunk. */
async function buildPage(name, eager) {
  const eagerForms = join(root, 'bench/steps/eagerStepForms.ts');
  await build({
    configFile: false,
    root: join(root, 'bench/steps'),
    base: './',
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: eager
      ? [
          { name: 'eager-step-forms', enforce: 'pre', resolveId: (source, importer) => (source === './stepForms.js' && importer?.endsWith('SignIn.tsx') ? eagerForms : null) },
          eagerEngine(),
        ]
      : [],
    build: { outDir: join(out, name), emptyOutDir: true, minify: true, target: 'es2022', modulePreload: false, reportCompressedSize: false },
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await buildPage('eager', true);
await buildPage('lazy', false);
const server = await serveBuilds(out, RTT);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(chromiumLaunchOptions);
const variants = { eager: `${base}/eager/?rtt=${RTT}`, lazy: `${base}/lazy/?rtt=${RTT}`, 'lazy-noidle': `${base}/lazy/?rtt=${RTT}&noidle` };
const times = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [variant, url] of Object.entries(variants)) {
      // A new context each time: nothing cached, the service worker installed afresh.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.getByLabel('Username').waitFor();
      // The same pause in every variant, as a user's typing would give (the idle prefetch runs in it).
      await page.waitForTimeout(1000);
      await page.getByLabel('Username').fill('alice');
      await page.getByLabel('Password', { exact: true }).fill('Passw0rd!long');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForFunction(() => window.stepMarks.usableAt > 0, undefined, { timeout: 20_000 });
      const { submitAt, usableAt } = await page.evaluate(() => window.stepMarks);
      times[variant].push(usableAt - submitAt);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const result = {
  rttMs: RTT,
  runs: RUNS,
  medianMs: Object.fromEntries(Object.entries(times).map(([v, t]) => [v, median(t)])),
  timesMs: times,
};
result.lazyMinusEagerMs = result.medianMs.lazy - result.medianMs.eager;
result.lazyNoIdleMinusEagerMs = result.medianMs['lazy-noidle'] - result.medianMs.eager;
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/steps.json'), JSON.stringify(result, null, 2));
console.log(`password submitted -> TOTP form usable, median of ${RUNS} (RTT ${RTT} ms):`, result.medianMs, `lazy - eager ${result.lazyMinusEagerMs.toFixed(1)} ms, lazy without idle prefetch - eager ${result.lazyNoIdleMinusEagerMs.toFixed(1)} ms`);
