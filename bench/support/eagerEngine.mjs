// A Vite plugin for the Chromium latency benchmarks' "eager" builds: the store imports the engine statically,
// so the engine is in the first chunk, as it was before it became a chunk of its own.
export function eagerEngine() {
  return {
    name: 'eager-engine',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/core/authStore.ts')) return null;
      const lazy = "import('./authEngine.js')";
      if (!code.includes(lazy)) throw new Error('authStore.ts no longer imports the engine lazily: update bench/support/eagerEngine.mjs');
      return `import * as eagerEngineModule from './authEngine.js';\n${code.replace(lazy, 'Promise.resolve(eagerEngineModule)')}`;
    },
  };
}
