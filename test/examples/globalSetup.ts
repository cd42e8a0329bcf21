import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/localPool.mjs';
import { startUserPoolServer } from '../../src/testing/index.js';
import { EXAMPLE_USERS, PASSWORD, POOLS, PROVIDER, appOrigin, type ExampleName } from './support/users.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed package (`npm pack` of this checkout, built once for every example). */
    examplesTarball: string;
    /**
     * The simulated pools over HTTP (`startUserPoolServer`), their managed login at the same origin:
     * `public` for the browser-mode app, `confidential` for the servers. No trailing slash.
     */
    examplePools: { public: string; confidential: string };
    /** The port each example's server listens on: the pools allow its callback and sign-out URLs. */
    examplePorts: Record<ExampleName, number>;
  }
}

const root = resolve(import.meta.dirname, '../..');
const SERVER_MODE: ExampleName[] = ['nextjs', 'react-router', 'express'];

/**
 * Once for every example: builds and packs the package (the tarball a user would install), chooses the apps'
 * ports, and starts the simulated pools over HTTP with managed login allowing those apps' callback and
 * sign-out URLs. Torn down at the end: the pools stopped, the tarball's folder removed.
 */
export default async function setup(project: TestProject) {
  const packed = mkdtempSync(join(tmpdir(), 'cognito-react-pack-'));
  // NODE_ENV=production, not the runner's `test`: under `test` Vite compiles JSX for React's development runtime.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
  execFileSync('npm', ['pack', '--pack-destination', packed, '--loglevel=error'], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(packed).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');

  // Every port chosen before anything listens (the pools' too), none twice.
  const taken = new Set<number>();
  const port = async (): Promise<number> => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) return taken.add(p), p;
    }
  };
  const ports = {} as Record<ExampleName, number>;
  for (const name of Object.keys(EXAMPLE_USERS) as ExampleName[]) ports[name] = await port();
  const poolPorts = { public: await port(), confidential: await port() };
  const users = Object.values(EXAMPLE_USERS).map(({ username, totpSecret }) => ({
    username,
    password: PASSWORD,
    attributes: { email: `${username}@example.com` },
    mfa: { totpSecret },
  }));
  const google = {
    name: PROVIDER,
    users: Object.values(EXAMPLE_USERS).map(({ google: g }) => ({ sub: g.sub, attributes: { email: g.email, name: 'Gina' } })),
  };
  // The managed login is served at each server's own origin (`domain` is not used by startUserPoolServer).
  const managedLogin = (callbackUrls: string[], logoutUrls: string[]) => ({ domain: 'managed-login.invalid', callbackUrls, logoutUrls, identityProviders: [google] });
  const publicPool = await startUserPoolServer({
    ...POOLS.public,
    port: poolPorts.public,
    users,
    oauth: managedLogin([`${appOrigin(ports['vite-spa'])}/callback`], [`${appOrigin(ports['vite-spa'])}/`]),
  });
  const confidentialPool = await startUserPoolServer({
    ...POOLS.confidential,
    port: poolPorts.confidential,
    users,
    oauth: managedLogin(
      SERVER_MODE.map((name) => `${appOrigin(ports[name])}/api/auth/oauth/callback`),
      SERVER_MODE.map((name) => `${appOrigin(ports[name])}/`),
    ),
  });
  project.provide('examplesTarball', join(packed, tarball));
  project.provide('examplePools', { public: publicPool.url.replace(/\/$/, ''), confidential: confidentialPool.url.replace(/\/$/, '') });
  project.provide('examplePorts', ports);
  return async () => {
    await publicPool.close();
    await confidentialPool.close();
    rmSync(packed, { recursive: true, force: true });
  };
}
