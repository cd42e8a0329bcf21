import { connect } from 'node:net';

/** What a raw HTTP exchange ended with: the server's answer, or how the connection ended without one. */
export interface RawOutcome {
  /** The status line's code, when the server answered. */
  status: number | undefined;
  /** The answer's headers, by lower-cased name. */
  headers: Record<string, string[]>;
  /** The answer's body (de-chunked). */
  body: string;
  /**
   * How the exchange ended: a complete answer, the server closing (after a partial answer or none), the
   * client dropping the connection, the client's patience running out, or a broken connection.
   */
  end: 'answered' | 'closed' | 'aborted' | 'timeout' | 'error';
}

export interface RawRequest {
  /** Everything up to and including the blank line after the headers. */
  head: string | Buffer;
  /** Sent after the head (in the same write). */
  body?: Array<string | Buffer>;
  /**
   * After the body: `wait` for the server's answer, `abort` (close the connection at once, as a client that
   * goes away mid-body), or `stall` (send nothing more and wait: the server must end it).
   */
  then?: 'wait' | 'abort' | 'stall';
  /** How long to wait for the server to answer or close (default 10 s). */
  timeoutMs?: number;
}

interface Parsed {
  status: number | undefined;
  headers: Record<string, string[]>;
  body: Buffer;
  complete: boolean;
}

/**
 * One request written by hand over TCP, so that it can be anything a hostile client sends: bad framing, a
 * body cut short, a connection dropped halfway, a body never finished. It ends once the answer is complete
 * (by its Content-Length or chunked framing), as a keep-alive client would, or when the server closes.
 */
export function rawExchange(port: number, request: RawRequest): Promise<RawOutcome> {
  const method = String(request.head).split(' ', 1)[0] ?? '';
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (end: RawOutcome['end']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parse(Buffer.concat(chunks), method);
      resolve({ status: parsed.status, headers: parsed.headers, body: parsed.body.toString('utf8'), end: parsed.complete ? 'answered' : end });
    };
    const timer = setTimeout(() => finish('timeout'), request.timeoutMs ?? 10_000);
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (parse(Buffer.concat(chunks), method).complete) finish('answered');
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    // A reset after the answer is still an answer: the server may close while the client is still sending.
    socket.on('error', () => finish(chunks.length ? 'closed' : 'error'));
    socket.on('connect', () => {
      // One write: the whole request is in the kernel's hands before the server can answer and close.
      socket.write(Buffer.concat([Buffer.from(request.head), ...(request.body ?? []).map((part) => Buffer.from(part))]));
      if (request.then === 'abort') {
        // Let the request leave first, so the server is mid-body when the connection goes.
        setTimeout(() => finish('aborted'), 20);
      }
    });
  });
}

function parse(data: Buffer, method: string): Parsed {
  // Interim answers (100 Continue) come before the real one.
  let text = data.toString('latin1');
  while (/^HTTP\/1\.[01] 1\d\d/.test(text) && text.includes('\r\n\r\n')) {
    const skip = text.indexOf('\r\n\r\n') + 4;
    data = data.subarray(skip);
    text = text.slice(skip);
  }
  const split = text.indexOf('\r\n\r\n');
  const head = split >= 0 ? text.slice(0, split) : text;
  const [statusLine = '', ...lines] = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  const status = match ? Number(match[1]) : undefined;
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  if (split < 0 || status === undefined) return { status, headers, body: Buffer.alloc(0), complete: false };
  // latin1: one character per byte, so the offsets are the same.
  const rest = data.subarray(split + 4);
  if (method === 'HEAD' || status === 204 || status === 304) return { status, headers, body: Buffer.alloc(0), complete: true };
  if (headers['transfer-encoding']?.some((v) => /chunked/i.test(v))) return dechunk(status, headers, rest);
  const length = headers['content-length'] ? Number(headers['content-length'][0]) : undefined;
  if (length !== undefined && Number.isFinite(length)) return { status, headers, body: rest.subarray(0, length), complete: rest.length >= length };
  return { status, headers, body: rest, complete: false };
}

function dechunk(status: number, headers: Record<string, string[]>, data: Buffer): Parsed {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size)) break;
    if (size === 0) return { status, headers, body: Buffer.concat(parts), complete: data.indexOf('\r\n', lineEnd + 2) >= 0 };
    if (data.length < lineEnd + 2 + size + 2) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return { status, headers, body: Buffer.concat(parts), complete: false };
}

/** A request head: a Host unless given, then the headers in order. HTTP/1.1, so the connection is kept alive unless a header says otherwise. */
export function requestHead(method: string, path: string, headers: Array<[string, string]> = []): string {
  const all: Array<[string, string]> = [...(headers.some(([name]) => name.toLowerCase() === 'host') ? [] : [['Host', '127.0.0.1'] as [string, string]]), ...headers];
  return `${method} ${path} HTTP/1.1\r\n${all.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
}
