// Server mode under load: 200 complete sign-ins at once (password, then TOTP) through a node:http server
// with the `cognito-react/server` handler (toNodeListener, as examples/server does) in front of the simulated
// user pool; then 10,000 refused requests, to show that what is refused leaves no memory behind.
//
//   node --expose-gc bench/serverLoad.mjs     (npm run bench runs it)
//
// Prints p50/p95 latency, sign-ins and requests per second, peak RSS, and RSS before and after the refused
// requests; exits 1 when a sign-in fails or the refused requests grow RSS by more than MAX_GROWTH_MB.
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';

const SIGN_INS = 200;
const REFUSED = 10_000;
const REFUSED_AT_ONCE = 100;
const MAX_GROWTH_MB = 48;
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD = 'Passw0rd!long';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vite = await createVite({ root, configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
const load = (path) => vite.ssrLoadModule(resolve(root, path));
const { createAuthHandler, toNodeListener } = await load('src/server/index.ts');
const { createUserPoolSimulator, totpCode } = await load('src/testing/index.ts');
const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
const { setupServer } = await import('msw/node');

const users = Array.from({ length: SIGN_INS }, (_, i) => ({ username: `user${i}`, password: PASSWORD, attributes: { email: `user${i}@example.com` }, mfa: { totpSecret: TOTP } }));
const sim = createUserPoolSimulator({ userPoolId: 'eu-west-1_Bench1', clientId: 'benchclient1', users });
const msw = setupServer(...sim.handlers);
msw.listen({ onUnhandledRequest: 'bypass' });

const auth = createAuthHandler({
  region: sim.region,
  userPoolId: sim.userPoolId,
  clientId: sim.clientId,
  authFlow: 'USER_PASSWORD_AUTH',
  cookieSecrets: ['bench-cookie-secret-0123456789abcdef-0123456789'],
  cookie: { secure: false },
  logger: () => undefined,
  client: new CognitoIdentityProviderClient({ region: sim.region, maxAttempts: 1, credentials: { accessKeyId: 'BENCH', secretAccessKey: 'BENCH' } }),
});
const listener = toNodeListener(auth);
const server = createServer({ requestTimeout: 30_000 }, (req, res) => void listener(req, res));
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
let requests = 0;

/** One browser: its cookies, and the CSRF token the server handed it. */
function browser() {
  const jar = new Map();
  let csrf = '';
  return async (method, route, body) => {
    requests++;
    const response = await fetch(`${origin}/api/auth/${route}`, {
      method,
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method === 'POST' ? { 'content-type': 'application/json', origin, 'x-csrf-token': csrf } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0\b/.test(line)) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const json = await response.json();
    if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { status: response.status, json };
  };
}

async function signIn(username) {
  const call = browser();
  const started = performance.now();
  await call('GET', 'session');
  const first = await call('POST', 'sign-in', { username, password: PASSWORD });
  if (first.json.state?.step?.name !== 'SOFTWARE_TOKEN_MFA') throw new Error(`${username}: ${JSON.stringify(first.json)}`);
  const done = await call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, sim.now()) } });
  if (done.json.state?.status !== 'signedIn') throw new Error(`${username}: ${JSON.stringify(done.json)}`);
  return performance.now() - started;
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const t0 = performance.now();
const outcomes = await Promise.allSettled(users.map((u) => signIn(u.username)));
const elapsed = (performance.now() - t0) / 1000;
const failed = outcomes.filter((o) => o.status === 'rejected');
const latencies = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value).sort((a, b) => a - b);

// Refused requests: a foreign Origin, then bodies that are no JSON; in batches of 100 at a time. A first
// round of 2,000 warms the allocator and the connection pool up, so the measured 10,000 show growth, not the
// process's first use of that much memory.
const refusedStatuses = new Map();
const refuse = async (count) => {
for (let sent = 0; sent < count; sent += REFUSED_AT_ONCE) {
  await Promise.all(
    Array.from({ length: REFUSED_AT_ONCE }, async (_, i) => {
      const n = sent + i;
      const response = await fetch(`${origin}/api/auth/sign-in`, {
        method: 'POST',
        headers: n % 2 ? { 'content-type': 'application/json', origin: 'https://evil.example' } : { 'content-type': 'application/json', origin, cookie: 'cognito-session-csrf=t', 'x-csrf-token': 't' },
        body: n % 2 ? JSON.stringify({ username: `user${n}`, password: 'x' }) : `{"username": "user${n}", `,
      });
      await response.arrayBuffer();
      refusedStatuses.set(response.status, (refusedStatuses.get(response.status) ?? 0) + 1);
    }),
  );
}
};
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;
await refuse(2_000);
refusedStatuses.clear();
globalThis.gc?.();
const before = rssMb();
const heapBefore = heapMb();
await refuse(REFUSED);
globalThis.gc?.();
const after = rssMb();
const heapAfter = heapMb();
clearInterval(sampler);

const result = {
  signIns: SIGN_INS,
  failed: failed.length,
  p50Ms: percentile(latencies, 50),
  p95Ms: percentile(latencies, 95),
  signInsPerSecond: latencies.length / elapsed,
  requestsPerSecond: requests / elapsed,
  peakRssMb: peakRss / 2 ** 20,
  refused: REFUSED,
  refusedStatuses: Object.fromEntries(refusedStatuses),
  rssBeforeRefusedMb: before,
  rssAfterRefusedMb: after,
  heapBeforeRefusedMb: heapBefore,
  heapAfterRefusedMb: heapAfter,
};
console.log('server mode under load (node:http + toNodeListener, simulated pool, password then TOTP)');
console.log(`  ${SIGN_INS} concurrent sign-ins: ${SIGN_INS - failed.length} succeeded in ${elapsed.toFixed(2)} s`);
console.log(`  latency p50 ${result.p50Ms?.toFixed(0)} ms, p95 ${result.p95Ms?.toFixed(0)} ms; ${result.signInsPerSecond.toFixed(1)} sign-ins/s, ${result.requestsPerSecond.toFixed(1)} requests/s`);
console.log(`  peak RSS ${result.peakRssMb.toFixed(0)} MiB`);
console.log(`  ${REFUSED} refused requests (${JSON.stringify(result.refusedStatuses)}): RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MiB, heap ${heapBefore.toFixed(0)} -> ${heapAfter.toFixed(0)} MiB${globalThis.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'serverLoad.json'), `${JSON.stringify(result, null, 2)}\n`);

server.close();
server.closeAllConnections();
msw.close();
await vite.close();
const problems = [
  ...failed.map((f) => `sign-in failed: ${f.reason?.message ?? f.reason}`),
  ...(after - before > MAX_GROWTH_MB ? [`RSS grew by ${(after - before).toFixed(0)} MiB over ${REFUSED} refused requests (budget ${MAX_GROWTH_MB} MiB)`] : []),
  ...([...refusedStatuses.keys()].some((s) => s < 400 || s >= 500) ? ['a refused request was not answered 4xx'] : []),
];
for (const p of problems.slice(0, 5)) console.error(p);
process.exit(problems.length ? 1 : 0);
