// The local user pool: cognito-local (pinned in package.json) bound to 127.0.0.1 in a fresh folder, seeded
// from the fixture in test/fixtures/local-pool (fixed pool and client ids, one user per case), with every
// code it sends fixed to CODE. Used by `npm start` and by the integration tests' global setup.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

import { LOCAL_POOL } from './localPoolUsers.mjs';

export { LOCAL_POOL };

/** A free TCP port on 127.0.0.1 (or the one asked for). */
export async function freePort(wanted = 0) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the emulator in a fresh copy of the fixture; resolves once /health answers. `stop()` kills it by
 * its process id and removes the folder.
 */
export async function startLocalPool({ port, quiet = true } = {}) {
  const listen = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'cognito-react-pool-'));
  cpSync(join(root, 'test/fixtures/local-pool'), join(dir, '.cognito'), { recursive: true });
  const bin = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
  const child = spawn(process.execPath, [bin], {
    cwd: dir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(listen), CODE: LOCAL_POOL.code, DEBUG: '' },
    stdio: quiet ? 'ignore' : 'inherit',
  });
  const endpoint = `http://127.0.0.1:${listen}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${endpoint}/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error('cognito-local did not answer /health within 20 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { endpoint, port: listen, pid: child.pid, dir, stop };
}
