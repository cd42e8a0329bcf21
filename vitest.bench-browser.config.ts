import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

/** The in-browser part of `npm run bench`, in Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium). */
export default defineConfig({
  publicDir: fileURLToPath(new URL('./.storybook/public', import.meta.url)),
  test: {
    include: ['bench/**/*.browser.bench.ts'],
    testTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
