import { socketAddresses } from './clientIp.js';

/** What `toNodeListener` reads of node:http's IncomingMessage (Express's request is one). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string | undefined; encrypted?: boolean };
}

/** What `toNodeListener` writes of node:http's ServerResponse. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array): unknown;
}

/**
 * Mounts a Web-standard handler on node:http (or Express, Connect): the request becomes a `Request`, the
 * `Response` is written back with every `Set-Cookie` kept apart.
 *
 * @example
 * const auth = createAuthHandler({ ... });
 * http.createServer((req, res) => (req.url?.startsWith('/api/auth/') ? toNodeListener(auth)(req, res) : app(req, res)));
 */
export function toNodeListener(handler: (request: Request) => Promise<Response>) {
  return async (req: NodeRequestLike, res: NodeResponseLike): Promise<void> => {
    const host = String(req.headers.host ?? '127.0.0.1');
    const protocol = req.socket.encrypted ? 'https' : 'http';
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
    }
    const method = req.method ?? 'GET';
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const part of req) {
        size += part.length;
        // Enough to tell the handler the body is too large, without reading an endless one.
        if (size > 64 * 1024) break;
        chunks.push(part);
      }
      body = new Uint8Array(size > 64 * 1024 ? 64 * 1024 + 1 : size);
      let offset = 0;
      for (const part of chunks) {
        const room = body.length - offset;
        body.set(room < part.length ? part.subarray(0, room) : part, offset);
        offset += Math.min(room, part.length);
      }
    }
    const request = new Request(`${protocol}://${host}${req.url ?? '/'}`, { method, headers, ...(body ? { body } : {}) });
    if (req.socket.remoteAddress) socketAddresses.set(request, req.socket.remoteAddress);
    const response = await handler(request);
    res.statusCode = response.status;
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') res.setHeader(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader('set-cookie', cookies);
    res.end(new Uint8Array(await response.arrayBuffer()));
  };
}
