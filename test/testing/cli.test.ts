/**
 * The cognito-react-sim command as a child process over HTTP, and an independent client
 * (amazon-cognito-identity-js) signing in with SRP against it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSimCli } from '../../scripts/simCli.mjs';
import { parseArguments } from '../../src/testing/cli.js';

let cli: Awaited<ReturnType<typeof buildSimCli>>;
let folder: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  cli = await buildSimCli();
  folder = mkdtempSync(join(tmpdir(), 'cognito-react-sim-users-'));
}, 60_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  cli?.dispose();
  rmSync(folder, { recursive: true, force: true });
});

/** Starts the command; resolves with its first line of output (parsed) once it prints one, or its failure. */
function start(args: string[]) {
  const child = spawn(process.execPath, [cli.bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const ready = new Promise<Record<string, string>>((resolve, reject) => {
    const check = () => {
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(JSON.parse(line) as Record<string, string>);
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, err })),
  );
  return { child, ready, exited };
}

function srpSignIn(pool: CognitoUserPool, username: string, password: string) {
  const user = new CognitoUser({ Username: username, Pool: pool });
  return new Promise<CognitoUserSession>((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: resolve,
      onFailure: reject,
    }),
  );
}

describe('cognito-react-sim', () => {
  it('serves the users file on 127.0.0.1, prints its config, lets amazon-cognito-identity-js sign in with SRP, and stops on SIGTERM', async () => {
    const users = join(folder, 'users.json');
    writeFileSync(users, JSON.stringify([{ username: 'alice', password: 'Passw0rd!', attributes: { email: 'alice@example.com' } }]));
    const { child, ready, exited } = start(['--users', users, '--pool-id', 'eu-west-1_CliTest1', '--client-id', 'cliclient1']);
    const config = await ready;
    expect(config).toMatchObject({ userPoolId: 'eu-west-1_CliTest1', clientId: 'cliclient1', region: 'eu-west-1' });
    expect(config.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const pool = new CognitoUserPool({ UserPoolId: config.userPoolId!, ClientId: config.clientId!, endpoint: config.url! });
    const session = await srpSignIn(pool, 'alice', 'Passw0rd!');
    expect(session.isValid()).toBe(true);
    expect(session.getIdToken().decodePayload()).toMatchObject({ 'cognito:username': 'alice', email: 'alice@example.com', iss: config.issuer });
    // The pool really checked the password proof: a wrong password fails the same way Cognito fails it.
    await expect(srpSignIn(pool, 'alice', 'Wr0ng-password!')).rejects.toMatchObject({ code: 'NotAuthorizedException' });
    const operations = (await (await fetch(`${config.url}_sim/requests`)).json()) as string[];
    expect(operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'InitiateAuth', 'RespondToAuthChallenge']);

    child.kill('SIGTERM');
    expect(await exited).toMatchObject({ code: 0 });
    await expect(fetch(`${config.url}_sim/config`)).rejects.toThrow();
  });

  it('refuses bad arguments and a malformed users file with a clear message and exit code 2', async () => {
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, '[{"username": "x"}]');
    const noPassword = start(['--users', bad]);
    noPassword.ready.catch(() => undefined);
    const result = await noPassword.exited;
    expect(result.code).toBe(2);
    expect(result.err).toContain('user 0 in');
    expect(result.err).toContain('"password"');
    const badPort = start(['--port', 'eighty']);
    badPort.ready.catch(() => undefined);
    expect(await badPort.exited).toMatchObject({ code: 2, err: expect.stringContaining('--port must be a number') });
  });
});

describe('the arguments of cognito-react-sim', () => {
  it('maps every option onto the simulator and the server, with 127.0.0.1 and a free port by default', async () => {
    const none = async () => '[]';
    expect(await parseArguments([], none)).toMatchObject({ host: '127.0.0.1', port: 0, userPoolId: 'eu-west-1_SimPool1', clientId: 'simclient1', mfaConfiguration: 'OPTIONAL', users: [] });
    const options = await parseArguments(
      ['--port=9230', '--host', '0.0.0.0', '--pool-id', 'us-east-1_X1', '--client-id', 'c1', '--client-secret', 's3cret', '--mfa', 'ON', '--device-tracking', '--refresh-token-rotation', '--relying-party-id', 'app.test', '--users', 'u.json'],
      async () => '[{"username":"a","password":"Passw0rd!"}]',
    );
    expect(options).toEqual({
      port: 9230,
      host: '0.0.0.0',
      userPoolId: 'us-east-1_X1',
      clientId: 'c1',
      clientSecret: 's3cret',
      relyingPartyId: 'app.test',
      mfaConfiguration: 'ON',
      deviceTracking: true,
      refreshTokenRotation: true,
      users: [{ username: 'a', password: 'Passw0rd!' }],
    });
    await expect(parseArguments(['--mfa', 'SOMETIMES'], none)).rejects.toThrow(/--mfa must be OFF, OPTIONAL or ON/);
    await expect(parseArguments(['--users'], none)).rejects.toThrow(/--users needs a value/);
    await expect(parseArguments(['--verbose'], none)).rejects.toThrow(/Unknown argument --verbose/);
    await expect(parseArguments(['--users', 'x.json'], async () => '{"users": []}')).rejects.toThrow(/JSON array/);
    expect(await parseArguments(['--help'], none)).toBe('help');
  });
});
