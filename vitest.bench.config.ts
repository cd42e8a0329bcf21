import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/** `npm run bench`: the benchmark parts, one file each, one at a time (timings must not compete). */
const config = mergeConfig(base, defineConfig({ test: { testTimeout: 600_000, maxWorkers: 1, fileParallelism: false } }));
config.test = { ...config.test, include: ['bench/**/*.bench.test.{ts,tsx}'] };
export default config;
