import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * Server mode end to end: the example server (examples/server) started as its own process, driven by the
 * store in a DOM test and by Debian's Chromium through playwright-core. One file at a time.
 */
const config = mergeConfig(base, defineConfig({ test: { fileParallelism: false, maxWorkers: 1, testTimeout: 60_000, hookTimeout: 60_000 } }));
config.test = { ...config.test, include: ['test/e2e/**/*.test.{ts,tsx}'], exclude: ['**/node_modules/**'] };
export default config;
