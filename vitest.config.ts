import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { chromiumBrowserMode } from './test/support/chromium.js';

/**
 * The one test configuration: a project per kind of test, each run on its own by a script
 * (`vitest run --project NAME`, see package.json and CONTRIBUTING.md).
 *
 * | project     | what                                                              | where it runs            |
 * |-------------|-------------------------------------------------------------------|--------------------------|
 * | unit        | core, react, components, server, testing: everything in-process   | Node (happy-dom per file)|
 * | types       | `*.test-d.ts(x)`: what must and must not compile                  | tsc, through Vitest      |
 * | integration | the engine, hooks and server handler against cognito-local        | Node, one file at a time |
 * | browser     | the forms against cognito-local                                   | Debian's Chromium        |
 * | contract    | each contract against cognito-local, the simulator over HTTP, AWS | Node, one file at a time |
 * | e2e         | the server-mode example server as its own process                 | Node + Chromium          |
 * | examples    | examples/*: the packed package in real framework apps, built, run | Node + Chromium          |
 * | react18     | the React and component tests again, on React 18 (compat/react18) | Node                     |
 * | stories     | every story renders, its play function passes, axe finds nothing  | Debian's Chromium        |
 * | bench       | the timed benchmark parts (npm run bench), one file at a time      | Node                     |
 * | bench-browser | the in-browser benchmark part                                   | Debian's Chromium        |
 */
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The package's own names, so README examples are tested exactly as users write them. */
const packageAliases = [
  { find: /^cognito-react$/, replacement: src('index.ts') },
  { find: /^cognito-react\/core$/, replacement: src('core/index.ts') },
  { find: /^cognito-react\/testing$/, replacement: src('testing/index.ts') },
  { find: /^cognito-react\/server$/, replacement: src('server/index.ts') },
];

/**
 * React 18: React and every library that imports it (TanStack Query, Testing Library) resolve to the copies
 * installed in compat/react18, so one React runs throughout.
 */
const react18 = ['react-dom', 'react', '@tanstack/react-query', '@testing-library/react', '@testing-library/dom', '@testing-library/user-event'];
const react18Aliases = react18.flatMap((name) => {
  const escaped = name.replace(/[/]/g, '\\/');
  const path = here(`./compat/react18/node_modules/${name}`);
  return [
    { find: new RegExp(`^${escaped}$`), replacement: path },
    { find: new RegExp(`^${escaped}/(.*)$`), replacement: `${path}/$1` },
  ];
});

/** The tests that run in-process with nothing started for them. */
const unitFiles = ['test/**/*.test.{ts,tsx}'];
const notUnit = ['test/integration/**', 'test/browser/**', 'test/e2e/**', 'test/contract/**', 'test/examples/**', '**/node_modules/**'];
/**
 * The projects named on the command line (`--project NAME`, `--project=NAME`), or none for all. Setting up
 * the stories project loads Storybook's presets and indexes every story (about 6 s), so it is set up only
 * when it runs, not for every other project's run too.
 */
const named = process.argv.flatMap((arg, i, all) =>
  arg === '--project' ? [all[i + 1] ?? ''] : arg.startsWith('--project=') ? [arg.slice('--project='.length)] : [],
);
const runs = (project: string) => named.length === 0 || named.includes(project);

/** The MSW service worker (npm run msw:worker) the in-browser simulated pools answer through. */
const publicDir = here('./.storybook/public');

export default defineConfig({
  resolve: { alias: packageAliases },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: unitFiles,
          exclude: notUnit,
          // Two cores: keep the pool small so SRP-heavy suites do not starve each other.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: here('./tsconfig.json') },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['test/integration/globalSetup.ts'],
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
      {
        extends: true,
        publicDir,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.tsx'],
          globalSetup: ['test/integration/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          browser: chromiumBrowserMode(),
        },
      },
      {
        extends: true,
        test: {
          // One flow per contract against each target (CONTRACT_TARGET: local, simulator, aws): test/contract/.
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.{ts,tsx}'],
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'examples',
          include: ['test/examples/**/*.test.ts'],
          globalSetup: ['test/examples/globalSetup.ts'],
          // Each file installs and builds an app: one at a time on two cores.
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        resolve: { alias: react18Aliases },
        test: {
          name: 'react18',
          maxWorkers: 2,
          include: ['test/react/**/*.test.tsx', 'test/components/**/*.test.tsx'],
          env: { EXPECT_REACT_MAJOR: '18' },
        },
      },
      ...(runs('stories')
        ? [
            {
              extends: true as const,
              plugins: [storybookTest({ configDir: here('./.storybook') })],
              publicDir,
              test: {
                name: 'stories',
                // The pools the "Local user pool" and "over HTTP" stories sign in against, as under npm start.
                globalSetup: ['test/stories/globalSetup.ts'],
                setupFiles: ['test/stories/setup.ts'],
                testTimeout: 30_000,
                browser: chromiumBrowserMode(),
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.test.{ts,tsx}'],
          // Timings must not compete: one file at a time.
          testTimeout: 600_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        publicDir,
        test: {
          name: 'bench-browser',
          include: ['bench/**/*.browser.bench.ts'],
          testTimeout: 120_000,
          browser: chromiumBrowserMode(),
        },
      },
    ],
  },
});
