/**
 * CSRF: a double-submit token. `GET /session` hands the browser a token in its body and sets the same in a
 * cookie; every state-changing request sends it back in `X-CSRF-Token`, which another site cannot read or set.
 */
import { parseCookies, serializeCookie, type CookieOptions } from './cookies.js';
import { serverError } from './errors.js';

export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface Csrf {
  /** The request's token, or a new one with the `Set-Cookie` value that stores it. */
  issue(request: Request): { token: string; cookies: string[] };
  /** Throws `CsrfCheckFailed` unless the header repeats the cookie. */
  check(request: Request): void;
}

export function createCsrf(cookieName: string, cookieOptions: CookieOptions): Csrf {
  return {
    issue(request) {
      const current = parseCookies(request.headers.get('cookie')).get(cookieName);
      if (current) return { token: current, cookies: [] };
      const token = randomToken();
      return { token, cookies: [serializeCookie(cookieName, token, { ...cookieOptions, httpOnly: false })] };
    },
    check(request) {
      const cookie = parseCookies(request.headers.get('cookie')).get(cookieName);
      const header = request.headers.get('x-csrf-token');
      if (!cookie || !header || !constantTimeEqual(cookie, header)) {
        throw serverError('CsrfCheckFailed', 'The request is missing its CSRF token. Reload the page and try again.');
      }
    },
  };
}
