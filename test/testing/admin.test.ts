/**
 * The Admin user operations of the simulated pool (what a test set-up or a back end calls), through the real
 * AWS SDK client: their answers and their errors, as Cognito gives them.
 */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { PASSWORD, POOL_ID, simulatorServerPerFile } from './support.js';

const simulate = simulatorServerPerFile();
const admin = new CognitoIdentityProviderClient({ region: 'eu-west-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } };

describe('the Admin user operations', () => {
  it('AdminCreateUser makes a FORCE_CHANGE_PASSWORD user whose temporary password answers NEW_PASSWORD_REQUIRED', async () => {
    const { initiate, sim } = simulate({ users: [alice] });
    const created = await admin.send(
      new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'bob', TemporaryPassword: 'Temp0rary!', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }] }),
    );
    expect(created.User).toMatchObject({ Username: 'bob', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(created.User?.Attributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'bob@example.com' }, expect.objectContaining({ Name: 'sub' })]));
    expect((await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD: 'Temp0rary!' } })).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'bob' }))).rejects.toMatchObject({ name: 'UsernameExistsException' });
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'carl', TemporaryPassword: 'short' }))).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: 'eu-west-1_Other1', Username: 'carl' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(sim.users().map((u) => u.username)).toEqual(['alice', 'bob']);
  });

  it('AdminSetUserPassword sets a permanent or a temporary password, under the policy', async () => {
    const { initiate, sim } = simulate({ users: [alice] });
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'alice', Password: 'Other-passw0rd', Permanent: false }));
    expect(sim.user('alice')?.status).toBe('FORCE_CHANGE_PASSWORD');
    expect((await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Other-passw0rd' } })).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'alice', Password: 'Final-passw0rd', Permanent: true }));
    expect((await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Final-passw0rd' } })).AuthenticationResult).toBeDefined();
    await expect(admin.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'alice', Password: 'weak', Permanent: true }))).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    await expect(admin.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'nobody', Password: 'Final-passw0rd', Permanent: true }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('AdminConfirmSignUp confirms an UNCONFIRMED user only', async () => {
    const { sim } = simulate({ users: [alice, { username: 'una', password: PASSWORD, status: 'UNCONFIRMED', attributes: { email: 'una@example.com' } }] });
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'una' }));
    expect(sim.user('una')?.status).toBe('CONFIRMED');
    await expect(admin.send(new AdminConfirmSignUpCommand({ UserPoolId: POOL_ID, Username: 'alice' }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
  });

  it('AdminResetUserPassword sends a code to the verified email and makes sign-in ask for a reset', async () => {
    const { initiate, sim } = simulate({ users: [alice, { username: 'nomail', password: PASSWORD }] });
    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'alice' }));
    expect(sim.user('alice')?.status).toBe('RESET_REQUIRED');
    expect(sim.lastCode('alice')).toMatch(/^\d{6}$/);
    await expect(initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } })).rejects.toMatchObject({ name: 'PasswordResetRequiredException' });
    await expect(admin.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'nomail' }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('AdminGetUser, AdminSetUserMFAPreference, ListUsers with a filter, AdminUserGlobalSignOut and AdminDeleteUser', async () => {
    const { initiate, client } = simulate({
      users: [alice, { username: 'sam', password: PASSWORD, attributes: { phone_number: '+15555550100', email: 'sam@example.org' } }],
    });
    await admin.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: POOL_ID, Username: 'sam', SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
    expect(await admin.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'sam' }))).toMatchObject({ UserStatus: 'CONFIRMED', PreferredMfaSetting: 'SMS_MFA', UserMFASettingList: ['SMS_MFA'] });
    const listed = await admin.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'email ^= "sam@"' }));
    expect(listed.Users?.map((u) => u.Username)).toEqual(['sam']);
    await expect(admin.send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'email ~ sam' }))).rejects.toMatchObject({ name: 'InvalidParameterException' });

    const signedIn = await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
    const accessToken = signedIn.AuthenticationResult!.AccessToken!;
    await admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: POOL_ID, Username: 'alice' }));
    await expect(client.send(new GetUserCommand({ AccessToken: accessToken }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(initiate({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult!.RefreshToken! } })).rejects.toMatchObject({ name: 'NotAuthorizedException' });

    await admin.send(new AdminDeleteUserCommand({ UserPoolId: POOL_ID, Username: 'alice' }));
    await expect(admin.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'alice' }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });
});
