/** The simulated pools and users every example signs in with (one user per example: TOTP codes are single-use). */
export const PASSWORD = 'Passw0rd!long';

export const POOLS = {
  /** Browser mode: a public app client. */
  public: { userPoolId: 'eu-west-1_ExampleSpa1', clientId: 'examplespaclient1' },
  /** Server mode: a confidential app client, its secret on the server only. */
  confidential: { userPoolId: 'eu-west-1_ExampleSrv1', clientId: 'examplesrvclient1', clientSecret: 'example-client-secret-3f9a1c' },
} as const;

/** Signs the server-mode examples' cookies; the tests look for it in the built client files. */
export const COOKIE_SECRET = 'example-cookie-secret-5d7e2b9c41a8f6033e1d7c2b';

export const EXAMPLE_USERS = [
  { username: 'next-user', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  { username: 'rr-user', totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' },
  { username: 'express-user', totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  { username: 'spa-user', totpSecret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK' },
] as const;

export const secretOf = (username: string) => EXAMPLE_USERS.find((u) => u.username === username)!.totpSecret;
