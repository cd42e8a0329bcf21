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

/**
 * The simulated pool over HTTP that `npm start` runs beside the emulator (and the story tests start too): its ids,
 * and its users, which mirror the emulator's (same names, passwords and TOTP secret) plus eve for passwordless
 * sign-in. Its codes are random: read them at <url>_sim/users/<name>/code.
 */
export const SIM_POOL = { region: 'eu-west-1', userPoolId: 'eu-west-1_SimPool1', clientId: 'simclient1' };

const u = LOCAL_POOL.users;
export const SIM_USERS = [
  { username: 'pat', password: u.pat.password, attributes: { email: 'pat@example.com', email_verified: 'true' } },
  { username: 'nia', password: u.nia.password, status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'nia@example.com' } },
  { username: 'tia', password: u.tia.password, attributes: { email: 'tia@example.com', email_verified: 'true' }, mfa: { totpSecret: LOCAL_POOL.totpSecret } },
  { username: 'sam', password: u.sam.password, attributes: { phone_number: '+15555550100', phone_number_verified: 'true' }, mfa: { sms: true } },
  {
    username: 'sol',
    password: u.sol.password,
    attributes: { phone_number: '+15555550101', phone_number_verified: 'true' },
    mfa: { sms: true, totpSecret: LOCAL_POOL.totpSecret },
  },
  { username: 'una', password: u.una.password, status: 'UNCONFIRMED', attributes: { email: 'una@example.com' } },
  { username: 'fay', password: u.fay.password, attributes: { email: 'fay@example.com', email_verified: 'true' } },
  { username: 'eve', password: 'Passw0rd!long', attributes: { email: 'eve@example.com', email_verified: 'true' } },
];
