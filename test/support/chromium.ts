import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

/**
 * Vitest's browser mode in Debian's Chromium, headless: what the browser tests, the stories and the benchmark
 * share. A new object per project: Vitest names each project's browser instance in place.
 */
export const chromiumBrowserMode = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions }),
  instances: [{ browser: 'chromium' as const }],
});
