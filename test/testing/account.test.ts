/**
 * The account operations of the simulated pool (sign-up, forgotten passwords, password change, attributes,
 * MFA preferences, passkeys, DeleteUser), driven through the real AWS SDK client.
 */
import {
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  CompleteWebAuthnRegistrationCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserCommand,
  DeleteWebAuthnCredentialCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  ListWebAuthnCredentialsCommand,
  ResendConfirmationCodeCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
  type SignUpCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { CredentialCreationOptionsJSON, CredentialRequestOptionsJSON } from '../../src/core/types';
import { createVirtualAuthenticator, totpCode, type UserPoolSimulatorConfig } from '../../src/testing';
import { CLIENT_ID, PASSWORD, claimsOf, secretHash, simulatorServerPerFile } from './support';

const simulate = simulatorServerPerFile();

const NEW_PASSWORD = 'N3w-Passw0rd!';
const MINUTE = 60_000;
const alice = {
  username: 'alice',
  password: PASSWORD,
  attributes: { email: 'alice@example.com', email_verified: 'true', phone_number: '+15555551234' },
};

/** A simulated pool plus the account commands and a password sign-in. */
function account(config: Partial<UserPoolSimulatorConfig> & Pick<UserPoolSimulatorConfig, 'users'>) {
  const ctx = simulate(config);
  const { client, initiate, respond, sim } = ctx;
  const signUp = (input: Omit<SignUpCommandInput, 'ClientId'>) => client.send(new SignUpCommand({ ClientId: CLIENT_ID, ...input }));
  const confirmSignUp = (Username: string, ConfirmationCode: string, Session?: string) =>
    client.send(new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username, ConfirmationCode, Session }));
  const resend = (Username: string) => client.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT_ID, Username }));
  const forgot = (Username: string) => client.send(new ForgotPasswordCommand({ ClientId: CLIENT_ID, Username }));
  const confirmForgot = (Username: string, ConfirmationCode: string, Password: string) =>
    client.send(new ConfirmForgotPasswordCommand({ ClientId: CLIENT_ID, Username, ConfirmationCode, Password }));
  const passwordSignIn = (USERNAME: string, PASSWORD: string) => initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } });
  /** Signs in with the password (answering SMS MFA if asked) and returns the access token. */
  const accessToken = async (username: string, password = PASSWORD) => {
    const first = await passwordSignIn(username, password);
    const done =
      first.ChallengeName === 'SMS_MFA'
        ? await respond({
            ChallengeName: 'SMS_MFA',
            Session: first.Session,
            ChallengeResponses: { USERNAME: username, SMS_MFA_CODE: sim.lastCode(username)! },
          })
        : first;
    const token = done.AuthenticationResult?.AccessToken;
    if (!token) throw new Error(`sign-in of ${username} stopped at ${done.ChallengeName}`);
    return token;
  };
  return { ...ctx, signUp, confirmSignUp, resend, forgot, confirmForgot, passwordSignIn, accessToken };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as { name: string; message: string },
  );

describe('SignUp and ConfirmSignUp', () => {
  it('creates an UNCONFIRMED user with a code, confirms it, and signs in once with the confirmation Session', async () => {
    const ctx = account({ users: [] });
    const { sim } = ctx;
    const result = await ctx.signUp({
      Username: 'nia',
      Password: PASSWORD,
      UserAttributes: [
        { Name: 'email', Value: 'nia@example.com' },
        { Name: 'name', Value: 'Nia' },
      ],
    });
    expect(result).toMatchObject({
      UserConfirmed: false,
      UserSub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      CodeDeliveryDetails: { Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      Session: expect.any(String),
    });
    expect(sim.user('nia')).toMatchObject({ status: 'UNCONFIRMED', attributes: { email: 'nia@example.com', name: 'Nia', sub: result.UserSub } });
    const code = sim.lastCode('nia')!;
    expect(code).toMatch(/^\d{6}$/);

    // The password is right, but the account is not confirmed yet.
    expect(await failure(ctx.passwordSignIn('nia', PASSWORD))).toMatchObject({ name: 'UserNotConfirmedException' });
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await failure(ctx.confirmSignUp('nia', wrong, result.Session))).toMatchObject({ name: 'CodeMismatchException' });

    const confirmed = await ctx.confirmSignUp('nia', code, result.Session);
    expect(confirmed.Session).toEqual(expect.any(String));
    expect(sim.user('nia')).toMatchObject({ status: 'CONFIRMED', attributes: { email_verified: 'true' } });

    const signedIn = await ctx.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'nia' }, Session: confirmed.Session });
    expect(claimsOf(signedIn.AuthenticationResult?.AccessToken)).toMatchObject({ username: 'nia', sub: result.UserSub });
    expect(signedIn.AuthenticationResult?.RefreshToken).toBeTruthy();
    // Single use; and the SignUp Session itself never signs in.
    for (const Session of [confirmed.Session, result.Session]) {
      expect(await failure(ctx.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'nia' }, Session }))).toMatchObject({
        name: 'NotAuthorizedException',
      });
    }
    expect(await failure(ctx.confirmSignUp('nia', code))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
    // The chosen password works as well.
    expect((await ctx.passwordSignIn('nia', PASSWORD)).AuthenticationResult).toBeDefined();
  });

  it("refuses a confirmation Session for another user's sign-in", async () => {
    const ctx = account({ users: [alice] });
    const { Session } = await ctx.signUp({ Username: 'nia', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'nia@example.com' }] });
    const confirmed = await ctx.confirmSignUp('nia', ctx.sim.lastCode('nia')!, Session);
    expect(
      await failure(ctx.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' }, Session: confirmed.Session })),
    ).toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('refuses a taken username and a password the policy rejects', async () => {
    const ctx = account({ users: [alice] });
    expect(await failure(ctx.signUp({ Username: 'alice', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'a@example.com' }] }))).toMatchObject({
      name: 'UsernameExistsException',
    });
    for (const weak of ['Sh0rt!', 'alllowercase1!', 'NoDigits!!', 'NoSymbols123']) {
      expect(await failure(ctx.signUp({ Username: 'nia', Password: weak, UserAttributes: [{ Name: 'email', Value: 'n@example.com' }] }))).toMatchObject({
        name: 'InvalidPasswordException',
        message: expect.stringMatching(/^Password does not conform to policy: /),
      });
    }
    expect(ctx.sim.user('nia')).toBeUndefined();
  });

  it('follows a configured password policy', async () => {
    const ctx = account({ users: [], passwordPolicy: { minLength: 12, requireSymbols: false, requireUppercase: false } });
    expect(await failure(ctx.signUp({ Username: 'nia', Password: 'abc12345678', UserAttributes: [{ Name: 'email', Value: 'n@example.com' }] }))).toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    await expect(ctx.signUp({ Username: 'nia', Password: 'abc123456789', UserAttributes: [{ Name: 'email', Value: 'n@example.com' }] })).resolves.toMatchObject({
      UserConfirmed: false,
    });
  });

  it('sends the code by SMS to a user who gave only a phone number', async () => {
    const ctx = account({ users: [] });
    const result = await ctx.signUp({ Username: 'pia', Password: PASSWORD, UserAttributes: [{ Name: 'phone_number', Value: '+15555550100' }] });
    expect(result.CodeDeliveryDetails).toEqual({ Destination: '+*******0100', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    await ctx.confirmSignUp('pia', ctx.sim.lastCode('pia')!);
    expect(ctx.sim.user('pia')).toMatchObject({ status: 'CONFIRMED', attributes: { phone_number_verified: 'true' } });
  });

  it('requires the SECRET_HASH of a client with a secret', async () => {
    const secret = 'app-client-secret';
    const ctx = account({ users: [], clientSecret: secret });
    const input = { Username: 'nia', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'nia@example.com' }] };
    expect(await failure(ctx.signUp(input))).toMatchObject({ name: 'NotAuthorizedException' });
    expect(await failure(ctx.signUp({ ...input, SecretHash: secretHash(secret, 'someone-else') }))).toMatchObject({ name: 'NotAuthorizedException' });
    await ctx.signUp({ ...input, SecretHash: secretHash(secret, 'nia') });
    expect(await failure(ctx.confirmSignUp('nia', ctx.sim.lastCode('nia')!))).toMatchObject({ name: 'NotAuthorizedException' });
    await ctx.client.send(
      new ConfirmSignUpCommand({ ClientId: CLIENT_ID, Username: 'nia', ConfirmationCode: ctx.sim.lastCode('nia')!, SecretHash: secretHash(secret, 'nia') }),
    );
    expect(ctx.sim.user('nia')?.status).toBe('CONFIRMED');
  });

  it('signs a user up without a password when the pool allows passwordless sign-in', async () => {
    const ctx = account({ users: [] });
    const { Session } = await ctx.signUp({ Username: 'nia', UserAttributes: [{ Name: 'email', Value: 'nia@example.com' }] });
    const confirmed = await ctx.confirmSignUp('nia', ctx.sim.lastCode('nia')!, Session);
    await expect(ctx.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'nia' }, Session: confirmed.Session })).resolves.toHaveProperty(
      'AuthenticationResult.AccessToken',
    );
    const choice = await ctx.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'nia' } });
    expect(choice.AvailableChallenges).toEqual(['EMAIL_OTP']);

    const passwordOnly = account({ users: [], allowedFirstAuthFactors: ['PASSWORD'] });
    expect(await failure(passwordOnly.signUp({ Username: 'nia', UserAttributes: [{ Name: 'email', Value: 'nia@example.com' }] }))).toMatchObject({
      name: 'InvalidPasswordException',
    });
  });

  it('expires codes after 24 hours; ResendConfirmationCode sends a new one and replaces the old', async () => {
    const ctx = account({ users: [] });
    await ctx.signUp({ Username: 'nia', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'nia@example.com' }] });
    const first = ctx.sim.lastCode('nia')!;
    ctx.sim.advanceTime(24 * 60 * MINUTE + 1);
    expect(await failure(ctx.confirmSignUp('nia', first))).toMatchObject({ name: 'ExpiredCodeException' });

    const resent = await ctx.resend('nia');
    expect(resent.CodeDeliveryDetails).toEqual({ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const second = ctx.sim.lastCode('nia')!;
    await ctx.resend('nia');
    const third = ctx.sim.lastCode('nia')!;
    if (second !== third) expect(await failure(ctx.confirmSignUp('nia', second))).toMatchObject({ name: 'CodeMismatchException' });
    await ctx.confirmSignUp('nia', third);
    expect(ctx.sim.user('nia')?.status).toBe('CONFIRMED');
    expect(await failure(ctx.resend('nia'))).toMatchObject({ name: 'InvalidParameterException', message: 'User is already confirmed.' });
  });

  it('hides or reveals unknown users in ConfirmSignUp and ResendConfirmationCode per preventUserExistenceErrors', async () => {
    const hiding = account({ users: [] });
    expect(await failure(hiding.confirmSignUp('ghost', '123456'))).toMatchObject({ name: 'CodeMismatchException' });
    expect((await hiding.resend('ghost')).CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', Destination: expect.stringMatching(/^g\*\*\*@/) });

    const revealing = account({ users: [], preventUserExistenceErrors: false });
    expect(await failure(revealing.confirmSignUp('ghost', '123456'))).toMatchObject({ name: 'UserNotFoundException' });
    expect(await failure(revealing.resend('ghost'))).toMatchObject({ name: 'UserNotFoundException' });
  });
});

describe('code send rate limit', () => {
  it('answers LimitExceededException after codeSendLimit sends in 15 minutes, and recovers afterwards', async () => {
    const ctx = account({ users: [], codeSendLimit: 2 });
    await ctx.signUp({ Username: 'nia', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'nia@example.com' }] });
    await ctx.resend('nia');
    const last = ctx.sim.lastCode('nia');
    expect(await failure(ctx.resend('nia'))).toMatchObject({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    // The refused send sent nothing.
    expect(ctx.sim.lastCode('nia')).toBe(last);
    ctx.sim.advanceTime(15 * MINUTE);
    await expect(ctx.resend('nia')).resolves.toHaveProperty('CodeDeliveryDetails.DeliveryMedium', 'EMAIL');
  });

  it('allows five sends by default, counting every kind of code, per user', async () => {
    const bob = { ...alice, username: 'bob', attributes: { email: 'bob@example.com', email_verified: 'true' } };
    // A clock that stands still but for advanceTime, so the window's edge is exact.
    const ctx = account({ users: [alice, bob], now: () => Date.UTC(2026, 0, 1) });
    const token = await ctx.accessToken('bob');
    for (let i = 0; i < 3; i++) await ctx.forgot('alice');
    await ctx.forgot('bob');
    const aliceToken = await ctx.accessToken('alice');
    await ctx.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: aliceToken, AttributeName: 'email' }));
    await ctx.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: aliceToken, AttributeName: 'phone_number' }));
    expect(await failure(ctx.forgot('alice'))).toMatchObject({ name: 'LimitExceededException' });
    expect(
      await failure(ctx.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: aliceToken, AttributeName: 'email' }))),
    ).toMatchObject({ name: 'LimitExceededException' });
    // Bob has his own budget.
    await ctx.forgot('bob');
    await ctx.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'email' }));
    ctx.sim.advanceTime(15 * MINUTE - 1);
    expect(await failure(ctx.forgot('alice'))).toMatchObject({ name: 'LimitExceededException' });
    ctx.sim.advanceTime(1);
    await expect(ctx.forgot('alice')).resolves.toHaveProperty('CodeDeliveryDetails.AttributeName', 'email');
  });
});

describe('ForgotPassword and ConfirmForgotPassword', () => {
  it('sends a code to the verified email and sets the new password with it', async () => {
    const ctx = account({ users: [alice] });
    const sent = await ctx.forgot('alice');
    expect(sent.CodeDeliveryDetails).toEqual({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const code = ctx.sim.lastCode('alice')!;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await failure(ctx.confirmForgot('alice', wrong, NEW_PASSWORD))).toMatchObject({ name: 'CodeMismatchException' });
    expect(await failure(ctx.confirmForgot('alice', code, 'weak'))).toMatchObject({ name: 'InvalidPasswordException' });
    // A refused password did not spend the code.
    await ctx.confirmForgot('alice', code, NEW_PASSWORD);
    expect((await ctx.passwordSignIn('alice', NEW_PASSWORD)).AuthenticationResult).toBeDefined();
    expect(await failure(ctx.passwordSignIn('alice', PASSWORD))).toMatchObject({ name: 'NotAuthorizedException' });
    // The code was used up.
    expect(await failure(ctx.confirmForgot('alice', code, 'An0ther-Passw0rd!'))).toMatchObject({ name: 'CodeMismatchException' });
  });

  it('uses the verified phone when the email is not verified, and refuses a user with neither', async () => {
    const ctx = account({
      users: [
        { ...alice, attributes: { email: 'alice@example.com', phone_number: '+15555551234', phone_number_verified: 'true' } },
        { username: 'una', password: PASSWORD, attributes: { email: 'una@example.com' } },
      ],
    });
    expect((await ctx.forgot('alice')).CodeDeliveryDetails).toEqual({ Destination: '+*******1234', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    expect(await failure(ctx.forgot('una'))).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('expires the code', async () => {
    const ctx = account({ users: [alice] });
    await ctx.forgot('alice');
    ctx.sim.advanceTime(24 * 60 * MINUTE + 1);
    expect(await failure(ctx.confirmForgot('alice', ctx.sim.lastCode('alice')!, NEW_PASSWORD))).toMatchObject({ name: 'ExpiredCodeException' });
    expect((await ctx.passwordSignIn('alice', PASSWORD)).AuthenticationResult).toBeDefined();
  });

  it('answers a plausible CodeDeliveryDetails for an unknown user under preventUserExistenceErrors, else UserNotFoundException', async () => {
    const hiding = account({ users: [alice] });
    const sent = await hiding.forgot('ghost');
    expect(sent.CodeDeliveryDetails).toEqual({ Destination: expect.stringMatching(/^g\*\*\*@.\*\*\*$/), DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(hiding.sim.lastCode('ghost')).toBeUndefined();
    expect(await failure(hiding.confirmForgot('ghost', '123456', NEW_PASSWORD))).toMatchObject({ name: 'CodeMismatchException' });

    const revealing = account({ users: [alice], preventUserExistenceErrors: false });
    expect(await failure(revealing.forgot('ghost'))).toMatchObject({ name: 'UserNotFoundException' });
  });
});

describe('ChangePassword', () => {
  it('needs the previous password and a password the policy accepts; then only the new one signs in', async () => {
    const ctx = account({ users: [alice] });
    const AccessToken = await ctx.accessToken('alice');
    const change = (PreviousPassword: string, ProposedPassword: string) =>
      ctx.client.send(new ChangePasswordCommand({ AccessToken, PreviousPassword, ProposedPassword }));
    expect(await failure(change('Wr0ng-password!', NEW_PASSWORD))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(await failure(change(PASSWORD, 'short'))).toMatchObject({ name: 'InvalidPasswordException' });
    expect((await ctx.passwordSignIn('alice', PASSWORD)).AuthenticationResult).toBeDefined();

    await change(PASSWORD, NEW_PASSWORD);
    expect((await ctx.passwordSignIn('alice', NEW_PASSWORD)).AuthenticationResult).toBeDefined();
    expect(await failure(ctx.passwordSignIn('alice', PASSWORD))).toMatchObject({ name: 'NotAuthorizedException' });
    expect(await failure(ctx.client.send(new ChangePasswordCommand({ AccessToken: 'not-a-token', PreviousPassword: NEW_PASSWORD, ProposedPassword: PASSWORD })))).toMatchObject({
      name: 'NotAuthorizedException',
    });
  });
});

describe('UpdateUserAttributes, GetUserAttributeVerificationCode, VerifyUserAttribute', () => {
  it('leaves a changed email unverified until its code is verified', async () => {
    const ctx = account({ users: [alice] });
    const { client, sim } = ctx;
    const AccessToken = await ctx.accessToken('alice');
    const updated = await client.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: [
          { Name: 'email', Value: 'ally@example.org' },
          { Name: 'name', Value: 'Ally' },
        ],
      }),
    );
    expect(updated.CodeDeliveryDetailsList).toEqual([{ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    expect(sim.user('alice')?.attributes).toMatchObject({ email: 'ally@example.org', email_verified: 'false', name: 'Ally' });
    const attributes = (await client.send(new GetUserCommand({ AccessToken }))).UserAttributes;
    expect(attributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'false' }, { Name: 'email', Value: 'ally@example.org' }]));

    const first = sim.lastCode('alice')!;
    const wrong = first === '000000' ? '111111' : '000000';
    const verify = (Code: string) => client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code }));
    expect(await failure(verify(wrong))).toMatchObject({ name: 'CodeMismatchException' });
    const again = await client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
    expect(again.CodeDeliveryDetails).toEqual({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const second = sim.lastCode('alice')!;
    await verify(second);
    expect(sim.user('alice')?.attributes.email_verified).toBe('true');
    expect(await failure(verify(second))).toMatchObject({ name: 'CodeMismatchException' });
  });

  it('sends an SMS for a new phone number and no code for other attributes', async () => {
    const ctx = account({ users: [{ ...alice, attributes: { ...alice.attributes, phone_number_verified: 'true' } }] });
    const AccessToken = await ctx.accessToken('alice');
    const plain = await ctx.client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'given_name', Value: 'Al' }] }));
    expect(plain.CodeDeliveryDetailsList ?? []).toEqual([]);
    const phone = await ctx.client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'phone_number', Value: '+15555559876' }] }));
    expect(phone.CodeDeliveryDetailsList).toEqual([{ Destination: '+*******9876', DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]);
    expect(ctx.sim.user('alice')?.attributes.phone_number_verified).toBe('false');
    await ctx.client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'phone_number', Code: ctx.sim.lastCode('alice')! }));
    expect(ctx.sim.user('alice')?.attributes).toMatchObject({ phone_number: '+15555559876', phone_number_verified: 'true' });
  });

  it('refuses a code request for an attribute the user lacks', async () => {
    const ctx = account({ users: [{ username: 'una', password: PASSWORD, attributes: { email: 'una@example.com', email_verified: 'true' } }] });
    const AccessToken = await ctx.accessToken('una');
    expect(
      await failure(ctx.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'phone_number' }))),
    ).toMatchObject({ name: 'InvalidParameterException' });
  });
});

describe('SetUserMFAPreference', () => {
  const mfaPreference = (ctx: ReturnType<typeof account>, input: Omit<ConstructorParameters<typeof SetUserMFAPreferenceCommand>[0], 'AccessToken'>, AccessToken: string) =>
    ctx.client.send(new SetUserMFAPreferenceCommand({ AccessToken, ...input }));

  it('refuses TOTP without a verified secret and SMS without a phone number', async () => {
    const ctx = account({ users: [{ username: 'una', password: PASSWORD, attributes: { email: 'una@example.com' } }] });
    const token = await ctx.accessToken('una');
    expect(await failure(mfaPreference(ctx, { SoftwareTokenMfaSettings: { Enabled: true } }, token))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await failure(mfaPreference(ctx, { SMSMfaSettings: { Enabled: true } }, token))).toMatchObject({ name: 'InvalidParameterException' });
    // An associated but unverified secret is not enough either.
    await ctx.client.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    expect(await failure(mfaPreference(ctx, { SoftwareTokenMfaSettings: { Enabled: true } }, token))).toMatchObject({ name: 'InvalidParameterException' });
    expect(ctx.sim.user('una')?.mfa.enabled).toEqual([]);
  });

  it('changes what the next sign-in asks, and GetUser reports the settings', async () => {
    const ctx = account({ users: [{ ...alice, mfa: { sms: true } }] });
    const { client, sim } = ctx;
    const AccessToken = await ctx.accessToken('alice');
    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: await totpCode(SecretCode!, sim.now()) }));
    // Two methods and no preference: the user chooses.
    expect((await ctx.passwordSignIn('alice', PASSWORD)).ChallengeName).toBe('SELECT_MFA_TYPE');

    await mfaPreference(ctx, { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }, AccessToken);
    expect(await client.send(new GetUserCommand({ AccessToken }))).toMatchObject({
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    });
    expect(sim.user('alice')?.mfa.preferred).toBe('SOFTWARE_TOKEN_MFA');
    const totp = await ctx.passwordSignIn('alice', PASSWORD);
    expect(totp.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const done = await ctx.respond({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: totp.Session,
      ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: await totpCode(SecretCode!, sim.now()) },
    });
    expect(done.AuthenticationResult).toBeDefined();

    // TOTP off: SMS remains, and is asked for.
    await mfaPreference(ctx, { SoftwareTokenMfaSettings: { Enabled: false } }, AccessToken);
    const user = await client.send(new GetUserCommand({ AccessToken }));
    expect(user.UserMFASettingList).toEqual(['SMS_MFA']);
    expect(user.PreferredMfaSetting).toBeUndefined();
    expect((await ctx.passwordSignIn('alice', PASSWORD)).ChallengeName).toBe('SMS_MFA');

    // The verified secret was kept: TOTP comes back without a new enrolment.
    await mfaPreference(ctx, { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }, AccessToken);
    expect((await ctx.passwordSignIn('alice', PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');

    // Everything off: tokens at once.
    await mfaPreference(ctx, { SoftwareTokenMfaSettings: { Enabled: false }, SMSMfaSettings: { Enabled: false } }, AccessToken);
    expect((await client.send(new GetUserCommand({ AccessToken }))).UserMFASettingList ?? []).toEqual([]);
    expect((await ctx.passwordSignIn('alice', PASSWORD)).AuthenticationResult).toBeDefined();
  });

  it('enables SMS and email MFA, and refuses to prefer a disabled method', async () => {
    const ctx = account({ users: [alice] });
    const AccessToken = await ctx.accessToken('alice');
    expect(await failure(mfaPreference(ctx, { SMSMfaSettings: { Enabled: false, PreferredMfa: true } }, AccessToken))).toMatchObject({
      name: 'InvalidParameterException',
    });
    await mfaPreference(ctx, { SMSMfaSettings: { Enabled: true }, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }, AccessToken);
    expect(ctx.sim.user('alice')?.mfa).toMatchObject({ sms: true, email: true, preferred: 'EMAIL_OTP' });
    const first = await ctx.passwordSignIn('alice', PASSWORD);
    expect(first).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DESTINATION: 'a***@e***' } });
  });
});

describe('passkey registration', () => {
  const startOptions = async (ctx: ReturnType<typeof account>, AccessToken: string) => {
    const { CredentialCreationOptions } = await ctx.client.send(new StartWebAuthnRegistrationCommand({ AccessToken }));
    return CredentialCreationOptions as unknown as CredentialCreationOptionsJSON;
  };

  it('registers a passkey that then signs in with WEB_AUTHN, lists it, and deletes it', async () => {
    const ctx = account({ users: [alice], relyingPartyId: 'example.com' });
    const { client, sim } = ctx;
    const AccessToken = await ctx.accessToken('alice');
    const passkey = await createVirtualAuthenticator({ rpId: 'example.com' });

    const options = await startOptions(ctx, AccessToken);
    expect(options).toMatchObject({
      rp: { id: 'example.com' },
      user: { id: expect.any(String), name: 'alice' },
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      excludeCredentials: [],
      pubKeyCredParams: expect.arrayContaining([{ type: 'public-key', alg: -7 }]),
    });
    const before = sim.now();
    await client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: (await passkey.create(options)) as never }));
    expect(sim.user('alice')?.passkeyCount).toBe(1);

    const listed = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken }));
    expect(listed.Credentials).toHaveLength(1);
    const [credential] = listed.Credentials!;
    expect(credential).toMatchObject({
      CredentialId: passkey.credentialId,
      FriendlyCredentialName: expect.any(String),
      RelyingPartyId: 'example.com',
      AuthenticatorAttachment: 'platform',
      AuthenticatorTransports: ['internal'],
    });
    expect(credential!.CreatedAt).toBeInstanceOf(Date);
    expect(Math.abs(credential!.CreatedAt!.getTime() - before)).toBeLessThan(1000);

    // Signing in with the new passkey.
    const first = await ctx.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice', PREFERRED_CHALLENGE: 'WEB_AUTHN' } });
    expect(first.ChallengeName).toBe('WEB_AUTHN');
    const request = JSON.parse(first.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as CredentialRequestOptionsJSON;
    expect(request.allowCredentials?.map((c) => c.id)).toEqual([passkey.credentialId]);
    const done = await ctx.respond({
      ChallengeName: 'WEB_AUTHN',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'alice', CREDENTIAL: JSON.stringify(await passkey.get(request)) },
    });
    expect(claimsOf(done.AuthenticationResult?.AccessToken).username).toBe('alice');

    // A second registration excludes the passkey the user has; the authenticator refuses to register twice.
    const again = await startOptions(ctx, AccessToken);
    expect(again.excludeCredentials?.map((c) => c.id)).toEqual([passkey.credentialId]);
    expect(again.challenge).not.toBe(options.challenge);
    await expect(passkey.create(again)).rejects.toMatchObject({ name: 'InvalidStateError' });

    expect(await failure(client.send(new DeleteWebAuthnCredentialCommand({ AccessToken, CredentialId: 'unknown' })))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await client.send(new DeleteWebAuthnCredentialCommand({ AccessToken, CredentialId: passkey.credentialId }));
    expect((await client.send(new ListWebAuthnCredentialsCommand({ AccessToken }))).Credentials).toEqual([]);
    const without = await ctx.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } });
    expect(without.AvailableChallenges).not.toContain('WEB_AUTHN');
  });

  it('verifies the registration: challenge, relying party, and a started registration', async () => {
    const ctx = account({ users: [alice] });
    const { client } = ctx;
    const AccessToken = await ctx.accessToken('alice');
    const passkey = await createVirtualAuthenticator();
    const complete = (Credential: unknown) => client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: Credential as never }));

    const options = await startOptions(ctx, AccessToken);
    expect(await failure(complete(await passkey.create({ ...options, challenge: 'c29tZXRoaW5nLWVsc2U' })))).toMatchObject({
      name: 'WebAuthnChallengeNotFoundException',
    });
    // The failed attempt used up the registration.
    expect(await failure(complete(await passkey.create(options)))).toMatchObject({ name: 'WebAuthnChallengeNotFoundException' });

    const elsewhere = await createVirtualAuthenticator({ rpId: 'evil.example' });
    const fresh = await startOptions(ctx, AccessToken);
    expect(await failure(complete(await elsewhere.create({ ...fresh, rp: { ...fresh.rp, id: 'evil.example' } })))).toMatchObject({
      name: 'WebAuthnRelyingPartyMismatchException',
    });
    expect(ctx.sim.user('alice')?.passkeyCount).toBe(0);

    const last = await startOptions(ctx, AccessToken);
    await complete(await passkey.create(last));
    expect(ctx.sim.user('alice')?.passkeyCount).toBe(1);
  });

  it('answers WebAuthnNotEnabledException when the pool does not allow WEB_AUTHN', async () => {
    const ctx = account({ users: [alice], allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
    const AccessToken = await ctx.accessToken('alice');
    expect(await failure(ctx.client.send(new StartWebAuthnRegistrationCommand({ AccessToken })))).toMatchObject({
      name: 'WebAuthnNotEnabledException',
    });
  });
});

describe('DeleteUser', () => {
  it('removes the user; its tokens stop working and the username is free again', async () => {
    const ctx = account({ users: [alice] });
    const { client, sim } = ctx;
    const signedIn = await ctx.passwordSignIn('alice', PASSWORD);
    const { AccessToken, RefreshToken } = signedIn.AuthenticationResult!;
    await expect(client.send(new GetUserCommand({ AccessToken }))).resolves.toHaveProperty('Username', 'alice');

    await client.send(new DeleteUserCommand({ AccessToken }));
    expect(sim.user('alice')).toBeUndefined();
    expect(await failure(client.send(new GetUserCommand({ AccessToken })))).toMatchObject({ name: expect.stringMatching(/^(NotAuthorized|UserNotFound)Exception$/) });
    expect(await failure(client.send(new DeleteUserCommand({ AccessToken })))).toMatchObject({ name: expect.stringMatching(/^(NotAuthorized|UserNotFound)Exception$/) });
    expect(await failure(ctx.initiate({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: RefreshToken! } }))).toMatchObject({
      name: 'NotAuthorizedException',
    });
    expect(await failure(ctx.passwordSignIn('alice', PASSWORD))).toMatchObject({ name: 'NotAuthorizedException' });

    await ctx.signUp({ Username: 'alice', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }] });
    expect(sim.user('alice')?.status).toBe('UNCONFIRMED');
    // The old access token does not reach the new account.
    expect(await failure(client.send(new GetUserCommand({ AccessToken })))).toMatchObject({ name: 'NotAuthorizedException' });
  });
});
