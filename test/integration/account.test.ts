/**
 * Sign-up, password reset and account settings against the real local emulator (cognito-local) over HTTP:
 * what it supports of issue 7 (SignUp, ConfirmSignUp, ForgotPassword, ConfirmForgotPassword,
 * ChangePassword, UpdateUserAttributes, SetUserMFAPreference, TOTP enrolment with an access token).
 */
import { describe, expect, inject, it } from 'vitest';
import {
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  deleteUser,
  sendAttributeVerificationCode,
  forgotPassword,
  setMfaPreference,
  signInAfterSignUp,
  signUp,
  startTotpSetup,
  updateUserAttributes,
  verifyTotpSetup,
  verifyUserAttribute,
} from '../../src/core/index.js';
import { totpCode } from '../../src/testing/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';
import { localStore } from './localStore';

const endpoint = inject('localPoolEndpoint');
const store = () =>
  localStore(endpoint);
const PASSWORD = 'Passw0rd!long';
let serial = 0;
/** A user of this run only, so that the seeded ones stay as the other tests expect them. */
async function newUser() {
  const username = `acct${Date.now().toString(36)}${serial++}`;
  const auth = store();
  const result = await signUp(auth, { username, password: PASSWORD, attributes: { email: `${username}@example.com` } });
  return { auth, username, result };
}

describe('account operations against the local emulator', () => {
  it('signs up, confirms with the fixed code, and signs in straight after (with the password, as it has no USER_AUTH)', async () => {
    const { auth, username, result } = await newUser();
    expect(result.userConfirmed).toBe(false);
    expect(result.userSub).toBeTruthy();
    await expect(store().signIn({ username, password: PASSWORD })).rejects.toMatchObject({ name: 'UserNotConfirmedException' });
    const wrong = await confirmSignUp(auth, { username, code: '000000' }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ name: 'CodeMismatchException' });
    const { session } = await confirmSignUp(auth, { username, code: LOCAL_POOL.code });
    const step = await signInAfterSignUp(auth, { username, ...(session ? { session } : {}), password: PASSWORD });
    expect(step).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot().user?.username).toBe(username);
  });

  it('refuses a taken username', async () => {
    await expect(signUp(store(), { username: 'pat', password: PASSWORD, attributes: { email: 'x@example.com' } })).rejects.toMatchObject({ name: 'UsernameExistsException' });
  });

  it('resets a forgotten password with the code; the new one signs in', async () => {
    const auth = store();
    await forgotPassword(auth, { username: 'fay' });
    await confirmForgotPassword(auth, { username: 'fay', code: LOCAL_POOL.code, newPassword: 'Fresh!Passw0rd' });
    await expect(auth.signIn({ username: 'fay', password: 'Fresh!Passw0rd' })).resolves.toEqual({ name: 'DONE' });
  });

  it('changes the password of a signed-in user', async () => {
    const { auth, username } = await newUser();
    await confirmSignUp(auth, { username, code: LOCAL_POOL.code });
    await auth.signIn({ username, password: PASSWORD });
    await changePassword(auth, { previousPassword: PASSWORD, proposedPassword: 'Changed!Passw0rd' });
    await auth.signOut();
    await expect(store().signIn({ username, password: 'Changed!Passw0rd' })).resolves.toEqual({ name: 'DONE' });
  });

  it('updates attributes (GetUser shows them; the emulator\'s ID token carries only sub, email and custom ones)', async () => {
    const { auth, username } = await newUser();
    await confirmSignUp(auth, { username, code: LOCAL_POOL.code });
    await auth.signIn({ username, password: PASSWORD });
    await updateUserAttributes(auth, { name: 'Ada Lovelace' });
    expect((await auth.getUser()).attributes.name).toBe('Ada Lovelace');
  });

  it('enrols TOTP with the access token, turns it on as preferred, and the next sign-in asks for it', async () => {
    const { auth, username } = await newUser();
    await confirmSignUp(auth, { username, code: LOCAL_POOL.code });
    await auth.signIn({ username, password: PASSWORD });
    const setup = await startTotpSetup(auth);
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    await verifyTotpSetup(auth, { code: await totpCode(setup.secret, Date.now()), preferred: true });
    expect((await auth.getUser()).mfa.enabled).toContain('SOFTWARE_TOKEN_MFA');
    await auth.signOut();
    const next = store();
    expect((await next.signIn({ username, password: PASSWORD })).name).toBe('SOFTWARE_TOKEN_MFA');
    await expect(next.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(setup.secret, Date.now()) })).resolves.toEqual({ name: 'DONE' });
    await setMfaPreference(next, { SOFTWARE_TOKEN_MFA: { enabled: false } });
    expect((await next.getUser()).mfa.enabled).not.toContain('SOFTWARE_TOKEN_MFA');
  });

  it('verifies a changed email with the fixed code', async () => {
    const { auth, username } = await newUser();
    await confirmSignUp(auth, { username, code: LOCAL_POOL.code });
    await auth.signIn({ username, password: PASSWORD });
    const { codeDeliveries } = await updateUserAttributes(auth, { email: `${username}@new.example` });
    expect(codeDeliveries).toEqual([expect.objectContaining({ deliveryMedium: 'EMAIL', attribute: 'email' })]);
    await expect(verifyUserAttribute(auth, { attribute: 'email', code: '000000' })).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await verifyUserAttribute(auth, { attribute: 'email', code: LOCAL_POOL.code });
    expect((await auth.getUser()).attributes).toMatchObject({ email: `${username}@new.example`, email_verified: 'true' });
    // The refreshed ID token carries the new email: the signed-in user in the store follows.
    expect(auth.getSnapshot().user?.attributes.email).toBe(`${username}@new.example`);
  });

  it('sends a new verification code on request, and deletes the account, which then cannot sign in', async () => {
    const { auth, username } = await newUser();
    await confirmSignUp(auth, { username, code: LOCAL_POOL.code });
    await auth.signIn({ username, password: PASSWORD });
    // The emulator answers without CodeDeliveryDetails (Cognito says where the code went): nothing breaks.
    const { codeDelivery } = await sendAttributeVerificationCode(auth, 'email');
    expect(codeDelivery).toBeUndefined();
    await verifyUserAttribute(auth, { attribute: 'email', code: LOCAL_POOL.code });
    expect((await auth.getUser()).attributes.email_verified).toBe('true');
    await deleteUser(auth);
    expect(auth.getSnapshot().status).toBe('signedOut');
    await expect(store().signIn({ username, password: PASSWORD })).rejects.toMatchObject({ name: expect.stringMatching(/NotAuthorizedException|UserNotFoundException/) });
  });
});
