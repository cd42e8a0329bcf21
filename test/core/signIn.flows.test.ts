import { describe, expect, it, vi } from 'vitest';
import { N, g, modPow } from '../../src/core/srp/index.js';
import { totpCode, createVirtualAuthenticator } from '../../src/testing';
import { PASSWORD, USER_POOL_ID, createPool, mswServerPerFile } from '../helpers/pool';

const server = mswServerPerFile();

const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice' } };

describe('given a user with a password and no MFA', () => {
  it('signs in with SRP in exactly InitiateAuth + RespondToAuthChallenge, reading the user from the ID token', async () => {
    const { auth, operations, sim } = createPool(server, { users: [alice] });
    const before = sim.now();
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(step).toEqual({ name: 'DONE' });
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    const snapshot = auth.getSnapshot();
    expect(snapshot.status).toBe('signedIn');
    expect(snapshot.user).toMatchObject({ username: 'alice', attributes: { email: 'alice@example.com', name: 'Alice' } });
    expect(snapshot.user?.sub).toBe(sim.user('alice')?.attributes.sub);
    const tokens = auth.getTokens();
    expect(tokens?.refreshToken).toBeTruthy();
    // The access token lives an hour from when it arrived.
    expect(tokens?.expiresAt).toBeGreaterThanOrEqual(before + 60 * 60_000);
    expect(tokens?.expiresAt).toBeLessThanOrEqual(sim.now() + 60 * 60_000);
  });

  it('signs in with USER_PASSWORD_AUTH in one request', async () => {
    const { auth, operations } = createPool(server, { users: [alice] });
    expect(await auth.signIn({ username: 'alice', password: PASSWORD, authFlow: 'USER_PASSWORD_AUTH' })).toEqual({ name: 'DONE' });
    expect(operations()).toEqual(['InitiateAuth']);
  });

  it('signs in with an email alias, answering as the pool username (USER_ID_FOR_SRP) with a correct SECRET_HASH', async () => {
    const { auth, sim } = createPool(server, {
      users: [{ ...alice, username: '7d3f0c7e-uuid-alice' }],
      signInAliases: ['email'],
      clientSecret: 'shh-its-a-secret',
    });
    expect(await auth.signIn({ username: '  alice@example.com ', password: PASSWORD })).toEqual({ name: 'DONE' });
    const respond = sim.requests[1]?.input as { ChallengeResponses: Record<string, string> };
    expect(respond.ChallengeResponses.USERNAME).toBe('7d3f0c7e-uuid-alice');
    expect(respond.ChallengeResponses.SECRET_HASH).toBeTruthy();
    expect(auth.getSnapshot().user?.username).toBe('7d3f0c7e-uuid-alice');
  });

  it('passes client metadata, analytics metadata and user context data through as the API defines them', async () => {
    const { auth, sim } = createPool(server, { users: [alice] }, {
      clientMetadata: { app: 'web' },
      analyticsMetadata: { AnalyticsEndpointId: 'endpoint-1' },
      userContextData: (username) => ({ EncodedData: `ctx-for-${username}` }),
    });
    await auth.signIn({ username: 'alice', password: PASSWORD, clientMetadata: { attempt: '1' } });
    for (const { input } of sim.requests) {
      expect(input).toMatchObject({
        ClientMetadata: { app: 'web', attempt: '1' },
        AnalyticsMetadata: { AnalyticsEndpointId: 'endpoint-1' },
        UserContextData: { EncodedData: 'ctx-for-alice' },
      });
    }
  });

  it('computes SRP A ahead of time and sends that A, so the password is the only work left on submit', async () => {
    const drawn: Uint8Array[] = [];
    const { auth, sim } = createPool(server, { users: [alice] }, {
      randomBytes: (bytes) => {
        crypto.getRandomValues(bytes);
        drawn.push(bytes.slice());
        return bytes;
      },
    });
    auth.prepareSignIn();
    // The engine is a chunk the store fetches at once: A is drawn as soon as it is there, before any sign-in.
    await vi.waitFor(() => expect(drawn).toHaveLength(1));
    const a = BigInt(`0x${Buffer.from(drawn[0] as Uint8Array).toString('hex')}`);
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
    const sentA = (sim.requests[0]?.input as { AuthParameters: Record<string, string> }).AuthParameters.SRP_A as string;
    expect(BigInt(`0x${sentA}`)).toBe(modPow(g, a, N));
  });
});

describe('given MFA', () => {
  it('asks for the SMS code, keeps the step after a wrong code, and signs in with the right one', async () => {
    const { auth, sim } = createPool(server, { users: [{ ...alice, attributes: { ...alice.attributes, phone_number: '+15555551234' }, mfa: { sms: true } }] });
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(step).toMatchObject({ name: 'SMS_MFA', codeDelivery: { deliveryMedium: 'SMS' } });
    expect(step.name === 'SMS_MFA' && step.codeDelivery.destination).toMatch(/1234$/);

    const code = sim.lastCode('alice') as string;
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(auth.respondToChallenge({ name: 'SMS_MFA', code: wrong })).rejects.toMatchObject({ name: 'CodeMismatchException' });
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', step: { name: 'SMS_MFA' }, error: { name: 'CodeMismatchException' } });

    expect(await auth.respondToChallenge({ name: 'SMS_MFA', code: `${code.slice(0, 3)} ${code.slice(3)}` })).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot().error).toBeNull();
  });

  it('asks for an authenticator code (SOFTWARE_TOKEN_MFA) and accepts the current TOTP', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const { auth, sim } = createPool(server, { users: [{ ...alice, mfa: { totpSecret: secret } }] });
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA' });
    expect(await auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(secret, sim.now()) })).toEqual({ name: 'DONE' });
  });

  it('asks for an email code (EMAIL_OTP) as the second factor', async () => {
    const { auth, sim } = createPool(server, { users: [{ ...alice, mfa: { email: true } }] });
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toMatchObject({ name: 'EMAIL_OTP', codeDelivery: { deliveryMedium: 'EMAIL' } });
    expect(await auth.respondToChallenge({ name: 'EMAIL_OTP', code: sim.lastCode('alice') as string })).toEqual({ name: 'DONE' });
  });

  it('lets the user choose between SMS and TOTP (SELECT_MFA_TYPE), then asks for that code', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const { auth, sim } = createPool(server, {
      users: [{ ...alice, attributes: { ...alice.attributes, phone_number: '+15555551234' }, mfa: { sms: true, totpSecret: secret } }],
    });
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(step).toEqual({ name: 'SELECT_MFA_TYPE', options: expect.arrayContaining(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']) });
    await expect(auth.respondToChallenge({ name: 'SELECT_MFA_TYPE', mfaType: 'EMAIL_OTP' })).rejects.toMatchObject({ name: 'InvalidInput' });
    expect(await auth.respondToChallenge({ name: 'SELECT_MFA_TYPE', mfaType: 'SOFTWARE_TOKEN_MFA' })).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA' });
    expect(await auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(secret, sim.now()) })).toEqual({ name: 'DONE' });
  });

  it('with a client secret, sends SECRET_HASH on every request of the sign-in, including MFA setup', async () => {
    const { auth, sim } = createPool(server, { users: [alice], clientSecret: 'client-secret-1', mfaConfiguration: 'ON' });
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    if (step.name !== 'MFA_SETUP' || !step.totp) throw new Error('expected TOTP setup');
    const code = await totpCode(step.totp.secret, sim.now());
    expect(await auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code })).toEqual({ name: 'DONE' });
    const withParams = sim.requests.filter((r) => r.operation === 'InitiateAuth' || r.operation === 'RespondToAuthChallenge');
    expect(withParams.length).toBe(3);
    for (const { input } of withParams) {
      const { AuthParameters, ChallengeResponses } = input as { AuthParameters?: Record<string, string>; ChallengeResponses?: Record<string, string> };
      expect((AuthParameters ?? ChallengeResponses)?.SECRET_HASH).toMatch(/^[A-Za-z0-9+/]+=*$/);
    }
  });

  it('skips MFA on a remembered device by answering DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER itself', async () => {
    const device = { deviceKey: 'eu-west-1_3f5a7e2c-device', deviceGroupKey: '-GroupKey1', devicePassword: 'device-password-40-bytes-base64' };
    const { auth, operations, sim } = createPool(
      server,
      { users: [{ ...alice, mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }, devices: [device] }], deviceTracking: true },
      { deviceStore: { get: (username) => (username === 'alice' ? device : null) } },
    );
    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
    for (const { input } of sim.requests) {
      const params = (input as { AuthParameters?: Record<string, string>; ChallengeResponses?: Record<string, string> });
      expect((params.AuthParameters ?? params.ChallengeResponses)?.DEVICE_KEY).toBe(device.deviceKey);
    }
  });
});

describe('given a pool that requires MFA and a user without it (MFA_SETUP)', () => {
  it('enrols an authenticator app: the step carries the secret and an otpauth URI, and the first code signs in', async () => {
    const { auth, sim, operations } = createPool(server, { users: [alice], mfaConfiguration: 'ON' }, { totpIssuer: 'Acme: Staging' });
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    if (step.name !== 'MFA_SETUP' || !step.totp) throw new Error(`expected MFA_SETUP with TOTP, got ${JSON.stringify(step)}`);
    expect(step.options).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(step.totp.secret).toBe(sim.totpSecret('alice'));
    expect(step.totp.uri).toBe(
      `otpauth://totp/Acme%3A%20Staging:alice?secret=${step.totp.secret}&issuer=Acme%3A%20Staging&algorithm=SHA1&digits=6&period=30`,
    );
    await expect(auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: '12345' })).rejects.toMatchObject({ name: 'InvalidInput', field: 'code' });
    const code = await totpCode(step.totp.secret, sim.now());
    expect(await auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code, friendlyDeviceName: 'Phone' })).toEqual({ name: 'DONE' });
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'RespondToAuthChallenge']);
    expect(sim.user('alice')?.mfa).toMatchObject({ totp: true });
  });

  it('offers the choice when email MFA can be set up too, and continues to EMAIL_OTP with the address given', async () => {
    const { auth, sim } = createPool(server, {
      users: [{ ...alice, attributes: {} }],
      mfaConfiguration: 'ON',
      mfaSetupMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    });
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(step).toEqual({ name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
    await expect(auth.respondToChallenge({ name: 'MFA_SETUP', method: 'EMAIL_OTP', email: 'not-an-address' })).rejects.toMatchObject({ name: 'InvalidInput', field: 'email' });
    expect(await auth.respondToChallenge({ name: 'MFA_SETUP', method: 'EMAIL_OTP', email: 'alice@example.com' })).toMatchObject({
      name: 'EMAIL_OTP',
      codeDelivery: { deliveryMedium: 'EMAIL' },
    });
    expect(await auth.respondToChallenge({ name: 'EMAIL_OTP', code: sim.lastCode('alice') as string })).toEqual({ name: 'DONE' });
  });

  it('starts TOTP enrolment on demand when the user picks the authenticator app', async () => {
    const { auth, sim } = createPool(server, { users: [alice], mfaConfiguration: 'ON', mfaSetupMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const step = await auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA' });
    if (step.name !== 'MFA_SETUP' || !step.totp) throw new Error('expected TOTP setup');
    expect(step.totp.uri).toContain(`issuer=${encodeURIComponent(USER_POOL_ID)}`);
    const code = await totpCode(step.totp.secret, sim.now());
    expect(await auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code })).toEqual({ name: 'DONE' });
  });
});

describe('given a user who must choose a new password (NEW_PASSWORD_REQUIRED)', () => {
  it('lists the required attributes, rejects a missing one before any request, and signs in with the new password', async () => {
    const { auth, sim } = createPool(server, {
      users: [{ username: 'bob', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'bob@example.com' } }],
      requiredAttributes: ['email', 'name'],
    });
    const step = await auth.signIn({ username: 'bob', password: 'Temp0rary!pass' });
    expect(step).toEqual({ name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['name'], userAttributes: expect.objectContaining({ email: 'bob@example.com' }) });

    const sent = sim.requests.length;
    await expect(auth.respondToChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w!password' })).rejects.toMatchObject({ name: 'InvalidInput', field: 'attributes' });
    expect(sim.requests.length).toBe(sent);

    await expect(auth.respondToChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword: 'short', attributes: { name: 'Bob' } })).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    expect(auth.getSnapshot().step?.name).toBe('NEW_PASSWORD_REQUIRED');

    expect(await auth.respondToChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w!password', attributes: { name: 'Bob', email: 'bob@example.com' } })).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot().user?.attributes.name).toBe('Bob');
    expect(sim.user('bob')?.status).toBe('CONFIRMED');
  });
});

describe('given a custom authentication Lambda (CUSTOM_AUTH)', () => {
  const carol = {
    username: 'carol',
    password: PASSWORD,
    customChallenge: { rounds: [{ parameters: { question: 'Favourite colour?' }, answer: 'blue' }, { parameters: { question: 'Pet name?' }, answer: 'Rex' }] },
  };

  it('shows each round’s public parameters and signs in after the last right answer', async () => {
    const { auth } = createPool(server, { users: [carol] });
    expect(await auth.signIn({ username: 'carol', authFlow: 'CUSTOM_AUTH' })).toEqual({ name: 'CUSTOM_CHALLENGE', parameters: { question: 'Favourite colour?' } });
    expect(await auth.respondToChallenge({ name: 'CUSTOM_CHALLENGE', answer: 'red' })).toEqual({ name: 'CUSTOM_CHALLENGE', parameters: { question: 'Favourite colour?' } });
    expect(await auth.respondToChallenge({ name: 'CUSTOM_CHALLENGE', answer: 'blue' })).toMatchObject({ parameters: { question: 'Pet name?' } });
    expect(await auth.respondToChallenge({ name: 'CUSTOM_CHALLENGE', answer: 'Rex' })).toEqual({ name: 'DONE' });
  });

  it('verifies the password by SRP first with CUSTOM_WITH_SRP', async () => {
    const { auth, operations } = createPool(server, { users: [carol] });
    expect(await auth.signIn({ username: 'carol', password: PASSWORD, authFlow: 'CUSTOM_WITH_SRP' })).toMatchObject({ name: 'CUSTOM_CHALLENGE' });
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });
});

describe('given choice-based sign-in (USER_AUTH)', () => {
  const dave = { username: 'dave', password: PASSWORD, attributes: { email: 'dave@example.com', email_verified: 'true', phone_number: '+15555550000', phone_number_verified: 'true' } };

  it('offers the available first factors and signs in with an 8-digit email code', async () => {
    const { auth, sim } = createPool(server, { users: [dave] }, { authFlow: 'USER_AUTH' });
    const step = await auth.signIn({ username: 'dave' });
    expect(step).toEqual({ name: 'SELECT_CHALLENGE', options: expect.arrayContaining(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']) });
    expect(await auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'EMAIL_OTP' })).toMatchObject({ name: 'EMAIL_OTP' });
    const code = sim.lastCode('dave') as string;
    expect(code).toMatch(/^\d{8}$/);
    expect(await auth.respondToChallenge({ name: 'EMAIL_OTP', code })).toEqual({ name: 'DONE' });
  });

  it('signs in with an SMS code (SMS_OTP)', async () => {
    const { auth, sim } = createPool(server, { users: [dave] }, { authFlow: 'USER_AUTH' });
    await auth.signIn({ username: 'dave' });
    expect(await auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'SMS_OTP' })).toMatchObject({ name: 'SMS_OTP', codeDelivery: { deliveryMedium: 'SMS' } });
    expect(await auth.respondToChallenge({ name: 'SMS_OTP', code: sim.lastCode('dave') as string })).toEqual({ name: 'DONE' });
  });

  it('answers PASSWORD_SRP with the password in the same call as the choice', async () => {
    const { auth, operations } = createPool(server, { users: [dave] }, { authFlow: 'USER_AUTH' });
    await auth.signIn({ username: 'dave' });
    expect(await auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'PASSWORD_SRP', password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
  });

  it('answers PASSWORD with the password in the same call as the choice', async () => {
    const { auth, operations } = createPool(server, { users: [dave] }, { authFlow: 'USER_AUTH' });
    await auth.signIn({ username: 'dave' });
    expect(await auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'PASSWORD', password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('shows a PASSWORD step when the choice comes without the password', async () => {
    const { auth } = createPool(server, { users: [dave] }, { authFlow: 'USER_AUTH' });
    await auth.signIn({ username: 'dave' });
    expect(await auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'PASSWORD' })).toEqual({ name: 'PASSWORD' });
    expect(await auth.respondToChallenge({ name: 'PASSWORD', password: PASSWORD })).toEqual({ name: 'DONE' });
  });

  it('shows a PASSWORD_SRP step when the SRP choice comes without the password', async () => {
    const { auth } = createPool(server, { users: [dave] }, { authFlow: 'USER_AUTH' });
    await auth.signIn({ username: 'dave' });
    expect(await auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'PASSWORD_SRP' })).toEqual({ name: 'PASSWORD_SRP' });
    expect(await auth.respondToChallenge({ name: 'PASSWORD_SRP', password: PASSWORD })).toEqual({ name: 'DONE' });
  });

  it('goes straight to the preferred first factor', async () => {
    const { auth, operations } = createPool(server, { users: [dave] });
    expect(await auth.signIn({ username: 'dave', password: PASSWORD, authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' })).toEqual({ name: 'DONE' });
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('signs in with a passkey (WEB_AUTHN), obtaining the assertion through the configured authenticator', async () => {
    const authenticator = await createVirtualAuthenticator({ rpId: 'example.com' });
    const { auth } = createPool(
      server,
      { users: [{ ...dave, passkeys: [{ credentialId: authenticator.credentialId, publicKeyJwk: authenticator.publicKeyJwk, rpId: 'example.com' }] }], relyingPartyId: 'example.com' },
      { authFlow: 'USER_AUTH', webAuthn: authenticator.get },
    );
    const select = await auth.signIn({ username: 'dave' });
    expect(select.name === 'SELECT_CHALLENGE' && select.options).toContain('WEB_AUTHN');
    const step = await auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'WEB_AUTHN' });
    expect(step).toMatchObject({ name: 'WEB_AUTHN', credentialRequestOptions: { rpId: 'example.com', challenge: expect.any(String) } });
    expect(await auth.respondToChallenge({ name: 'WEB_AUTHN' })).toEqual({ name: 'DONE' });
  });
});
