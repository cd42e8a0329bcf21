/**
 * `cognito-react-sim`: the simulated user pool as a command, for end-to-end tests of an app (Playwright,
 * Cypress) without AWS. Prints one line of JSON (the endpoint and the pool's ids) once it listens; stops on
 * SIGINT or SIGTERM. Built as its own module (dist/sim-cli.js) so that it runs without MSW installed.
 */
import { startUserPoolServer, type UserPoolServer, type UserPoolServerOptions } from './server.js';
import type { SimulatedUser } from './types.js';

const USAGE = `Usage: cognito-react-sim [options]

  --port <n>               TCP port (default 0: any free port)
  --host <address>         address to bind (default 127.0.0.1)
  --users <file.json>      the users: a JSON array of { username, password, attributes?, status?, mfa? }
  --pool-id <id>           user pool id, <region>_<name> (default eu-west-1_SimPool1)
  --client-id <id>         app client id (default simclient1)
  --client-secret <s>      makes the app client confidential (SECRET_HASH required)
  --mfa <OFF|OPTIONAL|ON>  the pool's MFA configuration (default OPTIONAL)
  --device-tracking        remember devices (DEVICE_KEY, ConfirmDevice, DEVICE_SRP_AUTH)
  --refresh-token-rotation GetTokensFromRefreshToken rotates refresh tokens
  --relying-party-id <id>  the passkey relying party (default localhost: open the app at http://localhost:...)
  --help                   this text

Prints {"url", "userPoolId", "clientId", "region", "issuer", "jwksUri", "helpers"} as one line of JSON.`;

/** A command-line mistake: reported with the usage, exit code 2. */
export class UsageError extends Error {}

const FLAGS = new Set(['--device-tracking', '--refresh-token-rotation', '--help']);
const VALUES = new Set(['--port', '--host', '--users', '--pool-id', '--client-id', '--client-secret', '--mfa', '--relying-party-id']);

/** What the command needs of its process (given by bin/cognito-react-sim.js: this module has no Node types). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  exit(code: number): void;
  /** The text of a file; rejects with an error carrying `code` (ENOENT, ...). */
  readText(path: string): Promise<string>;
  /** Calls `stop` on SIGINT and SIGTERM. */
  onStopSignal(stop: () => void): void;
}

/** The options the arguments ask for (the users file read). */
export async function parseArguments(argv: readonly string[], readText: CliIo['readText']): Promise<UserPoolServerOptions | 'help'> {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name = '', inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (FLAGS.has(name)) {
      given.set(name, 'true');
    } else if (VALUES.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      given.set(name, value);
    } else {
      throw new UsageError(`Unknown argument ${arg}`);
    }
  }
  if (given.has('--help')) return 'help';
  const portText = given.get('--port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got ${portText}`);
  const mfa = given.get('--mfa') ?? 'OPTIONAL';
  if (mfa !== 'OFF' && mfa !== 'OPTIONAL' && mfa !== 'ON') throw new UsageError(`--mfa must be OFF, OPTIONAL or ON, got ${mfa}`);
  const usersFile = given.get('--users');
  const users = usersFile === undefined ? [] : await readUsers(usersFile, readText);
  const clientSecret = given.get('--client-secret');
  const relyingPartyId = given.get('--relying-party-id');
  return {
    port,
    host: given.get('--host') ?? '127.0.0.1',
    userPoolId: given.get('--pool-id') ?? 'eu-west-1_SimPool1',
    clientId: given.get('--client-id') ?? 'simclient1',
    ...(clientSecret === undefined ? {} : { clientSecret }),
    ...(relyingPartyId === undefined ? {} : { relyingPartyId }),
    mfaConfiguration: mfa,
    deviceTracking: given.has('--device-tracking'),
    refreshTokenRotation: given.has('--refresh-token-rotation'),
    users,
  };
}

async function readUsers(file: string, readText: CliIo['readText']): Promise<SimulatedUser[]> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    throw new UsageError(`--users: cannot read ${file} (${(error as { code?: string }).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--users: ${file} is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`--users: ${file} must hold a JSON array of users`);
  parsed.forEach((user: unknown, i) => {
    const u = user as Partial<SimulatedUser> | null;
    if (typeof u !== 'object' || u === null || typeof u.username !== 'string' || u.username === '' || typeof u.password !== 'string') {
      throw new UsageError(`--users: user ${i} in ${file} needs a "username" and a "password" (strings)`);
    }
  });
  return parsed as SimulatedUser[];
}

/** Runs the command; resolves to the running server (tests), or undefined after --help. */
export async function main(argv: readonly string[], io: CliIo): Promise<UserPoolServer | undefined> {
  let options: UserPoolServerOptions | 'help';
  let server: UserPoolServer;
  try {
    options = await parseArguments(argv, io.readText);
    if (options === 'help') {
      io.out(USAGE);
      return undefined;
    }
    server = await startUserPoolServer(options);
  } catch (error) {
    io.err(`cognito-react-sim: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) io.err(USAGE);
    io.exit(2);
    return undefined;
  }
  const { sim, url } = server;
  io.out(
    JSON.stringify({
      url,
      userPoolId: sim.userPoolId,
      clientId: sim.clientId,
      region: sim.region,
      issuer: sim.issuer,
      jwksUri: `${url}${sim.userPoolId}/.well-known/jwks.json`,
      helpers: `${url}_sim/`,
    }),
  );
  const stop = () => {
    void server.close().then(() => io.exit(0));
  };
  io.onStopSignal(stop);
  return server;
}
