import { describe, expect, it } from 'vitest';
import {
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  cooldownAfter,
  deletePasskey,
  deleteUser,
  forgotPassword,
  listPasskeys,
  registerPasskey,
  resendSignUpCode,
  sendAttributeVerificationCode,
  setMfaPreference,
  signInAfterSignUp,
  signUp,
  startTotpSetup,
  updateUserAttributes,
  verifyTotpSetup,
  verifyUserAttribute,
  type SignInStepOf,
} from '../../../src/core/index';
import { createVirtualAuthenticator, totpCode } from '../../../src/testing/index';
import { PASSWORD, createPool, mswServerPerFile } from '../../helpers/pool';

const server = mswServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true', phone_number: '+15555550100' } };

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as { name: string; field?: string });

describe('sign-up', () => {
  it('creates a user, confirms the code, and signs in with the confirmation Session (no password sent)', async () => {
    const { auth, sim, operations } = createPool(server, { users: [] }, { authFlow: 'USER_AUTH' });
    const result = await signUp(auth, { username: 'nia', password: PASSWORD, attributes: { email: 'nia@example.com', name: ' Nia ' } });
    expect(result.userConfirmed).toBe(false);
    expect(result.codeDelivery).toEqual({ deliveryMedium: 'EMAIL', destination: 'n***@e***', attribute: 'email' });
    expect(sim.user('nia')?.attributes.name).toBe('Nia');
    const { session } = await confirmSignUp(auth, { username: 'nia', code: sim.lastCode('nia')!, session: result.session });
    expect(session).toBeTruthy();
    const step = await signInAfterSignUp(auth, { username: 'nia', session });
    expect(step.name).toBe('DONE');
    expect(auth.getSnapshot().user?.attributes.email).toBe('nia@example.com');
    const initiate = sim.requests.find((r) => r.operation === 'InitiateAuth')!;
    expect(JSON.stringify(initiate.input)).not.toContain(PASSWORD);
    expect(operations()).toEqual(['SignUp', 'ConfirmSignUp', 'InitiateAuth']);
  });

  it('creates a passwordless user (no Password sent) and signs in with the confirmation Session', async () => {
    const { auth, sim } = createPool(server, { users: [], allowedFirstAuthFactors: ['EMAIL_OTP'] }, { authFlow: 'USER_AUTH' });
    const result = await signUp(auth, { username: 'pia', attributes: { email: 'pia@example.com' } });
    const sent = sim.requests.find((r) => r.operation === 'SignUp')!;
    expect(Object.keys(sent.input as object)).not.toContain('Password');
    const { session } = await confirmSignUp(auth, { username: 'pia', code: sim.lastCode('pia')!, session: result.session });
    expect((await signInAfterSignUp(auth, { username: 'pia', session })).name).toBe('DONE');
    expect(await rejection(signUp(auth, { username: 'pia2', password: '' }))).toMatchObject({ name: 'InvalidInput', field: 'password' });
  });

  it('falls back to the password just chosen when the Session cannot sign in', async () => {
    const { auth, sim } = createPool(server, { users: [] });
    const result = await signUp(auth, { username: 'noa', password: PASSWORD, attributes: { email: 'noa@example.com' } });
    await confirmSignUp(auth, { username: 'noa', code: sim.lastCode('noa')! });
    const step = await signInAfterSignUp(auth, { username: 'noa', session: 'not-a-session', password: PASSWORD });
    expect(step.name).toBe('DONE');
    expect(result.userSub).toBe(auth.getSnapshot().user?.sub);
  });

  it('refuses bad input before any request, and reports the service errors by name', async () => {
    const { auth, sim } = createPool(server, { users: [alice] });
    expect(await rejection(signUp(auth, { username: ' ', password: PASSWORD }))).toMatchObject({ name: 'InvalidInput', field: 'username' });
    expect(await rejection(confirmSignUp(auth, { username: 'x', code: '12' }))).toMatchObject({ name: 'InvalidInput', field: 'code' });
    expect(sim.requests).toHaveLength(0);
    expect(await rejection(signUp(auth, { username: 'alice', password: PASSWORD, attributes: { email: 'a@example.com' } }))).toMatchObject({ name: 'UsernameExistsException' });
    expect(await rejection(signUp(auth, { username: 'bo', password: 'short', attributes: { email: 'b@example.com' } }))).toMatchObject({ name: 'InvalidPasswordException' });
    await signUp(auth, { username: 'bo', password: PASSWORD, attributes: { email: 'b@example.com' } });
    const wrong = sim.lastCode('bo') === '000000' ? '111111' : '000000';
    expect(await rejection(confirmSignUp(auth, { username: 'bo', code: wrong }))).toMatchObject({ name: 'CodeMismatchException' });
  });

  it('limits resends: LimitExceededException after too many, with a cooldown to show', async () => {
    const { auth } = createPool(server, { users: [], codeSendLimit: 3 });
    await signUp(auth, { username: 'ray', password: PASSWORD, attributes: { email: 'ray@example.com' } });
    await resendSignUpCode(auth, { username: 'ray' });
    await resendSignUpCode(auth, { username: 'ray' });
    const error = await rejection(resendSignUpCode(auth, { username: 'ray' }));
    expect(error).toMatchObject({ name: 'LimitExceededException' });
    expect(cooldownAfter(error)).toBe(60);
  });
});

describe('forgotten password', () => {
  it('resets the password with the code; the old one stops working', async () => {
    const { auth, sim } = createPool(server, { users: [alice] });
    const { codeDelivery } = await forgotPassword(auth, { username: 'alice' });
    expect(codeDelivery?.deliveryMedium).toBe('EMAIL');
    await confirmForgotPassword(auth, { username: 'alice', code: sim.lastCode('alice')!, newPassword: 'N3w!Passw0rd' });
    expect(await rejection(auth.signIn({ username: 'alice', password: PASSWORD }))).toMatchObject({ name: 'NotAuthorizedException' });
    expect((await auth.signIn({ username: 'alice', password: 'N3w!Passw0rd' })).name).toBe('DONE');
  });
});

describe('signed-in account settings', () => {
  async function signedIn(options: Parameters<typeof createPool>[1] = { users: [alice] }) {
    const pool = createPool(server, options);
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    return pool;
  }

  it('changes the password (a wrong current one is NotAuthorizedException)', async () => {
    const { auth } = await signedIn();
    expect(await rejection(changePassword(auth, { previousPassword: 'nope', proposedPassword: 'N3w!Passw0rd' }))).toMatchObject({ name: 'NotAuthorizedException' });
    await changePassword(auth, { previousPassword: PASSWORD, proposedPassword: 'N3w!Passw0rd' });
    await auth.signOut();
    expect((await auth.signIn({ username: 'alice', password: 'N3w!Passw0rd' })).name).toBe('DONE');
  });

  it('updates an email, which stays unverified until its code is given; the snapshot follows', async () => {
    const { auth, sim } = await signedIn();
    const { codeDeliveries } = await updateUserAttributes(auth, { email: 'alice@new.example', name: 'Alice' });
    expect(codeDeliveries).toEqual([{ deliveryMedium: 'EMAIL', destination: 'a***@n***', attribute: 'email' }]);
    expect(auth.getSnapshot().user?.attributes.email).toBe('alice@new.example');
    expect(auth.getSnapshot().user?.attributes.name).toBe('Alice');
    expect(sim.user('alice')?.attributes.email_verified).toBe('false');
    await sendAttributeVerificationCode(auth, 'email');
    await verifyUserAttribute(auth, { attribute: 'email', code: sim.lastCode('alice')! });
    expect(sim.user('alice')?.attributes.email_verified).toBe('true');
    expect(await rejection(updateUserAttributes(auth, {}))).toMatchObject({ name: 'InvalidInput', field: 'attributes' });
  });

  it('enrols TOTP while signed in, and the next sign-in asks for it', async () => {
    const { auth, sim } = await signedIn();
    const setup = await startTotpSetup(auth, { issuer: 'Example' });
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Example:alice%40example\.com\?secret=/);
    await verifyTotpSetup(auth, { code: await totpCode(setup.secret, sim.now()), preferred: true });
    expect((await auth.getUser()).mfa).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' });
    await auth.signOut();
    expect((await auth.signIn({ username: 'alice', password: PASSWORD })).name).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('turns SMS MFA on and off with SetUserMFAPreference', async () => {
    const { auth } = await signedIn();
    await setMfaPreference(auth, { SMS_MFA: { enabled: true, preferred: true } });
    expect((await auth.getUser()).mfa.enabled).toEqual(['SMS_MFA']);
    await setMfaPreference(auth, { SMS_MFA: { enabled: false } });
    expect((await auth.getUser()).mfa.enabled).toEqual([]);
  });

  it('registers a passkey with the authenticator, lists it, signs in with it, and deletes it', async () => {
    const passkey = await createVirtualAuthenticator();
    const { auth } = await signedIn({ users: [alice], allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] });
    await registerPasskey(auth, { create: passkey.create });
    const listed = await listPasskeys(auth);
    expect(listed.map((p) => p.credentialId)).toEqual([passkey.credentialId]);
    // A date, though the transport reads the answer without the operation's schema (epoch seconds in the JSON).
    expect(listed[0]!.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(listed[0]!.createdAt!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await rejection(registerPasskey(auth, { create: passkey.create }))).toMatchObject({ name: 'WebAuthnCancelled' });
    await auth.signOut();
    const step = await auth.signIn({ username: 'alice', authFlow: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' });
    expect(step.name).toBe('WEB_AUTHN');
    expect((await auth.respondToChallenge({ name: 'WEB_AUTHN', credential: await passkey.get((step as SignInStepOf<'WEB_AUTHN'>).credentialRequestOptions) })).name).toBe('DONE');
    await deletePasskey(auth, passkey.credentialId);
    expect(await listPasskeys(auth)).toEqual([]);
  });

  it('deletes the account and ends the session here; the user is gone', async () => {
    const { auth, sim, operations } = await signedIn();
    await deleteUser(auth);
    expect(auth.getSnapshot().status).toBe('signedOut');
    expect(sim.user('alice')).toBeUndefined();
    expect(operations().at(-1)).toBe('DeleteUser');
  });

  it('asks for a signed-in user', async () => {
    const { auth } = createPool(server, { users: [alice] });
    expect(await rejection(changePassword(auth, { previousPassword: 'a', proposedPassword: 'b' }))).toMatchObject({ name: 'NotSignedIn' });
  });
});
