// `npm start`: the local user pool (cognito-local on 127.0.0.1, seeded from the committed fixture), a second,
// complete pool (the simulator over HTTP, `cognito-react-sim`: SRP, USER_AUTH, devices, passkeys, which the
// emulator lacks) and Storybook, whose "Local user pool" stories sign in against the first. Ctrl-C stops all
// three; nothing is left running.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, LOCAL_POOL, startLocalPool } from './localPool.mjs';
import { SIM_POOL, SIM_USERS } from './localPoolUsers.mjs';
import { buildSimCli } from './simCli.mjs';

const port = await freePort(9229).catch(() => freePort());
const pool = await startLocalPool({ port });

const cli = await buildSimCli();
const usersFile = join(cli.dir, 'users.json');
writeFileSync(usersFile, JSON.stringify(SIM_USERS));
const simPort = await freePort(9230).catch(() => freePort());
const simulator = spawn(process.execPath, [cli.bin, '--port', String(simPort), '--users', usersFile, '--pool-id', SIM_POOL.userPoolId, '--client-id', SIM_POOL.clientId, '--device-tracking'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const sim = await new Promise((resolveSim, reject) => {
  simulator.once('exit', (code) => reject(new Error(`cognito-react-sim exited with code ${code}`)));
  createInterface({ input: simulator.stdout }).once('line', (line) => resolveSim(JSON.parse(line)));
}).catch((error) => {
  pool.stop();
  cli.dispose();
  throw error;
});
// Its own process group, so that stopping reaches Storybook itself and not only the npm in front of it.
const storybook = spawn('npm', ['run', 'storybook'], {
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, STORYBOOK_LOCAL_POOL_ENDPOINT: pool.endpoint, STORYBOOK_SIM_POOL_ENDPOINT: sim.url },
});

console.log(`
Local user pool: ${pool.endpoint}   user pool ${LOCAL_POOL.userPoolId}   app client ${LOCAL_POOL.clientId}   (USER_PASSWORD_AUTH: the emulator has no SRP)
Storybook: http://127.0.0.1:6006  ->  "Local user pool" stories

  user   password         case`);
for (const [name, user] of Object.entries(LOCAL_POOL.users)) console.log(`  ${name.padEnd(6)} ${user.password.padEnd(16)} ${user.case}`);
console.log(`
Simulated user pool (cognito-react-sim): ${sim.url}   user pool ${sim.userPoolId}   app client ${sim.clientId}   region ${sim.region}
  the same users and passwords, plus eve (USER_AUTH with an email code or a passkey); every flow: SRP, USER_AUTH,
  MFA, devices, passkeys. Its codes are random: ${sim.helpers}users/<name>/code (TOTP: ${sim.helpers}users/<name>/totp).
  ${JSON.stringify(sim)}

Codes: every SMS and email code of the local pool is ${LOCAL_POOL.code}. Authenticator (TOTP) codes for tia and sol: npm run totp
(secret ${LOCAL_POOL.totpSecret}, or add it to an authenticator app). A password change lasts until you restart.
Ctrl-C stops Storybook and both user pools.
`);

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  try {
    if (storybook.exitCode === null) process.kill(-storybook.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  if (simulator.exitCode === null) simulator.kill('SIGTERM');
  pool.stop();
  cli.dispose();
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
storybook.on('exit', (code) => stop(code ?? 0));
