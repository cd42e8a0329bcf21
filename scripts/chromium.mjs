// How every browser test and benchmark starts Chromium: Debian's (CHROMIUM_PATH, or /usr/bin/chromium,
// which .ci/run installs), headless, with nothing reaching out to the network on its own.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
