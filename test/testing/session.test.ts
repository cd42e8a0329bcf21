/**
 * The simulator's session and device operations on the wire, through the real AWS SDK client: refresh-token
 * rotation, GlobalSignOut, and managing devices (ConfirmDevice, UpdateDeviceStatus, ListDevices, GetDevice,
 * ForgetDevice).
 */
import {
  ConfirmDeviceCommand,
  ForgetDeviceCommand,
  GetDeviceCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  ListDevicesCommand,
  UpdateDeviceStatusCommand,
  type UpdateDeviceStatusCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createDeviceVerifier } from '../../src/core/srp';
import { CLIENT_ID, PASSWORD, claimsOf, simulatorServerPerFile } from './support';

const simulate = simulatorServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { phone_number: '+15555551234' }, mfa: { sms: true } };
const random = (bytes: Uint8Array) => crypto.getRandomValues(bytes);

/** Signs alice in with USER_PASSWORD_AUTH and SMS MFA, optionally from a known device. */
async function signIn(pool: ReturnType<typeof simulate>, deviceKey?: string) {
  const first = await pool.initiate({
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'alice', PASSWORD, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) },
  });
  if (first.AuthenticationResult) return { result: first.AuthenticationResult, challenges: [] as string[] };
  const answer = await pool.respond({
    ChallengeName: 'SMS_MFA',
    Session: first.Session,
    ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: pool.sim.lastCode('alice')!, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) },
  });
  return { result: answer.AuthenticationResult!, challenges: [first.ChallengeName!] };
}

describe('given refresh-token rotation', () => {
  it('issues a new refresh token that works, and kills the old one at once (no grace period)', async () => {
    const pool = simulate({ users: [alice], refreshTokenRotation: true });
    const { result } = await signIn(pool);
    const refresh = (RefreshToken: string) => pool.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: CLIENT_ID, RefreshToken }));
    const rotated = await refresh(result.RefreshToken!);
    expect(rotated.AuthenticationResult?.RefreshToken).toBeTruthy();
    expect(rotated.AuthenticationResult?.RefreshToken).not.toBe(result.RefreshToken);
    expect(claimsOf(rotated.AuthenticationResult?.AccessToken).origin_jti).toBe(claimsOf(result.AccessToken).origin_jti);
    await expect(refresh(result.RefreshToken!)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(refresh(rotated.AuthenticationResult!.RefreshToken!)).resolves.toMatchObject({ AuthenticationResult: { RefreshToken: expect.any(String) } });
  });

  it('keeps the old token usable for the grace period, then refuses it', async () => {
    const pool = simulate({ users: [alice], refreshTokenRotation: { retryGracePeriodSeconds: 30 } });
    const { result } = await signIn(pool);
    const refresh = () => pool.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: CLIENT_ID, RefreshToken: result.RefreshToken! }));
    await refresh();
    pool.sim.advanceTime(29_000);
    await expect(refresh()).resolves.toBeTruthy();
    pool.sim.advanceTime(1_000);
    await expect(refresh()).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
  });

  it('refuses REFRESH_TOKEN_AUTH, as Cognito does for clients that rotate', async () => {
    const pool = simulate({ users: [alice], refreshTokenRotation: true });
    const { result } = await signIn(pool);
    await expect(pool.initiate({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: result.RefreshToken! } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('without rotation returns no new refresh token and the old one keeps working', async () => {
    const pool = simulate({ users: [alice] });
    const { result } = await signIn(pool);
    const refresh = () => pool.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: CLIENT_ID, RefreshToken: result.RefreshToken! }));
    expect((await refresh()).AuthenticationResult?.RefreshToken).toBeUndefined();
    await expect(refresh()).resolves.toBeTruthy();
  });
});

describe('GlobalSignOut', () => {
  it("ends every session of the user: refresh tokens and earlier access tokens stop working, other users' do not", async () => {
    const pool = simulate({ users: [alice, { username: 'bob', password: PASSWORD }] });
    const one = (await signIn(pool)).result;
    const two = (await signIn(pool)).result;
    const bob = (await pool.initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD } })).AuthenticationResult!;
    await pool.client.send(new GlobalSignOutCommand({ AccessToken: one.AccessToken }));
    for (const session of [one, two]) {
      await expect(pool.client.send(new GetUserCommand({ AccessToken: session.AccessToken }))).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
      });
      await expect(pool.initiate({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: session.RefreshToken! } })).rejects.toMatchObject({
        name: 'NotAuthorizedException',
      });
    }
    await expect(pool.client.send(new GetUserCommand({ AccessToken: bob.AccessToken }))).resolves.toMatchObject({ Username: 'bob' });
    // A new sign-in is a new session.
    const three = (await signIn(pool)).result;
    await expect(pool.client.send(new GetUserCommand({ AccessToken: three.AccessToken }))).resolves.toMatchObject({ Username: 'alice' });
  });
});

describe('devices', () => {
  async function confirmNewDevice(pool: ReturnType<typeof simulate>, name: string) {
    const { result } = await signIn(pool);
    const meta = result.NewDeviceMetadata!;
    const verifier = await createDeviceVerifier(meta.DeviceGroupKey!, meta.DeviceKey!, random);
    const confirmed = await pool.client.send(
      new ConfirmDeviceCommand({
        AccessToken: result.AccessToken,
        DeviceKey: meta.DeviceKey,
        DeviceName: name,
        DeviceSecretVerifierConfig: { PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt },
      }),
    );
    return { result, deviceKey: meta.DeviceKey!, confirmed };
  }

  it("remembers confirmed devices at once when the pool always remembers ('always')", async () => {
    const pool = simulate({ users: [alice], deviceTracking: true });
    const { confirmed, deviceKey } = await confirmNewDevice(pool, 'Laptop');
    expect(confirmed.UserConfirmationNecessary).toBe(false);
    expect(pool.sim.user('alice')?.devices).toEqual([expect.objectContaining({ deviceKey, confirmed: true, remembered: true, name: 'Laptop' })]);
  });

  it("asks the user first when the pool lets them opt in, and only a remembered device skips MFA", async () => {
    const pool = simulate({ users: [alice], deviceTracking: true, deviceRemembering: 'userOptIn' });
    const { confirmed, deviceKey, result } = await confirmNewDevice(pool, 'Laptop');
    expect(confirmed.UserConfirmationNecessary).toBe(true);
    expect(pool.sim.user('alice')?.devices[0]).toMatchObject({ confirmed: true, remembered: false });
    // Tracked but not remembered: MFA as usual.
    expect((await signIn(pool, deviceKey)).challenges).toEqual(['SMS_MFA']);

    const update = (input: Partial<UpdateDeviceStatusCommandInput>) =>
      pool.client.send(new UpdateDeviceStatusCommand({ AccessToken: result.AccessToken, DeviceKey: deviceKey, ...input }));
    await expect(update({ DeviceRememberedStatus: 'forever' as never })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await update({ DeviceRememberedStatus: 'remembered' });
    expect(pool.sim.user('alice')?.devices[0]).toMatchObject({ remembered: true });
    const first = await pool.initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD, DEVICE_KEY: deviceKey } });
    expect(first.ChallengeName).toBe('DEVICE_SRP_AUTH');

    await update({ DeviceRememberedStatus: 'not_remembered' });
    expect((await signIn(pool, deviceKey)).challenges).toEqual(['SMS_MFA']);
  });

  it('lists confirmed devices with their names, status and dates, page by page', async () => {
    const pool = simulate({ users: [alice], deviceTracking: true });
    const laptop = await confirmNewDevice(pool, 'Laptop');
    const phone = await confirmNewDevice(pool, 'Phone');
    await signIn(pool); // a third device, never confirmed: not listed
    const list = (input: { Limit?: number; PaginationToken?: string }) =>
      pool.client.send(new ListDevicesCommand({ AccessToken: phone.result.AccessToken, ...input }));
    const all = await list({});
    expect(all.Devices?.map((d) => d.DeviceKey)).toEqual([laptop.deviceKey, phone.deviceKey]);
    expect(all.PaginationToken).toBeUndefined();
    const [first] = all.Devices!;
    expect(first?.DeviceAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'device_name', Value: 'Laptop' },
        { Name: 'dev:device_remembered_status', Value: 'remembered' },
      ]),
    );
    expect(first?.DeviceCreateDate).toBeInstanceOf(Date);
    expect(Math.abs(first!.DeviceCreateDate!.getTime() - pool.sim.now())).toBeLessThan(5_000);

    const page1 = await list({ Limit: 1 });
    expect(page1.Devices?.map((d) => d.DeviceKey)).toEqual([laptop.deviceKey]);
    const page2 = await list({ Limit: 1, PaginationToken: page1.PaginationToken! });
    expect(page2.Devices?.map((d) => d.DeviceKey)).toEqual([phone.deviceKey]);
    expect(page2.PaginationToken).toBeUndefined();
    await expect(list({ Limit: 61 })).rejects.toMatchObject({ name: 'InvalidParameterException' });

    const one = await pool.client.send(new GetDeviceCommand({ AccessToken: phone.result.AccessToken, DeviceKey: laptop.deviceKey }));
    expect(one.Device?.DeviceKey).toBe(laptop.deviceKey);
  });

  it('forgets a device: it is no longer listed, its key is unknown to sign-in, and its tokens no longer refresh', async () => {
    const pool = simulate({ users: [alice], deviceTracking: true });
    const { result, deviceKey } = await confirmNewDevice(pool, 'Laptop');
    await pool.client.send(new ForgetDeviceCommand({ AccessToken: result.AccessToken, DeviceKey: deviceKey }));
    expect(pool.sim.user('alice')?.devices).toEqual([]);
    await expect(signIn(pool, deviceKey)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      pool.initiate({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: result.RefreshToken!, DEVICE_KEY: deviceKey } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(pool.client.send(new ForgetDeviceCommand({ AccessToken: result.AccessToken, DeviceKey: deviceKey }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
