import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

/** One entry per message table (`cognito-react/locales/<tag>`): src/locales/<tag>.ts, the helper aside. */
const locales = Object.fromEntries(
  readdirSync(new URL('./src/locales/', import.meta.url))
    .filter((file) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.ts$/.test(file))
    .map((file) => [`locales/${file.slice(0, -3)}`, `src/locales/${file}`]),
);

// Library mode: one ES module per public entry point. Dependencies stay external so the app's bundler
// deduplicates them (the AWS SDK client is shared with the app's own code, msw is the app's test tool).
export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        testing: 'src/testing/index.ts',
        server: 'src/server/index.ts',
        ...locales,
        // The cognito-react-sim command (bin/), not a package export: kept apart so that it loads no MSW.
        'sim-cli': 'src/testing/cli.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^@aws-sdk\//, /^@smithy\//, /^msw(\/|$)/, /^node:/, /^react(-dom)?(\/|$)/, /^@tanstack\//, /^lean-qr(\/|$)/, /^aws-jwt-verify(\/|$)/],
      // One file per source module, as the sources are: a bundler then leaves out whole files an app never
      // reaches. Turbopack (Next.js) keeps every function of a file it uses, so with the core in one shared
      // chunk a server-mode page (CognitoStoreProvider + serverTransport) carried the whole AWS SDK client,
      // which only createCognitoAuth.ts, transport/sdkTransport.ts and react/ConfigProvider.tsx bring.
      output: { preserveModules: true, preserveModulesRoot: 'src' },
      // The React files start with 'use client' (for React Server Components frameworks); the bundler keeps
      // it on the React entry chunk, which is what matters, and warns about every file otherwise.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
