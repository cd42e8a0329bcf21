// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isCognitoAuthError } from '../../src/core/index.js';
import { Authentication, SelectChallengeForm, SignIn } from '../../src/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const server = mswServerPerFile();
// SELECT_CHALLENGE may remember the last first factor on this device: each test starts on a fresh one.
beforeEach(() => localStorage.clear());
const NEW_PASSWORD = 'N3w!Passw0rd';

/** The AuthParameters of each InitiateAuth the pool received. */
function initiateAuthParameters(sim: ReturnType<typeof createPool>['sim']) {
  return sim.requests.filter((r) => r.operation === 'InitiateAuth').map((r) => (r.input as { AuthParameters: Record<string, string> }).AuthParameters);
}

describe('<Authentication>: straight to the form that resolves a refused sign-in', () => {
  it('sends a user who never confirmed the account to the confirmation with a new code, then signs them in without retyping', async () => {
    const una = { username: 'una', password: PASSWORD, status: 'UNCONFIRMED' as const, attributes: { email: 'una@example.com' } };
    const pool = createPool(server, { users: [una] });
    const { queryClient } = renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'una');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // Where the code went, and the resend held: a code was just sent.
    expect(await screen.findByText('Enter the 6-digit code we sent to u***@e***.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Confirm your account' })).toBeTruthy();
    expect((screen.getByRole('button', { name: /Send a new code in \d+ s/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(pool.operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'ResendConfirmationCode']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Code')));
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('una')!);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(pool.auth.getSnapshot().user?.username).toBe('una');
    expect(pool.operations().slice(3)).toEqual(['ConfirmSignUp', 'InitiateAuth', 'RespondToAuthChallenge']);
    // The password typed went to Cognito only: nothing of it stays in the query or mutation caches.
    const cached = JSON.stringify([queryClient.getMutationCache().getAll().map((m) => m.state), queryClient.getQueryCache().getAll().map((q) => q.state)]);
    expect(cached).not.toContain(PASSWORD);
  });

  it('going back to sign-in keeps the username and clears the password; a new attempt goes to the confirmation again', async () => {
    const una = { username: 'una', password: PASSWORD, status: 'UNCONFIRMED' as const, attributes: { email: 'una@example.com' } };
    const pool = createPool(server, { users: [una] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'una');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Enter the 6-digit code we sent to u***@e***.');
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('una');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Enter the 6-digit code we sent to u***@e***.');
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('una')!);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });

  it('opens the confirmation anyway when the new code cannot be sent, ready to send one', async () => {
    const una = { username: 'una', password: PASSWORD, status: 'UNCONFIRMED' as const, attributes: { email: 'una@example.com' } };
    const pool = createPool(server, { users: [una], codeSendLimit: 0 });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'una');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter the 6-digit code we sent when you signed up, or send a new one.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Send a new code' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('sends a user whose password must be reset to the reset code step with a new code and the username, then back to sign-in', async () => {
    const rita = { username: 'rita', password: PASSWORD, status: 'RESET_REQUIRED' as const, attributes: { email: 'rita@example.com', email_verified: 'true' } };
    const pool = createPool(server, { users: [rita] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'rita');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // The alert of the refused sign-in says the same words: wait for the reset's own step.
    expect(await screen.findByText('Enter the 6-digit code we sent to r***@e***, and your new password.')).toBeTruthy();
    expect(screen.getByText('You need to reset your password before you can sign in.').getAttribute('role')).toBe('status');
    expect(screen.queryAllByRole('alert').map((a) => a.textContent).join('')).toBe('');
    expect(pool.operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'ForgotPassword']);
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('rita')!);
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('Confirm new password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Your password is changed. Sign in with your new password.')).toBeTruthy();
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('rita');
    await user.type(screen.getByLabelText('Password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

describe('an app client that does not allow USER_AUTH', () => {
  it('says the app is not set up for this way of signing in, and tells the developer what to add', async () => {
    const onError = vi.fn();
    const pool = createPool(server, {
      users: [{ username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' } }],
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    renderWithAuth(<SignIn authFlow="USER_AUTH" onError={onError} signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe("This app is not set up for this way of signing in. Contact the app's support."));
    const error = onError.mock.calls[0]?.[0];
    expect(isCognitoAuthError(error, 'AuthFlowNotEnabled')).toBe(true);
    expect(error.message).toContain('ALLOW_USER_AUTH');
    expect(error.message).toContain('USER_AUTH flow not enabled for this client');
    expect(isCognitoAuthError(error.cause, 'InvalidParameterException')).toBe(true);
    // The flows the client allows still work.
    await expect(pool.auth.signIn({ username: 'alice', password: PASSWORD, authFlow: 'USER_SRP_AUTH' })).resolves.toEqual({ name: 'DONE' });
  });

  it('a refusal of USER_PASSWORD_AUTH names ALLOW_USER_PASSWORD_AUTH', async () => {
    const pool = createPool(server, { users: [{ username: 'alice', password: PASSWORD }], explicitAuthFlows: ['ALLOW_USER_AUTH'] });
    const error = await pool.auth.signIn({ username: 'alice', password: PASSWORD, authFlow: 'USER_PASSWORD_AUTH' }).catch((e: unknown) => e);
    expect(isCognitoAuthError(error, 'AuthFlowNotEnabled')).toBe(true);
    expect((error as Error).message).toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(pool.auth.getSnapshot()).toMatchObject({ status: 'signedOut', username: 'alice' });
  });
});

describe('preferredChallenge (USER_AUTH)', () => {
  const erin = { username: 'erin', password: PASSWORD, attributes: { email: 'erin@example.com', email_verified: 'true' } };

  it('asks Cognito for the preferred factor and skips the choice', async () => {
    const pool = createPool(server, { users: [erin] });
    renderWithAuth(<SignIn authFlow="USER_AUTH" preferredChallenge="EMAIL_OTP" signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'erin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Code'), pool.sim.lastCode('erin')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(initiateAuthParameters(pool.sim)[0]).toMatchObject({ USERNAME: 'erin', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
  });

  it('asks for the password on the first form when the password is preferred, and signs in with one request', async () => {
    const pool = createPool(server, { users: [erin] });
    renderWithAuth(<SignIn authFlow="USER_AUTH" preferredChallenge="PASSWORD" signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'erin');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(pool.operations()).toEqual(['InitiateAuth']);
  });

  it('falls back to the choice when the factor is not available to the user', async () => {
    const pool = createPool(server, { users: [erin] });
    renderWithAuth(<SignIn authFlow="USER_AUTH" preferredChallenge="SMS_OTP" signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'erin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('group', { name: 'How do you want to sign in?' });
    expect(initiateAuthParameters(pool.sim)[0]).toMatchObject({ PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(screen.queryByLabelText('With a code by text message')).toBeNull();
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    await user.click(screen.getByLabelText('With a code by email'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Code'), pool.sim.lastCode('erin')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });

  it('SelectChallengeForm starts on the preferred choice when offered', async () => {
    const pool = createPool(server, { users: [erin] });
    await pool.auth.signIn({ username: 'erin', authFlow: 'USER_AUTH' });
    renderWithAuth(<SelectChallengeForm preferredChallenge="PASSWORD_SRP" />, pool.auth);
    expect((screen.getByLabelText('With my password') as HTMLInputElement).checked).toBe(true);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(pool.auth.getSnapshot().status).toBe('signedIn'));
  });
});

describe('the first factor this device used last (SELECT_CHALLENGE)', () => {
  const erin = { username: 'erin', password: PASSWORD, attributes: { email: 'erin@example.com', email_verified: 'true' } };

  async function signInByEmail(pool: ReturnType<typeof createPool>, user: ReturnType<typeof userEvent.setup>) {
    await user.type(screen.getByLabelText('Username'), 'erin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByLabelText('With a code by email'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Code'), pool.sim.lastCode('erin')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByText('Welcome');
  }

  it('starts on the way this device signed in last time, keeping only the factor name', async () => {
    const pool = createPool(server, { users: [erin] });
    renderWithAuth(<SignIn authFlow="USER_AUTH" rememberFirstFactor signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await signInByEmail(pool, user);
    expect(Object.entries(localStorage)).toEqual([['cognito-react.firstFactor.testclient123', 'EMAIL_OTP']]);
    await pool.auth.signOut();
    await user.type(await screen.findByLabelText('Username'), 'erin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(((await screen.findByLabelText('With a code by email')) as HTMLInputElement).checked).toBe(true);
  });

  it('neither reads nor writes it unless asked (rememberChoice)', async () => {
    const pool = createPool(server, { users: [erin] });
    await pool.auth.signIn({ username: 'erin', authFlow: 'USER_AUTH' });
    localStorage.setItem('cognito-react.firstFactor.testclient123', 'EMAIL_OTP');
    renderWithAuth(<SelectChallengeForm />, pool.auth);
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('With my password'));
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(pool.auth.getSnapshot().status).toBe('signedIn'));
    expect(localStorage.getItem('cognito-react.firstFactor.testclient123')).toBe('EMAIL_OTP');
  });
});

describe('preferredMfa', () => {
  it('pre-selects the preferred method in SELECT_MFA_TYPE, and the user can still change it', async () => {
    const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const pool = createPool(server, {
      users: [{ username: 'alice', password: PASSWORD, attributes: { phone_number: '+15555550100', email: 'alice@example.com' }, mfa: { sms: true, totpSecret: TOTP } }],
    });
    renderWithAuth(<SignIn preferredMfa="SOFTWARE_TOKEN_MFA" signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('group', { name: 'How do you want to verify it is you?' });
    expect((screen.getByLabelText('A code from my authenticator app') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('A code by text message') as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByLabelText('A code by text message'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Enter the 6-digit code we sent to +*******0100.')).toBeTruthy();
  });

  it('pre-selects the preferred method where MFA_SETUP offers a choice', async () => {
    const pool = createPool(server, {
      users: [{ username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } }],
      mfaConfiguration: 'ON',
      mfaSetupMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    });
    renderWithAuth(<SignIn preferredMfa="EMAIL_OTP" signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = await screen.findByLabelText('Email');
    expect((email as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('An authenticator app') as HTMLInputElement).checked).toBe(false);
  });
});
