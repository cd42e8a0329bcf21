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

export type ExampleName = 'nextjs' | 'react-router' | 'express' | 'vite-spa';

/** Each example's pool user (password and TOTP) and its account at the simulated Google (`Google_<sub>` in the pool). */
export const EXAMPLE_USERS: Record<ExampleName, { username: string; totpSecret: string; google: { sub: string; email: string } }> = {
  nextjs: { username: 'next-user', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', google: { sub: '1001', email: 'gina.next@gmail.example' } },
  'react-router': { username: 'rr-user', totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU', google: { sub: '1002', email: 'gina.rr@gmail.example' } },
  express: { username: 'express-user', totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', google: { sub: '1003', email: 'gina.express@gmail.example' } },
  'vite-spa': { username: 'spa-user', totpSecret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK', google: { sub: '1004', email: 'gina.spa@gmail.example' } },
};

/** The identity provider the pools offer besides their own users: a simulated Google. */
export const PROVIDER = 'Google';

export const secretOf = (username: string) => Object.values(EXAMPLE_USERS).find((u) => u.username === username)!.totpSecret;

/**
 * Where the browser reaches an example app: `localhost`, a site of its own, while the pools' managed login is
 * at 127.0.0.1 (another site, as a pool's domain is), so the redirects between them cross sites as in production.
 */
export const appOrigin = (port: number) => `http://localhost:${port}`;
