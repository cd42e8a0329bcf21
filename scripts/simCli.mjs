// Builds the cognito-react-sim command from source the way `npm run build` does (src/testing/cli.ts →
// dist/sim-cli.js, with Vite), beside a copy of bin/cognito-react-sim.js, in a fresh folder, so that the real
// bin runs without building the whole package. Everything but Node's built-ins is bundled: the folder needs no
// node_modules. Used by `npm start` and by the command's tests.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildSimCli() {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-react-sim-'));
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      outDir: join(dir, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: { entry: { 'sim-cli': join(root, 'src/testing/cli.ts') }, formats: ['es'] },
      rolldownOptions: { external: [/^node:/] },
    },
  });
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(root, 'bin/cognito-react-sim.js'), join(dir, 'bin/cognito-react-sim.js'));
  return { bin: join(dir, 'bin/cognito-react-sim.js'), dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
