import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { chromiumBrowserMode } from './vitest.chromium.js';

/**
 * The stories as tests, in real Chromium (Debian's, at CHROMIUM_PATH or /usr/bin/chromium): every story
 * renders, its play function runs, and the accessibility checks pass.
 */
export default defineConfig({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
  publicDir: fileURLToPath(new URL('./.storybook/public', import.meta.url)),
  test: {
    name: 'storybook',
    testTimeout: 30_000,
    browser: chromiumBrowserMode,
  },
});
