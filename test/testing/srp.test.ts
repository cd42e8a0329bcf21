/**
 * The simulator's SRP verifier against an independent client: amazon-cognito-identity-js (the reference
 * implementation, with its own big-integer code), calling the simulated endpoint through global fetch.
 */
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
} from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { computePasswordClaim, formatSrpTimestamp, generateSrpEphemeral, type SrpEphemeral } from '../../src/core/srp';
import type { UserPoolSimulator } from '../../src/testing';
import { CLIENT_ID, PASSWORD, POOL_ID, claimsOf, simulatorServerPerFile } from './support';

const simulate = simulatorServerPerFile();

class MemoryStorage implements ICognitoStorage {
  readonly items = new Map<string, string>();
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

interface SignInOutcome {
  session?: CognitoUserSession;
  error?: { name: string; message: string };
  mfaRequired?: string;
}

/** identity-js USER_SRP_AUTH; with `mfa`, answers an SMS_MFA challenge with the simulator's last code. */
function signInWithIdentityJs(
  sim: UserPoolSimulator,
  username: string,
  password: string,
  options: { storage?: MemoryStorage; answerSmsMfa?: boolean } = {},
): Promise<SignInOutcome> {
  const storage = options.storage ?? new MemoryStorage();
  const pool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, endpoint: sim.endpoint, Storage: storage });
  const user = new CognitoUser({ Username: username, Pool: pool, Storage: storage });
  return new Promise((resolve) => {
    let mfaRequired: string | undefined;
    const callbacks = {
      onSuccess: (session: CognitoUserSession) => resolve({ session, mfaRequired }),
      onFailure: (error: { name: string; message: string }) => resolve({ error, mfaRequired }),
      mfaRequired: (challengeName: string) => {
        mfaRequired = challengeName;
        if (options.answerSmsMfa) user.sendMFACode(sim.lastCode(username)!, callbacks);
        else resolve({ mfaRequired });
      },
    };
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), callbacks);
  });
}

function challengesAnswered(sim: UserPoolSimulator): string[] {
  return sim.requests
    .filter((r) => r.operation === 'RespondToAuthChallenge')
    .map((r) => (r.input as { ChallengeName: string }).ChallengeName);
}

describe('given USER_SRP_AUTH from amazon-cognito-identity-js', () => {
  it('signs in: the simulator verifies the independent client claim', async () => {
    const { sim } = simulate({ users: [{ username: 'alice', password: PASSWORD }] });
    const outcome = await signInWithIdentityJs(sim, 'alice', PASSWORD);
    expect(outcome.error).toBeUndefined();
    expect(claimsOf(outcome.session!.getIdToken().getJwtToken())['cognito:username']).toBe('alice');
    expect(challengesAnswered(sim)).toEqual(['PASSWORD_VERIFIER']);
    // The PASSWORD_VERIFIER from InitiateAuth carries no Session, so the answer has none either.
    expect(sim.requests[1]!.input).not.toHaveProperty('Session');
  });

  it('rejects a wrong password with NotAuthorizedException', async () => {
    const { sim } = simulate({ users: [{ username: 'alice', password: PASSWORD }] });
    const outcome = await signInWithIdentityJs(sim, 'alice', 'Wr0ng-password');
    expect(outcome.error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('gives an unknown user a PASSWORD_VERIFIER that fails only when answered', async () => {
    const { sim, initiate } = simulate({ users: [{ username: 'alice', password: PASSWORD }] });
    const first = await initiate({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'bob', SRP_A: 'abc123' } });
    expect(first.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(first.ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: 'bob', SALT: expect.any(String), SRP_B: expect.any(String) });
    const outcome = await signInWithIdentityJs(sim, 'bob', PASSWORD);
    expect(outcome.error).toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('verifies a salt with leading zero bytes (sent as odd-length hex)', async () => {
    const { sim, initiate } = simulate({
      users: [{ username: 'alice', password: PASSWORD }],
      // Every random draw starts 0x00 0x0?: the 16-byte salt prints as 29 hex digits.
      randomBytes: (b) => {
        globalThis.crypto.getRandomValues(b);
        b[0] = 0;
        if (b.length > 1) b[1] = (b[1]! & 0x0f) | 0x01;
        return b;
      },
    });
    const first = await initiate({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc123' } });
    expect(first.ChallengeParameters!.SALT).toHaveLength(29);
    const outcome = await signInWithIdentityJs(sim, 'alice', PASSWORD);
    expect(outcome.error).toBeUndefined();
    expect(outcome.session).toBeDefined();
  });

  it('signs in with a verified email alias, continuing as the real username', async () => {
    const { sim } = simulate({
      users: [{ username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } }],
      signInAliases: ['email'],
    });
    const outcome = await signInWithIdentityJs(sim, 'alice@example.com', PASSWORD);
    expect(outcome.error).toBeUndefined();
    expect(outcome.session!.getAccessToken().payload.username).toBe('alice');
  });

  it('asks a FORCE_CHANGE_PASSWORD user for a new password after SRP', async () => {
    const { sim, initiate } = simulate({ users: [{ username: 'alice', password: PASSWORD, status: 'FORCE_CHANGE_PASSWORD' }] });
    await initiate({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc123' } });
    const pool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, endpoint: sim.endpoint, Storage: new MemoryStorage() });
    const user = new CognitoUser({ Username: 'alice', Pool: pool, Storage: new MemoryStorage() });
    const required = await new Promise<unknown>((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: 'alice', Password: PASSWORD }), {
        onSuccess: () => reject(new Error('expected NEW_PASSWORD_REQUIRED')),
        onFailure: reject,
        newPasswordRequired: (_attributes, requiredAttributes) => resolve(requiredAttributes),
      }),
    );
    expect(required).toEqual([]);
  });
});

describe('given device tracking with amazon-cognito-identity-js', () => {
  const smsUser = {
    username: 'alice',
    password: PASSWORD,
    attributes: { phone_number: '+15555551234' },
    mfa: { sms: true },
  };

  it('confirms the new device, then signs in with device SRP instead of MFA', async () => {
    const { sim, initiate } = simulate({ users: [smsUser], deviceTracking: true });
    const storage = new MemoryStorage();
    const first = await signInWithIdentityJs(sim, 'alice', PASSWORD, { storage, answerSmsMfa: true });
    expect(first.error).toBeUndefined();
    expect(first.mfaRequired).toBe('SMS_MFA');
    const [device] = sim.user('alice')!.devices;
    expect(device).toMatchObject({ confirmed: true });
    expect(first.session!.getAccessToken().payload.device_key).toBe(device!.deviceKey);

    const second = await signInWithIdentityJs(sim, 'alice', PASSWORD, { storage });
    expect(second.error).toBeUndefined();
    expect(second.mfaRequired).toBeUndefined();
    expect(second.session!.getAccessToken().payload.device_key).toBe(device!.deviceKey);
    expect(challengesAnswered(sim)).toEqual([
      'PASSWORD_VERIFIER',
      'SMS_MFA',
      'PASSWORD_VERIFIER',
      'DEVICE_SRP_AUTH',
      'DEVICE_PASSWORD_VERIFIER',
    ]);
    expect(sim.user('alice')!.devices).toHaveLength(1);

    // The remembered device's tokens refresh only together with its DEVICE_KEY.
    const REFRESH_TOKEN = second.session!.getRefreshToken().getToken();
    await expect(initiate({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN } })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
    const refreshed = await initiate({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN, DEVICE_KEY: device!.deviceKey },
    });
    expect(claimsOf(refreshed.AuthenticationResult?.AccessToken).device_key).toBe(device!.deviceKey);
  });

  it('accepts a configured remembered device', async () => {
    const device = { deviceKey: 'eu-west-1_dev-1', deviceGroupKey: '-grpKey1', devicePassword: 'device-password-1' };
    const { sim } = simulate({ users: [{ ...smsUser, devices: [device] }], deviceTracking: true });
    const storage = new MemoryStorage();
    const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}.alice`;
    storage.setItem(`${prefix}.deviceKey`, device.deviceKey);
    storage.setItem(`${prefix}.deviceGroupKey`, device.deviceGroupKey);
    storage.setItem(`${prefix}.randomPasswordKey`, device.devicePassword);
    const outcome = await signInWithIdentityJs(sim, 'alice', PASSWORD, { storage });
    expect(outcome.error).toBeUndefined();
    expect(outcome.mfaRequired).toBeUndefined();
    expect(outcome.session!.getAccessToken().payload.device_key).toBe(device.deviceKey);
    expect(challengesAnswered(sim)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('rejects a device with the wrong device password', async () => {
    const device = { deviceKey: 'eu-west-1_dev-1', deviceGroupKey: '-grpKey1', devicePassword: 'device-password-1' };
    const { sim } = simulate({ users: [{ ...smsUser, devices: [device] }], deviceTracking: true });
    const storage = new MemoryStorage();
    const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}.alice`;
    storage.setItem(`${prefix}.deviceKey`, device.deviceKey);
    storage.setItem(`${prefix}.deviceGroupKey`, device.deviceGroupKey);
    storage.setItem(`${prefix}.randomPasswordKey`, 'not-the-password');
    const outcome = await signInWithIdentityJs(sim, 'alice', PASSWORD, { storage });
    expect(outcome.error).toMatchObject({ name: 'NotAuthorizedException' });
    expect(challengesAnswered(sim)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('answers a forgotten device key with ResourceNotFoundException, which the client recovers from', async () => {
    const { sim } = simulate({ users: [smsUser], deviceTracking: true });
    const storage = new MemoryStorage();
    const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}.alice`;
    storage.setItem(`${prefix}.deviceKey`, 'eu-west-1_gone');
    storage.setItem(`${prefix}.deviceGroupKey`, '-gone');
    storage.setItem(`${prefix}.randomPasswordKey`, 'whatever');
    const outcome = await signInWithIdentityJs(sim, 'alice', PASSWORD, { storage });
    // identity-js retried the PASSWORD_VERIFIER without DEVICE_KEY, then met SMS MFA as a new device would.
    expect(outcome.mfaRequired).toBe('SMS_MFA');
    expect(challengesAnswered(sim)).toEqual(['PASSWORD_VERIFIER', 'PASSWORD_VERIFIER']);
  });
});

describe('given SRP through the core client functions', () => {
  const random = (b: Uint8Array) => globalThis.crypto.getRandomValues(b);

  async function claim(params: Record<string, string>, ephemeral: SrpEphemeral, at: Date) {
    const timestamp = formatSrpTimestamp(at);
    const { signature } = await computePasswordClaim({
      ephemeral,
      poolName: POOL_ID.split('_')[1]!,
      userId: params.USER_ID_FOR_SRP!,
      password: PASSWORD,
      saltHex: params.SALT!,
      srpBHex: params.SRP_B!,
      secretBlock: params.SECRET_BLOCK!,
      timestamp,
    });
    return {
      USERNAME: params.USER_ID_FOR_SRP!,
      PASSWORD_CLAIM_SIGNATURE: signature,
      PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK!,
      TIMESTAMP: timestamp,
    };
  }

  it('answers SELECT_CHALLENGE with PASSWORD_SRP and SRP_A, then a PASSWORD_VERIFIER that has a Session', async () => {
    const { initiate, respond, sim } = simulate({ users: [{ username: 'alice', password: PASSWORD }] });
    const first = await initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } });
    const ephemeral = generateSrpEphemeral(random);
    const verifier = await respond({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'PASSWORD_SRP', SRP_A: ephemeral.srpA },
    });
    expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(verifier.Session).toEqual(expect.any(String));
    const done = await respond({
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: verifier.Session,
      ChallengeResponses: await claim(verifier.ChallengeParameters!, ephemeral, new Date(sim.now())),
    });
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('rejects a TIMESTAMP more than 5 minutes off the pool clock', async () => {
    const { initiate, respond, sim } = simulate({ users: [{ username: 'alice', password: PASSWORD }] });
    const ephemeral = generateSrpEphemeral(random);
    const first = await initiate({
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: ephemeral.srpA },
    });
    expect(first).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });
    expect(first.Session).toBeUndefined();
    await expect(
      respond({
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: await claim(first.ChallengeParameters!, ephemeral, new Date(sim.now() - 6 * 60_000)),
      }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: expect.stringContaining('TIMESTAMP') });
  });

  it('runs CUSTOM_AUTH with SRP first (CHALLENGE_NAME=SRP_A), then the custom rounds', async () => {
    const { initiate, respond, sim } = simulate({
      users: [{ username: 'alice', password: PASSWORD, customChallenge: { rounds: [{ parameters: { q: '2+2' }, answer: '4' }] } }],
    });
    const ephemeral = generateSrpEphemeral(random);
    const first = await initiate({
      AuthFlow: 'CUSTOM_AUTH',
      AuthParameters: { USERNAME: 'alice', CHALLENGE_NAME: 'SRP_A', SRP_A: ephemeral.srpA },
    });
    expect(first.ChallengeName).toBe('PASSWORD_VERIFIER');
    const custom = await respond({
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: await claim(first.ChallengeParameters!, ephemeral, new Date(sim.now())),
    });
    expect(custom).toMatchObject({ ChallengeName: 'CUSTOM_CHALLENGE', ChallengeParameters: { q: '2+2' } });
    const done = await respond({ ChallengeName: 'CUSTOM_CHALLENGE', Session: custom.Session, ChallengeResponses: { USERNAME: 'alice', ANSWER: '4' } });
    expect(done.AuthenticationResult).toBeDefined();
  });
});
