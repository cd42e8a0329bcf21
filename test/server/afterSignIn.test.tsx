// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { rememberDeviceStep, serverTransport, SignIn, verifyContactStep, type AfterSignInStep } from '../../src/index.js';
import { totpCode } from '../../src/testing/index.js';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';
import { createServerPool } from './support';

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const tia = { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com', email_verified: 'true' }, mfa: { totpSecret: TOTP } };
const DEVICE = '__Host-cognito-session-device';

function setUp(pool: ReturnType<typeof createServerPool>, afterSignIn: AfterSignInStep[]) {
  const auth = serverTransport('/api/auth', { fetch: pool.browserFetch });
  const onSignedIn = vi.fn();
  renderWithAuth(<SignIn afterSignIn={afterSignIn} onSignedIn={onSignedIn} signedIn={<p>Welcome</p>} />, auth);
  return { auth, onSignedIn, user: userEvent.setup() };
}

async function signIn(user: ReturnType<typeof userEvent.setup>, username: string) {
  const field = await screen.findByLabelText('Username');
  // After a sign-out the form offers the last username again.
  await user.clear(field);
  await user.type(field, username);
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

async function signInWithTotp(user: ReturnType<typeof userEvent.setup>, pool: ReturnType<typeof createServerPool>) {
  await signIn(user, 'tia');
  const code = await screen.findByLabelText('Code');
  pool.sim.advanceTime(31_000);
  await user.type(code, await totpCode(TOTP, pool.sim.now()));
  await user.click(screen.getByRole('button', { name: 'Verify' }));
}

describe('afterSignIn in server mode', () => {
  it('asks "Remember this device?" after an MFA sign-in that confirmed a new device; yes remembers it through /remember-device', async () => {
    const pool = createServerPool(server, { users: [tia], deviceTracking: true, deviceRemembering: 'userOptIn' }, { deviceTracking: 'userOptIn', deviceName: 'Server test' });
    const { user, auth, onSignedIn } = setUp(pool, [rememberDeviceStep()]);
    await signInWithTotp(user, pool);
    expect(await screen.findByRole('heading', { name: 'Remember this device?' })).toBeTruthy();
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(pool.sim.user('tia')?.devices[0]?.remembered).toBe(false);
    const sealed = pool.jar.get(DEVICE);
    expect(sealed).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remember this device' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(pool.sim.user('tia')?.devices[0]?.remembered).toBe(true);
    expect(auth.getSnapshot().device).toEqual({ deviceKey: pool.sim.user('tia')!.devices[0]!.deviceKey, remembered: true });
    // The cookie now says remembered: the next sign-in in this browser answers DEVICE_SRP_AUTH, not MFA.
    expect(pool.jar.get(DEVICE)).not.toBe(sealed);
    await act(() => auth.signOut());
    await signIn(user, 'tia');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(screen.queryByLabelText('Code')).toBeNull();
  });

  it('no marks the device not_remembered on the server, and forgetDevice() reaches /forget-device', async () => {
    const pool = createServerPool(server, { users: [tia], deviceTracking: true, deviceRemembering: 'userOptIn' }, { deviceTracking: 'userOptIn', deviceName: 'Server test' });
    const { user, auth } = setUp(pool, [rememberDeviceStep()]);
    await signInWithTotp(user, pool);
    await user.click(await screen.findByRole('button', { name: 'Do not remember' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(pool.sim.requests.find((r) => r.operation === 'UpdateDeviceStatus')?.input).toMatchObject({ DeviceRememberedStatus: 'not_remembered' });
    expect(auth.getSnapshot().device?.remembered).toBe(false);
    await act(() => auth.forgetDevice());
    expect(pool.sim.user('tia')?.devices).toHaveLength(0);
    expect(pool.jar.has(DEVICE)).toBe(false);
    expect(auth.getSnapshot().device).toBeNull();
  });

  it('does not ask when the server remembers devices itself', async () => {
    const pool = createServerPool(server, { users: [tia], deviceTracking: true }, { deviceTracking: 'always', deviceName: 'Server test' });
    const { user } = setUp(pool, [rememberDeviceStep()]);
    await signInWithTotp(user, pool);
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(pool.sim.user('tia')?.devices[0]?.remembered).toBe(true);
  });

  it('verifies an unverified email after sign-in, through the server', async () => {
    const pool = createServerPool(server, { users: [{ username: 'una', password: PASSWORD, attributes: { email: 'una@example.com', phone_number: '+15555550199', phone_number_verified: 'true' } }] });
    const { user, onSignedIn } = setUp(pool, [verifyContactStep()]);
    await signIn(user, 'una');
    expect(await screen.findByText('We will send a code to una@example.com.')).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    const form = (await screen.findByLabelText('Code')).closest('form')!;
    await user.type(within(form).getByLabelText('Code'), pool.sim.lastCode('una')!);
    await user.click(within(form).getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    await waitFor(() => expect(pool.sim.user('una')?.attributes.email_verified).toBe('true'));
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(pool.sim.requests.map((r) => r.operation)).toEqual(expect.arrayContaining(['GetUser', 'GetUserAttributeVerificationCode', 'VerifyUserAttribute']));
  });

});
