import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPoolServer } from './support/pool.js';
import { EXAMPLE_USERS, PASSWORD, POOLS } from './support/users.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed package (`npm pack` of this checkout, built once for every example). */
    examplesTarball: string;
    /** The simulated pools over HTTP: `public` for the browser-mode app, `confidential` for the servers. */
    examplePools: { public: string; confidential: string };
  }
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Once for every example: builds and packs the package (the tarball a user would install), and starts the
 * simulated pools over HTTP. Torn down at the end: the pools stopped, the tarball's folder removed.
 */
export default async function setup(project: TestProject) {
  const packed = mkdtempSync(join(tmpdir(), 'cognito-react-pack-'));
  // NODE_ENV=production, not the runner's `test`: under `test` Vite compiles JSX for React's development runtime.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
  execFileSync('npm', ['pack', '--pack-destination', packed, '--loglevel=error'], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(packed).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');

  const users = EXAMPLE_USERS.map(({ username, totpSecret }) => ({
    username,
    password: PASSWORD,
    attributes: { email: `${username}@example.com` },
    mfa: { totpSecret },
  }));
  const publicPool = await startPoolServer({ ...POOLS.public, users });
  const confidentialPool = await startPoolServer({ ...POOLS.confidential, users });
  project.provide('examplesTarball', join(packed, tarball));
  project.provide('examplePools', { public: publicPool.endpoint, confidential: confidentialPool.endpoint });
  return async () => {
    await publicPool.stop();
    await confidentialPool.stop();
    rmSync(packed, { recursive: true, force: true });
  };
}
