// Bundle sizes: production Vite builds of small apps (React 19), built in this run, compared by the bytes of
// all the JavaScript they emit, raw, gzip and brotli, each minus an empty React app. The entry (what a page
// loads first, with its static imports) is counted apart from lazily loaded chunks.
//
// Each app's weight is also broken down by module (rollup-plugin-visualizer's raw data: every module's
// rendered code, brotli-compressed on its own), the 15 largest printed and all written to the results.
//
//   node bench/size.mjs            measures every app, writes bench-results/size.json and size-modules.txt
//   node bench/size.mjs --check    measures ours and fails when a size passes bench/budgets.json
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { visualizer } from 'rollup-plugin-visualizer';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Apps without React: their size is their own, nothing to subtract. */
const WITHOUT_REACT = new Set(['ours-core', 'amplify-headless', 'identity-js']);

export const APPS = {
  empty: 'empty React app (baseline)',
  'ours-signin': 'ours: <CognitoProvider> + <SignIn>, every form',
  'ours-hooks': 'ours: hooks only (custom form)',
  'ours-core': 'ours: core only',
  'ours-server': 'ours: server mode, serverTransport + <SignIn>',
  'ours-full': 'ours: <CognitoProvider> + <Authentication> + <AccountSettings>',
  'sdk-query': 'AWS SDK client (our commands) + TanStack Query',
  'amplify-authenticator': 'aws-amplify + <Authenticator>',
  'amplify-headless': 'aws-amplify signIn + confirmSignIn',
  'identity-js': 'amazon-cognito-identity-js authenticateUser',
};

const sizes = (code) => ({
  raw: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero = { raw: 0, gzip: 0, brotli: 0 };

/** Builds one app in memory and sums its JS: the entry with its static imports, and the lazy chunks. */
export async function measure(app, { external } = {}) {
  const ext = WITHOUT_REACT.has(app) ? 'ts' : 'tsx';
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: external ? [] : [visualizer({ template: 'raw-data', filename: STATS, emitFile: true, gzipSize: false, brotliSize: true })],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: { input: join(root, 'bench/apps', `${app}.${ext}`), ...(external ? { external } : {}) },
    },
  });
  const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const chunks = files.filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const first = new Set();
  const visit = (c) => {
    if (first.has(c.fileName)) return;
    first.add(c.fileName);
    for (const dep of c.imports) if (byName.has(dep)) visit(byName.get(dep));
  };
  for (const c of chunks) if (c.isEntry) visit(c);
  let entry = zero;
  let lazy = zero;
  for (const c of chunks) {
    if (first.has(c.fileName)) entry = add(entry, sizes(c.code));
    else lazy = add(lazy, sizes(c.code));
  }
  // The modules of the AWS SDK (and the Smithy runtime it is made of) in any chunk, first load or lazy.
  const sdkModules = [...new Set(chunks.flatMap((c) => c.moduleIds ?? Object.keys(c.modules ?? {})))]
    .filter((id) => /[\\/]node_modules[\\/]@(aws-sdk|smithy)[\\/]/.test(id))
    .map((id) => id.slice(id.lastIndexOf('node_modules') + 'node_modules/'.length));
  const stats = files.find((f) => f.type === 'asset' && f.fileName === STATS);
  return { entry, lazy, total: add(entry, lazy), sdkModules, modules: stats ? modulesOf(JSON.parse(String(stats.source)), first) : [] };
}

const STATS = 'module-sizes.json';

/** A module's name as printed: its path in the repository or under node_modules. */
const moduleName = (id) => {
  const path = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const i = path.lastIndexOf('node_modules/');
  return i >= 0 ? path.slice(i + 'node_modules/'.length) : path.replace(/^\//, '');
};

/**
 * Every module of the build, largest first: its brotli bytes (its rendered code compressed on its own, so
 * the sum is more than the chunk's), raw bytes, and whether it is in the first load or only in lazy chunks.
 */
function modulesOf(stats, first) {
  const rows = [];
  for (const meta of Object.values(stats.nodeMetas)) {
    let brotli = 0;
    let raw = 0;
    let inFirst = false;
    for (const [file, uid] of Object.entries(meta.moduleParts)) {
      const part = stats.nodeParts[uid];
      brotli += part.brotliLength;
      raw += part.renderedLength;
      if (first.has(file)) inFirst = true;
    }
    if (raw > 0) rows.push({ module: moduleName(meta.id), brotli, raw, load: inFirst ? 'first' : 'lazy' });
  }
  return rows.sort((a, b) => b.brotli - a.brotli);
}

/** What is not ours: React, TanStack Query and the AWS SDK (with the Smithy runtime it is made of). */
const NOT_OURS = (id) => /^(react|react-dom|scheduler|@tanstack\/[\w-]+|@aws-sdk\/[\w-]+|@smithy\/[\w-]+)(\/|$)/.test(id);

/**
 * Our own code: the app built again with React, TanStack Query and the SDK left out (external), so what
 * remains is this library's code (with the small bench app and the bundler's chunk-loading helper), first
 * load and total, compressed as it ships rather than module by module.
 */
export async function measureOwnCode(app) {
  const r = await measure(app, { external: NOT_OURS });
  return { entry: r.entry, lazy: r.lazy, total: r.total };
}

const minus = (a, b) => ({ raw: a.raw - b.raw, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli });

/** Measures the apps and derives the figures the targets and budgets are about. */
export async function measureAll(names = Object.keys(APPS)) {
  const results = {};
  for (const name of names) results[name] = await measure(name);
  // React apps are reported minus the empty React app; the others as they are.
  const baseline = (name) => (name === 'empty' || WITHOUT_REACT.has(name) ? { entry: zero, total: zero } : results.empty);
  const emptyModules = new Set((results.empty?.modules ?? []).map((m) => m.module));
  const inBaseline = (name, module) => name !== 'empty' && !WITHOUT_REACT.has(name) && emptyModules.has(module);
  const apps = Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      {
        label: APPS[name],
        entry: minus(r.entry, baseline(name).entry),
        lazy: r.lazy,
        total: minus(r.total, baseline(name).total),
        sdkModules: r.sdkModules.length,
        // Above the empty app: the modules it has too (React) are left out of the breakdown.
        largestModules: r.modules.filter((m) => !inBaseline(name, m.module)).slice(0, 15),
      },
    ]),
  );
  // Every app against Amplify's <Authenticator> built in the same run, first load and total (brotli).
  const theirs = apps['amplify-authenticator'];
  if (theirs) {
    for (const [name, app] of Object.entries(apps)) {
      if (name === 'empty') continue;
      app.vsAuthenticator = { entry: app.entry.brotli / theirs.entry.brotli, total: app.total.brotli / theirs.total.brotli };
    }
  }
  const derived = {};
  // Our own code in the apps issue 20's own-code targets are about, first load and total.
  if (results['ours-signin']) derived.oursSignInOwnCode = await measureOwnCode('ours-signin');
  if (results['ours-hooks']) derived.oursHooksOwnCode = await measureOwnCode('ours-hooks');
  if (results['ours-signin'] && results['amplify-authenticator']) {
    derived.signInVsAuthenticatorBrotli = apps['ours-signin'].total.brotli / apps['amplify-authenticator'].total.brotli;
  }
  if (results['ours-full'] && results['amplify-authenticator']) {
    derived.fullVsAuthenticatorBrotli = apps['ours-full'].total.brotli / apps['amplify-authenticator'].total.brotli;
  }
  if (results['ours-server'] && results['amplify-authenticator']) {
    derived.serverModeVsAuthenticatorBrotli = apps['ours-server'].total.brotli / apps['amplify-authenticator'].total.brotli;
  }
  if (results['sdk-query'] && results['amplify-authenticator']) {
    derived.sdkAndQueryVsAuthenticatorBrotli = apps['sdk-query'].total.brotli / apps['amplify-authenticator'].total.brotli;
  }
  return { apps, derived, sdkModulesOf: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.sdkModules])) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const names = check ? ['empty', 'ours-signin', 'ours-hooks', 'ours-server'] : Object.keys(APPS);
  const result = await measureAll(names);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const [name, r] of Object.entries(result.apps)) {
    const vs = r.vsAuthenticator ? `   ${r.vsAuthenticator.entry.toFixed(2)} / ${r.vsAuthenticator.total.toFixed(2)} x <Authenticator>` : '';
    console.log(`${name.padEnd(22)} entry ${kib(r.entry.brotli).padStart(10)} br   lazy ${kib(r.lazy.brotli).padStart(9)} br   total ${kib(r.total.brotli).padStart(10)} br  ${kib(r.total.gzip).padStart(10)} gz  ${kib(r.total.raw).padStart(10)} raw   ${String(r.sdkModules).padStart(3)} SDK modules${vs}`);
  }
  const breakdown = Object.entries(result.apps)
    .map(([name, r]) => [
      `${name}: ${r.label}, the ${r.largestModules.length} largest modules${name === 'empty' || WITHOUT_REACT.has(name) ? '' : ' not in the empty app'} (brotli of each module alone, raw, first load or lazy)`,
      ...r.largestModules.map((m) => `  ${String(m.brotli).padStart(7)} B br  ${String(m.raw).padStart(8)} B raw  ${m.load.padEnd(5)}  ${m.module}`),
    ].join('\n'))
    .join('\n\n');
  if (!check) console.log(`\n${breakdown}\n`);
  for (const [name, v] of Object.entries(result.derived)) {
    console.log(`${name}: ${typeof v === 'number' ? v.toFixed(3) : `first load ${kib(v.entry.brotli)}, total ${kib(v.total.brotli)} brotli`}`);
  }
  if (check) {
    const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
    const over = [];
    const within = (label, actual, budget) => {
      console.log(`budget ${label}: ${actual} <= ${budget} bytes brotli`);
      if (actual > budget) over.push(`${label}: ${actual} > ${budget}`);
    };
    within('<SignIn> app, minus the empty app', result.apps['ours-signin'].total.brotli, budgets.signInTotalBrotli);
    within('hooks-only app, minus the empty app', result.apps['ours-hooks'].total.brotli, budgets.hooksTotalBrotli);
    within('our own code, <SignIn> app, first load', result.derived.oursSignInOwnCode.entry.brotli, budgets.signInOwnCodeFirstLoadBrotli);
    within('our own code, hooks-only app, first load', result.derived.oursHooksOwnCode.entry.brotli, budgets.hooksOwnCodeFirstLoadBrotli);
    // The first load is what issue 20's targets are about (the lazy chunks are in the totals above).
    within('<SignIn> app first load, minus the empty app', result.apps['ours-signin'].entry.brotli, budgets.signInFirstLoadBrotli);
    within('server-mode app, minus the empty app', result.apps['ours-server'].total.brotli, budgets.serverTotalBrotli);
    // Server mode: the browser never calls Cognito, so not one module of the SDK may be in the build.
    const sdkInServerMode = result.sdkModulesOf['ours-server'];
    console.log(`server-mode app (serverTransport + <SignIn>): ${sdkInServerMode.length} modules of @aws-sdk/@smithy (must be 0)`);
    if (sdkInServerMode.length) over.push(`server-mode app bundles the AWS SDK: ${sdkInServerMode.slice(0, 5).join(', ')}${sdkInServerMode.length > 5 ? ', ...' : ''}`);
    if (over.length) {
      console.error(`Size budgets exceeded (raise bench/budgets.json only on purpose):\n  ${over.join('\n  ')}`);
      process.exit(1);
    }
    console.log('size budgets met');
  } else {
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results/size.json'), JSON.stringify(result, null, 2));
    writeFileSync(join(root, 'bench-results/size-modules.txt'), `${breakdown}\n`);
  }
}
