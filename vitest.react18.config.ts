import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The React tests once more, against React 18: React and every library that imports it (TanStack Query,
 * Testing Library) resolve to the copies installed in compat/react18, so one React runs throughout.
 */
const compat = (name: string) => fileURLToPath(new URL(`./compat/react18/node_modules/${name}`, import.meta.url));
const packages = ['react-dom', 'react', '@tanstack/react-query', '@testing-library/react', '@testing-library/dom', '@testing-library/user-event'];

const config = mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: packages.flatMap((name) => {
        const escaped = name.replace(/[/]/g, '\\/');
        return [
          { find: new RegExp(`^${escaped}$`), replacement: compat(name) },
          { find: new RegExp(`^${escaped}/(.*)$`), replacement: `${compat(name)}/$1` },
        ];
      }),
    },
    test: {
      env: { EXPECT_REACT_MAJOR: '18' },
    },
  }),
);
// mergeConfig concatenates arrays: replace the file list rather than add to it.
config.test = { ...config.test, include: ['test/react/**/*.test.tsx', 'test/components/**/*.test.tsx'] };

export default config;
