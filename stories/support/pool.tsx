import type { Decorator } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { delay, http, HttpResponse } from 'msw';
import { useState, type ReactNode } from 'react';
import { createCognitoAuth, type CognitoAuth, type CognitoAuthConfig } from '../../src/core/index.js';
import { CognitoProvider } from '../../src/index.js';
import { createUserPoolSimulator, type UserPoolSimulator, type UserPoolSimulatorConfig } from '../../src/testing/index.js';
import { startWorker } from './worker';

export const PASSWORD = 'Passw0rd!long';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The users of the stories' simulated pools, one per kind. */
export const users = {
  password: { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } },
  sms: { username: 'sam', password: PASSWORD, attributes: { email: 'sam@example.com', phone_number: '+15555550100' }, mfa: { sms: true } },
  totp: { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com' }, mfa: { totpSecret: TOTP_SECRET } },
  email: { username: 'eve', password: PASSWORD, attributes: { email: 'eve@example.com' }, mfa: { email: true } },
  select: { username: 'sol', password: PASSWORD, attributes: { email: 'sol@example.com', phone_number: '+15555550101' }, mfa: { sms: true, totpSecret: TOTP_SECRET } },
  selectThree: {
    username: 'tri',
    password: PASSWORD,
    attributes: { email: 'tri@example.com', phone_number: '+15555550102' },
    mfa: { sms: true, email: true, totpSecret: TOTP_SECRET },
  },
  newPassword: { username: 'nia', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD' as const, attributes: { email: 'nia@example.com' } },
  custom: {
    username: 'cal',
    password: PASSWORD,
    customChallenge: { rounds: [{ parameters: { question: 'What is 3 + 4?' }, answer: '7' }] },
  },
} satisfies Record<string, UserPoolSimulatorConfig['users'][number]>;

export interface PoolContext {
  sim: UserPoolSimulator;
  auth: CognitoAuth;
}

/**
 * A loader that starts a fresh simulated pool behind the real AWS SDK (through the MSW worker), creates a
 * store for it, and optionally brings the sign-in to a step before the story renders.
 */
export function withPool(
  pool: (Partial<UserPoolSimulatorConfig> & Pick<UserPoolSimulatorConfig, 'users'>) | (() => Promise<Partial<UserPoolSimulatorConfig> & Pick<UserPoolSimulatorConfig, 'users'>>),
  options: { config?: Partial<CognitoAuthConfig>; reach?: (ctx: PoolContext) => Promise<unknown> } = {},
): () => Promise<{ pool: PoolContext }> {
  return async () => {
    const worker = await startWorker();
    const settings = typeof pool === 'function' ? await pool() : pool;
    const sim = createUserPoolSimulator({ userPoolId: 'eu-west-1_Stories1', clientId: 'storiesclient', ...settings });
    worker.resetHandlers(...sim.handlers);
    const auth = createCognitoAuth({
      region: sim.region,
      userPoolId: sim.userPoolId,
      clientId: sim.clientId,
      autoRefresh: false,
      // The simulator's clock, which a story may move forward (expired sessions).
      clock: () => sim.now(),
      ...options.config,
    });
    await options.reach?.({ sim, auth });
    return { pool: { sim, auth } satisfies PoolContext };
  };
}

/** Signs the story's user in up to their first challenge. */
export const reachChallenge =
  (username: string, password = PASSWORD) =>
  ({ auth }: PoolContext) =>
    auth.signIn({ username, password });

/** From now on, requests of the given operation never answer (the pending state). */
export async function hang(operation: string) {
  const worker = await startWorker();
  worker.use(
    http.post(/cognito-idp/, ({ request }) => (request.headers.get('x-amz-target')?.endsWith(`.${operation}`) ? delay('infinite') : undefined)),
  );
}

/** From now on, every request to Cognito fails as if offline. */
export async function goOffline() {
  const worker = await startWorker();
  worker.use(http.post(/cognito-idp/, () => HttpResponse.error()));
}

function Provider({ auth, children }: { auth: CognitoAuth; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <CognitoProvider auth={auth} queryClient={queryClient}>
      {children}
    </CognitoProvider>
  );
}

/** Renders the story inside a provider for the loader's pool. */
export const withProvider: Decorator = (Story, { loaded }) => (
  <Provider auth={(loaded.pool as PoolContext).auth}>
    <Story />
  </Provider>
);

export function Frame({ children }: { children: ReactNode }) {
  return <div className="cognito-react">{children}</div>;
}

/** From now on, the given operation fails with this service exception. */
export async function failWith(operation: string, type: string, message = type) {
  const worker = await startWorker();
  worker.use(
    http.post(/cognito-idp/, ({ request }) =>
      request.headers.get('x-amz-target')?.endsWith(`.${operation}`)
        ? HttpResponse.json({ __type: type, message }, { status: 400, headers: { 'x-amzn-errortype': `${type}:`, 'content-type': 'application/x-amz-json-1.1' } })
        : undefined,
    ),
  );
}
