import { describe, expect, it } from 'vitest';
import {
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  deleteUser,
  forgotPassword,
  serverTransport,
  signInAfterSignUp,
  signUp,
  startTotpSetup,
  updateUserAttributes,
  verifyTotpSetup,
} from '../../src/core/index';
import { totpCode } from '../../src/testing/index';
import { PASSWORD, setupMswServer } from '../helpers/pool';
import { createServerPool } from './support';

const server = setupMswServer();
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com', email_verified: 'true' } };
const SECRET = 'the-client-secret';

/** A browser in server mode (its cookie jar) in front of the handler and a pool whose client has a secret. */
async function serverMode() {
  const pool = createServerPool(server, { users: [pat], clientSecret: SECRET }, { idTokenClaims: true });
  const auth = serverTransport('/api/auth', { fetch: pool.browserFetch });
  await auth.ready();
  return { ...pool, auth };
}

describe('account operations in server mode (the server adds the secret hash and the access token)', () => {
  it('signs up, confirms and signs in, with SECRET_HASH the browser never knew', async () => {
    const { auth, sim } = await serverMode();
    const result = await signUp(auth, { username: 'nia', password: PASSWORD, attributes: { email: 'nia@example.com' } });
    expect(result.codeDelivery?.destination).toBe('n***@e***');
    const sent = sim.requests.find((r) => r.operation === 'SignUp')!.input as Record<string, unknown>;
    expect(sent.SecretHash).toBeTruthy();
    expect(sent.ClientId).toBe('testclient123');
    const { session } = await confirmSignUp(auth, { username: 'nia', code: sim.lastCode('nia')!, session: result.session });
    expect(await signInAfterSignUp(auth, { username: 'nia', ...(session ? { session } : {}), password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'nia' } });
  });

  it('resets a forgotten password', async () => {
    const { auth, sim } = await serverMode();
    await forgotPassword(auth, { username: 'pat' });
    await confirmForgotPassword(auth, { username: 'pat', code: sim.lastCode('pat')!, newPassword: 'N3w!Passw0rd' });
    expect(await auth.signIn({ username: 'pat', password: 'N3w!Passw0rd' })).toEqual({ name: 'DONE' });
  });

  it('changes the password, the profile (whose claims follow) and enrols TOTP with the session\'s access token', async () => {
    const { auth, sim } = await serverMode();
    await auth.signIn({ username: 'pat', password: PASSWORD });
    await changePassword(auth, { previousPassword: PASSWORD, proposedPassword: 'N3w!Passw0rd' });
    const change = sim.requests.find((r) => r.operation === 'ChangePassword')!.input as Record<string, unknown>;
    expect(change.AccessToken).toMatch(/^eyJ/);
    await updateUserAttributes(auth, { name: 'Pat' });
    expect(auth.getSnapshot().user?.attributes.name).toBe('Pat');
    const setup = await startTotpSetup(auth);
    await verifyTotpSetup(auth, { code: await totpCode(setup.secret, sim.now()) });
    expect(sim.user('pat')?.mfa.totp).toBe(true);
    expect((await auth.getUser()).mfa.enabled).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(JSON.stringify(auth.getSnapshot())).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  it('deletes the account: signed out here, the user gone, the old cookie refused', async () => {
    const { auth, sim, jar, handler } = await serverMode();
    await auth.signIn({ username: 'pat', password: PASSWORD });
    const saved = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    await deleteUser(auth);
    expect(auth.getSnapshot().status).toBe('signedOut');
    expect(sim.user('pat')).toBeUndefined();
    expect(await handler.getSession(new Request('https://app.example/api/x', { headers: { cookie: saved } }))).toBeNull();
  });

  it('refuses operations it does not list, signed-in ones without a session, and overwrites what the browser may not set', async () => {
    const { call, sim } = await serverMode().then(async (p) => (await p.call('GET', 'session'), p));
    const admin = await call('POST', 'command', { operation: 'AdminDeleteUser', input: { Username: 'pat' } });
    expect(admin).toMatchObject({ status: 400, body: { error: { name: 'UnsupportedOperation' } } });
    const anonymous = await call('POST', 'command', { operation: 'ChangePassword', input: { PreviousPassword: 'a', ProposedPassword: 'b' } });
    expect(anonymous).toMatchObject({ status: 401, body: { error: { name: 'NotSignedIn' } } });
    await call('POST', 'command', { operation: 'ForgotPassword', input: { Username: 'pat', ClientId: 'another-client', SecretHash: 'forged' } });
    expect(sim.requests.at(-1)!.input).toMatchObject({ ClientId: 'testclient123' });
    expect((sim.requests.at(-1)!.input as { SecretHash: string }).SecretHash).not.toBe('forged');
    expect(sim.requests.filter((r) => r.operation !== 'ForgotPassword')).toHaveLength(0);
  });
});
