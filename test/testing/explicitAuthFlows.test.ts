import { AdminInitiateAuthCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, PASSWORD, POOL_ID, simulatorServerPerFile } from './support';

const simulate = simulatorServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } };

describe("an app client's ExplicitAuthFlows", () => {
  it('refuses a flow the client does not list as Cognito does, before looking at the user', async () => {
    const { initiate } = simulate({ users: [alice], explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    await expect(initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_AUTH flow not enabled for this client',
    });
    await expect(initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nobody', PASSWORD } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });

  it('answers the flows it lists, and every flow when none is listed', async () => {
    const listed = simulate({ users: [alice], explicitAuthFlows: ['ALLOW_USER_AUTH'] });
    expect((await listed.initiate({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'alice' } })).ChallengeName).toBe('SELECT_CHALLENGE');
    const open = simulate({ users: [alice] });
    expect((await open.initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } })).AuthenticationResult).toBeDefined();
  });

  it('AdminInitiateAuth: ADMIN_USER_PASSWORD_AUTH needs ALLOW_ADMIN_USER_PASSWORD_AUTH, not ALLOW_USER_PASSWORD_AUTH', async () => {
    const { sim } = simulate({ users: [alice], explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const admin = new CognitoIdentityProviderClient({ region: sim.region, maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const send = () =>
      admin.send(new AdminInitiateAuthCommand({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }));
    await expect(send()).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'ADMIN_USER_PASSWORD_AUTH flow not enabled for this client' });
    simulate({ users: [alice], explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] });
    expect((await send()).AuthenticationResult).toBeDefined();
  });
});
