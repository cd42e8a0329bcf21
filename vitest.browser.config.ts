import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { chromiumBrowserMode } from './vitest.chromium.js';

/** End-to-end tests in Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium) against the local emulator. */
export default defineConfig({
  publicDir: fileURLToPath(new URL('./.storybook/public', import.meta.url)),
  test: {
    include: ['test/browser/**/*.browser.test.tsx'],
    globalSetup: ['test/integration/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    browser: chromiumBrowserMode,
  },
});
