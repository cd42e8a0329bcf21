import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/** End-to-end tests in Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium) against the local emulator. */
export default defineConfig({
  publicDir: fileURLToPath(new URL('./.storybook/public', import.meta.url)),
  test: {
    include: ['test/browser/**/*.browser.test.tsx'],
    globalSetup: ['test/integration/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
