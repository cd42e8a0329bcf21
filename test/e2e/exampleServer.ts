import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/localPool.mjs';

// Paths, not URL objects: a DOM test environment replaces the global URL, which Node's fs does not accept.
const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/server/server.mjs');

/** Starts the server-mode example on a free port (its simulated pool); `stop()` ends it. */
export async function startExampleServer(args: string[] = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [script, '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The example server exited: ${output}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = request(`${url}/api/auth/session`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.end();
    });
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The example server did not answer: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    /** Whether the server's process is still running. */
    alive: () => child.exitCode === null && child.signalCode === null,
    /** What the server has written to stdout and stderr so far. */
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * A browser's fetch for one origin, over node:http (untouched by a DOM test environment, whose fetch hides
 * cookies as browsers do): it keeps the cookies the server sets and sends them back, HttpOnly ones included.
 */
export function cookieFetch(origin: string) {
  const jar = new Map<string, string>();
  const fetchLike = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(String(input), origin);
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key] = value));
      if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const method = init.method ?? 'GET';
      if (method !== 'GET') headers.origin = origin;
      const req = request(url, { method, headers }, (res) => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair = ''] = line.split(';');
          const eq = pair.indexOf('=');
          const value = pair.slice(eq + 1);
          if (/Max-Age=0\b/i.test(line) || value === '') jar.delete(pair.slice(0, eq));
          else jar.set(pair.slice(0, eq), value);
        }
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks).toString('utf8'), { status: res.statusCode ?? 500 })));
      });
      req.on('error', (error) => reject(new TypeError(`fetch failed: ${error.message}`)));
      if (init.body) req.write(String(init.body));
      req.end();
    });
  return { fetch: fetchLike as typeof fetch, jar };
}
