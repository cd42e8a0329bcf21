import { createPublicKey, createVerify, type JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import {
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, PASSWORD, POOL_ID, claimsOf, headerOf, secretHash, simulatorServerPerFile } from './support';

const simulate = simulatorServerPerFile();

const alice = {
  username: 'alice',
  password: PASSWORD,
  attributes: {
    email: 'alice@example.com',
    email_verified: 'true',
    name: 'Alice',
    'custom:team': 'blue',
  },
};

describe('given USER_PASSWORD_AUTH', () => {
  it('signs a confirmed user in with the right password', async () => {
    const { initiate, sim } = simulate({ users: [alice] });
    const out = await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
    expect(out.ChallengeName).toBeUndefined();
    expect(out.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(out.AuthenticationResult?.RefreshToken).toEqual(expect.any(String));
    expect(sim.requests).toEqual([
      { operation: 'InitiateAuth', input: expect.objectContaining({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID }) },
    ]);
  });

  it('rejects a wrong password with NotAuthorizedException', async () => {
    const { initiate } = simulate({ users: [alice] });
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'nope' } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('hides unknown users by default (preventUserExistenceErrors)', async () => {
    const { initiate } = simulate({ users: [alice] });
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('reports unknown users when preventUserExistenceErrors is off', async () => {
    const { initiate } = simulate({ users: [alice], preventUserExistenceErrors: false });
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD } }),
    ).rejects.toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('reports an unconfirmed user only after the password checked out', async () => {
    const { initiate } = simulate({ users: [{ ...alice, status: 'UNCONFIRMED' }] });
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'wrong' } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    ).rejects.toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
  });

  it('requires a password reset for RESET_REQUIRED users', async () => {
    const { initiate } = simulate({ users: [{ ...alice, status: 'RESET_REQUIRED' }] });
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    ).rejects.toMatchObject({ name: 'PasswordResetRequiredException' });
  });

  it('lets a user sign in with a verified email alias and returns the real username', async () => {
    const { initiate } = simulate({
      users: [alice, { username: 'carol', password: PASSWORD, attributes: { email: 'carol@example.com' } }],
      signInAliases: ['email'],
    });
    const out = await initiate({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'Alice@Example.com', PASSWORD },
    });
    expect(claimsOf(out.AuthenticationResult?.IdToken)['cognito:username']).toBe('alice');
    // An unverified email is no alias.
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol@example.com', PASSWORD } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('given an app client with a secret', () => {
  it('requires SECRET_HASH and checks it', async () => {
    const { initiate } = simulate({ users: [alice], clientSecret: 's3cret' });
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${CLIENT_ID} is configured with secret but SECRET_HASH was not received`,
    });
    await expect(
      initiate({
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash('wrong', 'alice') },
      }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${CLIENT_ID}` });
    const out = await initiate({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash('s3cret', 'alice') },
    });
    expect(out.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('checks SECRET_HASH in challenge answers too', async () => {
    const { initiate, respond, sim } = simulate({
      users: [{ ...alice, attributes: { ...alice.attributes, phone_number: '+15555551234' }, mfa: { sms: true } }],
      clientSecret: 's3cret',
    });
    const first = await initiate({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash('s3cret', 'alice') },
    });
    const code = sim.lastCode('alice')!;
    await expect(
      respond({ ChallengeName: 'SMS_MFA', Session: first.Session, ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: code } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('given the wire protocol', () => {
  it('rejects an unknown client id, unknown operations and missing parameters', async () => {
    const { initiate, client } = simulate({ users: [alice] });
    await expect(
      initiate({ ClientId: 'other', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice' } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    });
    await expect(
      client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'ADMIN_NO_SRP_AUTH', AuthParameters: {} })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });

    const response = await fetch('https://cognito-idp.eu-west-1.amazonaws.com/', {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.CreateGroup', 'Content-Type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^UnknownOperationException/);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('serves extra endpoints such as a local emulator address', async () => {
    simulate({ users: [alice], endpoints: ['http://127.0.0.1:9229'] });
    const response = await fetch('http://127.0.0.1:9229/', {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth', 'Content-Type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'x' } }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await response.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});

describe('given a temporary password (FORCE_CHANGE_PASSWORD)', () => {
  const temp = { username: 'tina', password: PASSWORD, status: 'FORCE_CHANGE_PASSWORD' as const, attributes: { email: 'tina@example.com' } };

  it('asks for a new password and the missing required attributes', async () => {
    const { initiate, respond, sim } = simulate({ users: [temp], requiredAttributes: ['email', 'name'] });
    const first = await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'tina', PASSWORD } });
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(JSON.parse(first.ChallengeParameters!.requiredAttributes!)).toEqual(['userAttributes.name']);
    expect(JSON.parse(first.ChallengeParameters!.userAttributes!)).toEqual({ email: 'tina@example.com' });

    await expect(
      respond({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session, ChallengeResponses: { USERNAME: 'tina', NEW_PASSWORD: 'short' } }),
    ).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    await expect(
      respond({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session, ChallengeResponses: { USERNAME: 'tina', NEW_PASSWORD: 'N3w-Passw0rd' } }),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });

    const done = await respond({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'tina', NEW_PASSWORD: 'N3w-Passw0rd', 'userAttributes.name': 'Tina' },
    });
    expect(claimsOf(done.AuthenticationResult?.IdToken)).toMatchObject({ name: 'Tina' });
    expect(sim.user('tina')).toMatchObject({ status: 'CONFIRMED', attributes: { name: 'Tina' } });
    await expect(
      initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'tina', PASSWORD: 'N3w-Passw0rd' } }),
    ).resolves.toMatchObject({ AuthenticationResult: expect.anything() });
  });
});

describe('given challenge sessions', () => {
  const smsUser = { ...alice, attributes: { ...alice.attributes, phone_number: '+15555551234' }, mfa: { sms: true } };

  it('expires a session after authSessionValidityMinutes on the simulator clock', async () => {
    const { initiate, respond, sim } = simulate({ users: [smsUser], authSessionValidityMinutes: 5 });
    const first = await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
    sim.advanceTime(5 * 60_000 + 1);
    await expect(
      respond({ ChallengeName: 'SMS_MFA', Session: first.Session, ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: sim.lastCode('alice')! } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('uses a session once and rejects an answer to another challenge', async () => {
    const { initiate, respond, sim } = simulate({ users: [smsUser] });
    const first = await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
    await expect(
      respond({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: first.Session, ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: '123456' } }),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const answer = { ChallengeName: 'SMS_MFA' as const, Session: first.Session, ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: sim.lastCode('alice')! } };
    await expect(respond(answer)).resolves.toMatchObject({ AuthenticationResult: expect.anything() });
    await expect(respond(answer)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('given issued tokens', () => {
  it('signs RS256 JWTs with Cognito claims, verifiable with the served JWKS', async () => {
    const { initiate, sim } = simulate({ users: [alice], accessTokenValidityMinutes: 30 });
    const out = await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
    const { IdToken, AccessToken, ExpiresIn } = out.AuthenticationResult!;
    expect(ExpiresIn).toBe(1800);
    const issuer = `https://cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`;
    const now = Math.floor(sim.now() / 1000);
    const id = claimsOf(IdToken);
    expect(id).toMatchObject({
      sub: sim.user('alice')!.attributes.sub,
      'cognito:username': 'alice',
      aud: CLIENT_ID,
      iss: issuer,
      token_use: 'id',
      email: 'alice@example.com',
      email_verified: true,
      name: 'Alice',
      'custom:team': 'blue',
    });
    expect(id.exp).toBe((id.iat as number) + 1800);
    expect(Math.abs((id.auth_time as number) - now)).toBeLessThanOrEqual(1);
    const access = claimsOf(AccessToken);
    expect(access).toMatchObject({
      sub: id.sub,
      username: 'alice',
      client_id: CLIENT_ID,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      iss: issuer,
      jti: expect.any(String),
    });
    expect(access.device_key).toBeUndefined();

    const jwks = (await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as { keys: (NodeJsonWebKey & { kid: string })[] };
    for (const token of [IdToken!, AccessToken!]) {
      const header = headerOf(token);
      expect(header.alg).toBe('RS256');
      const jwk = jwks.keys.find((k) => k.kid === header.kid)!;
      const [h, p, s] = token.split('.') as [string, string, string];
      const verified = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'));
      expect(verified).toBe(true);
    }
  });

  it('refreshes tokens without a new refresh token, and stops after RevokeToken', async () => {
    const { initiate, client, sim } = simulate({ users: [alice] });
    const out = await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
    const { RefreshToken, AccessToken } = out.AuthenticationResult!;
    sim.advanceTime(61 * 60_000);
    await expect(client.send(new GetUserCommand({ AccessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });

    const refreshed = await initiate({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: RefreshToken! } });
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined();
    const newAccess = refreshed.AuthenticationResult!.AccessToken!;
    expect(claimsOf(newAccess).origin_jti).toBe(claimsOf(AccessToken).origin_jti);
    const user = await client.send(new GetUserCommand({ AccessToken: newAccess }));
    expect(user.Username).toBe('alice');
    expect(user.UserAttributes).toContainEqual({ Name: 'email', Value: 'alice@example.com' });

    const viaGetTokens = await client.send(new GetTokensFromRefreshTokenCommand({ ClientId: CLIENT_ID, RefreshToken }));
    expect(claimsOf(viaGetTokens.AuthenticationResult?.IdToken)['cognito:username']).toBe('alice');

    await client.send(new RevokeTokenCommand({ ClientId: CLIENT_ID, Token: RefreshToken! }));
    await expect(
      initiate({ AuthFlow: 'REFRESH_TOKEN', AuthParameters: { REFRESH_TOKEN: RefreshToken! } }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    await expect(client.send(new GetUserCommand({ AccessToken: newAccess }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  });

  it('goes back to the configured state on reset()', async () => {
    const { initiate, sim } = simulate({ users: [alice] });
    const sub = sim.user('alice')!.attributes.sub;
    await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
    sim.advanceTime(1000);
    sim.reset();
    expect(sim.requests).toEqual([]);
    expect(sim.user('alice')!.attributes.sub).toBe(sub);
  });
});
