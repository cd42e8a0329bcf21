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
        core: 'src/core/index.ts',
        testing: 'src/testing/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^@aws-sdk\//, /^@smithy\//, /^msw(\/|$)/, /^node:/],
    },
  },
});
