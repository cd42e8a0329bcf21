/**
 * The AWS SDK client as a semver range: our SDK transport (src/core/transport/sdkTransport.ts and
 * sdkCommands.ts, which sends the account operations by name by renaming a GetUserCommand in a middleware,
 * relying on the SDK's internals) against the NEWEST 3.x published, not the copy the repository pins for
 * its own tests.
 *
 * That version is installed on its own (npm install --prefix, cached by version under node_modules/.cache,
 * so a run after the first spends no time on it), and the core entry is bundled with Vite with the package
 * name aliased to that copy: the bundle is checked to hold that copy and no module of the repository's own
 * SDK. The bundle then signs in (SRP), reads the user, updates an attribute (an operation sent by name) and
 * meets the service's errors, against the simulated pool over HTTP. SDK_CONTRACT_VERSION=3.x.y pins another.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserPoolServer, type UserPoolServer } from '../../src/testing/index.js';

type Core = typeof import('../../src/core/index.js');

const SDK = '@aws-sdk/client-cognito-identity-provider';
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cacheRoot = join(root, 'node_modules', '.cache', 'cognito-react-newest-sdk');
const PASSWORD = 'Passw0rd!long';

/** The newest 3.x on the registry (numerically: npm lists versions in publishing order). */
function newestSdkVersion(): string {
  const listed = [JSON.parse(execFileSync('npm', ['view', `${SDK}@3`, 'version', '--json'], { encoding: 'utf8' })) as string | string[]].flat();
  const parts = (v: string) => v.split('.').map(Number);
  const newest = listed
    .filter((v) => /^3\.\d+\.\d+$/.test(v))
    .sort((a, b) => parts(a).reduce((d, n, i) => d || n - parts(b)[i]!, 0))
    .at(-1);
  if (!newest) throw new Error(`npm view ${SDK}@3 listed no 3.x release`);
  return newest;
}

/** `version` of the SDK client installed on its own in the cache (installed on first use). */
function installSdk(version: string): string {
  const prefix = join(cacheRoot, version);
  const manifest = join(prefix, 'node_modules', SDK, 'package.json');
  const installed = () => existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version === version;
  if (!installed()) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), `${JSON.stringify({ name: 'newest-sdk', private: true })}\n`);
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `${SDK}@${version}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (!installed()) throw new Error(`npm install --prefix ${prefix} ${SDK}@${version} did not install it`);
  }
  return prefix;
}

/** The core entry bundled for Node with the SDK client resolved to the copy under `prefix`. */
async function bundleCore(prefix: string): Promise<{ entry: string; modules: string[] }> {
  const outDir = join(prefix, 'bundle');
  const output = (await build({
    configFile: false,
    root,
    logLevel: 'error',
    resolve: { alias: [{ find: new RegExp(`^${SDK.replace('/', '\\/')}$`), replacement: join(prefix, 'node_modules', SDK) }] },
    ssr: { noExternal: true, target: 'node' },
    build: { ssr: join(root, 'src/core/index.ts'), outDir, emptyOutDir: true, minify: false, write: true, rollupOptions: { output: { entryFileNames: 'core.mjs' } } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = [output].flat().flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  return { entry: join(outDir, 'core.mjs'), modules: chunks.flatMap((c) => c.moduleIds) };
}

describe(`our SDK transport on the newest ${SDK} 3.x`, () => {
  let core: Core;
  let version: string;
  let prefix: string;
  let modules: string[];
  let server: UserPoolServer;

  beforeAll(async () => {
    version = process.env.SDK_CONTRACT_VERSION ?? newestSdkVersion();
    prefix = installSdk(version);
    const bundled = await bundleCore(prefix);
    modules = bundled.modules;
    core = (await import(pathToFileURL(bundled.entry).href)) as Core;
    server = await startUserPoolServer({
      userPoolId: 'eu-west-1_NewestSdk',
      clientId: 'newestsdkclient',
      users: [{ username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' } }],
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const engine = () =>
    core.createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_NewestSdk', clientId: 'newestsdkclient', endpoint: server.url });
  const operations = () => server.sim.requests.map((r) => r.operation);

  it('bundles that copy of the client, and none of the repository\'s own SDK', () => {
    const own = (name: string) => join(root, 'node_modules', name) + sep;
    const fromCopy = modules.filter((id) => id.startsWith(join(prefix, 'node_modules', SDK) + sep));
    expect(fromCopy.length).toBeGreaterThan(10);
    expect(modules.filter((id) => [own('@aws-sdk'), own('@smithy'), own('@aws-crypto')].some((dir) => id.startsWith(dir)))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(prefix, 'node_modules', SDK, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toBe(version);
  });

  it('signs in with SRP, refuses a wrong password as NotAuthorizedException, and reads the user (GetUser)', async () => {
    const auth = engine();
    const wrong = await auth.signIn({ username: 'alice', password: 'wrong-Passw0rd!' }).catch((e: unknown) => e);
    expect(core.isCognitoAuthError(wrong, 'NotAuthorizedException')).toBe(true);
    expect(wrong).toMatchObject({ operation: 'RespondToAuthChallenge', retryable: false });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', pending: false, error: { name: 'NotAuthorizedException' } });

    const before = server.sim.requests.length;
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'alice' } });
    const signIn = server.sim.requests.slice(before);
    expect(signIn.map((r) => r.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(signIn[0]!.input).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: expect.any(String) } });
    expect(signIn[1]!.input).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });

    const user = await auth.getUser();
    expect(user).toMatchObject({ username: 'alice', attributes: { email: 'alice@example.com' } });
    expect(operations().at(-1)).toBe('GetUser');
  });

  it('sends an account operation by name (UpdateUserAttributes), and its service error as its own (SignUp: UsernameExistsException)', async () => {
    const auth = engine();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const before = server.sim.requests.length;
    await core.updateUserAttributes(auth, { name: 'Alice Newest' });
    const sent = server.sim.requests.slice(before);
    // Then the engine refreshes the tokens (InitiateAuth), so that the ID token says what was changed.
    expect(sent.map((r) => r.operation)[0]).toBe('UpdateUserAttributes');
    expect(sent[0]!.input).toMatchObject({ UserAttributes: [{ Name: 'name', Value: 'Alice Newest' }], AccessToken: expect.any(String) });
    expect(server.sim.user('alice')?.attributes).toMatchObject({ name: 'Alice Newest' });
    expect((await auth.getUser()).attributes).toMatchObject({ name: 'Alice Newest' });

    const taken = await core.signUp(auth, { username: 'alice', password: PASSWORD, attributes: { email: 'other@example.com' } }).catch((e: unknown) => e);
    expect(core.isCognitoAuthError(taken, 'UsernameExistsException')).toBe(true);
    expect(taken).toMatchObject({ operation: 'SignUp', retryable: false });
    expect(operations().at(-1)).toBe('SignUp');
  });
});
