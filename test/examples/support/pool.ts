/**
 * TEST-SIDE ADAPTER, to be replaced by `startUserPoolServer` from `cognito-react/testing` once it lands.
 *
 * The simulated user pool (`cognito-react/testing`'s MSW handlers) answered over plain HTTP on 127.0.0.1,
 * so that an app running in another process (a Next.js or Express server, a page in Chromium) reaches it as
 * its Cognito `endpoint`. Every request is handed to the simulator's own handlers through MSW's
 * `getResponse`, as `setupServer` would; nothing here answers for the simulator. The operations asked are
 * counted by name (`X-Amz-Target`).
 */
import { createServer, type IncomingMessage } from 'node:http';
import { getResponse } from 'msw';
import { freePort } from '../../../scripts/localPool.mjs';
import { createUserPoolSimulator } from '../../../src/testing/index.js';
import type { UserPoolSimulatorConfig } from '../../../src/testing/index.js';

export interface PoolServer {
  /** `http://127.0.0.1:<port>`: the `endpoint` to give the Cognito client. */
  endpoint: string;
  sim: ReturnType<typeof createUserPoolSimulator>;
  /** The operations asked so far, by name (`InitiateAuth`, ...). */
  operations: () => string[];
  stop: () => Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startPoolServer(config: Omit<UserPoolSimulatorConfig, 'endpoints'>): Promise<PoolServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const sim = createUserPoolSimulator({ ...config, endpoints: [`${endpoint}/`] });
  const asked: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await bodyOf(req);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string') headers.set(name, value);
          else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        }
        const target = headers.get('x-amz-target');
        if (req.method === 'POST' && target) asked.push(target.replace(/^.*\./, ''));
        const request = new Request(new URL(req.url ?? '/', endpoint), {
          method: req.method ?? 'GET',
          headers,
          ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
        });
        const response = await getResponse(sim.handlers, request);
        if (!response) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('The simulated pool does not answer this request.');
          return;
        }
        const out: Record<string, string> = {};
        response.headers.forEach((value, name) => (out[name] = value));
        res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint,
    sim,
    operations: () => [...asked],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
