import { socketAddresses } from './clientIp.js';

/** What `toNodeListener` reads of node:http's IncomingMessage (Express's request is one). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string | undefined; encrypted?: boolean; destroyed?: boolean } | null;
}

/** What `toNodeListener` writes of node:http's ServerResponse. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array): unknown;
  /** node:http sets it once the connection is gone: nothing is written then. */
  destroyed?: boolean;
  /** node:http sets it once the head is written. */
  headersSent?: boolean;
}

/**
 * How `toNodeListener` guards the server.
 *
 * @example
 * toNodeListener(auth, { maxBodyBytes: 32 * 1024, logger: (message, error) => log.error({ err: error }, message) });
 */
export interface NodeListenerOptions {
  /**
   * Request bodies larger than this many bytes are answered 413 and not read further (default 64 KiB; the
   * auth handler itself takes 16 KiB at most).
   */
  maxBodyBytes?: number;
  /**
   * Where an exception of the handler is reported (default `console.error`); the browser gets a 500 with
   * a generic body.
   */
  logger?: (message: string, error: unknown) => void;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/**
 * A host name (underscores too, as container networks name services), an IPv4 or bracketed IPv6 address, and
 * an optional port: anything else (a space, a path, user info) is no URL's authority.
 */
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const encoder = new TextEncoder();

/** The answers the adapter gives itself, shaped as the auth handler's `ErrorBody`. */
function failure(status: number, name: string, message: string): Response {
  return new Response(JSON.stringify({ error: { name, message, retryable: false } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}

type Body = { ok: true; bytes: Uint8Array<ArrayBuffer> | undefined } | { ok: false; tooLarge: boolean };

/**
 * The request's body, at most `max` bytes. The iterator is left as it is past the cap instead of being
 * returned: returning it would destroy the request, and its socket with it, before the 413 is written.
 */
async function readBody(req: NodeRequestLike, max: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return { ok: false, tooLarge: true };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const parts = req[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await parts.next();
      if (next.done) break;
      size += next.value.length;
      if (size > max) return { ok: false, tooLarge: true };
      chunks.push(next.value);
    }
  } catch {
    // Aborted or broken mid-body: the client is gone, there is no one to answer.
    return { ok: false, tooLarge: false };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of chunks) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { ok: true, bytes };
}

/**
 * Mounts a Web-standard handler on node:http (or Express, Connect): the request becomes a `Request`, the
 * `Response` is written back with every `Set-Cookie` kept apart. The returned listener never rejects: a body
 * over `maxBodyBytes` is answered 413 (and the connection closed), a request no `Request` can be made of
 * 400, an exception of the handler 500 with a generic body; a client that goes away gets nothing written.
 *
 * Set node:http's own limits too (`requestTimeout`, `headersTimeout`): they end requests that never finish.
 *
 * @example
 * const auth = createAuthHandler({ ... });
 * const listener = toNodeListener(auth);
 * http.createServer((req, res) => (req.url?.startsWith('/api/auth/') ? listener(req, res) : app(req, res)));
 */
export function toNodeListener(handler: (request: Request) => Promise<Response>, options: NodeListenerOptions = {}) {
  const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.logger ?? ((message: string, error: unknown) => console.error(message, error));

  const gone = (req: NodeRequestLike, res: NodeResponseLike) => res.destroyed === true || req.socket?.destroyed === true;

  async function write(req: NodeRequestLike, res: NodeResponseLike, response: Response, close = false): Promise<void> {
    const body = new Uint8Array(await response.arrayBuffer());
    if (gone(req, res) || res.headersSent) return;
    res.statusCode = response.status;
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') res.setHeader(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader('set-cookie', cookies);
    // node:http closes the connection after this answer: the rest of a refused body is never read.
    if (close) res.setHeader('connection', 'close');
    res.end(body);
  }

  async function serve(req: NodeRequestLike, res: NodeResponseLike): Promise<void> {
    // Read before the body: a request destroyed while its body is read no longer has its socket.
    const address = req.socket?.remoteAddress;
    const protocol = req.socket?.encrypted ? 'https' : 'http';
    const host = String(req.headers.host ?? '127.0.0.1');
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    let url: string;
    const headers = new Headers();
    try {
      if (!HOST.test(host) || !path.startsWith('/')) throw new TypeError('not a URL');
      url = `${protocol}://${host}${path}`;
      for (const [key, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
      }
      // Refused before the body is read: what the Fetch standard forbids (CONNECT, TRACE), a URL that is none.
      void new Request(url, { method, headers });
    } catch {
      await write(req, res, failure(400, 'BadRequest', 'The request is malformed.'), true);
      return;
    }
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const read = await readBody(req, max);
      if (!read.ok) {
        if (read.tooLarge) await write(req, res, failure(413, 'PayloadTooLarge', `The body is larger than ${max} bytes.`), true);
        return;
      }
      body = read.bytes;
    }
    const request = new Request(url, { method, headers, ...(body ? { body } : {}) });
    if (address) socketAddresses.set(request, address);
    let response: Response;
    try {
      response = await handler(request);
    } catch (error) {
      log('cognito-react/server: the request handler threw', error);
      response = failure(500, 'UnknownError', 'Something went wrong on the server. Try again later.');
    }
    await write(req, res, response);
  }

  return async (req: NodeRequestLike, res: NodeResponseLike): Promise<void> => {
    try {
      await serve(req, res);
    } catch (error) {
      // Writing the answer failed (its body, a header node:http refused): answer if there is still a way.
      log('cognito-react/server: the answer could not be written', error);
      try {
        if (!gone(req, res) && !res.headersSent) {
          res.statusCode = 500;
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.setHeader('x-content-type-options', 'nosniff');
          res.end(encoder.encode(JSON.stringify({ error: { name: 'UnknownError', message: 'Something went wrong on the server. Try again later.', retryable: false } })));
        }
      } catch {
        // Nothing more can be done for this request; the server goes on.
      }
    }
  };
}
