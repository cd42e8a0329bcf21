// Builds the package, packs it as npm would publish it, and checks the tarball:
// publint (package.json and exports), @arethetypeswrong/cli (types resolve for every entry point),
// that the core entry point never imports React, that the public API matches the committed report (api/),
// and that a fresh project can install and import it.
import { checkApiReports } from './api-report.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });
const step = (name) => console.log(`\n== ${name}`);

step('build');
run('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

step('public API report');
{
  const changed = checkApiReports();
  if (changed.length) {
    throw new Error(`The public API changed (${changed.join(', ')}): run \`npm run api:update\`, review api/ and commit it.`);
  }
  console.log('The public API matches api/');
}

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
  // The stylesheet has no types to resolve: it is checked below by being imported as a file.
  run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', './styles.layered.css', './styles/*.css'], { stdio: 'inherit' });

  step('core never imports React');
  // The core entry and every chunk it imports, transitively.
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(root, 'dist', file), 'utf8');
    if (/from\s+["'](react|react-dom|@tanstack\/)/.test(code)) throw new Error(`dist/${file} (imported by the core entry) imports React or TanStack`);
    // One file per module: follow every relative import (./ and ../), from the importing file's folder.
    for (const [, dep] of code.matchAll(/from\s+["'](\.\.?\/[^"']+)["']/g)) visit(join(dirname(file), dep));
  };
  visit('core.js');
  console.log(`core entry (${seen.size} files): no React import`);
  const react = readFileSync(join(root, 'dist/index.js'), 'utf8');
  if (!/^["']use client["'];/.test(react)) throw new Error("dist/index.js does not start with 'use client'");
  console.log("dist/index.js starts with 'use client'");

  step('a fresh project installs the tarball and imports every entry point');
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const peers = ['msw', 'react', '@tanstack/react-query'].map((name) => `${name}@${readDevVersion(name)}`);
  // The app also depends on the AWS SDK client itself, at the newest 3.x published: the package's semver
  // range takes it, so the app gets one copy of the SDK, not ours beside its own.
  const sdk = '@aws-sdk/client-cognito-identity-provider';
  const declared = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies[sdk];
  if (!/^\^3\.\d+\.\d+$/.test(declared)) throw new Error(`${sdk} must be a ^3.x range in dependencies (is "${declared}"): an exact version makes every app with another 3.x bundle two copies`);
  const published = [JSON.parse(run('npm', ['view', `${sdk}@3`, 'version', '--json']))].flat();
  const byNumber = (v) => v.split('.').map(Number);
  const appSdk = published
    .filter((v) => /^3\.\d+\.\d+$/.test(v))
    .sort((a, b) => byNumber(a).reduce((d, n, i) => d || n - byNumber(b)[i], 0))
    .at(-1);
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', tarball, ...peers, `${sdk}@${appSdk}`], {
    cwd: app,
    stdio: 'inherit',
  });
  const versions = new Set();
  const collect = (node) => {
    for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
      if (name === sdk && dep.version) versions.add(dep.version);
      collect(dep);
    }
  };
  collect(JSON.parse(run('npm', ['ls', sdk, '--all', '--json'], { cwd: app })));
  if (versions.size !== 1) throw new Error(`the app depending on ${sdk}@${appSdk} got ${versions.size} copies of it: ${[...versions].join(', ')}`);
  console.log(`an app depending on ${sdk}@${appSdk} (ours: ${declared}) gets one copy: ${[...versions][0]}`);
  writeFileSync(
    join(app, 'smoke.mjs'),
    [
      "import { createCognitoAuth, isCognitoAuthError } from 'cognito-react/core';",
      "import { createUserPoolSimulator } from 'cognito-react/testing';",
      "import { createAuthHandler, toNodeListener, createAccessTokenVerifier } from 'cognito-react/server';",
      "if (typeof createAuthHandler !== 'function' || typeof toNodeListener !== 'function' || typeof createAccessTokenVerifier !== 'function') throw new Error('server entry incomplete');",
      "import { CognitoProvider, useAuth, createCognitoAuth as fromReactEntry } from 'cognito-react';",
      "if (typeof CognitoProvider !== 'function' || typeof useAuth !== 'function' || fromReactEntry !== createCognitoAuth) throw new Error('React entry incomplete');",
      "const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_Smoke1', clientId: 'c' });",
      "if (auth.getSnapshot().status !== 'signedOut') throw new Error('bad initial state');",
      "if (typeof createUserPoolSimulator !== 'function' || typeof isCognitoAuthError !== 'function') throw new Error('missing export');",
      "import de, { dir as deDir, locale as deLocale } from 'cognito-react/locales/de';",
      "import { loadMessages } from 'cognito-react';",
      "if (de['signIn.title'] !== 'Anmelden' || deDir !== 'ltr' || deLocale !== 'de') throw new Error('cognito-react/locales/de incomplete');",
      "const he = await loadMessages(['iw-IL']);",
      "if (he.locale !== 'he' || he.dir !== 'rtl' || typeof he.messages['signIn.title'] !== 'string') throw new Error('loadMessages did not load Hebrew');",
      "console.log('imports ok');",
    ].join('\n'),
  );
  execFileSync('node', ['smoke.mjs'], { cwd: app, stdio: 'inherit' });
  const css = readFileSync(join(app, 'node_modules/cognito-react/dist/styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  if (!css.includes('.cognito-react {') || css.includes('@layer')) throw new Error('cognito-react/styles.css is missing from the package, or layered');
  const layered = readFileSync(join(app, 'node_modules/cognito-react/dist/styles.layered.css'), 'utf8');
  if (!layered.trimStart().startsWith('@layer cognito-react {')) throw new Error('cognito-react/styles.layered.css is missing from the package');
  // The sheet per use: each part there, unlayered and layered, and together every rule of styles.css once.
  const partOf = (file) => readFileSync(join(app, 'node_modules/cognito-react/dist/styles', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const parts = ['sign-in', 'account', 'federated'].map((name) => {
    if (!partOf(`${name}.layered.css`).trimStart().startsWith('@layer cognito-react {')) throw new Error(`cognito-react/styles/${name}.layered.css is missing or not layered`);
    return partOf(`${name}.css`);
  });
  // Every rule once: the parts' rules (sign-in's come from before and after the others) as many as the whole's.
  const squeezed = (text) => text.replace(/\s+/g, '');
  if (squeezed(parts.join('')).length !== squeezed(css).length || parts.some((part) => !squeezed(part))) throw new Error('cognito-react/styles/*.css do not add up to styles.css');
  console.log('styles.css, styles.layered.css and styles/{sign-in,account,federated}(.layered).css packed');
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log('\npackage checks passed');

function readDevVersion(name) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies[name];
}
