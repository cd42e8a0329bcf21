// @vitest-environment happy-dom
import type { QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { CognitoAuth } from '../../src/core/index.js';
import { SignIn, SmsMfaForm } from '../../src/index.js';
import { createVirtualAuthenticator, totpCode } from '../../src/testing/index.js';
import { CognitoAuthError } from '../../src/core/index.js';
import { http, HttpResponse } from 'msw';
import { COGNITO } from '../helpers/session';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const smsUser = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', phone_number: '+15555550100' }, mfa: { sms: true } };

async function noAxeViolations(container: HTMLElement) {
  const { violations } = await axe.run(container);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

function setUp(options: Parameters<typeof createPool>[1], props: Parameters<typeof SignIn>[0] = {}, config: Parameters<typeof createPool>[2] = {}) {
  const pool = createPool(server, options, config);
  const view = renderWithAuth(<SignIn signedIn={<p>Welcome</p>} {...props} />, pool.auth);
  return { ...pool, ...view, user: userEvent.setup() };
}

async function signInWithPassword(user: ReturnType<typeof userEvent.setup>, password = PASSWORD) {
  await user.type(screen.getByLabelText('Username'), 'alice');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('given a user with SMS MFA', () => {
  it('signs in with the keyboard alone: type, Enter, the code field takes the focus, type, Enter', async () => {
    const onSignedIn = vi.fn();
    const { user, sim, operations } = setUp({ users: [smsUser] }, { onSignedIn });
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
    await user.keyboard('alice');
    await user.tab();
    await user.keyboard(`${PASSWORD}{Enter}`);
    const code = await screen.findByLabelText('Code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.getByText('Enter the 6-digit code we sent to +*******0100.')).toBeTruthy();
    await user.keyboard(`${sim.lastCode('alice')}{Enter}`);
    expect(await screen.findByText('Welcome')).toBeTruthy();
    // onSignedIn runs in the effect after the signed-in commit.
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ username: 'alice' }));
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
  });

  it('checks the fields before sending anything, with specific messages and focus on the first invalid field', async () => {
    const { user, sim } = setUp({ users: [smsUser] });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your username.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    const username = screen.getByLabelText('Username');
    expect(document.activeElement).toBe(username);
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(username.getAttribute('aria-describedby')).toContain(screen.getByText('Enter your username.').id);
    expect(sim.requests).toEqual([]);

    await signInWithPassword(user);
    const code = await screen.findByLabelText('Code');
    await user.type(code, '12 34');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByText('The code is 6 digits.')).toBeTruthy();
    expect(sim.requests.map((r) => r.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('keeps the username and clears the password after a wrong password, and says what went wrong', async () => {
    const onError = vi.fn();
    const { user, container } = setUp({ users: [smsUser] }, { onError });
    await signInWithPassword(user, 'Wrong-passw0rd!');
    const alert = await screen.findByRole('alert', {}, {});
    await waitFor(() => expect(alert.textContent).toBe('Incorrect username or password.'));
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('alice');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toContain(alert.id);
    expect(container.querySelector('form')?.hasAttribute('data-invalid')).toBe(true);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'NotAuthorizedException' }));
  });

  it('clears a wrong code, keeps the step, and accepts the right one', async () => {
    const { user, sim } = setUp({ users: [smsUser] });
    await signInWithPassword(user);
    const code = await screen.findByLabelText('Code');
    const wrong = sim.lastCode('alice') === '111111' ? '222222' : '111111';
    await user.type(code, wrong);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That code is not right. Check it and try again.'));
    expect((screen.getByLabelText('Code') as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText('Code'), sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });

  it('returns to the first step with the username kept and says why when the session expired', async () => {
    const { user, sim } = setUp({ users: [smsUser] });
    await signInWithPassword(user);
    await screen.findByLabelText('Code');
    sim.advanceTime(4 * 60_000);
    await user.type(screen.getByLabelText('Code'), sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Signing in took too long, so it started over. Enter your password again.'));
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('alice');
  });

  it('cannot be submitted twice: the button is disabled while the request is in flight', async () => {
    const { user, sim, container } = setUp({ users: [smsUser] });
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    const form = container.querySelector('form')!;
    act(() => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await waitFor(() => expect(container.querySelector('form')?.getAttribute('data-pending')).toBe(''));
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByLabelText('Code');
    expect(sim.requests.filter((r) => r.operation === 'InitiateAuth')).toHaveLength(1);
  });

  it('lets the app replace the SMS form through render, with the form state as props', async () => {
    const { user, sim } = setUp(
      { users: [smsUser] },
      {
        render: {
          SMS_MFA: (form) => (
            <form {...form.formProps} aria-label="Custom code form">
              <p>Sent to {form.step?.codeDelivery.destination}</p>
              <input aria-label="My code" {...form.fields.code.inputProps} />
              <button disabled={form.pending}>Go</button>
            </form>
          ),
        },
      },
    );
    await signInWithPassword(user);
    await user.type(await screen.findByLabelText('My code'), sim.lastCode('alice')!);
    expect(screen.getByText('Sent to +*******0100')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });

  it('uses the messages it is given', async () => {
    const { user } = setUp({ users: [smsUser] }, { messages: { 'signIn.username': 'Email', 'signIn.submit': 'Log in', 'error.NotAuthorizedException': 'Nope.' } });
    await user.type(screen.getByLabelText('Email'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'Wrong-passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nope.'));
  });
});

describe('what the QueryClient keeps', () => {
  /** Every mutation's and query's state, serialised as a cache persister or a devtools export would. */
  const cached = (client: QueryClient) =>
    JSON.stringify([...client.getMutationCache().getAll().map((m) => m.state), ...client.getQueryCache().getAll().map((q) => q.state)]);

  it('holds no password and no code at any step: wrong password, wrong code, success, and after signing out', async () => {
    const { user, sim, queryClient, auth } = setUp({ users: [smsUser] });
    const wrongPassword = 'Wrong-passw0rd!';
    await signInWithPassword(user, wrongPassword);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Incorrect username or password.'));
    expect(cached(queryClient)).not.toContain(JSON.stringify(wrongPassword));
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByLabelText('Code');
    const code = sim.lastCode('alice')!;
    const wrongCode = code === '111111' ? '222222' : '111111';
    await user.type(screen.getByLabelText('Code'), wrongCode);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That code is not right. Check it and try again.'));
    await user.type(screen.getByLabelText('Code'), code);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(queryClient.getMutationCache().getAll().length).toBeGreaterThanOrEqual(4);
    for (const secret of [wrongPassword, PASSWORD, wrongCode, code]) expect(cached(queryClient)).not.toContain(JSON.stringify(secret));
    await act(() => auth.signOut());
    for (const secret of [wrongPassword, PASSWORD, wrongCode, code]) expect(cached(queryClient)).not.toContain(JSON.stringify(secret));
  });
});

describe('given a user with SMS and TOTP (SELECT_MFA_TYPE)', () => {
  it('offers the methods as radio buttons, asks for a choice, and continues with the chosen one', async () => {
    const { user, sim, container } = setUp({ users: [{ ...smsUser, mfa: { sms: true, totpSecret: TOTP } }] });
    await signInWithPassword(user);
    const group = await screen.findByRole('group', { name: 'How do you want to verify it is you?' });
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Choose one.')).toBeTruthy();
    await user.click(within(group).getByLabelText('A code from my authenticator app'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Enter your authenticator code')).toBeTruthy();
    await user.type(screen.getByLabelText('Code'), await totpCode(TOTP, sim.now()));
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

describe('given a user who must choose a new password', () => {
  it('asks for the required attributes with fitting inputs, checks that the passwords match, and sends them', async () => {
    const { user, sim, container } = setUp({
      users: [{ username: 'alice', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'alice@example.com' } }],
      requiredAttributes: ['email', 'phone_number', 'birthdate'],
      mfaConfiguration: 'OFF',
    });
    await signInWithPassword(user, 'Temp0rary!pass');
    const phone = await screen.findByLabelText('Phone number');
    await noAxeViolations(container);
    expect(phone.getAttribute('type')).toBe('tel');
    expect(screen.getByLabelText('Date of birth').getAttribute('type')).toBe('date');
    expect(screen.queryByLabelText('Email')).toBeNull();
    await user.type(phone, '+15555550123');
    await user.type(screen.getByLabelText('Date of birth'), '1990-01-31');
    await user.type(screen.getByLabelText('New password'), 'N3w-passw0rd!');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w-passw0rd?');
    expect(container.querySelector('[data-password-match]')?.textContent).toBe('The passwords do not match.');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Confirm new password'));
    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w-passw0rd!');
    expect(container.querySelector('[data-password-match]')?.textContent).toBe('The passwords match.');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(sim.user('alice')?.attributes).toMatchObject({ phone_number: '+15555550123', birthdate: '1990-01-31' });
  });

  it('keeps the attributes but clears the passwords when Cognito refuses the password', async () => {
    const { user } = setUp({
      users: [{ username: 'alice', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD' }],
      requiredAttributes: ['name'],
      mfaConfiguration: 'OFF',
    });
    await signInWithPassword(user, 'Temp0rary!pass');
    await user.type(await screen.findByLabelText('Name'), 'Alice');
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm new password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That password does not meet the requirements. Choose another.'));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Alice');
    expect((screen.getByLabelText('New password') as HTMLInputElement).value).toBe('');
  });
});

describe('a step this version does not know', () => {
  function futureChallenge() {
    // The service answers the password with a challenge name no version of this library knows.
    server.use(
      http.post(COGNITO, async ({ request }) => {
        const body = (await request.clone().json()) as { AuthFlow?: string };
        if (body.AuthFlow !== 'USER_PASSWORD_AUTH') return undefined;
        return HttpResponse.json({ ChallengeName: 'FUTURE_CHALLENGE', ChallengeParameters: { hint: 'x' }, Session: 's1' }, { headers: { 'content-type': 'application/x-amz-json-1.1' } });
      }),
    );
  }

  it('shows a fallback that can start again with the username kept', async () => {
    const { user, container } = setUp({ users: [smsUser] }, {}, { authFlow: 'USER_PASSWORD_AUTH' });
    futureChallenge();
    await signInWithPassword(user);
    expect(await screen.findByText('The step FUTURE_CHALLENGE needs a form this page does not have.')).toBeTruthy();
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(((await screen.findByLabelText('Username')) as HTMLInputElement).value).toBe('alice');
  });

  it('passes the raw step and the store to a renderer the app gives', async () => {
    const seen: { challengeName: string; auth: CognitoAuth }[] = [];
    const { user } = setUp(
      { users: [smsUser] },
      { render: { UNKNOWN_CHALLENGE: ({ step, auth }) => (seen.push({ challengeName: step.challengeName, auth }), <p>Custom {step.challengeName}</p>) } },
      { authFlow: 'USER_PASSWORD_AUTH' },
    );
    futureChallenge();
    await signInWithPassword(user);
    expect(await screen.findByText('Custom FUTURE_CHALLENGE')).toBeTruthy();
    expect(seen.at(-1)?.challengeName).toBe('FUTURE_CHALLENGE');
  });
});

describe('given a pool that requires MFA and a user without it (MFA_SETUP)', () => {
  it('enrols an authenticator app: QR code made here, the key in groups with a copy button, then the first code', async () => {
    const { user, sim, container, operations } = setUp({ users: [{ ...smsUser, mfa: {} }], mfaConfiguration: 'ON' });
    await signInWithPassword(user);
    const qr = await screen.findByRole('img', { name: 'QR code to add this account to your authenticator app' });
    expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(100);
    const secret = sim.totpSecret('alice')!;
    expect(container.querySelector('[data-secret]')?.textContent).toBe(secret.match(/.{1,4}/g)!.join(' '));
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    // user-event stands in for the clipboard, as a browser would.
    expect(await navigator.clipboard.readText()).toBe(secret);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
    await noAxeViolations(container);
    await user.type(screen.getByLabelText('Code'), await totpCode(secret, sim.now()));
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(operations().filter((o) => o === 'AssociateSoftwareToken')).toHaveLength(1);
    expect(sim.user('alice')?.mfa.totp).toBe(true);
  });

  it('offers the choice when email can be set up too, and continues to the emailed code', async () => {
    const { user, sim } = setUp({ users: [{ username: 'alice', password: PASSWORD }], mfaConfiguration: 'ON', mfaSetupMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
    await signInWithPassword(user);
    await screen.findByRole('group', { name: 'How do you want to receive your codes?' });
    await user.click(screen.getByLabelText('Email'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const email = await screen.findByLabelText('Email address');
    expect(email.getAttribute('type')).toBe('email');
    await user.type(email, 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(screen.getByText('Enter a valid email address.')).toBeTruthy();
    await user.clear(email);
    await user.type(email, 'alice@example.com');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    await user.type(await screen.findByLabelText('Code'), sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

describe('given choice-based sign-in (USER_AUTH)', () => {
  it('asks for the username only, then offers the first factors and answers the password choice in the same request', async () => {
    const { user, operations } = setUp({ users: [{ username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' } }] }, { authFlow: 'USER_AUTH' });
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('group', { name: 'How do you want to sign in?' });
    await user.click(screen.getByLabelText('With my password'));
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
  });

  it('signs in with a passkey, and shows a refused prompt as a message that can be retried', async () => {
    const authenticator = await createVirtualAuthenticator({ rpId: 'localhost' });
    let refuse = true;
    const webAuthn: typeof authenticator.get = async (options) => {
      if (refuse) throw new CognitoAuthError('WebAuthnCancelled', 'cancelled');
      return authenticator.get(options);
    };
    const { user } = setUp(
      { users: [{ username: 'dave', password: PASSWORD, passkeys: [{ credentialId: authenticator.credentialId, publicKeyJwk: authenticator.publicKeyJwk }] }] },
      { authFlow: 'USER_AUTH' },
      { webAuthn },
    );
    await user.type(screen.getByLabelText('Username'), 'dave');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByLabelText('With a passkey'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Use passkey' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The passkey request was cancelled. Try again, or choose another way to sign in.'));
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Use passkey' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

describe('accessibility', () => {
  it('the sign-in and code forms have no axe violations, idle and with errors', async () => {
    const { user, container } = setUp({ users: [smsUser] });
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await noAxeViolations(container);
    await signInWithPassword(user);
    await screen.findByLabelText('Code');
    await noAxeViolations(container);
    await user.type(screen.getByLabelText('Code'), '1');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await noAxeViolations(container);
  });

  it('each code input asks for digits and one-time-code autofill; passwords use current-password', async () => {
    const { user } = setUp({ users: [smsUser] });
    expect(screen.getByLabelText('Username').getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('current-password');
    await signInWithPassword(user);
    const code = await screen.findByLabelText('Code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
  });
});

describe('a form used on its own', () => {
  it('SmsMfaForm works outside <SignIn> for the current step', async () => {
    const pool = createPool(server, { users: [smsUser] });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    renderWithAuth(<SmsMfaForm />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(pool.auth.getSnapshot().status).toBe('signedIn'));
  });
});
