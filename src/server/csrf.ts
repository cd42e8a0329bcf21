/**
 * CSRF: a double-submit token bound to the session. `GET /session` hands the browser a token in its body and
 * sets the same in a cookie; every state-changing request sends it back in `X-CSRF-Token`, which another site
 * cannot read or set. Signed in, the token is the one sealed into the session at sign-in: a token planted
 * or kept from before (another user's, the signed-out page's) does not serve the session. A new one is made
 * at sign-in and at sign-out, and the answer carries it (`csrfToken`).
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
  /** The session's token (`bound`), else the request's, else a new one; with the `Set-Cookie` value when it changes. */
  issue(request: Request, bound?: string): { token: string; cookies: string[] };
  /** A new token (sign-out), or `token` (sign-in's, sealed into the session), with its `Set-Cookie` value. */
  rotate(token?: string): { token: string; cookies: string[] };
  /** Throws `CsrfCheckFailed` unless the header repeats the cookie, and, for a session, is the session's token. */
  check(request: Request, bound: string | undefined): void;
}

export function createCsrf(cookieName: string, cookieOptions: CookieOptions): Csrf {
  const store = (token: string) => ({ token, cookies: [serializeCookie(cookieName, token, { ...cookieOptions, httpOnly: false })] });
  return {
    issue(request, bound) {
      const current = parseCookies(request.headers.get('cookie')).get(cookieName);
      if (bound) return current === bound ? { token: bound, cookies: [] } : store(bound);
      if (current) return { token: current, cookies: [] };
      return store(randomToken());
    },
    rotate: (token) => store(token ?? randomToken()),
    check(request, bound) {
      const cookie = parseCookies(request.headers.get('cookie')).get(cookieName);
      const header = request.headers.get('x-csrf-token');
      if (!cookie || !header || !constantTimeEqual(cookie, header) || (bound !== undefined && !constantTimeEqual(bound, header))) {
        throw serverError('CsrfCheckFailed', 'The request is missing its CSRF token. Reload the page and try again.');
      }
    },
  };
}
