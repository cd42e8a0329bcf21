import { describe, expect, it, vi } from 'vitest';
import { CognitoAuthError, isCognitoAuthError } from '../../src/core/errors';
import { totpCode } from '../../src/testing';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';

/**
 * The chunk `createLazySdkTransport` imports (src/core/transport/sdkTransport.ts): while `broken`, importing it
 * fails as a browser's failed chunk fetch does (a TypeError), and every import is counted, so the test sees
 * the chunk fetched again on the next call rather than a cached failure.
 */
const chunk = vi.hoisted(() => ({ broken: false, imports: 0 }));
vi.mock('../../src/core/transport/sdkTransport', async (importOriginal) => {
  chunk.imports++;
  if (chunk.broken) throw new TypeError('Failed to fetch dynamically imported module: sdkTransport.js');
  return importOriginal();
});

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' }, mfa: { totpSecret: TOTP } };

describe('the default transport when its chunk (the AWS SDK client) cannot be loaded', () => {
  it('fails a sign-in as a retryable NetworkError, keeps the store usable, and signs in once the chunk loads', async () => {
    chunk.broken = true;
    chunk.imports = 0;
    const { auth, sim, operations } = createPool(server, { users: [alice] });

    const error = await auth.signIn({ username: 'alice', password: PASSWORD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoAuthError);
    expect(isCognitoAuthError(error, 'NetworkError')).toBe(true);
    // The failed import is kept as the cause (here wrapped by Vitest's mocker), for the app's logs.
    expect(error).toMatchObject({ retryable: true, cause: expect.any(Error) });
    // Nothing was sent, and the store is signed out, idle, with the username kept for the next try.
    expect(operations()).toEqual([]);
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', step: null, pending: false, username: 'alice', error: { name: 'NetworkError' } });
    const importsWhileBroken = chunk.imports;
    expect(importsWhileBroken).toBeGreaterThanOrEqual(1);

    // The network is back: the next attempt fetches the chunk again (a failed import is not kept) and succeeds.
    chunk.broken = false;
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA' });
    expect(chunk.imports).toBe(importsWhileBroken + 1);
    await auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, sim.now()) });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', error: null, user: { username: 'alice' } });
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);

    // Loaded once, kept: later requests (here GetUser) do not fetch it again.
    expect((await auth.getUser()).attributes.email).toBe('alice@example.com');
    expect(chunk.imports).toBe(importsWhileBroken + 1);
  });
});
