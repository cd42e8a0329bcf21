import type { AuthTokens, AuthUser, CognitoAuthConfig, TokenStorage } from '../types.js';
import { deserializeSession } from './storedSession.js';

/**
 * The stored session, when its access token is good for longer than the refresh margin, read without the
 * engine: what a signed-in user's reload shows at once, before the engine's chunk arrives (the engine then
 * restores the same session in full, with its device, timers and tabs, and reports it). Anything else
 * (nothing stored, a token to refresh, a corrupt or foreign value, a failing storage) is the engine's to
 * handle, as before: `null`.
 */
export async function peekStoredSession(config: CognitoAuthConfig, now: number): Promise<{ tokens: AuthTokens; user: AuthUser } | null> {
  const { storage, lastUser, sessionOf } = storedAt(config);
  const username = await storage?.getItem(lastUser);
  const session = username
    ? deserializeSession((await storage?.getItem(sessionOf(username))) ?? null, username, {
        clientId: config.clientId,
        userPoolId: config.userPoolId,
      })
    : null;
  return session && session.tokens.expiresAt - now > (config.refreshMarginSeconds ?? 60) * 1000 ? session : null;
}

/**
 * Removes the stored session (a sign-out before the engine could arrive): a reload must not bring it back.
 * The engine, once there, revokes the refresh token as usual; this is for when it cannot be fetched.
 */
export async function forgetStoredSession(config: CognitoAuthConfig, username: string): Promise<void> {
  const { storage, lastUser, sessionOf } = storedAt(config);
  await storage?.removeItem(sessionOf(username));
  await storage?.removeItem(lastUser);
}

/** Where the engine's storage (storage.ts, `storageKeys`) keeps the session; failures are the caller's `null`. */
function storedAt(config: CognitoAuthConfig) {
  const option = config.storage;
  const storage = typeof option === 'string' ? (globalThis as unknown as Record<string, TokenStorage | undefined>)[option] : option;
  const base = `${config.storageKeyPrefix ?? 'cognito-react'}.${config.clientId}`;
  return { storage, lastUser: `${base}.lastUser`, sessionOf: (username: string) => `${base}.${encodeURIComponent(username)}.session` };
}
