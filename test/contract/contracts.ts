/**
 * The contracts: each a flow written once, set up through Admin calls, stepped through our engine
 * (`createCognitoAuth`) and, for server mode, through the server handler, asserting what the service
 * answers. They run unchanged against every target (see targets.ts).
 */
import { randomBytes } from 'node:crypto';
import {
  AdminConfirmSignUpCommand,
  AdminInitiateAuthCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'vitest';
import {
  confirmForgotPassword,
  createCognitoAuth,
  listPasskeys,
  registerPasskey,
  signUp,
  startTotpSetup,
  verifyTotpSetup,
  type CognitoAuth,
  type CognitoAuthConfig,
} from '../../src/core/index.js';
import { createAuthHandler } from '../../src/server/index.js';
import { createVirtualAuthenticator, totpCode } from '../../src/testing/index.js';
import { sdkClient } from './targets.js';
import type { ClientKind, Contract, Target } from './types.js';

/** A step the target could not take: what it lacked, in words the capability table matches. */
export class FeatureMissing extends Error {
  override name = 'FeatureMissing';
}

function require(condition: unknown, missing: string): asserts condition {
  if (!condition) throw new FeatureMissing(missing);
}

const PASSWORD = 'Contract-passw0rd!';

function store(target: Target, kind: ClientKind, config: Partial<CognitoAuthConfig> = {}): CognitoAuth {
  const client = target.client(kind);
  return createCognitoAuth({
    region: client.region,
    userPoolId: client.userPoolId,
    clientId: client.clientId,
    ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
    client: sdkClient(client),
    autoRefresh: false,
    ...config,
  });
}

/** A fresh user made with AdminCreateUser (no invitation sent), its password made permanent unless asked not to. */
async function newUser(target: Target, kind: ClientKind, options: { temporary?: boolean } = {}) {
  const username = `contract-${randomBytes(5).toString('hex')}`;
  const email = `${username}@example.com`;
  const { userPoolId } = target.client(kind);
  const admin = target.admin(kind);
  await admin.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: username,
      TemporaryPassword: options.temporary ? 'Temp-passw0rd!' : PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  if (!options.temporary) await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  return { username, email, password: options.temporary ? 'Temp-passw0rd!' : PASSWORD };
}

async function status(target: Target, kind: ClientKind, username: string) {
  return (await target.admin(kind).send(new AdminGetUserCommand({ UserPoolId: target.client(kind).userPoolId, Username: username }))).UserStatus;
}

/**
 * A TOTP code not used before in this flow, without waiting: this step's, else the next step's (Cognito
 * accepts one step of drift either way), so that a service refusing a code a second time never sees one twice.
 */
async function freshTotp(secret: string, used: Set<string>): Promise<string> {
  for (const at of [Date.now(), Date.now() + 30_000]) {
    const code = await totpCode(secret, at);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
  throw new Error('two TOTP steps in a row gave used codes');
}

/** Enrols TOTP with the access token, as the preferred MFA method; returns the secret. */
async function enrolTotp(auth: CognitoAuth, used: Set<string>): Promise<string> {
  const setup = await startTotpSetup(auth);
  await verifyTotpSetup(auth, { code: await freshTotp(setup.secret, used), preferred: true });
  return setup.secret;
}

/** The server handler on the confidential client, with a cookie jar, as a browser would call it. */
function serverMode(target: Target) {
  const client = target.client('confidential');
  const origin = 'http://127.0.0.1:3000';
  const handler = createAuthHandler({
    region: client.region,
    userPoolId: client.userPoolId,
    clientId: client.clientId,
    ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
    ...(client.issuer ? { issuer: client.issuer } : {}),
    authFlow: 'USER_PASSWORD_AUTH',
    cookieSecrets: ['contract-cookie-secret-0123456789abcdef'],
    cookie: { secure: false },
    client: target.admin('confidential'),
  });
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function call(method: 'GET' | 'POST', route: string, body: unknown = {}) {
    const response = await handler(
      new Request(`${origin}/api/auth/${route}`, {
        method,
        headers: { cookie: cookie(), ...(method === 'POST' ? { 'content-type': 'application/json', origin, 'x-csrf-token': jar.get('cognito-session-csrf') ?? '' } : {}) },
        ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
      }),
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0\b/.test(line)) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: response.status, body: (await response.json()) as { state: { status: string; user: { username: string } | null; step?: { name: string } | null }; error?: { name: string }; revoked?: boolean } };
  }
  return { handler, call, cookie, origin };
}

export const CONTRACTS: Contract[] = [
  {
    name: 'password',
    checks: 'USER_PASSWORD_AUTH signs in; GetUser reads the user; a wrong password is NotAuthorizedException',
    needs: [],
    async run(target) {
      const { username, email, password } = await newUser(target, 'public');
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      expect(await auth.signIn({ username, password })).toEqual({ name: 'DONE' });
      expect(await auth.getUser()).toMatchObject({ username, attributes: { email } });
      await expect(store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' }).signIn({ username, password: 'Wrong-passw0rd!' })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    },
  },
  {
    name: 'wire-errors',
    checks: 'InitiateAuth refuses a wrong password and an unknown user with NotAuthorizedException, as the API model lists',
    needs: ['modelErrors'],
    async run(target) {
      const { username } = await newUser(target, 'public');
      const client = target.client('public');
      const sdk = sdkClient(client);
      const attempt = (name: string) =>
        sdk.send(new InitiateAuthCommand({ ClientId: client.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: name, PASSWORD: 'Wrong-passw0rd!' } })).then(
          () => undefined,
          (error: Error) => error,
        );
      const wrong = await attempt(username);
      require(wrong?.name === 'NotAuthorizedException', `a wrong password was answered with ${wrong?.name ?? 'tokens'}`);
      // The app client prevents user-existence errors: an unknown user looks the same.
      const unknown = await attempt(`${username}-unknown`);
      expect(unknown?.name).toBe('NotAuthorizedException');
    },
  },
  {
    name: 'secret-hash',
    checks: 'a confidential client refuses sign-in without SECRET_HASH, or with a wrong one (NotAuthorizedException)',
    needs: ['secretHash'],
    async run(target) {
      const { username, password } = await newUser(target, 'confidential');
      const client = target.client('confidential');
      const attempt = (parameters: Record<string, string>) =>
        target
          .admin('confidential')
          .send(new AdminInitiateAuthCommand({ UserPoolId: client.userPoolId, ClientId: client.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password, ...parameters } }))
          .then(
            () => undefined,
            (error: Error) => error,
          );
      const without = await attempt({});
      require(without !== undefined, 'AdminInitiateAuth without SECRET_HASH signed in');
      expect(without.name).toBe('NotAuthorizedException');
      expect((await attempt({ SECRET_HASH: 'bm90IHRoZSBoYXNo' }))?.name).toBe('NotAuthorizedException');
    },
  },
  {
    name: 'srp',
    checks: 'USER_SRP_AUTH: PASSWORD_VERIFIER answered with our SRP; a wrong password fails the proof',
    needs: ['srp'],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      const auth = store(target, 'public', { authFlow: 'USER_SRP_AUTH' });
      expect(await auth.signIn({ username, password })).toEqual({ name: 'DONE' });
      expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username } });
      await expect(store(target, 'public', { authFlow: 'USER_SRP_AUTH' }).signIn({ username, password: 'Wrong-passw0rd!' })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    },
  },
  {
    name: 'user-auth',
    checks: 'USER_AUTH: SELECT_CHALLENGE offers PASSWORD; the password answers it',
    needs: ['userAuth'],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      const auth = store(target, 'public', { authFlow: 'USER_AUTH' });
      const first = await auth.signIn({ username });
      require(first.name === 'SELECT_CHALLENGE', `USER_AUTH answered ${first.name}, not SELECT_CHALLENGE`);
      expect(first.options).toContain('PASSWORD');
      expect(await auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'PASSWORD', password })).toEqual({ name: 'DONE' });
    },
  },
  {
    name: 'passkey',
    checks: 'a passkey registered with the access token (StartWebAuthnRegistration) signs in by USER_AUTH WEB_AUTHN',
    needs: ['passkeys'],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      const passkey = await createVirtualAuthenticator();
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await auth.signIn({ username, password });
      await registerPasskey(auth, { create: passkey.create });
      expect((await listPasskeys(auth)).map((p) => p.credentialId)).toEqual([passkey.credentialId]);
      const next = store(target, 'public', { authFlow: 'USER_AUTH' });
      const step = await next.signIn({ username, preferredChallenge: 'WEB_AUTHN' });
      require(step.name === 'WEB_AUTHN', `USER_AUTH with a passkey answered ${step.name}`);
      expect(await next.respondToChallenge({ name: 'WEB_AUTHN', credential: await passkey.get(step.credentialRequestOptions) })).toEqual({ name: 'DONE' });
    },
  },
  {
    name: 'totp-mfa',
    checks: 'AssociateSoftwareToken + VerifySoftwareToken enrol TOTP; the next sign-in asks SOFTWARE_TOKEN_MFA and a code answers it',
    needs: [],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      const used = new Set<string>();
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await auth.signIn({ username, password });
      const secret = await enrolTotp(auth, used);
      expect((await auth.getUser()).mfa.enabled).toContain('SOFTWARE_TOKEN_MFA');
      const next = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      expect(await next.signIn({ username, password })).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA' });
      await expect(next.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: (await totpCode(secret, Date.now())) === '000000' ? '111111' : '000000' })).rejects.toMatchObject({ name: 'CodeMismatchException' });
      const retry = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await retry.signIn({ username, password });
      expect(await retry.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await freshTotp(secret, used) })).toEqual({ name: 'DONE' });
    },
  },
  {
    name: 'mfa-setup',
    checks: 'a pool requiring MFA answers a user without it with MFA_SETUP; TOTP set up in the challenge ends in tokens',
    needs: ['mfaSetup'],
    async run(target) {
      const { username, password } = await newUser(target, 'mfaRequired');
      const auth = store(target, 'mfaRequired', { authFlow: 'USER_PASSWORD_AUTH' });
      const step = await auth.signIn({ username, password });
      require(step.name === 'MFA_SETUP', `a pool requiring MFA answered ${step.name}, not MFA_SETUP`);
      expect(step.options).toContain('SOFTWARE_TOKEN_MFA');
      require(step.totp, 'MFA_SETUP came without a TOTP secret');
      expect(await auth.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: await freshTotp(step.totp.secret, new Set()) })).toEqual({ name: 'DONE' });
      expect((await auth.getUser()).mfa.enabled).toContain('SOFTWARE_TOKEN_MFA');
    },
  },
  {
    name: 'new-password',
    checks: 'AdminCreateUser: the temporary password answers NEW_PASSWORD_REQUIRED; the new password confirms the user',
    needs: [],
    async run(target) {
      const { username, password } = await newUser(target, 'public', { temporary: true });
      expect(await status(target, 'public', username)).toBe('FORCE_CHANGE_PASSWORD');
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      expect(await auth.signIn({ username, password })).toMatchObject({ name: 'NEW_PASSWORD_REQUIRED' });
      expect(await auth.respondToChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword: 'Chosen-passw0rd!' })).toEqual({ name: 'DONE' });
      expect(await status(target, 'public', username)).toBe('CONFIRMED');
      expect(await store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' }).signIn({ username, password: 'Chosen-passw0rd!' })).toEqual({ name: 'DONE' });
    },
  },
  {
    name: 'refresh',
    checks: 'REFRESH_TOKEN_AUTH gives new ID and access tokens for the same user',
    needs: [],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await auth.signIn({ username, password });
      const before = auth.getTokens()!;
      // Tokens carry whole seconds: a refresh within the same second could legitimately repeat them.
      await new Promise((r) => setTimeout(r, 1100));
      const access = await auth.getAccessToken({ forceRefresh: true });
      expect(access).not.toBe(before.accessToken);
      expect(auth.getTokens()?.refreshToken).toBe(before.refreshToken);
      const user = await sdkClient(target.client('public')).send(new GetUserCommand({ AccessToken: access }));
      expect(user.Username).toBe(username);
    },
  },
  {
    name: 'rotation',
    checks: 'GetTokensFromRefreshToken with rotation: a new refresh token; the old one is refused afterwards',
    needs: ['rotation'],
    async run(target) {
      const { username, password } = await newUser(target, 'rotating');
      const auth = store(target, 'rotating', { authFlow: 'USER_PASSWORD_AUTH', refreshTokenRotation: true });
      await auth.signIn({ username, password });
      const first = auth.getTokens()!.refreshToken!;
      await auth.getAccessToken({ forceRefresh: true });
      const second = auth.getTokens()?.refreshToken;
      require(second && second !== first, 'the refresh did not rotate the refresh token');
      const client = target.client('rotating');
      await expect(
        sdkClient(client).send(new InitiateAuthCommand({ ClientId: client.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first } })),
      ).rejects.toMatchObject({ name: expect.stringMatching(/NotAuthorizedException|InvalidParameterException/) });
      const old = store(target, 'rotating', { authFlow: 'USER_PASSWORD_AUTH', refreshTokenRotation: true });
      await old.signIn({ username, password });
      expect(old.getTokens()?.refreshToken).toBeDefined();
    },
  },
  {
    name: 'remembered-device',
    checks: 'device tracking: NewDeviceMetadata, ConfirmDevice; the remembered device skips TOTP MFA with DEVICE_SRP_AUTH',
    needs: ['devices', 'srp'],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      const used = new Set<string>();
      const items = new Map<string, string>();
      const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
      const config = { authFlow: 'USER_SRP_AUTH' as const, deviceTracking: 'always' as const, storage, deviceName: 'contract device' };
      const enrol = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await enrol.signIn({ username, password });
      const secret = await enrolTotp(enrol, used);
      await enrol.signOut({ local: true });

      const first = store(target, 'public', config);
      expect(await first.signIn({ username, password })).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA' });
      expect(await first.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await freshTotp(secret, used) })).toEqual({ name: 'DONE' });
      require(first.getTokens()?.newDeviceMetadata, 'the sign-in returned no NewDeviceMetadata');
      const devices = await first.listDevices();
      expect(devices).toHaveLength(1);
      expect(devices[0]).toMatchObject({ remembered: true });
      await first.signOut();

      const again = store(target, 'public', config);
      expect(await again.signIn({ username, password })).toEqual({ name: 'DONE' });
      expect(await again.listDevices()).toHaveLength(1);
    },
  },
  {
    name: 'revoke-token',
    checks: 'sign-out revokes the refresh token (RevokeToken): it no longer refreshes',
    needs: [],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await auth.signIn({ username, password });
      const refresh = auth.getTokens()!.refreshToken!;
      expect(await auth.signOut()).toMatchObject({ revoked: true, error: null });
      const client = target.client('public');
      await expect(
        sdkClient(client).send(new InitiateAuthCommand({ ClientId: client.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refresh } })),
      ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    },
  },
  {
    name: 'global-sign-out',
    checks: 'GlobalSignOut: the access token and the refresh token of every session stop working',
    needs: ['globalSignOut'],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      const other = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await other.signIn({ username, password });
      const { accessToken, refreshToken } = other.getTokens()!;
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await auth.signIn({ username, password });
      const out = await auth.signOut({ global: true });
      require(out.error === null, `GlobalSignOut failed: ${out.error?.name}: ${out.error?.message}`);
      const client = target.client('public');
      const sdk = sdkClient(client);
      await expect(sdk.send(new GetUserCommand({ AccessToken: accessToken }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
      await expect(
        sdk.send(new InitiateAuthCommand({ ClientId: client.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken! } })),
      ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    },
  },
  {
    name: 'server-admin',
    checks: 'server mode on a confidential client: ADMIN_USER_PASSWORD_AUTH with SECRET_HASH, the session, refresh, sign-out',
    needs: [],
    async run(target) {
      const { username, password } = await newUser(target, 'confidential');
      const { handler, call, cookie, origin } = serverMode(target);
      await call('GET', 'session');
      const wrong = await call('POST', 'sign-in', { username, password: 'Wrong-passw0rd!' });
      expect(wrong.status).toBeGreaterThanOrEqual(400);
      expect(wrong.body.error?.name).toBe('NotAuthorizedException');
      const done = await call('POST', 'sign-in', { username, password });
      expect(done.body, JSON.stringify(done.body)).toHaveProperty('state');
      expect(done.body.state).toMatchObject({ status: 'signedIn', user: { username } });
      const session = await handler.getSession(new Request(`${origin}/api/orders`, { headers: { cookie: cookie() } }));
      expect(session?.user.username).toBe(username);
      expect((await call('POST', 'refresh')).body.state.status).toBe('signedIn');
      expect((await call('POST', 'sign-out')).body).toMatchObject({ revoked: true, state: { status: 'signedOut' } });
    },
  },
  {
    name: 'sign-up',
    checks: 'SignUp leaves the user UNCONFIRMED (sign-in refused); AdminConfirmSignUp confirms; the password then signs in',
    needs: [],
    async run(target) {
      const username = `contract-${randomBytes(5).toString('hex')}`;
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      const result = await signUp(auth, { username, password: PASSWORD, attributes: { email: `${username}@example.com` } });
      expect(result.userConfirmed).toBe(false);
      expect(await status(target, 'public', username)).toBe('UNCONFIRMED');
      await expect(store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' }).signIn({ username, password: PASSWORD })).rejects.toMatchObject({ name: 'UserNotConfirmedException' });
      await target.admin('public').send(new AdminConfirmSignUpCommand({ UserPoolId: target.client('public').userPoolId, Username: username }));
      expect(await status(target, 'public', username)).toBe('CONFIRMED');
      expect(await store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' }).signIn({ username, password: PASSWORD })).toEqual({ name: 'DONE' });
    },
  },
  {
    name: 'admin-set-password',
    checks: 'AdminSetUserPassword: a temporary one forces NEW_PASSWORD_REQUIRED, a permanent one signs in at once',
    needs: [],
    async run(target) {
      const { username } = await newUser(target, 'public');
      const { userPoolId } = target.client('public');
      await target.admin('public').send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: 'Reset-passw0rd!', Permanent: false }));
      expect(await status(target, 'public', username)).toBe('FORCE_CHANGE_PASSWORD');
      expect(await store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' }).signIn({ username, password: 'Reset-passw0rd!' })).toMatchObject({ name: 'NEW_PASSWORD_REQUIRED' });
      await target.admin('public').send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: 'Final-passw0rd!', Permanent: true }));
      expect(await store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' }).signIn({ username, password: 'Final-passw0rd!' })).toEqual({ name: 'DONE' });
    },
  },
  {
    name: 'admin-reset-password',
    checks: 'AdminResetUserPassword: sign-in is PasswordResetRequiredException; the code sent and ConfirmForgotPassword set a new password',
    needs: ['adminResetPassword', 'readCodes'],
    async run(target) {
      const { username, password } = await newUser(target, 'public');
      await target.admin('public').send(new AdminResetUserPasswordCommand({ UserPoolId: target.client('public').userPoolId, Username: username }));
      await expect(store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' }).signIn({ username, password })).rejects.toMatchObject({ name: 'PasswordResetRequiredException' });
      const auth = store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' });
      await confirmForgotPassword(auth, { username, code: await target.lastCode('public', username), newPassword: 'Renewed-passw0rd!' });
      expect(await status(target, 'public', username)).toBe('CONFIRMED');
      expect(await store(target, 'public', { authFlow: 'USER_PASSWORD_AUTH' }).signIn({ username, password: 'Renewed-passw0rd!' })).toEqual({ name: 'DONE' });
    },
  },
];
