import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createCognitoAuth } from '../../../src/core/createCognitoAuth';
import type { CognitoAuthConfig } from '../../../src/core/types';
import type { UserPoolSimulatorConfig } from '../../../src/testing';
import { PASSWORD, createPool, setupMswServer } from '../../helpers/pool';
import { COGNITO, mapStorage, recordEvents } from '../../helpers/session';

const server = setupMswServer();

const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', phone_number: '+15555550100' }, mfa: { sms: true } };

/** Signs alice in, answering SMS MFA when asked; returns the operations of this sign-in. */
async function signInWithMfa(pool: ReturnType<typeof createPool>, auth = pool.auth) {
  const from = pool.sim.requests.length;
  let step = await auth.signIn({ username: 'alice', password: PASSWORD });
  if (step.name === 'SMS_MFA') step = await auth.respondToChallenge({ name: 'SMS_MFA', code: pool.sim.lastCode('alice')! });
  expect(step).toEqual({ name: 'DONE' });
  return pool.sim.requests.slice(from);
}

const challengesOf = (requests: { operation: string; input: unknown }[]) =>
  requests.filter((r) => r.operation === 'RespondToAuthChallenge').map((r) => (r.input as { ChallengeName: string }).ChallengeName);

function devicePool(sim: Partial<UserPoolSimulatorConfig>, config: Partial<CognitoAuthConfig>) {
  return createPool(server, { users: [alice], deviceTracking: true, ...sim }, { storage: mapStorage(), autoRefresh: false, deviceName: 'Test browser', ...config });
}

describe("given deviceTracking 'always' on a pool that tracks devices", () => {
  it('confirms the new device with a locally computed verifier and skips MFA on the next sign-in', async () => {
    const pool = devicePool({}, { deviceTracking: 'always' });
    const events = recordEvents(pool.auth);
    const first = await signInWithMfa(pool);
    expect(first.map((r) => r.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'ConfirmDevice']);
    const confirm = first[3]!.input as { DeviceKey: string; DeviceName: string; DeviceSecretVerifierConfig: { PasswordVerifier: string; Salt: string } };
    expect(confirm.DeviceName).toBe('Test browser');
    expect(confirm.DeviceSecretVerifierConfig.PasswordVerifier).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const device = { deviceKey: confirm.DeviceKey, remembered: true };
    expect(pool.auth.getSnapshot().device).toEqual(device);
    expect(events.map((e) => e.type)).toEqual(['signedIn', 'deviceConfirmed']);
    expect(pool.sim.user('alice')?.devices).toEqual([expect.objectContaining({ deviceKey: confirm.DeviceKey, confirmed: true, remembered: true })]);

    await pool.auth.signOut();
    const second = await signInWithMfa(pool);
    expect(challengesOf(second)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(pool.auth.getSnapshot().device).toEqual(device);
    // The device's tokens refresh with its key.
    await expect(pool.auth.getAccessToken({ forceRefresh: true })).resolves.toBeTruthy();
    expect((pool.sim.requests.at(-1)?.input as { AuthParameters: Record<string, string> }).AuthParameters.DEVICE_KEY).toBe(confirm.DeviceKey);
  });

  it('remembers the device itself when the pool leaves remembering to the user', async () => {
    const pool = devicePool({ deviceRemembering: 'userOptIn' }, { deviceTracking: 'always' });
    const first = await signInWithMfa(pool);
    expect(first.map((r) => r.operation).slice(-2)).toEqual(['ConfirmDevice', 'UpdateDeviceStatus']);
    expect(pool.auth.getSnapshot().device?.remembered).toBe(true);
  });

  it('keeps the device password out of the snapshot, the events and the session entry', async () => {
    const storage = mapStorage();
    const pool = devicePool({}, { deviceTracking: 'always', storage });
    const events = recordEvents(pool.auth);
    await signInWithMfa(pool);
    const deviceEntry = [...storage.items].find(([key]) => key.endsWith('.device'))![1];
    const { devicePassword } = JSON.parse(deviceEntry) as { devicePassword: string };
    expect(devicePassword.length).toBeGreaterThan(40);
    const sessionEntry = [...storage.items].find(([key]) => key.endsWith('.session'))![1];
    expect(JSON.stringify([pool.auth.getSnapshot(), events, sessionEntry])).not.toContain(devicePassword);
  });

  it('remembers the device across a reload, and a signed-out reload still skips MFA', async () => {
    const storage = mapStorage();
    const pool = devicePool({}, { deviceTracking: 'always', storage });
    await signInWithMfa(pool);
    const device = pool.auth.getSnapshot().device;
    const reloaded = createCognitoAuth({ ...pool.auth.config });
    await reloaded.ready();
    expect(reloaded.getSnapshot().device).toEqual(device);
    await reloaded.signOut();
    const fresh = createCognitoAuth({ ...pool.auth.config });
    expect(challengesOf(await signInWithMfa(pool, fresh))).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('keeps the sign-in when ConfirmDevice fails, and reports it', async () => {
    const pool = devicePool({}, { deviceTracking: 'always' });
    const events = recordEvents(pool.auth);
    server.use(
      http.post(COGNITO, ({ request }) => (request.headers.get('x-amz-target')?.endsWith('.ConfirmDevice') ? HttpResponse.error() : undefined)),
    );
    await signInWithMfa(pool);
    expect(pool.auth.getSnapshot()).toMatchObject({ status: 'signedIn', device: null });
    expect(events.map((e) => e.type)).toEqual(['signedIn', 'deviceConfirmationFailed']);
    expect(events[1]).toMatchObject({ error: { name: 'NetworkError', operation: 'ConfirmDevice' } });
  });
});

describe("given deviceTracking 'userOptIn' on a pool that asks the user", () => {
  it('confirms the device but asks for MFA until the app remembers it', async () => {
    const pool = devicePool({ deviceRemembering: 'userOptIn' }, { deviceTracking: 'userOptIn' });
    const first = await signInWithMfa(pool);
    expect(first.map((r) => r.operation).at(-1)).toBe('ConfirmDevice');
    expect(pool.auth.getSnapshot().device).toMatchObject({ remembered: false });

    await pool.auth.signOut();
    expect(challengesOf(await signInWithMfa(pool))).toContain('SMS_MFA');

    await pool.auth.rememberDevice();
    expect(pool.sim.requests.at(-1)).toMatchObject({ operation: 'UpdateDeviceStatus', input: { DeviceRememberedStatus: 'remembered' } });
    expect(pool.auth.getSnapshot().device).toMatchObject({ remembered: true });
    await pool.auth.signOut();
    expect(challengesOf(await signInWithMfa(pool))).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });
});

describe('listing and forgetting devices', () => {
  it("lists the user's devices, marking this one, and forgets it so MFA is asked again", async () => {
    const pool = devicePool({}, { deviceTracking: 'always' });
    const other = createCognitoAuth({ ...pool.auth.config, storage: mapStorage(), deviceName: 'Phone' });
    await signInWithMfa(pool, other);
    await signInWithMfa(pool);
    const devices = await pool.auth.listDevices();
    expect(devices).toHaveLength(2);
    const mine = devices.find((d) => d.current)!;
    expect(mine).toMatchObject({ deviceKey: pool.auth.getSnapshot().device?.deviceKey, name: 'Test browser', remembered: true });
    expect(devices.find((d) => !d.current)).toMatchObject({ name: 'Phone', remembered: true });
    expect(mine.createdAt).toBeInstanceOf(Date);

    await pool.auth.forgetDevice();
    expect(pool.auth.getSnapshot().device).toBeNull();
    expect((await pool.auth.listDevices()).map((d) => d.name)).toEqual(['Phone']);
    await pool.auth.signOut();
    const again = await signInWithMfa(pool);
    expect(challengesOf(again)).toContain('SMS_MFA');
    expect(JSON.stringify(again[0]?.input)).not.toContain('DEVICE_KEY');
  });

  it('forgets another device by key and keeps this one', async () => {
    const pool = devicePool({}, { deviceTracking: 'always' });
    const other = createCognitoAuth({ ...pool.auth.config, storage: mapStorage(), deviceName: 'Phone' });
    await signInWithMfa(pool, other);
    await signInWithMfa(pool);
    const phone = (await pool.auth.listDevices()).find((d) => !d.current)!;
    await pool.auth.forgetDevice(phone.deviceKey);
    expect(pool.auth.getSnapshot().device).not.toBeNull();
    // The phone's next sign-in finds its device gone at Cognito, forgets it, and continues with MFA.
    await other.signOut();
    const phoneAgain = await signInWithMfa(pool, other);
    expect(challengesOf(phoneAgain)).toContain('SMS_MFA');
    expect(other.getSnapshot().status).toBe('signedIn');
  });

  it('refuses device operations when signed out, or when this device is not tracked', async () => {
    const pool = devicePool({}, { deviceTracking: false });
    await expect(pool.auth.listDevices()).rejects.toMatchObject({ name: 'NotSignedIn' });
    await signInWithMfa(pool);
    expect(pool.sim.requests.map((r) => r.operation)).not.toContain('ConfirmDevice');
    await expect(pool.auth.rememberDevice()).rejects.toMatchObject({ name: 'NoDevice' });
    await expect(pool.auth.forgetDevice()).rejects.toMatchObject({ name: 'NoDevice' });
  });
});
