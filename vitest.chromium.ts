import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

/** Vitest's browser mode in Debian's Chromium, headless: what the browser tests, the stories and the benchmark share. */
export const chromiumBrowserMode = {
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions }),
  instances: [{ browser: 'chromium' as const }],
};
