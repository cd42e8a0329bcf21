import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CognitoAuthError, isCognitoAuthError } from '../../src/core/errors';
import { PASSWORD, createPool, setupMswServer } from '../helpers/pool';
import { reachableText } from '../helpers/session';

const server = setupMswServer();
const COGNITO = 'https://cognito-idp.eu-west-1.amazonaws.com/';

const smsUser = { username: 'alice', password: PASSWORD, attributes: { phone_number: '+15555551234' }, mfa: { sms: true } };

describe('when the password or the user is wrong', () => {
  it('reports NotAuthorizedException for a wrong password and keeps the username for the next try', async () => {
    const { auth } = createPool(server, { users: [smsUser] });
    const error = await auth.signIn({ username: 'alice', password: 'wrong-Passw0rd!' }).catch((e: unknown) => e);
    expect(isCognitoAuthError(error, 'NotAuthorizedException')).toBe(true);
    expect((error as CognitoAuthError).operation).toBe('RespondToAuthChallenge');
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', step: null, pending: false, username: 'alice', error: { name: 'NotAuthorizedException' } });
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toMatchObject({ name: 'SMS_MFA' });
  });

  it('keeps the typed password and the code out of everything reachable from the error', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] }, { authFlow: 'USER_PASSWORD_AUTH' });
    const wrongPassword = 'wrong-Passw0rd!';
    const passwordError = await auth.signIn({ username: 'alice', password: wrongPassword }).catch((e: unknown) => e);
    expect(reachableText(passwordError)).toContain('NotAuthorizedException');
    expect(reachableText(passwordError)).not.toContain(wrongPassword);
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const wrongCode = sim.lastCode('alice') === '000000' ? '111111' : '000000';
    const codeError = await auth.respondToChallenge({ name: 'SMS_MFA', code: wrongCode }).catch((e: unknown) => e);
    expect(reachableText(codeError)).toContain('CodeMismatchException');
    expect(reachableText(codeError)).not.toContain(`"SMS_MFA_CODE":"${wrongCode}"`);
  });

  it('does not reveal whether an unknown user exists when the pool prevents it', async () => {
    const { auth } = createPool(server, { users: [smsUser] });
    await expect(auth.signIn({ username: 'nobody', password: PASSWORD })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('reports UserNotFoundException when the pool reveals user existence', async () => {
    const { auth } = createPool(server, { users: [smsUser], preventUserExistenceErrors: false });
    await expect(auth.signIn({ username: 'nobody', password: PASSWORD, authFlow: 'USER_PASSWORD_AUTH' })).rejects.toMatchObject({ name: 'UserNotFoundException', operation: 'InitiateAuth' });
  });

  it('reports an unconfirmed user as UserNotConfirmedException', async () => {
    const { auth } = createPool(server, { users: [{ ...smsUser, status: 'UNCONFIRMED' }] });
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).rejects.toMatchObject({ name: 'UserNotConfirmedException' });
    expect(auth.getSnapshot().status).toBe('signedOut');
  });

  it('reports a wrong SECRET_HASH setup (client secret missing) as the service does', async () => {
    const { auth } = createPool(server, { users: [smsUser], clientSecret: 'the-real-secret' }, { clientSecret: undefined });
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).rejects.toMatchObject({ name: 'NotAuthorizedException', operation: 'InitiateAuth' });
  });
});

describe('when input is bad', () => {
  it('rejects an empty username before any request', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    await expect(auth.signIn({ username: '   ', password: PASSWORD })).rejects.toMatchObject({ name: 'InvalidInput', field: 'username' });
    await expect(auth.signIn({ username: 'alice' })).rejects.toMatchObject({ name: 'InvalidInput', field: 'password' });
    expect(sim.requests).toEqual([]);
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', pending: false, error: { name: 'InvalidInput' } });
  });

  it('rejects a code that is not 6 digits before any request, keeping the step', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    const sent = sim.requests.length;
    for (const code of ['', '12345', '1234567', '12a456']) {
      await expect(auth.respondToChallenge({ name: 'SMS_MFA', code })).rejects.toMatchObject({ name: 'InvalidInput', field: 'code' });
    }
    expect(sim.requests.length).toBe(sent);
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', step, error: { name: 'InvalidInput' } });
    expect(await auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice') as string })).toEqual({ name: 'DONE' });
  });

  it('rejects an answer for another step, and an answer when there is no step', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    await expect(auth.respondToChallenge({ name: 'SMS_MFA', code: '123456' })).rejects.toMatchObject({ name: 'StepMismatch' });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await expect(auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: '123456' })).rejects.toMatchObject({ name: 'StepMismatch' });
    expect(auth.getSnapshot().step?.name).toBe('SMS_MFA');
    expect(await auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice') as string })).toEqual({ name: 'DONE' });
  });

  it('rejects a second answer while the first is in flight, and the first still completes', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const code = sim.lastCode('alice') as string;
    const first = auth.respondToChallenge({ name: 'SMS_MFA', code });
    await expect(auth.respondToChallenge({ name: 'SMS_MFA', code })).rejects.toMatchObject({ name: 'RequestInProgress' });
    expect(await first).toEqual({ name: 'DONE' });
    expect(sim.requests.filter((r) => r.operation === 'RespondToAuthChallenge')).toHaveLength(2);
  });

  it('refuses to start a sign-in while a user is signed in', async () => {
    const { auth } = createPool(server, { users: [{ ...smsUser, mfa: {} }] });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).rejects.toMatchObject({ name: 'AlreadySignedIn' });
    expect(auth.getSnapshot().status).toBe('signedIn');
  });
});

describe('when the challenge session expires', () => {
  it('reports SessionExpired, returns to the start with the username, and a new sign-in works', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    sim.advanceTime(3 * 60_000 + 1_000);
    const error = await auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice') as string }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SessionExpired', operation: 'RespondToAuthChallenge', cause: { name: 'NotAuthorizedException' } });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', step: null, username: 'alice', error: { name: 'SessionExpired' } });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(await auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice') as string })).toEqual({ name: 'DONE' });
  });
});

describe('when the network or the service fails', () => {
  it('reports a retryable NetworkError, keeps the step, and the same answer succeeds once the network is back', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    server.use(http.post(COGNITO, () => HttpResponse.error(), { once: true }));
    const code = sim.lastCode('alice') as string;
    await expect(auth.respondToChallenge({ name: 'SMS_MFA', code })).rejects.toMatchObject({ name: 'NetworkError', retryable: true });
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', step: { name: 'SMS_MFA' }, pending: false });
    expect(await auth.respondToChallenge({ name: 'SMS_MFA', code })).toEqual({ name: 'DONE' });
  });

  it('marks throttling as retryable and keeps the step', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    server.use(
      http.post(COGNITO, () => HttpResponse.json({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }, { status: 400, headers: { 'x-amzn-errortype': 'TooManyRequestsException' } }), { once: true }),
    );
    await expect(auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice') as string })).rejects.toMatchObject({ name: 'TooManyRequestsException', retryable: true });
    expect(auth.getSnapshot().step?.name).toBe('SMS_MFA');
  });

  it('refuses ADMIN_NO_SRP_AUTH with a clear error instead of a broken step', async () => {
    const { auth } = createPool(server, { users: [smsUser] });
    server.use(
      http.post(COGNITO, () => HttpResponse.json({ ChallengeName: 'ADMIN_NO_SRP_AUTH', ChallengeParameters: {}, Session: 's' }, { headers: { 'content-type': 'application/x-amz-json-1.1' } }), { once: true }),
    );
    await expect(auth.signIn({ username: 'alice', password: PASSWORD, authFlow: 'USER_PASSWORD_AUTH' })).rejects.toMatchObject({ name: 'UnsupportedChallenge' });
    expect(auth.getSnapshot().status).toBe('signedOut');
  });

  it('renders a challenge it does not know as UNKNOWN_CHALLENGE and answers it with the raw responses', async () => {
    const { auth } = createPool(server, { users: [smsUser] });
    let answered: unknown;
    server.use(
      http.post(COGNITO, () => HttpResponse.json({ ChallengeName: 'FUTURE_CHALLENGE', ChallengeParameters: { hint: 'x' }, Session: 's1' }, { headers: { 'content-type': 'application/x-amz-json-1.1' } }), { once: true }),
    );
    expect(await auth.signIn({ username: 'alice', password: PASSWORD, authFlow: 'USER_PASSWORD_AUTH' })).toEqual({ name: 'UNKNOWN_CHALLENGE', challengeName: 'FUTURE_CHALLENGE', parameters: { hint: 'x' } });
    server.use(
      http.post(COGNITO, async ({ request }) => {
        answered = await request.json();
        return HttpResponse.json({ ChallengeName: 'FUTURE_CHALLENGE', ChallengeParameters: {}, Session: 's2' }, { headers: { 'content-type': 'application/x-amz-json-1.1' } });
      }, { once: true }),
    );
    await auth.respondToChallenge({ name: 'UNKNOWN_CHALLENGE', responses: { ANSWER: '42' } });
    expect(answered).toMatchObject({ ChallengeName: 'FUTURE_CHALLENGE', Session: 's1', ChallengeResponses: { ANSWER: '42', USERNAME: 'alice' } });
  });
});

describe('when the user cancels', () => {
  it('ignores the in-flight answer, returns to the start and keeps the username', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const inFlight = auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice') as string });
    auth.cancelSignIn();
    await expect(inFlight).rejects.toMatchObject({ name: 'SignInCancelled' });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', step: null, user: null, pending: false, username: 'alice' });
    expect(auth.getTokens()).toBeNull();
  });
});
