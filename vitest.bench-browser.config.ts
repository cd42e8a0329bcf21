import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { chromiumBrowserMode } from './vitest.chromium.js';

/** The in-browser part of `npm run bench`, in Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium). */
export default defineConfig({
  publicDir: fileURLToPath(new URL('./.storybook/public', import.meta.url)),
  test: {
    include: ['bench/**/*.browser.bench.ts'],
    testTimeout: 120_000,
    browser: chromiumBrowserMode,
  },
});
