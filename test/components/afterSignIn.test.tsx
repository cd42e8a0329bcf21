// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addPasskeyStep, Authentication, rememberDeviceStep, SignIn, verifyContactStep, type AfterSignInStep } from '../../src/index.js';
import { createVirtualAuthenticator, type UserPoolSimulatorConfig } from '../../src/testing/index.js';
import type { CognitoAuthConfig } from '../../src/core/types';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const server = mswServerPerFile();

async function noAxeViolations(container: HTMLElement) {
  const { violations } = await axe.run(container);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

type User = NonNullable<UserPoolSimulatorConfig['users']>[number];

function setUp(users: User[], afterSignIn: AfterSignInStep[] | undefined, sim: Partial<UserPoolSimulatorConfig> = {}, config: Partial<CognitoAuthConfig> = {}) {
  const pool = createPool(server, { users, ...sim }, { autoRefresh: false, ...config });
  const onSignedIn = vi.fn();
  const view = renderWithAuth(
    <Authentication {...(afterSignIn ? { afterSignIn } : {})} onSignedIn={onSignedIn} signedIn={<p>Welcome</p>} />,
    pool.auth,
  );
  return { ...pool, ...view, onSignedIn, user: userEvent.setup() };
}

async function signIn(user: ReturnType<typeof userEvent.setup>, username: string) {
  await user.type(await screen.findByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('afterSignIn: verifyContact', () => {
  const both = { username: 'vera', password: PASSWORD, attributes: { email: 'vera@example.com', phone_number: '+15555550123', email_verified: 'false' } };

  it('offers both unverified contacts, verifies the chosen one with its code, then shows signedIn and calls onSignedIn', async () => {
    const { user, sim, container, onSignedIn, operations } = setUp([both], [verifyContactStep()]);
    await signIn(user, 'vera');
    const heading = await screen.findByRole('heading', { name: 'Verify your contact information' });
    expect(screen.queryByText('Welcome')).toBeNull();
    expect(onSignedIn).not.toHaveBeenCalled();
    const group = screen.getByRole('group', { name: 'Where should we send the code?' });
    expect(within(group).getByLabelText(/Email/)).toHaveProperty('checked', true);
    expect(document.activeElement).toBe(within(group).getByLabelText(/Email/));
    expect(heading).toBeTruthy();
    await noAxeViolations(container);
    await user.click(within(group).getByLabelText(/Phone number/));
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    const code = await screen.findByLabelText('Code');
    expect(operations()).toContain('GetUserAttributeVerificationCode');
    expect(sim.requests.find((r) => r.operation === 'GetUserAttributeVerificationCode')?.input).toMatchObject({ AttributeName: 'phone_number' });
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
    expect(screen.queryByText('Welcome')).toBeNull();
    await user.clear(screen.getByLabelText('Code'));
    await user.type(screen.getByLabelText('Code'), sim.lastCode('vera')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(sim.user('vera')?.attributes.phone_number_verified).toBe('true');
    expect(sim.user('vera')?.attributes.email_verified).not.toBe('true');
    // onSignedIn runs in the effect after the signed-in commit.
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
  });

  it('says where the one code goes, and Skip goes on to signedIn without sending any', async () => {
    const { user, operations, onSignedIn } = setUp([{ username: 'sam', password: PASSWORD, attributes: { email: 'sam@example.com' } }], [verifyContactStep({ attributes: ['email'] })]);
    await signIn(user, 'sam');
    expect(await screen.findByText('We will send a code to sam@example.com.')).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(operations()).not.toContain('GetUserAttributeVerificationCode');
    // onSignedIn runs in the effect after the signed-in commit.
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
  });

  it('asks nothing of a user whose contacts are verified, nor of an app that did not turn it on', async () => {
    const verified = { username: 'val', password: PASSWORD, attributes: { email: 'val@example.com', email_verified: 'true' } };
    const on = setUp([verified], [verifyContactStep()]);
    await signIn(on.user, 'val');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(on.operations()).toContain('GetUser');
    on.unmount();
    const off = setUp([{ ...verified, attributes: { email: 'val@example.com' } }], undefined);
    await signIn(off.user, 'val');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(off.operations()).not.toContain('GetUser');
    expect(off.onSignedIn).toHaveBeenCalledTimes(1);
  });
});

describe('afterSignIn: rememberDevice', () => {
  const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true', phone_number: '+15555550100' }, mfa: { sms: true } };
  const devices = { deviceTracking: true, deviceRemembering: 'userOptIn' as const };

  async function signInWithSms(user: ReturnType<typeof userEvent.setup>, sim: ReturnType<typeof createPool>['sim']) {
    await signIn(user, 'alice');
    await user.type(await screen.findByLabelText('Code'), sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
  }

  it('asks after an MFA sign-in on a new device; yes remembers it, and the next sign-in skips MFA', async () => {
    const { user, sim, auth, container, onSignedIn } = setUp([alice], [rememberDeviceStep()], devices, { deviceTracking: 'userOptIn' });
    await signInWithSms(user, sim);
    expect(await screen.findByRole('heading', { name: 'Remember this device?' })).toBeTruthy();
    expect(sim.user('alice')?.devices).toHaveLength(1);
    expect(sim.user('alice')?.devices[0]?.remembered).toBe(false);
    expect(onSignedIn).not.toHaveBeenCalled();
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Remember this device' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(sim.user('alice')?.devices[0]?.remembered).toBe(true);
    expect(auth.getSnapshot().device?.remembered).toBe(true);
    // onSignedIn runs in the effect after the signed-in commit.
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    await act(() => auth.signOut());
    await signIn(user, 'alice');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(screen.queryByLabelText('Code')).toBeNull();
  });

  it('no marks the device not remembered: the next sign-in asks for MFA again and does not ask again', async () => {
    const { user, sim, auth, operations } = setUp([alice], [rememberDeviceStep()], devices, { deviceTracking: 'userOptIn' });
    await signInWithSms(user, sim);
    await user.click(await screen.findByRole('button', { name: 'Do not remember' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    const update = sim.requests.find((r) => r.operation === 'UpdateDeviceStatus');
    expect(update?.input).toMatchObject({ DeviceRememberedStatus: 'not_remembered' });
    expect(sim.user('alice')?.devices[0]?.remembered).toBe(false);
    await act(() => auth.signOut());
    await signInWithSms(user, sim);
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(operations().filter((o) => o === 'UpdateDeviceStatus')).toHaveLength(1);
  });

  it('goes on without asking when ConfirmDevice fails (the sign-in stands)', async () => {
    const { user, sim, onSignedIn } = setUp([alice], [rememberDeviceStep()], devices, { deviceTracking: 'userOptIn' });
    server.use(
      http.post(/cognito-idp/, ({ request }) =>
        request.headers.get('x-amz-target')?.endsWith('.ConfirmDevice')
          ? HttpResponse.json({ __type: 'InternalErrorException', message: 'down' }, { status: 500, headers: { 'x-amzn-errortype': 'InternalErrorException:' } })
          : undefined,
      ),
    );
    await signInWithSms(user, sim);
    // Well before the 10 s fallback: the failure event ends the wait.
    expect(await screen.findByText('Welcome', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Remember this device?' })).toBeNull();
    // onSignedIn runs in the effect after the signed-in commit.
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
  });

  it('does not ask when the device is remembered at once (deviceTracking always), nor without MFA', async () => {
    const always = setUp([alice], [rememberDeviceStep()], devices, { deviceTracking: 'always' });
    await signInWithSms(always.user, always.sim);
    expect(await screen.findByText('Welcome')).toBeTruthy();
    // Remembered by the store itself, after the sign-in (the question was never asked).
    await waitFor(() => expect(always.sim.user('alice')?.devices[0]?.remembered).toBe(true));
    expect(screen.queryByRole('heading', { name: 'Remember this device?' })).toBeNull();
    always.unmount();
    const noMfa = setUp([{ ...alice, mfa: {} }], [rememberDeviceStep()], devices, { deviceTracking: 'userOptIn' });
    await signIn(noMfa.user, 'alice');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    await waitFor(() => expect(noMfa.auth.getSnapshot().device?.remembered).toBe(false));
    expect(noMfa.operations()).not.toContain('UpdateDeviceStatus');
  });
});

describe('afterSignIn: addPasskey', () => {
  const pia = { username: 'pia', password: PASSWORD, attributes: { email: 'pia@example.com', email_verified: 'true' } };
  const withWebAuthn = () => Object.defineProperty(window, 'PublicKeyCredential', { value: class PublicKeyCredential {}, configurable: true });
  afterEach(() => {
    delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
    window.localStorage.clear();
  });

  it('offers a passkey to a user without one and registers it with the browser', async () => {
    withWebAuthn();
    const authenticator = await createVirtualAuthenticator();
    const { user, sim, container, onSignedIn } = setUp([pia], [addPasskeyStep()], {}, { webAuthnCreate: authenticator.create });
    await signIn(user, 'pia');
    expect(await screen.findByRole('heading', { name: 'Sign in faster with a passkey' })).toBeTruthy();
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Add a passkey' }));
    expect(await screen.findByText('Your passkey is added.')).toBeTruthy();
    expect(sim.user('pia')?.passkeyCount).toBe(1);
    expect(onSignedIn).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    // onSignedIn runs in the effect after the signed-in commit.
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
  });

  it('"Not now" snoozes the offer for this user for the given days, in localStorage', async () => {
    withWebAuthn();
    const { user, sim, auth, operations } = setUp([pia], [addPasskeyStep({ snoozeDays: 7 })]);
    await signIn(user, 'pia');
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    const sub = auth.getSnapshot().user!.sub;
    const until = Number(window.localStorage.getItem(`cognito-react.${auth.config.clientId}.${sub}.passkeyOfferSnoozedUntil`));
    // Seven days from the click (the simulator's clock runs on meanwhile).
    expect(until - sim.now()).toBeGreaterThan(7 * 24 * 60 * 60 * 1000 - 60_000);
    expect(until - sim.now()).toBeLessThanOrEqual(7 * 24 * 60 * 60 * 1000);
    await act(() => auth.signOut());
    const listed = operations().filter((o) => o === 'ListWebAuthnCredentials').length;
    await signIn(user, 'pia');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(operations().filter((o) => o === 'ListWebAuthnCredentials')).toHaveLength(listed);
    await act(() => auth.signOut());
    sim.advanceTime(7 * 24 * 60 * 60 * 1000 + 1000);
    await signIn(user, 'pia');
    expect(await screen.findByRole('heading', { name: 'Sign in faster with a passkey' })).toBeTruthy();
  });

  it('is not offered where the browser has no WebAuthn, nor to a user who has a passkey', async () => {
    const none = setUp([pia], [addPasskeyStep()]);
    await signIn(none.user, 'pia');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(none.operations()).not.toContain('ListWebAuthnCredentials');
    none.unmount();
    withWebAuthn();
    const authenticator = await createVirtualAuthenticator();
    const has = setUp([{ ...pia, passkeys: [{ credentialId: authenticator.credentialId, publicKeyJwk: authenticator.publicKeyJwk }] }], [addPasskeyStep()]);
    await signIn(has.user, 'pia');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(has.operations()).toContain('ListWebAuthnCredentials');
  });
});

describe('afterSignIn: several steps', () => {
  it('runs them in order in one card, and a restored session skips them all', async () => {
    Object.defineProperty(window, 'PublicKeyCredential', { value: class PublicKeyCredential {}, configurable: true });
    try {
      const { user, onSignedIn } = setUp([{ username: 'ola', password: PASSWORD, attributes: { email: 'ola@example.com' } }], [verifyContactStep(), addPasskeyStep()]);
      await signIn(user, 'ola');
      await user.click(await screen.findByRole('button', { name: 'Skip' }));
      await user.click(await screen.findByRole('button', { name: 'Not now' }));
      expect(await screen.findByText('Welcome')).toBeTruthy();
      expect(onSignedIn).toHaveBeenCalledTimes(1);
    } finally {
      delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
      window.localStorage.clear();
    }
  });

  it("takes the app's own steps, in the order given", async () => {
    const terms: AfterSignInStep = { name: 'TERMS', render: ({ next }) => <button type="button" onClick={next}>Accept the terms</button> };
    const { user, onSignedIn } = setUp([{ username: 'ola', password: PASSWORD, attributes: { email: 'ola@example.com' } }], [terms, verifyContactStep()]);
    await signIn(user, 'ola');
    await user.click(await screen.findByRole('button', { name: 'Accept the terms' }));
    expect(await screen.findByRole('heading', { name: 'Verify your contact information' })).toBeTruthy();
    expect(onSignedIn).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    // onSignedIn runs in the effect after the signed-in commit.
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
  });

  it('shows signedIn at once for a session that was already there', async () => {
    const pool = createPool(server, { users: [{ username: 'ola', password: PASSWORD, attributes: { email: 'ola@example.com' } }] }, { autoRefresh: false });
    await pool.auth.signIn({ username: 'ola', password: PASSWORD });
    renderWithAuth(<SignIn afterSignIn={[verifyContactStep()]} signedIn={<p>Welcome</p>} />, pool.auth);
    expect(screen.getByText('Welcome')).toBeTruthy();
    expect(pool.operations()).not.toContain('GetUser');
  });
});
