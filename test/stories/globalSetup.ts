import type { TestProject } from 'vitest/node';
import { startLocalPool } from '../../scripts/localPool.mjs';
import { SIM_POOL, SIM_USERS } from '../../scripts/localPoolUsers.mjs';
import { startUserPoolServer } from '../../src/testing/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    storyPools: { local: string; sim: string };
  }
}

/**
 * What `npm start` runs beside Storybook, for the story tests: the emulator and the simulated pool over HTTP (the
 * same users), so the "Local user pool" and "Simulated user pool over HTTP" stories sign in against real servers.
 * Both bind to 127.0.0.1 on free ports and are stopped at the end (the emulator by its process id).
 */
export default async function setup(project: TestProject) {
  const local = await startLocalPool();
  let sim: Awaited<ReturnType<typeof startUserPoolServer>>;
  try {
    sim = await startUserPoolServer({ ...SIM_POOL, users: SIM_USERS, deviceTracking: true, mfaConfiguration: 'OPTIONAL' });
  } catch (error) {
    local.stop();
    throw error;
  }
  project.provide('storyPools', { local: local.endpoint, sim: sim.url });
  return async () => {
    local.stop();
    await sim.close();
  };
}
