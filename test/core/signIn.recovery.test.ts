import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createCognitoAuth } from '../../src/core/createCognitoAuth.js';
import { totpCode } from '../../src/testing/index.js';
import { PASSWORD, createPool, setupMswServer } from '../helpers/pool.js';

const server = setupMswServer();
const COGNITO = 'https://cognito-idp.eu-west-1.amazonaws.com/';
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } };

describe('given a remembered device that Cognito has forgotten', () => {
  it('forgets it locally and signs in without it instead of locking the user out', async () => {
    const stale = { deviceKey: 'eu-west-1_forgotten-device', deviceGroupKey: '-Group', devicePassword: 'pw' };
    const remove = vi.fn();
    const { auth, sim } = createPool(
      server,
      { users: [{ ...alice, mfa: { email: true } }], deviceTracking: true },
      { deviceStore: { get: () => stale, remove } },
    );
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toMatchObject({ name: 'EMAIL_OTP' });
    expect(remove).toHaveBeenCalledWith('alice');
    const last = sim.requests.at(-1)?.input as { ChallengeResponses?: Record<string, string>; AuthParameters?: Record<string, string> };
    expect((last.ChallengeResponses ?? last.AuthParameters)?.DEVICE_KEY).toBeUndefined();
    expect(await auth.respondToChallenge({ name: 'EMAIL_OTP', code: sim.lastCode('alice') as string })).toEqual({ name: 'DONE' });
  });
});

describe('when the user cancels before the request goes out', () => {
  it('sends nothing, so no code is delivered for a sign-in the user abandoned', async () => {
    let releaseDevice: () => void = () => {};
    const { auth, sim } = createPool(server, { users: [alice] }, {
      authFlow: 'USER_AUTH',
      deviceStore: { get: () => new Promise((resolve) => (releaseDevice = () => resolve(null))) },
    });
    const pending = auth.signIn({ username: 'alice', preferredChallenge: 'EMAIL_OTP' });
    auth.cancelSignIn();
    releaseDevice();
    await expect(pending).rejects.toMatchObject({ name: 'SignInCancelled' });
    expect(sim.requests).toEqual([]);
    expect(sim.lastCode('alice')).toBeUndefined();
  });
});

describe('given TOTP enrolment whose last request fails on the network', () => {
  it('keeps the verified enrolment, and answering again completes the sign-in without re-verifying', async () => {
    const { auth, sim, operations } = createPool(server, { users: [alice], mfaConfiguration: 'ON' });
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    if (step.name !== 'MFA_SETUP' || !step.totp) throw new Error('expected TOTP setup');
    let failNextRespond = true;
    server.use(
      http.post(COGNITO, ({ request }) => {
        if (failNextRespond && request.headers.get('x-amz-target')?.endsWith('.RespondToAuthChallenge')) {
          failNextRespond = false;
          return HttpResponse.error();
        }
        return undefined;
      }),
    );
    const code = await totpCode(step.totp.secret, sim.now());
    await expect(auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code })).rejects.toMatchObject({ name: 'NetworkError' });
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', pending: false, step: { name: 'MFA_SETUP', totp: { verified: true } } });
    expect(await auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code })).toEqual({ name: 'DONE' });
    expect(operations().filter((o) => o === 'VerifySoftwareToken')).toHaveLength(1);
  });
});

describe('given a slow user and an app client whose sessions last 15 minutes', () => {
  it('reports a wrong password as NotAuthorizedException, not as an expired session', async () => {
    const { auth, sim } = createPool(server, { users: [alice], authSessionValidityMinutes: 15 }, { authFlow: 'USER_AUTH' });
    await auth.signIn({ username: 'alice' });
    sim.advanceTime(4 * 60_000);
    await expect(auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'PASSWORD', password: 'Wrong-passw0rd' })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('configuration', () => {
  it('accepts the local emulator’s pool ids when a region is given, and asks for the region otherwise', () => {
    expect(createCognitoAuth({ region: 'us-east-1', userPoolId: 'local_2AbCdEfG', clientId: 'c', endpoint: 'http://127.0.0.1:9229' }).getSnapshot().status).toBe('signedOut');
    expect(() => createCognitoAuth({ userPoolId: 'local_2AbCdEfG', clientId: 'c' } as never)).toThrow(expect.objectContaining({ name: 'InvalidInput', field: 'config' }));
    expect(() => createCognitoAuth({ region: 'eu-west-1', userPoolId: 'not a pool', clientId: 'c' })).toThrow(/userPoolId/);
    expect(() => createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_A', clientId: '' })).toThrow(/clientId/);
  });
});
