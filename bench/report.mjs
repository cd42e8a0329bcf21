// Prints the benchmark's one table from the parts in bench-results/, with every figure next to the
// competitors' measured in the same run, and writes it all to bench-results/bench.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench-results');
const read = (part) => JSON.parse(readFileSync(join(dir, `${part}.json`), 'utf8'));
const size = read('size');
const srp = read('srp');
const requests = read('requests');
const renders = read('renders');
const longtask = read('longtask');
const steps = read('steps');
const restore = read('restore');

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const ratio = (n) => `${n.toFixed(2)} x`;
const rows = [];
const row = (area, what, ours, theirs, result, target = '') => rows.push({ area, what, ours, theirs, result, target });

const a = size.apps;
const theirs = a['amplify-authenticator'];
// Each app: first load / total (first load plus lazy chunks), both brotli minus the empty React app, and both
// against Amplify's <Authenticator> built in the same run.
const sized = (name) => `${kib(a[name].entry.brotli)} / ${kib(a[name].total.brotli)}`;
const versus = (name) => `${ratio(a[name].entry.brotli / theirs.entry.brotli)} / ${ratio(a[name].total.brotli / theirs.total.brotli)}`;
const authenticator = `<Authenticator> ${sized('amplify-authenticator')}`;
row('size', '<SignIn> app, first load / total (brotli, minus empty React app)', sized('ours-signin'), authenticator, versus('ours-signin'), '<= 0.45 x first load');
if (a['ours-full']) row('size', '<Authentication> + <AccountSettings> app, first load / total', sized('ours-full'), authenticator, versus('ours-full'), '<= 0.55 x first load');
if (a['ours-server']) {
  row('size', 'server-mode page, serverTransport + <SignIn>, first load / total', `${sized('ours-server')} (${a['ours-server'].sdkModules} SDK modules)`, authenticator, versus('ours-server'), '<= 0.25 x, no SDK');
}
row('size', 'hooks-only app, first load / total', sized('ours-hooks'), authenticator, versus('ours-hooks'));
row('size', 'SDK client + TanStack Query alone, first load / total', sized('sdk-query'), authenticator, versus('sdk-query'));
const d = size.derived;
const own = (v, target) => [`${kib(v.entry.brotli)} / ${kib(v.total.brotli)}`, '', v.entry.brotli <= target * 1024 ? 'met' : 'not met', `<= ${target} KiB first load`];
row('size', 'our own code (no React, Query, SDK), <SignIn>, first load / total', ...own(d.oursSignInOwnCode, 10));
row('size', 'our own code (no React, Query, SDK), hooks only, first load / total', ...own(d.oursHooksOwnCode, 5));
row('size', 'headless, no React (brotli, total)', `core ${kib(a['ours-core'].total.brotli)}`, `aws-amplify ${kib(a['amplify-headless'].total.brotli)}, identity-js ${kib(a['identity-js'].total.brotli)}`, ratio(a['ours-core'].total.brotli / a['amplify-headless'].total.brotli));

const oursTotal = srp.ours.A.median + srp.ours.claim.median;
const idTotal = srp.identityJs.A.median + srp.identityJs.claim.median;
const amTotal = srp.amplify.A.median + srp.amplify.claim.median;
row('srp', 'A generation (median)', ms(srp.ours.A.median), `identity-js ${ms(srp.identityJs.A.median)}, Amplify ${ms(srp.amplify.A.median)}`, `${ratio(srp.identityJs.A.median / srp.ours.A.median)} faster`);
row('srp', 'PASSWORD_VERIFIER -> answer (A precomputed)', ms(srp.ours.claim.median), `identity-js ${ms(srp.identityJs.claim.median)}, Amplify ${ms(srp.amplify.claim.median)}`, `${ratio(srp.identityJs.claim.median / srp.ours.claim.median)} faster`, '>= 8 x');
row('srp', 'total client compute per SRP sign-in', ms(oursTotal), `identity-js ${ms(idTotal)}, Amplify ${ms(amTotal)}`, `${ratio(idTotal / oursTotal)} faster`, '>= 5 x');
row('srp', 'Chromium: longest main-thread task in an SRP sign-in', longtask.longTasksOver50ms === 0 ? 'none over 50 ms' : ms(longtask.longestTaskOver50ms), '', longtask.longTasksOver50ms === 0 ? 'met' : 'not met', '<= 50 ms');
for (const r of requests) row('requests', r.flow, String(r.ours), `Amplify ${r.amplify}`, r.ours === r.minimum ? 'minimum' : `minimum is ${r.minimum}`, `= ${r.minimum}`);
row('steps', `Chromium: password submitted -> TOTP form usable (median of ${steps.runs}, RTT ${steps.rttMs} ms)`, `lazy ${ms(steps.medianMs.lazy)}, without idle prefetch ${ms(steps.medianMs['lazy-noidle'])}`, `eager ${ms(steps.medianMs.eager)}`, `${steps.lazyMinusEagerMs >= 0 ? '+' : ''}${ms(steps.lazyMinusEagerMs)} / ${steps.lazyNoIdleMinusEagerMs >= 0 ? '+' : ''}${ms(steps.lazyNoIdleMinusEagerMs)}`, '<= +10 ms');
row('steps', `Chromium: signed-in reload -> signed-in content (median of ${restore.runs}, RTT ${restore.rttMs} ms)`, `engine lazy ${ms(restore.medianMs.lazy)}`, `engine in the first chunk ${ms(restore.medianMs.eager)}`, `${restore.lazyMinusEagerMs >= 0 ? '+' : ''}${ms(restore.lazyMinusEagerMs)}`, '<= +10 ms');
row('renders', 'user-only component, whole SRP + TOTP sign-in', String(renders.userReaderRenders), '', '');
row('renders', 'form tree commits (of which while typing)', `${renders.formCommits} (${renders.formCommitsWhileTyping} for ${renders.charactersTyped} keys)`, '', '');

const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), date: new Date().toISOString() };
console.log(`\ncognito-react benchmark, ${machine.date}: Node ${machine.node}, ${machine.cores} x ${machine.cpu}, ${machine.memoryGiB} GiB`);
console.table(rows);
console.log(`the 15 largest modules of each app: bench-results/size-modules.txt`);
writeFileSync(join(dir, 'bench.json'), JSON.stringify({ machine, rows, size, srp, requests, renders, longtask, steps, restore }, null, 2));
console.log(`written: bench-results/bench.json`);
