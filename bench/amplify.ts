/**
 * aws-amplify (v6) signing in against the same simulated pool, to count its requests. Amplify keeps one
 * global configuration and session: each run configures it for the pool and signs out first.
 */
import { Amplify } from 'aws-amplify';
import * as amplifyAuth from 'aws-amplify/auth';
import type { createPool } from '../test/helpers/pool';

type Pool = ReturnType<typeof createPool>;

/** Runs `flow` with Amplify against `pool` and returns how many requests the pool received. */
export async function amplifyRequests(pool: Pool, flow: (auth: typeof amplifyAuth) => Promise<unknown>): Promise<number> {
  Amplify.configure({ Auth: { Cognito: { userPoolId: pool.sim.userPoolId, userPoolClientId: pool.sim.clientId } } });
  await amplifyAuth.signOut().catch(() => undefined);
  const before = pool.sim.requests.length;
  await flow(amplifyAuth);
  return pool.sim.requests.length - before;
}
