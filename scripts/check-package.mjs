// Builds the package, packs it as npm would publish it, and checks the tarball:
// publint (package.json and exports), @arethetypeswrong/cli (types resolve for every entry point),
// that the core entry point never imports React, and that a fresh project can install and import it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });
const step = (name) => console.log(`\n== ${name}`);

step('build');
run('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

step('pack');
const work = mkdtempSync(join(tmpdir(), 'cognito-react-pack-'));
try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work]));
  const tarball = join(work, packed[0].filename);
  console.log(`${packed[0].filename}: ${packed[0].size} bytes, ${packed[0].entryCount} files`);

  step('publint');
  run('npx', ['--no-install', 'publint', '--strict', tarball], { stdio: 'inherit' });

  step('are the types wrong');
  // ESM-only by design ("type": "module"): CommonJS resolution modes are not targets.
  run('npx', ['--no-install', 'attw', '--profile', 'esm-only', tarball], { stdio: 'inherit' });

  step('core never imports React');
  const core = readFileSync(join(root, 'dist/core.js'), 'utf8');
  if (/from\s+["'](react|react-dom|@tanstack\/)/.test(core)) throw new Error('dist/core.js imports React or TanStack');
  console.log('dist/core.js: no React import');

  step('a fresh project installs the tarball and imports every entry point');
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', tarball, `msw@${readDevVersion('msw')}`], {
    cwd: app,
    stdio: 'inherit',
  });
  writeFileSync(
    join(app, 'smoke.mjs'),
    [
      "import { createCognitoAuth, isCognitoAuthError } from 'cognito-react/core';",
      "import { createUserPoolSimulator } from 'cognito-react/testing';",
      "const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_Smoke1', clientId: 'c' });",
      "if (auth.getSnapshot().status !== 'signedOut') throw new Error('bad initial state');",
      "if (typeof createUserPoolSimulator !== 'function' || typeof isCognitoAuthError !== 'function') throw new Error('missing export');",
      "console.log('imports ok');",
    ].join('\n'),
  );
  execFileSync('node', ['smoke.mjs'], { cwd: app, stdio: 'inherit' });
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log('\npackage checks passed');

function readDevVersion(name) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies[name];
}
