/**
 * The sealed cookie: the sign-in in progress (its challenge Session) or the signed-in session (its tokens),
 * encrypted and bound to this handler's cookie name, pool and app client, split over `<name>.0`, `.1`, ...
 */
import type { AuthTokens, SuspendedSignIn } from '../core/index.js';
import { tokensBelongTo, type TokenAudience } from '../core/shared.js';
import { chunk, parseCookies, serializeCookie, unchunk, MAX_CHUNKS, type CookieOptions } from './cookies.js';
import { randomToken } from './csrf.js';
import { serverError } from './errors.js';
import type { Sealer } from './seal.js';

export interface SealedChallenge {
  v: 1;
  kind: 'challenge';
  /** A random id of this sign-in: what cancelling it revokes. */
  id: string;
  iat: number;
  exp: number;
  signIn: SuspendedSignIn;
}

export interface SealedSession {
  v: 1;
  kind: 'session';
  /** A random id of this signed-in session, kept across refreshes: what sign-out revokes. */
  sid: string;
  iat: number;
  exp: number;
  username: string;
  tokens: AuthTokens;
  /** The CSRF token of this session, made at sign-in: a mutating request of the session must carry it. */
  csrf?: string;
  /** The device key Cognito bound these tokens to: refreshes send it. */
  deviceKey?: string;
}

export type Sealed = SealedChallenge | SealedSession;

/**
 * Sessions signed out (and sign-ins cancelled) before their cookie expired, by id, so that a copy of the cookie
 * replayed later is refused.
 * The default keeps them in this process's memory: an app with several server instances gives a shared one
 * (`redisStores` from `cognito-react/server`, or a database table) with the same two methods.
 */
export interface RevocationStore {
  add(sessionId: string, expiresAt: number): void | Promise<void>;
  has(sessionId: string): boolean | Promise<boolean>;
}

export function memoryRevocations(clock: () => number): RevocationStore {
  const revoked = new Map<string, number>();
  return {
    add(id, expiresAt) {
      revoked.set(id, expiresAt);
      // Forget what has expired anyway (its cookie is refused for that).
      for (const [key, until] of revoked) if (until <= clock()) revoked.delete(key);
    },
    has: (id) => revoked.has(id),
  };
}

/** How far in the future a cookie's issue time may be (clock skew between servers) before it is refused. */
const MAX_SKEW_MS = 5 * 60_000;

/** The token fields of a sealed session, as they must be to be read at all. */
function isTokens(tokens: unknown): tokens is AuthTokens {
  const t = tokens as Partial<AuthTokens> | null;
  return typeof t === 'object' && t !== null && typeof t.idToken === 'string' && typeof t.accessToken === 'string' && typeof t.expiresAt === 'number';
}

export interface SealedCookies {
  /** The request's sealed value, `null` without one; throws (401) for one refused, and marks the request so its answer clears it. */
  read(request: Request): Promise<Sealed | null>;
  /** Set-Cookie values that replace the sealed cookie (and clear chunks it no longer needs). */
  write(value: Sealed | null): Promise<string[]>;
  /** Whether reading the request's cookie refused it. */
  refused(request: Request): boolean;
  /** Set-Cookie values that clear every chunk the request sent (those beyond the usual ones too). */
  clearing(request: Request): Promise<string[]>;
  /** Clears every chunk of a refused cookie (those the request sent beyond the usual ones too). */
  clearRefused(request: Request, response: Response): void;
  /** A refreshed session sealed for the other server instances (see `RefreshCoordinator`), and opened again. */
  pack(value: SealedSession): Promise<string>;
  unpack(text: string): Promise<SealedSession | null>;
  challenge(signIn: SuspendedSignIn): SealedChallenge;
  /** A new session (a new id and CSRF token), or the refreshed tokens of `previous` (its id, issue time and CSRF token). */
  session(username: string, tokens: AuthTokens, previous?: Pick<SealedSession, 'iat' | 'sid' | 'csrf' | 'deviceKey'>, deviceKey?: string): SealedSession;
}

export function createSealedCookies(options: {
  sealer: Sealer;
  name: string;
  /** The authenticated data the value is sealed for. */
  purpose: string;
  cookieOptions: CookieOptions;
  clock: () => number;
  maxAgeSeconds: number;
  revocations: RevocationStore;
  audience: () => Promise<TokenAudience>;
}): SealedCookies {
  const { sealer, name, purpose, cookieOptions, clock, revocations } = options;
  /** Requests whose sealed cookie was refused: their answer clears it. */
  const refusedCookies = new WeakSet<Request>();

  /** Each request's cookie is opened once, however many parts of the handler read it. */
  const opened = new WeakMap<Request, Promise<Sealed | null>>();

  async function open(request: Request): Promise<Sealed | null> {
      const cookies = parseCookies(request.headers.get('cookie'));
      const text = unchunk(cookies, name);
      if (text === null) return null;
      const value = (await sealer.open(purpose, text)) as Sealed | null;
      const now = clock();
      // A cookie refused for any reason is no session, and the answer clears it (see the handler).
      const refuse = (code: string, message: string) => {
        refusedCookies.add(request);
        return serverError(code, message);
      };
      if (!value || value.v !== 1 || (value.kind !== 'challenge' && value.kind !== 'session')) {
        throw refuse('InvalidCookie', 'The session cookie is not one this server issued. Sign in again.');
      }
      if (typeof value.iat !== 'number' || value.iat > now + MAX_SKEW_MS) {
        throw refuse('InvalidCookie', 'The session cookie was issued in the future. Sign in again.');
      }
      if (typeof value.exp !== 'number' || value.exp <= now) {
        throw refuse('CookieExpired', 'The session has expired. Sign in again.');
      }
      if (value.kind === 'session' && (typeof value.sid !== 'string' || (await revocations.has(value.sid)))) {
        throw refuse('SessionRevoked', 'This session was signed out. Sign in again.');
      }
      if (value.kind === 'challenge' && (typeof value.id !== 'string' || (await revocations.has(value.id)))) {
        throw refuse('SignInCancelled', 'This sign-in was cancelled. Start again.');
      }
      if (value.kind === 'session' && !(isTokens(value.tokens) && tokensBelongTo(value.tokens, await options.audience()))) {
        throw serverError('InvalidCookie', 'The session cookie holds tokens of another user pool or app client. Sign in again.');
      }
      return value;
  }

  return {
    read(request) {
      let value = opened.get(request);
      if (!value) opened.set(request, (value = open(request)));
      return value;
    },

    async write(value) {
      const out: string[] = [];
      let chunks: string[] = [];
      if (value) chunks = chunk(name, await sealer.seal(purpose, value));
      const lifetime = value ? Math.max(1, Math.floor((value.exp - clock()) / 1000)) : 0;
      chunks.forEach((part, i) => out.push(serializeCookie(`${name}.${i}`, part, { ...cookieOptions, httpOnly: true, maxAgeSeconds: lifetime })));
      for (let i = chunks.length; i < MAX_CHUNKS; i++) out.push(serializeCookie(`${name}.${i}`, '', { ...cookieOptions, httpOnly: true, maxAgeSeconds: 0 }));
      return out;
    },

    refused: (request) => refusedCookies.has(request),

    async clearing(request) {
      const sent = [...parseCookies(request.headers.get('cookie')).keys()].filter((k) => k.startsWith(`${name}.`) && /^\d+$/.test(k.slice(name.length + 1)) && Number(k.slice(name.length + 1)) >= MAX_CHUNKS);
      return [...(await this.write(null)), ...sent.map((k) => serializeCookie(k, '', { ...cookieOptions, httpOnly: true, maxAgeSeconds: 0 }))];
    },

    clearRefused(request, response) {
      if (!refusedCookies.has(request)) return;
      const already = new Set(response.headers.getSetCookie().map((c) => c.slice(0, c.indexOf('='))));
      const sent = [...parseCookies(request.headers.get('cookie')).keys()].filter((k) => k.startsWith(`${name}.`) && /^\d+$/.test(k.slice(name.length + 1)));
      const chunks = new Set([...Array.from({ length: MAX_CHUNKS }, (_, i) => `${name}.${i}`), ...sent]);
      for (const chunkName of chunks) {
        if (!already.has(chunkName)) response.headers.append('set-cookie', serializeCookie(chunkName, '', { ...cookieOptions, httpOnly: true, maxAgeSeconds: 0 }));
      }
    },

    pack: (value) => sealer.seal(`${purpose}#refreshed`, value),

    async unpack(text) {
      const value = (await sealer.open(`${purpose}#refreshed`, text)) as SealedSession | null;
      return value?.kind === 'session' && typeof value.sid === 'string' && isTokens(value.tokens) ? value : null;
    },

    challenge: (signIn) => ({
      v: 1,
      kind: 'challenge',
      id: randomToken(),
      iat: clock(),
      // As long as Cognito's longest challenge Session (15 minutes).
      exp: clock() + 15 * 60_000,
      signIn,
    }),

    session: (username, tokens, previous, deviceKey = previous?.deviceKey) => ({
      v: 1,
      kind: 'session',
      sid: previous?.sid ?? randomToken(),
      iat: previous?.iat ?? clock(),
      exp: (previous?.iat ?? clock()) + options.maxAgeSeconds * 1000,
      ...(previous ? (previous.csrf ? { csrf: previous.csrf } : {}) : { csrf: randomToken() }),
      ...(deviceKey ? { deviceKey } : {}),
      username,
      tokens: {
        accessToken: tokens.accessToken,
        idToken: tokens.idToken,
        ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
        expiresAt: tokens.expiresAt,
        tokenType: tokens.tokenType,
      },
    }),
  };
}
