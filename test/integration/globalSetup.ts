import type { TestProject } from 'vitest/node';
import { startLocalPool } from '../../scripts/localPool.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    localPoolEndpoint: string;
  }
}

/** One emulator for the integration run: a free port, a fresh folder, killed by its pid at the end. */
export default async function setup(project: TestProject) {
  const pool = await startLocalPool();
  project.provide('localPoolEndpoint', pool.endpoint);
  return () => pool.stop();
}
