/**
 * Requests per flow: what ours sends to the simulated pool (through the real SDK) for each flow, against the
 * protocol's minimum, and what aws-amplify sends for the same flow against the same simulator.
 */
import { it } from 'vitest';
import { totpCode } from '../src/testing/index.js';
import { PASSWORD, createPool, setupMswServer } from '../test/helpers/pool';
import { amplifyRequests } from './amplify';
import { record } from './record';

const server = setupMswServer();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const sms = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', phone_number: '+15555550100' }, mfa: { sms: true } };

interface Row {
  flow: string;
  /** The fewest requests the protocol allows, and why. */
  minimum: number;
  why: string;
  ours: number;
  amplify: number | string;
}

it('counts the requests of each flow', async () => {
  const rows: Row[] = [];
  const count = async (
    flow: string,
    minimum: number,
    why: string,
    options: Parameters<typeof createPool>[1],
    config: Parameters<typeof createPool>[2],
    /** Runs the flow; returns the number of requests when only part of the run is the flow. */
    run: (pool: ReturnType<typeof createPool>) => Promise<unknown>,
    amplify?: (pool: ReturnType<typeof createPool>) => Promise<number | string>,
  ) => {
    const pool = createPool(server, options, { autoRefresh: false, ...config });
    const counted = await run(pool);
    const ours = typeof counted === 'number' ? counted : pool.sim.requests.length;
    let theirs: number | string = 'not measured';
    if (amplify) {
      const fresh = createPool(server, options, { autoRefresh: false, ...config });
      theirs = await amplify(fresh).catch((e: unknown) => `failed: ${(e as Error).name}`);
    }
    rows.push({ flow, minimum, why, ours, amplify: theirs });
  };

  await count('SRP', 2, 'InitiateAuth (SRP_A) + PASSWORD_VERIFIER', { users: [{ ...sms, mfa: {} }] }, {}, ({ auth }) => auth.signIn({ username: 'alice', password: PASSWORD }), (pool) =>
    amplifyRequests(pool, async ({ signIn }) => signIn({ username: 'alice', password: PASSWORD })),
  );
  await count('SRP + SMS MFA', 3, '+ SMS_MFA answer', { users: [sms] }, {}, async ({ auth, sim }) => {
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice')! });
  }, (pool) =>
    amplifyRequests(pool, async ({ signIn, confirmSignIn }) => {
      await signIn({ username: 'alice', password: PASSWORD });
      await confirmSignIn({ challengeResponse: pool.sim.lastCode('alice')! });
    }),
  );
  await count('SRP + TOTP', 3, '+ SOFTWARE_TOKEN_MFA answer', { users: [{ ...sms, mfa: { totpSecret: TOTP } }] }, {}, async ({ auth, sim }) => {
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, sim.now()) });
  }, (pool) =>
    amplifyRequests(pool, async ({ signIn, confirmSignIn }) => {
      await signIn({ username: 'alice', password: PASSWORD });
      await confirmSignIn({ challengeResponse: await totpCode(TOTP, pool.sim.now()) });
    }),
  );
  await count('MFA setup (TOTP)', 5, '+ AssociateSoftwareToken + VerifySoftwareToken + MFA_SETUP answer', { users: [{ ...sms, mfa: {} }], mfaConfiguration: 'ON' }, {}, async ({ auth, sim }) => {
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    if (step.name !== 'MFA_SETUP' || !step.totp) throw new Error('expected TOTP setup');
    await auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: await totpCode(step.totp.secret, sim.now()) });
  }, (pool) =>
    amplifyRequests(pool, async ({ signIn, confirmSignIn }) => {
      const { nextStep } = await signIn({ username: 'alice', password: PASSWORD });
      const secret = 'totpSetupDetails' in nextStep ? nextStep.totpSetupDetails.sharedSecret : '';
      await confirmSignIn({ challengeResponse: await totpCode(secret, pool.sim.now()) });
    }),
  );
  await count(
    'New password',
    3,
    '+ NEW_PASSWORD_REQUIRED answer',
    { users: [{ username: 'alice', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD' }], mfaConfiguration: 'OFF' },
    {},
    async ({ auth }) => {
      await auth.signIn({ username: 'alice', password: 'Temp0rary!pass' });
      await auth.respondToChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w-passw0rd!' });
    },
    (pool) =>
      amplifyRequests(pool, async ({ signIn, confirmSignIn }) => {
        await signIn({ username: 'alice', password: 'Temp0rary!pass' });
        await confirmSignIn({ challengeResponse: 'N3w-passw0rd!' });
      }),
  );
  await count('USER_AUTH email OTP', 2, 'InitiateAuth (PREFERRED_CHALLENGE) + EMAIL_OTP answer', { users: [sms] }, { authFlow: 'USER_AUTH' }, async ({ auth, sim }) => {
    await auth.signIn({ username: 'alice', preferredChallenge: 'EMAIL_OTP' });
    await auth.respondToChallenge({ name: 'EMAIL_OTP', code: sim.lastCode('alice')! });
  }, (pool) =>
    amplifyRequests(pool, async ({ signIn, confirmSignIn }) => {
      await signIn({ username: 'alice', options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } });
      await confirmSignIn({ challengeResponse: pool.sim.lastCode('alice')! });
    }),
  );
  const device = { deviceKey: 'eu-west-1_bench-device', deviceGroupKey: '-benchGroup', devicePassword: 'bench-device-password' };
  await count(
    'Remembered-device sign-in',
    4,
    '+ DEVICE_SRP_AUTH + DEVICE_PASSWORD_VERIFIER instead of MFA',
    { users: [{ ...sms, devices: [device] }], deviceTracking: true },
    { deviceStore: { get: () => device } },
    ({ auth }) => auth.signIn({ username: 'alice', password: PASSWORD }),
  );
  await count('Refresh', 1, 'REFRESH_TOKEN_AUTH', { users: [{ ...sms, mfa: {} }] }, {}, async ({ auth, sim }) => {
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const before = sim.requests.length;
    await auth.getAccessToken({ forceRefresh: true });
    return sim.requests.length - before;
  }, (pool) =>
    amplifyRequests(pool, async ({ signIn, fetchAuthSession }) => {
      await signIn({ username: 'alice', password: PASSWORD });
      const before = pool.sim.requests.length;
      await fetchAuthSession({ forceRefresh: true });
      return pool.sim.requests.length - before;
    }).then(() => pool.sim.requests.filter((r) => (r.input as { AuthFlow?: string }).AuthFlow === 'REFRESH_TOKEN_AUTH' || r.operation === 'GetTokensFromRefreshToken').length),
  );
  record('requests', rows);
  console.table(rows);
});
