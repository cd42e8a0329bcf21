import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The layers and what each may import (CONTRIBUTING.md, "Where each rule lives"):
 *
 *   core        nothing of React, TanStack Query, react/, components/, server/ or testing/
 *   react       core through its public module (core/index.ts) only; no components/, server/, testing/
 *   components  react's hooks, core through core/index.ts only; no server/, testing/
 *   server      core through core/index.ts and core/shared.ts only; no React, react/, components/, testing/
 *   testing     core; nothing of React, react/, components/, server/
 *   locales     the message tables of components/; nothing of React, react/, server/, testing/
 */
const react = { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/*'], message: 'This layer has no React in it.' };
const layer = (name, why) => ({ group: [`**/${name}/**`, `cognito-react/${name}`], message: why });
const reactLayer = { group: ['**/react/**', 'cognito-react'], message: 'The React layer sits above this one.' };
const components = layer('components', 'Only the package entry (src/index.ts) joins the prebuilt forms to the rest.');
const server = layer('server', 'cognito-react/server runs on servers only: nothing else may import it.');
const testing = layer('testing', 'The simulated pool is for tests and demos: the library never imports it.');
const coreIndexOnly = (...allowed) => ({
  group: ['**/core/**', ...allowed.map((module) => `!**/core/${module}`)],
  message: `Use the core through its public module${allowed.length > 1 ? 's' : ''} (${allowed.join(', ')}), so its internals can change freely.`,
});
const boundary = (files, ...patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/**', '**/node_modules/**', 'coverage/**', 'storybook-static/**', '.storybook/public/**', 'bench-results/**', 'examples/*/{.next,build,dist,dist-local,.react-router}/**', 'examples/nextjs/next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
    // A suppression that no longer suppresses anything is an error too.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // The rules of hooks and of the React Compiler, on every file that can hold a component or a hook.
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}', 'examples/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}', '.storybook/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  boundary(['src/core/**'], react, reactLayer, components, server, testing),
  boundary(['src/react/**'], components, server, testing, coreIndexOnly('index.js')),
  boundary(['src/components/**'], server, testing, coreIndexOnly('index.js')),
  boundary(['src/server/**'], react, reactLayer, components, testing, coreIndexOnly('index.js', 'shared.js')),
  boundary(['src/testing/**'], react, reactLayer, components, server),
  boundary(['src/locales/**'], react, reactLayer, server, testing, coreIndexOnly('index.js')),
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.{mjs,ts,tsx}', 'examples/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
