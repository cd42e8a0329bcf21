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
  // The engine's storage (storage.ts) reads the same keys, and reports what fails; here a failure is `null`.
  const option = config.storage;
  const storage = typeof option === 'string' ? (globalThis as unknown as Record<string, TokenStorage | undefined>)[option] : option;
  const base = `${config.storageKeyPrefix ?? 'cognito-react'}.${config.clientId}`;
  const username = await storage?.getItem(`${base}.lastUser`);
  const session = username
    ? deserializeSession((await storage?.getItem(`${base}.${encodeURIComponent(username)}.session`)) ?? null, username, {
        clientId: config.clientId,
        userPoolId: config.userPoolId,
      })
    : null;
  return session && session.tokens.expiresAt - now > (config.refreshMarginSeconds ?? 60) * 1000 ? session : null;
}
