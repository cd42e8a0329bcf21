/** HTTP plumbing of the handler: JSON bodies in, JSON answers out, typed error answers, the redacted log. */
import { isCognitoAuthError } from '../core/index.js';
import { parseCookies } from './cookies.js';
import { describeError, publicError, retryAfterOf, serverError, type PublicError } from './errors.js';

export const MAX_BODY_BYTES = 16 * 1024;

/** JSON with no `__proto__` keys at any depth: a body's names are data, never an object's prototype. */
function parseJsonBody(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
}

/** Every string in a JSON body (a password, a code, an answer...), to keep out of the log. */
function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'object' && value !== null && depth < 8) for (const v of Object.values(value)) stringsOf(v, out, depth + 1);
  return out;
}

/** The strings of each request's JSON body, redacted from what is logged about it. */
const bodySecrets = new WeakMap<Request, string[]>();
/** The error behind a response answered with a generic message, for the log. */
const reported = new WeakMap<Response, unknown>();

/** The request's JSON object body (at most {@link MAX_BODY_BYTES}), with no inherited names. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw serverError('UnsupportedMediaType', 'Send JSON (Content-Type: application/json).');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw serverError('PayloadTooLarge', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) throw serverError('PayloadTooLarge', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  let body: unknown;
  try {
    body = text === '' ? {} : parseJsonBody(text);
  } catch {
    throw serverError('InvalidJson', 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw serverError('InvalidJson', 'The body must be a JSON object.');
  bodySecrets.set(request, stringsOf(body));
  // No inherited names either: a field the browser did not send is undefined, whatever it is called.
  return Object.assign(Object.create(null) as Record<string, unknown>, body);
}

export function json(body: unknown, status: number, cookies: readonly string[] = []): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(JSON.stringify(body), { status, headers });
}

/** The answer to a failure: its status, the typed error, and the state the browser is in now. */
export function errorResponse(error: unknown, state?: unknown, cookies: readonly string[] = []): Response {
  const answer = publicError(error);
  const body: { error: PublicError; state?: unknown } = { error: answer.error };
  if (state) body.state = state;
  const response = json(body, answer.status, cookies);
  if (answer.internal) reported.set(response, error);
  const wait = retryAfterOf(error);
  if (wait !== undefined) response.headers.set('retry-after', String(wait));
  return response;
}

/** Marks a response (answered without an error status) as one whose failure is to be logged. */
export function reportLater(response: Response, error: unknown): void {
  reported.set(response, error);
}

/** A failure to report moves with its answer when a route wraps another's response in a new one. */
export function carryReport(from: Response, to: Response): void {
  if (reported.has(from)) reported.set(to, reported.get(from));
}

/** What the handler logs about a failure it answered with a generic message (see `AuthHandlerOptions.logger`). */
export interface LogEntry {
  route: string;
  status: number;
  error: string;
  operation?: string;
  detail: string;
}

/** Logs the failure behind a generic answer, without what the request held that is secret. */
export function report(request: Request, route: string, response: Response, logger: (message: string, entry: LogEntry) => void): void {
  if (!reported.has(response)) return;
  const error = reported.get(response);
  const secrets = [...(bodySecrets.get(request) ?? []), ...parseCookies(request.headers.get('cookie')).values(), request.headers.get('x-csrf-token') ?? '', request.headers.get('authorization') ?? '']
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length);
  let detail = describeError(error);
  for (const secret of secrets) detail = detail.split(secret).join('[redacted]');
  detail = detail.replace(/eyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '[token]');
  const operation = isCognitoAuthError(error) ? error.operation : undefined;
  const entry: LogEntry = { route, status: response.status, error: publicError(error).error.name, ...(operation ? { operation } : {}), detail };
  try {
    logger(`cognito-react/server: ${route} answered ${entry.error}`, entry);
  } catch {
    // A logger that fails does not change the answer.
  }
}

/** What ClientMetadata from the browser may hold: it goes to the app's Lambda triggers. */
export const CLIENT_METADATA_LIMITS = { keys: 32, keyLength: 128, valueLength: 1024, totalBytes: 4096 } as const;

/**
 * ClientMetadata from the browser: a JSON object of strings within {@link CLIENT_METADATA_LIMITS}, or
 * `undefined`; anything else is refused (`InvalidInput`) before Cognito is called.
 */
export function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw serverError('InvalidInput', `${field} must be an object of strings.`, { field: 'answer' });
  }
  const entries = Object.entries(value as Record<string, string>);
  const { keys, keyLength, valueLength, totalBytes } = CLIENT_METADATA_LIMITS;
  if (
    entries.length > keys ||
    entries.some(([k, v]) => k.length === 0 || k.length > keyLength || v.length > valueLength) ||
    new TextEncoder().encode(JSON.stringify(value)).length > totalBytes
  ) {
    throw serverError('InvalidInput', `${field} may hold at most ${keys} entries, names of 1 to ${keyLength} characters, values of at most ${valueLength}, ${totalBytes} bytes in all.`, { field: 'answer' });
  }
  return Object.fromEntries(entries);
}
