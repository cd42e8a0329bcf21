/** Cookie headers: reading the request's, writing `Set-Cookie`, and splitting a long value over several. */
import { serverError } from './errors.js';

/** What one browser cookie may hold, name and value together (RFC 6265 asks browsers for at least 4096 bytes). */
export const MAX_COOKIE_BYTES = 4000;
/** How many cookies one sealed value may be split into before the handler refuses it. */
export const MAX_CHUNKS = 5;

export interface CookieOptions {
  /** `Secure` (default true; false only for http://localhost while developing). */
  secure: boolean;
  path: string;
  domain?: string | undefined;
  sameSite: 'Lax' | 'Strict';
}

export function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

export function serializeCookie(
  name: string,
  value: string,
  options: CookieOptions & { httpOnly: boolean; maxAgeSeconds?: number | undefined },
): string {
  const parts = [`${name}=${value}`, `Path=${options.path}`, `SameSite=${options.sameSite}`];
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.domain) parts.push(`Domain=${options.domain}`);
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  return parts.join('; ');
}

/** How many characters of sealed value the cookies of `name` hold at most ({@link MAX_CHUNKS} of them). */
export function capacity(name: string): number {
  return (MAX_COOKIE_BYTES - name.length - 3 - 200) * MAX_CHUNKS;
}

/** Splits `value` over `name.0`, `name.1`, ...; throws when it would take more than {@link MAX_CHUNKS}. */
export function chunk(name: string, value: string): string[] {
  const room = MAX_COOKIE_BYTES - name.length - 3 - 200; // the name, ".N=", and the attributes
  const chunks: string[] = [];
  for (let i = 0; i < value.length; i += room) chunks.push(value.slice(i, i + room));
  if (chunks.length > MAX_CHUNKS) {
    throw serverError('SessionTooLarge', `cognito-react/server: the session needs ${chunks.length} cookies of ${room} bytes, more than the ${MAX_CHUNKS} allowed: let the app client read fewer attributes (its ID token carries each one it may read), or put fewer groups on the user.`);
  }
  return chunks;
}

/** Reassembles `name.0`, `name.1`, ... (contiguous from 0), or `null` when there is none. */
export function unchunk(cookies: Map<string, string>, name: string): string | null {
  let value = '';
  let i = 0;
  for (; i < MAX_CHUNKS + 1 && cookies.has(`${name}.${i}`); i++) value += cookies.get(`${name}.${i}`);
  return i === 0 ? null : value;
}
