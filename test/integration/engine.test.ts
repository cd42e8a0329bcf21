/**
 * The engine against the real local emulator (cognito-local) over HTTP, through the real AWS SDK client:
 * every flow the emulator supports, and its deviations from Cognito handled.
 */
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import { createCognitoAuth } from '../../src/core/index.js';
import { totpCode } from '../../src/testing/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';
import { localClient, localStore } from './localStore';

const endpoint = inject('localPoolEndpoint');
const client = () => localClient(endpoint);
const store = () =>
  localStore(endpoint);
const password = (user: string) => LOCAL_POOL.users[user]!.password;

/** Verifies an RS256 JWT against the emulator's JWKS with WebCrypto. */
async function verifiedByJwks(token: string): Promise<boolean> {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string };
  const jwks = (await (await fetch(`${endpoint}/${LOCAL_POOL.userPoolId}/.well-known/jwks.json`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) return false;
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  return crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, Buffer.from(signature, 'base64url'), new TextEncoder().encode(`${header}.${payload}`));
}

describe('against the local emulator', () => {
  it('signs in with a password, and the stored ID and access tokens carry the emulator\'s signature', async () => {
    const auth = store();
    await expect(auth.signIn({ username: 'pat', password: password('pat') })).resolves.toEqual({ name: 'DONE' });
    const tokens = auth.getTokens()!;
    expect(await verifiedByJwks(tokens.idToken)).toBe(true);
    expect(await verifiedByJwks(tokens.accessToken)).toBe(true);
    expect(auth.getSnapshot().user).toMatchObject({ username: 'pat', attributes: { email: 'pat@example.com' } });
    // The emulator sends no ExpiresIn: the expiry comes from the token's own exp.
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  it('restores a stored session after a reload: the emulator signs as its own address, which its local_ pool id allows', async () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
    const first = createCognitoAuth({ ...store().config, storage });
    await first.signIn({ username: 'pat', password: password('pat') });
    const iss = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iss: string }).iss;
    expect(iss(first.getTokens()!.accessToken)).toBe(`${endpoint}/${LOCAL_POOL.userPoolId}`);
    const reloaded = createCognitoAuth({ ...store().config, storage });
    await reloaded.ready();
    expect(reloaded.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'pat' } });
  });

  it('reads the emulator\'s InvalidPasswordException for a wrong password as a wrong password, keeping the username', async () => {
    const auth = store();
    const error = await auth.signIn({ username: 'pat', password: 'Wrong-passw0rd!' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', cause: { name: 'InvalidPasswordException' } });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', username: 'pat' });
  });

  it('refuses an unknown user and an unconfirmed one with the service\'s errors', async () => {
    await expect(store().signIn({ username: 'nobody', password: 'Passw0rd!long' })).rejects.toMatchObject({ name: expect.stringMatching(/NotAuthorizedException|UserNotFoundException/) });
    await expect(store().signIn({ username: 'una', password: password('una') })).rejects.toMatchObject({ name: 'UserNotConfirmedException' });
  });

  it('answers TOTP with a code computed from the secret', async () => {
    const auth = store();
    expect(await auth.signIn({ username: 'tia', password: password('tia') })).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA' });
    await expect(auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(LOCAL_POOL.totpSecret, Date.now()) })).resolves.toEqual({ name: 'DONE' });
  });

  it('answers SMS MFA with the code the emulator sent (fixed by CODE)', async () => {
    const auth = store();
    expect(await auth.signIn({ username: 'sam', password: password('sam') })).toMatchObject({ name: 'SMS_MFA', codeDelivery: { deliveryMedium: 'SMS' } });
    await expect(auth.respondToChallenge({ name: 'SMS_MFA', code: LOCAL_POOL.code })).resolves.toEqual({ name: 'DONE' });
  });

  it('offers SELECT_MFA_TYPE to a user with SMS and TOTP, and continues with the choice', async () => {
    const auth = store();
    expect(await auth.signIn({ username: 'sol', password: password('sol') })).toEqual({ name: 'SELECT_MFA_TYPE', options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] });
    expect(await auth.respondToChallenge({ name: 'SELECT_MFA_TYPE', mfaType: 'SOFTWARE_TOKEN_MFA' })).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA' });
    await expect(auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(LOCAL_POOL.totpSecret, Date.now()) })).resolves.toEqual({ name: 'DONE' });
  });

  it('refreshes with REFRESH_TOKEN_AUTH, and sign-out revokes the refresh token', async () => {
    const auth = store();
    await auth.signIn({ username: 'pat', password: password('pat') });
    const { refreshToken, accessToken } = auth.getTokens()!;
    const fresh = await auth.getAccessToken({ forceRefresh: true });
    expect(fresh).not.toBe(accessToken);
    expect(await verifiedByJwks(fresh)).toBe(true);
    await expect(auth.signOut()).resolves.toEqual({ revoked: true, error: null });
    await expect(
      client().send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: LOCAL_POOL.clientId, AuthParameters: { REFRESH_TOKEN: refreshToken! } })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('reads the user with GetUser', async () => {
    const auth = store();
    await auth.signIn({ username: 'pat', password: password('pat') });
    await expect(auth.getUser()).resolves.toMatchObject({ username: 'pat', attributes: { email: 'pat@example.com' } });
  });

  it('sets the new password of a user who must choose one (last: it changes the user)', async () => {
    const auth = store();
    expect(await auth.signIn({ username: 'nia', password: password('nia') })).toMatchObject({ name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: [] });
    await expect(auth.respondToChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w-passw0rd!' })).resolves.toEqual({ name: 'DONE' });
    await auth.signOut();
    await expect(store().signIn({ username: 'nia', password: 'N3w-passw0rd!' })).resolves.toEqual({ name: 'DONE' });
  });
});
