/**
 * An example app as a user would have it: its folder copied out of the repository, the packed tarball
 * installed (not a workspace link) with the framework versions its package.json pins, its framework's
 * production build, then its production server on a free 127.0.0.1 port, stopped by its process id.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../scripts/localPool.mjs';
import { COOKIE_SECRET, POOLS, PROVIDER, appOrigin } from './users.js';

const examples = resolve(import.meta.dirname, '../../../examples');
/** What a copy leaves behind: installs and build outputs of a developer's own runs in examples/. */
const notCopied = new Set(['node_modules', '.next', 'build', 'dist', '.react-router', 'next-env.d.ts']);

/** Runs a command to its end; rejects with its output when it fails. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}

/** The folder's copy in a fresh temporary folder, with `cognito-react` pointing at the tarball. */
export function copyExample(name: string, tarball: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cognito-react-example-${name}-`));
  cpSync(join(examples, name), dir, { recursive: true, filter: (src) => !notCopied.has(src.split(/[\\/]/).pop() ?? '') });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  manifest.dependencies['cognito-react'] = `file:${tarball}`;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** `npm install`, as a user would, from the warm cache where it can. Returns what npm printed. */
export function npmInstall(dir: string): Promise<string> {
  // Not the test runner's NODE_ENV=test (nor production, which would skip the devDependencies).
  return run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, env: { NODE_ENV: undefined } });
}

/** The framework's production build (`node <bin> ...`), with NODE_ENV=production as on a build machine. */
export function build(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return run(process.execPath, args, { cwd: dir, env: { ...env, NODE_ENV: 'production' } });
}

/**
 * The server-mode apps' environment: the confidential client of the simulated pool over HTTP, and its
 * managed login (the pool's own origin) with this app's callback and sign-out URLs.
 */
export function serverEnv(endpoint: string, port: number): NodeJS.ProcessEnv {
  const pool = POOLS.confidential;
  return {
    COGNITO_REGION: 'eu-west-1',
    COGNITO_USER_POOL_ID: pool.userPoolId,
    COGNITO_CLIENT_ID: pool.clientId,
    COGNITO_CLIENT_SECRET: pool.clientSecret,
    COOKIE_SECRET,
    COGNITO_ENDPOINT: endpoint,
    // The simulator signs its tokens as Cognito does (cognito-local, by contrast, as its own address).
    COGNITO_ISSUER: `https://cognito-idp.eu-west-1.amazonaws.com/${pool.userPoolId}`,
    COGNITO_OAUTH_DOMAIN: endpoint,
    COGNITO_OAUTH_PROVIDERS: PROVIDER,
    APP_URL: appOrigin(port),
  };
}

export interface RunningApp {
  /** Where the browser opens it: `http://localhost:<port>` (see `appOrigin`). */
  url: string;
  /** The same server at `http://127.0.0.1:<port>`, for requests from this process. */
  direct: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `node <args>` in `dir` (its own process group) on `port` (default a free one), resolves once it answers. */
export async function startApp(dir: string, args: (port: number) => string[], env: NodeJS.ProcessEnv = {}, chosenPort?: number): Promise<RunningApp> {
  const port = chosenPort ?? (await freePort());
  const child = spawn(process.execPath, args(port), {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const direct = `http://127.0.0.1:${port}`;
  const url = appOrigin(port);
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolveStop();
      child.once('exit', () => resolveStop());
      // The whole group: a framework's server may run workers of its own.
      process.kill(-child.pid, 'SIGTERM');
      setTimeout(() => {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Gone in the meantime.
        }
      }, 5000).unref();
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}):\n${output}`);
    const status = await new Promise<number>((r) => {
      const req = request(`${direct}/`, (res) => (res.resume(), r(res.statusCode ?? 0)));
      req.on('error', () => r(0));
      req.end();
    });
    if (status > 0 && status < 500) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not answer at ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, direct, output: () => output, stop };
}

/** Every file under `dir` (recursively) whose name ends in one of `extensions`. */
export function filesUnder(dir: string, extensions = ['.js', '.mjs', '.css', '.html']): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, extensions));
    else if (extensions.some((e) => entry.endsWith(e))) out.push(path);
  }
  return out;
}

/** Which of `needles` occur in the files under `dir`: `{ needle: [files] }` for each one found. */
export function findInFiles(dir: string, needles: string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const needle of needles) if (text.includes(needle)) (found[needle] ??= []).push(file.slice(dir.length + 1));
  }
  return found;
}

export function removeExample(dir: string | undefined) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
