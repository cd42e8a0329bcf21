import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/** Integration tests against the real local emulator (cognito-local), over HTTP, one file at a time. */
const config = mergeConfig(
  base,
  defineConfig({ test: { globalSetup: ['test/integration/globalSetup.ts'], fileParallelism: false, maxWorkers: 1 } }),
);
config.test = { ...config.test, include: ['test/integration/**/*.test.{ts,tsx}'], exclude: ['**/node_modules/**'] };
export default config;
