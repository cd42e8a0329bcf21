import {
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/testing';
import { PASSWORD, simulatorServerPerFile } from './support';

const simulate = simulatorServerPerFile();

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const attributes = { email: 'alice@example.com', email_verified: 'true', phone_number: '+15555551234' };
const signIn = { AuthFlow: 'USER_PASSWORD_AUTH' as const, AuthParameters: { USERNAME: 'alice', PASSWORD } };

describe('given a user with SMS MFA', () => {
  const user = { username: 'alice', password: PASSWORD, attributes, mfa: { sms: true } };

  it('sends a 6-digit code to the masked phone number, and accepts it after a wrong one', async () => {
    const { initiate, respond, sim } = simulate({ users: [user] });
    const first = await initiate(signIn);
    expect(first.ChallengeName).toBe('SMS_MFA');
    expect(first.ChallengeParameters).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: '+*******1234',
    });
    const code = sim.lastCode('alice')!;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(
      respond({ ChallengeName: 'SMS_MFA', Session: first.Session, ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: wrong } }),
    ).rejects.toMatchObject({ name: 'CodeMismatchException', message: 'Invalid code received for user' });
    const done = await respond({
      ChallengeName: 'SMS_MFA',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: code },
    });
    expect(done.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('invalidates the session after three wrong codes', async () => {
    const { initiate, respond, sim } = simulate({ users: [user] });
    const first = await initiate(signIn);
    const code = sim.lastCode('alice')!;
    const wrong = code === '000000' ? '111111' : '000000';
    const answer = (c: string) =>
      respond({ ChallengeName: 'SMS_MFA', Session: first.Session, ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: c } });
    for (let i = 0; i < 3; i++) await expect(answer(wrong)).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await expect(answer(code)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('never asks for MFA when the pool has MFA off', async () => {
    const { initiate } = simulate({ users: [user], mfaConfiguration: 'OFF' });
    await expect(initiate(signIn)).resolves.toMatchObject({ AuthenticationResult: expect.anything() });
  });
});

describe('given a user with several MFA methods', () => {
  const user = { username: 'alice', password: PASSWORD, attributes, mfa: { sms: true, email: true, totpSecret: TOTP_SECRET } };

  it('lets the user choose with SELECT_MFA_TYPE, then sends the chosen code', async () => {
    const { initiate, respond, sim } = simulate({ users: [user] });
    const first = await initiate(signIn);
    expect(first.ChallengeName).toBe('SELECT_MFA_TYPE');
    expect(JSON.parse(first.ChallengeParameters!.MFAS_CAN_CHOOSE!)).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
    const chosen = await respond({
      ChallengeName: 'SELECT_MFA_TYPE',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'EMAIL_OTP' },
    });
    expect(chosen).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' },
    });
    expect(chosen.Session).not.toBe(first.Session);
    const done = await respond({
      ChallengeName: 'EMAIL_OTP',
      Session: chosen.Session,
      ChallengeResponses: { USERNAME: 'alice', EMAIL_OTP_CODE: sim.lastCode('alice')! },
    });
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('goes straight to the preferred method', async () => {
    const { initiate } = simulate({ users: [{ ...user, mfa: { ...user.mfa, preferred: 'SOFTWARE_TOKEN_MFA' } }] });
    await expect(initiate(signIn)).resolves.toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA' });
  });
});

describe('given a user with TOTP MFA', () => {
  const user = { username: 'alice', password: PASSWORD, attributes, mfa: { totpSecret: TOTP_SECRET } };

  it('checks the RFC 6238 code against the simulator clock', async () => {
    const { initiate, respond, sim } = simulate({ users: [user] });
    const first = await initiate(signIn);
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    // A code from ten minutes ago is outside the ±1 step window.
    const stale = await totpCode(TOTP_SECRET, sim.now() - 600_000);
    const current = await totpCode(sim.totpSecret('alice')!, sim.now());
    if (stale !== current) {
      await expect(
        respond({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: first.Session, ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: stale } }),
      ).rejects.toMatchObject({ name: 'CodeMismatchException' });
    }
    const done = await respond({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: current },
    });
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('computes the RFC 6238 test vector', async () => {
    // RFC 6238 Appendix B, SHA-1 secret "12345678901234567890", T = 59 s -> 94287082 (6 digits: 287082).
    await expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).resolves.toBe('287082');
    await expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1_111_111_109_000)).resolves.toBe('081804');
  });
});

describe('given a pool that requires MFA (mfaConfiguration ON)', () => {
  const user = { username: 'alice', password: PASSWORD, attributes };

  it('enrols TOTP during sign-in with AssociateSoftwareToken and VerifySoftwareToken', async () => {
    const { initiate, respond, client, sim } = simulate({ users: [user], mfaConfiguration: 'ON' });
    const first = await initiate(signIn);
    expect(first.ChallengeName).toBe('MFA_SETUP');
    expect(JSON.parse(first.ChallengeParameters!.MFAS_CAN_SETUP!)).toEqual(['SOFTWARE_TOKEN_MFA']);

    const associated = await client.send(new AssociateSoftwareTokenCommand({ Session: first.Session }));
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{32}$/);
    expect(sim.totpSecret('alice')).toBe(associated.SecretCode);

    await expect(
      client.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: '000000' })),
    ).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' });
    const verified = await client.send(
      new VerifySoftwareTokenCommand({
        Session: associated.Session,
        UserCode: await totpCode(associated.SecretCode!, sim.now()),
        FriendlyDeviceName: 'phone',
      }),
    );
    expect(verified.Status).toBe('SUCCESS');

    const done = await respond({ ChallengeName: 'MFA_SETUP', Session: verified.Session, ChallengeResponses: { USERNAME: 'alice' } });
    const me = await client.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken }));
    expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(sim.user('alice')!.mfa).toMatchObject({ totp: true, preferred: 'SOFTWARE_TOKEN_MFA' });

    // The next sign-in asks for the new TOTP.
    const again = await initiate(signIn);
    expect(again).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: { FRIENDLY_DEVICE_NAME: 'phone' } });
  });

  it('enrols email MFA with an EMAIL_OTP round', async () => {
    const { initiate, respond, sim } = simulate({
      users: [{ username: 'alice', password: PASSWORD }],
      mfaConfiguration: 'ON',
      mfaSetupMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    });
    const first = await initiate(signIn);
    const otp = await respond({
      ChallengeName: 'MFA_SETUP',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', EMAIL: 'new@example.com' },
    });
    expect(otp).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DESTINATION: 'n***@e***' } });
    await respond({
      ChallengeName: 'EMAIL_OTP',
      Session: otp.Session,
      ChallengeResponses: { USERNAME: 'alice', EMAIL_OTP_CODE: sim.lastCode('alice')! },
    });
    expect(sim.user('alice')).toMatchObject({ attributes: { email: 'new@example.com', email_verified: 'true' }, mfa: { email: true } });
  });

  it('enrols TOTP for a signed-in user with an access token', async () => {
    const { initiate, client, sim } = simulate({ users: [user] });
    const out = await initiate(signIn);
    const AccessToken = out.AuthenticationResult!.AccessToken!;
    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: await totpCode(SecretCode!, sim.now()) }));
    expect(sim.user('alice')!.mfa.enabled).toEqual(['SOFTWARE_TOKEN_MFA']);
  });
});
