import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The package's own names, so README examples are tested exactly as users write them.
    alias: [
      { find: /^cognito-react$/, replacement: src('react/index.ts') },
      { find: /^cognito-react\/core$/, replacement: src('core/index.ts') },
      { find: /^cognito-react\/testing$/, replacement: src('testing/index.ts') },
      { find: /^cognito-react\/server$/, replacement: src('server/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The emulator's tests run on their own (npm run test:integration), with the emulator started for them.
    // The server-mode example's tests start it as its own process (npm run test:e2e).
    exclude: ['test/integration/**', 'test/browser/**', 'test/e2e/**', '**/node_modules/**'],
    environment: 'node',
    // Two cores: keep the pool small so SRP-heavy suites do not starve each other.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
