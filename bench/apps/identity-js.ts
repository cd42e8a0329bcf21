// amazon-cognito-identity-js: authenticateUser.
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';

const pool = new CognitoUserPool({ UserPoolId: 'eu-west-1_Bench1', ClientId: 'benchclient' });
document.querySelector('form')?.addEventListener('submit', () => {
  new CognitoUser({ Username: 'alice', Pool: pool }).authenticateUser(new AuthenticationDetails({ Username: 'alice', Password: 'secret' }), {
    onSuccess: () => undefined,
    onFailure: () => undefined,
    totpRequired: () => undefined,
  });
});
