import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/testing/index';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { createServerPool } from './support';

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const tia = () => ({ username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com' }, mfa: { totpSecret: TOTP } });
const DEVICE = '__Host-cognito-session-device';

type Pool = ReturnType<typeof createServerPool>;

async function signInWithTotp(pool: Pool) {
  const first = await pool.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
  if (first.body.state.status === 'signedIn') return { mfa: false };
  expect(first.body.state.step).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA' });
  pool.sim.advanceTime(31_000);
  const done = await pool.call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, pool.sim.now()) } });
  expect(done.body.state.status).toBe('signedIn');
  return { mfa: true };
}

const operations = (pool: Pool) => pool.sim.requests.map((r) => r.operation);
const challenges = (pool: Pool) => pool.sim.requests.map((r) => (r.input as { ChallengeName?: string }).ChallengeName).filter(Boolean);

describe('remembered devices in server mode', () => {
  it('confirms the device after sign-in, keeps it in a sealed cookie past sign-out, and then answers DEVICE_SRP_AUTH instead of MFA', async () => {
    const pool = createServerPool(server, { users: [tia()], deviceTracking: true }, { deviceTracking: 'always', deviceName: 'Server test' });
    await pool.call('GET', 'session');
    expect(await signInWithTotp(pool)).toEqual({ mfa: true });
    expect(operations(pool)).toContain('ConfirmDevice');
    expect(pool.sim.user('tia')?.devices).toHaveLength(1);
    const sealed = pool.jar.get(DEVICE)!;
    expect(sealed).toBeTruthy();
    // Sealed: neither the device key nor its secret is readable in the cookie.
    expect(sealed).not.toContain(pool.sim.user('tia')!.devices[0]!.deviceKey);
    await pool.call('POST', 'sign-out', {});
    expect(pool.jar.get(DEVICE)).toBe(sealed);
    const before = pool.sim.requests.length;
    expect(await signInWithTotp(pool)).toEqual({ mfa: false });
    const second = pool.sim.requests.slice(before);
    expect(second.map((r) => (r.input as { ChallengeName?: string }).ChallengeName).filter(Boolean)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    // The refresh of a device's tokens sends its key.
    pool.sim.advanceTime(2 * 60 * 60_000);
    const page = await pool.call('GET', 'session');
    expect(page.body.state.status).toBe('signedIn');
    const refresh = pool.sim.requests.at(-1)!.input as { AuthParameters: Record<string, string> };
    expect(refresh.AuthParameters.DEVICE_KEY).toBe(pool.sim.user('tia')!.devices[0]!.deviceKey);
  });

  it('remembers through /remember-device (userOptIn) and forgets through /forget-device, after which MFA is asked again', async () => {
    const pool = createServerPool(server, { users: [tia()], deviceTracking: true, deviceRemembering: 'userOptIn' }, { deviceTracking: 'userOptIn', deviceName: 'Server test' });
    await pool.call('GET', 'session');
    await signInWithTotp(pool);
    expect(pool.jar.get(DEVICE)).toBeTruthy();
    await pool.call('POST', 'sign-out', {});
    // Confirmed, not remembered: MFA again.
    expect(await signInWithTotp(pool)).toEqual({ mfa: true });
    const remembered = await pool.call('POST', 'remember-device', {});
    expect(remembered.status).toBe(200);
    expect(operations(pool)).toContain('UpdateDeviceStatus');
    await pool.call('POST', 'sign-out', {});
    expect(await signInWithTotp(pool)).toEqual({ mfa: false });
    const forgot = await pool.call('POST', 'forget-device', {});
    expect(forgot.status).toBe(200);
    expect(pool.jar.has(DEVICE)).toBe(false);
    expect(pool.sim.user('tia')!.devices).toHaveLength(0);
    await pool.call('POST', 'sign-out', {});
    expect(await signInWithTotp(pool)).toEqual({ mfa: true });
    expect(challenges(pool)).toContain('SOFTWARE_TOKEN_MFA');
  });

  it('answers the device routes with typed errors when there is no device, or no tracking', async () => {
    const off = createServerPool(server, { users: [tia()] });
    await off.call('GET', 'session');
    await signInWithTotp(off);
    expect((await off.call('POST', 'remember-device', {})).body.error.name).toBe('UnsupportedOperation');
    const on = createServerPool(server, { users: [tia()], deviceTracking: true }, { deviceTracking: 'always' });
    await on.call('GET', 'session');
    expect((await on.call('POST', 'forget-device', {})).body.error.name).toBe('NotSignedIn');
  });
});
