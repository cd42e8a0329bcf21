// `npm start`: the local user pool (cognito-local on 127.0.0.1, seeded from the committed fixture) and
// Storybook, whose "Local user pool" stories sign in against it. Ctrl-C stops both; nothing is left running.
import { spawn } from 'node:child_process';
import { freePort, LOCAL_POOL, startLocalPool } from './localPool.mjs';

const port = await freePort(9229).catch(() => freePort());
const pool = await startLocalPool({ port });
// Its own process group, so that stopping reaches Storybook itself and not only the npm in front of it.
const storybook = spawn('npm', ['run', 'storybook'], {
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, STORYBOOK_LOCAL_POOL_ENDPOINT: pool.endpoint },
});

console.log(`
Local user pool: ${pool.endpoint}   user pool ${LOCAL_POOL.userPoolId}   app client ${LOCAL_POOL.clientId}   (USER_PASSWORD_AUTH: the emulator has no SRP)
Storybook: http://127.0.0.1:6006  ->  "Local user pool" stories

  user   password         case`);
for (const [name, user] of Object.entries(LOCAL_POOL.users)) console.log(`  ${name.padEnd(6)} ${user.password.padEnd(16)} ${user.case}`);
console.log(`
Codes: every SMS and email code is ${LOCAL_POOL.code}. Authenticator (TOTP) codes for tia and sol: npm run totp
(secret ${LOCAL_POOL.totpSecret}, or add it to an authenticator app). A password change lasts until you restart.
Ctrl-C stops Storybook and the user pool.
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
  pool.stop();
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
storybook.on('exit', (code) => stop(code ?? 0));
