import { defineConfig } from 'vite';

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
        // The cognito-react-sim command (bin/), not a package export: kept apart so that it loads no MSW.
        'sim-cli': 'src/testing/cli.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^@aws-sdk\//, /^@smithy\//, /^msw(\/|$)/, /^node:/, /^react(-dom)?(\/|$)/, /^@tanstack\//, /^qr$/, /^aws-jwt-verify(\/|$)/],
      // The React files start with 'use client' (for React Server Components frameworks); the bundler keeps
      // it on the React entry chunk, which is what matters, and warns about every file otherwise.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
