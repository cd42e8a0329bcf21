// The local user pool's ids, users and fixed codes: no Node imports, so browser tests can read it too.
export const LOCAL_POOL = {
  region: 'local',
  userPoolId: 'local_CognitoReact1',
  clientId: 'cognitoreactlocal1',
  code: '123456',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  users: {
    pat: { password: 'Passw0rd!long', case: 'password only' },
    nia: { password: 'Temp0rary!pass', case: 'must choose a new password' },
    noa: { password: 'Temp0rary!pass', case: 'must choose a new password (a second one)' },
    tia: { password: 'Passw0rd!long', case: 'TOTP (authenticator app)' },
    sam: { password: 'Passw0rd!long', case: 'SMS MFA (legacy MFA option)' },
    sol: { password: 'Passw0rd!long', case: 'SMS and TOTP: SELECT_MFA_TYPE' },
    una: { password: 'Passw0rd!long', case: 'unconfirmed' },
    fay: { password: 'Passw0rd!long', case: 'forgot password (email)' },
  },
};
