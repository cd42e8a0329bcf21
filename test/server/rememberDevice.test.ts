import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/testing/index';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { createServerPool } from './support';

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const tia = { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com' }, mfa: { totpSecret: TOTP } };

// The routes behind <SignIn afterSignIn={{ rememberDevice: 'ask' }}> in server mode (the component test is afterSignIn.test.tsx).
describe('the device in a sign-in answer, and POST /remember-device with an answer', () => {
  it('describes the device a sign-in confirmed (key and status, no secret) and refuses a malformed remember-device body', async () => {
    const pool = createServerPool(server, { users: [tia], deviceTracking: true, deviceRemembering: 'userOptIn' }, { deviceTracking: 'userOptIn' });
    await pool.call('GET', 'session');
    await pool.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    pool.sim.advanceTime(31_000);
    const done = await pool.call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, pool.sim.now()) } });
    const device = pool.sim.user('tia')!.devices[0]!;
    expect((done.body as unknown as { device: unknown }).device).toEqual({ deviceKey: device.deviceKey, remembered: false });
    expect(JSON.stringify(done.body)).not.toContain(device.deviceGroupKey);
    const bad = await pool.call('POST', 'remember-device', { remembered: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('InvalidInput');
    expect(pool.sim.requests.some((r) => r.operation === 'UpdateDeviceStatus')).toBe(false);
    // A page reload (GET /session) does not describe it again: the question belongs to the sign-in.
    expect((await pool.call('GET', 'session')).body).not.toHaveProperty('device');
  });

  it('marks the device not_remembered with { remembered: false }, and remembered by default', async () => {
    const pool = createServerPool(server, { users: [tia], deviceTracking: true, deviceRemembering: 'userOptIn' }, { deviceTracking: 'userOptIn' });
    await pool.call('GET', 'session');
    await pool.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    pool.sim.advanceTime(31_000);
    await pool.call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, pool.sim.now()) } });
    const no = await pool.call('POST', 'remember-device', { remembered: false });
    expect(no.status).toBe(200);
    expect((no.body as unknown as { device: unknown }).device).toMatchObject({ remembered: false });
    expect(pool.sim.user('tia')!.devices[0]!.remembered).toBe(false);
    const yes = await pool.call('POST', 'remember-device', {});
    expect((yes.body as unknown as { device: unknown }).device).toMatchObject({ remembered: true });
    expect(pool.sim.user('tia')!.devices[0]!.remembered).toBe(true);
    expect(pool.sim.requests.filter((r) => r.operation === 'UpdateDeviceStatus').map((r) => (r.input as { DeviceRememberedStatus: string }).DeviceRememberedStatus)).toEqual(['not_remembered', 'remembered']);
  });
});
