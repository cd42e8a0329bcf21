import { describe, expect, it } from 'vitest';
import type { AuthenticationResponseJSON, CredentialRequestOptionsJSON } from '../../src/core/types';
import { createVirtualAuthenticator } from '../../src/testing';
import { PASSWORD, simulatorServerPerFile } from './support';

const simulate = simulatorServerPerFile();

const attributes = { email: 'alice@example.com', email_verified: 'true', phone_number: '+15555551234' };

describe('given choice-based sign-in (USER_AUTH)', () => {
  const user = { username: 'alice', password: PASSWORD, attributes, mfa: { sms: true } };

  it('offers the available first factors, then signs in with an 8-digit email code and no MFA', async () => {
    const { initiate, respond, sim } = simulate({ users: [user] });
    const first = await initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } });
    expect(first.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(first.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']);

    const otp = await respond({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'EMAIL_OTP' },
    });
    expect(otp).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' },
    });
    expect(sim.lastCode('alice')).toMatch(/^\d{8}$/);
    const done = await respond({
      ChallengeName: 'EMAIL_OTP',
      Session: otp.Session,
      ChallengeResponses: { USERNAME: 'alice', EMAIL_OTP_CODE: sim.lastCode('alice')! },
    });
    // Passwordless first factors end in tokens even though the user has SMS MFA.
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('limits AvailableChallenges to the pool allowed factors', async () => {
    const { initiate } = simulate({ users: [user], allowedFirstAuthFactors: ['PASSWORD', 'SMS_OTP'] });
    const first = await initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } });
    expect(first.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'SMS_OTP']);
  });

  it('takes PREFERRED_CHALLENGE=PASSWORD with the password in the same call (then MFA applies)', async () => {
    const { initiate } = simulate({ users: [user] });
    const first = await initiate({
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
    });
    expect(first.ChallengeName).toBe('SMS_MFA');
  });

  it('answers SELECT_CHALLENGE with PASSWORD in the same call, or asks for it with a PASSWORD challenge', async () => {
    const { initiate, respond } = simulate({ users: [{ ...user, mfa: {} }] });
    const first = await initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } });
    const done = await respond({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'PASSWORD', PASSWORD },
    });
    expect(done.AuthenticationResult).toBeDefined();

    const again = await initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } });
    const ask = await respond({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: again.Session,
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'PASSWORD' },
    });
    expect(ask.ChallengeName).toBe('PASSWORD');
    await expect(
      respond({ ChallengeName: 'PASSWORD', Session: ask.Session, ChallengeResponses: { USERNAME: 'alice', PASSWORD: 'wrong' } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('sends an SMS_OTP code for PREFERRED_CHALLENGE=SMS_OTP', async () => {
    const { initiate, respond, sim } = simulate({ users: [user] });
    const first = await initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice', PREFERRED_CHALLENGE: 'SMS_OTP' } });
    expect(first).toMatchObject({ ChallengeName: 'SMS_OTP', ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*******1234' } });
    const done = await respond({
      ChallengeName: 'SMS_OTP',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', SMS_OTP_CODE: sim.lastCode('alice')! },
    });
    expect(done.AuthenticationResult).toBeDefined();
  });
});

describe('given a user with a passkey (WEB_AUTHN)', () => {
  async function setUp() {
    const passkey = await createVirtualAuthenticator();
    const ctx = simulate({ users: [{ username: 'alice', password: PASSWORD, attributes, passkeys: [passkey] }] });
    const first = await ctx.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice', PREFERRED_CHALLENGE: 'WEB_AUTHN' } });
    expect(first.ChallengeName).toBe('WEB_AUTHN');
    const options = JSON.parse(first.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as CredentialRequestOptionsJSON;
    return { ...ctx, passkey, first, options };
  }

  it('signs in with an assertion over the issued challenge', async () => {
    const { respond, passkey, first, options } = await setUp();
    expect(options).toMatchObject({
      rpId: 'localhost',
      userVerification: 'required',
      allowCredentials: [{ id: passkey.credentialId, type: 'public-key' }],
    });
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const credential = await passkey.get(options);
    const done = await respond({
      ChallengeName: 'WEB_AUTHN',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', CREDENTIAL: JSON.stringify(credential) },
    });
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('rejects a tampered signature', async () => {
    const { respond, passkey, first, options } = await setUp();
    const credential = await passkey.get(options);
    const signature = Buffer.from(credential.response.signature, 'base64url');
    signature[signature.length - 1]! ^= 0x01;
    const tampered: AuthenticationResponseJSON = {
      ...credential,
      response: { ...credential.response, signature: signature.toString('base64url') },
    };
    await expect(
      respond({
        ChallengeName: 'WEB_AUTHN',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'alice', CREDENTIAL: JSON.stringify(tampered) },
      }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('rejects an assertion over another challenge', async () => {
    const { respond, passkey, first, options } = await setUp();
    const credential = await passkey.get({ ...options, challenge: 'AAAA' });
    await expect(
      respond({
        ChallengeName: 'WEB_AUTHN',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'alice', CREDENTIAL: JSON.stringify(credential) },
      }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: expect.stringContaining('challenge') });
  });

  it('offers WEB_AUTHN in AvailableChallenges', async () => {
    const passkey = await createVirtualAuthenticator();
    const { initiate } = simulate({ users: [{ username: 'alice', password: PASSWORD, passkeys: [passkey] }] });
    const first = await initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } });
    expect(first.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN']);
  });
});

describe('given custom authentication (CUSTOM_AUTH)', () => {
  const user = {
    username: 'alice',
    password: PASSWORD,
    customChallenge: {
      rounds: [
        { parameters: { question: 'colour?' }, answer: 'blue' },
        { parameters: { question: 'animal?' }, answer: 'cat' },
      ],
      maxAttempts: 2,
    },
  };

  it('asks every round and re-asks a round after a wrong answer', async () => {
    const { initiate, respond } = simulate({ users: [user] });
    const first = await initiate({ AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'alice' } });
    expect(first).toMatchObject({ ChallengeName: 'CUSTOM_CHALLENGE', ChallengeParameters: { question: 'colour?', USERNAME: 'alice' } });
    const retry = await respond({
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'red' },
    });
    expect(retry.ChallengeParameters).toMatchObject({ question: 'colour?' });
    const second = await respond({
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: retry.Session,
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'blue' },
    });
    expect(second.ChallengeParameters).toMatchObject({ question: 'animal?' });
    // Two wrong answers in all (maxAttempts: 2) end the sign-in.
    await expect(
      respond({ ChallengeName: 'CUSTOM_CHALLENGE', Session: second.Session, ChallengeResponses: { USERNAME: 'alice', ANSWER: 'dog' } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('completes after the last round', async () => {
    const { initiate, respond } = simulate({ users: [user] });
    let reply = await initiate({ AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'alice' } });
    for (const answer of ['blue', 'cat']) {
      reply = await respond({ ChallengeName: 'CUSTOM_CHALLENGE', Session: reply.Session, ChallengeResponses: { USERNAME: 'alice', ANSWER: answer } });
    }
    expect(reply.AuthenticationResult).toBeDefined();
  });
});
