// The server-mode example: one node:http server (no framework) that serves a React page using <SignIn>
// through `serverTransport('/api/auth')`, mounts the `cognito-react/server` handler at /api/auth, and has one
// API route of its own (/api/me) that reads the session with getSession(request). The tokens never reach
// the browser.
//
//   node examples/server/server.mjs                  a simulated user pool (tia: TOTP, pat: password)
//   node examples/server/server.mjs --local-pool URL  the local emulator (npm start runs one on :9229)
//   --port N (default 5180)
//   --request-timeout MS  how long a request may take to arrive, headers and body (default 30000)
//
// The library's TypeScript sources are loaded through Vite, so nothing needs building first.
import { createServer, STATUS_CODES } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('--port', '5180'));
const localPool = option('--local-pool', undefined);
const requestTimeout = Number(option('--request-timeout', '30000'));

const vite = await createVite({
  root: here,
  configFile: false,
  logLevel: 'warn',
  server: { middlewareMode: true, fs: { allow: [root] }, hmr: false },
  appType: 'spa',
  resolve: { alias: { 'cognito-react': resolve(root, 'src/index.ts') } },
});
const load = (path) => vite.ssrLoadModule(resolve(root, path));
const { createAuthHandler, toNodeListener } = await load('src/server/index.ts');
const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');

// The server calls the Admin operations with its IAM credentials. Neither the simulator nor the emulator
// checks them; a real deployment takes them from the environment (the SDK's default chain).
const credentials = { accessKeyId: 'EXAMPLE', secretAccessKey: 'EXAMPLE' };
let pool;
let stopSimulator = async () => undefined;
if (localPool) {
  const { LOCAL_POOL } = await import('../../scripts/localPoolUsers.mjs');
  pool = { region: LOCAL_POOL.region, userPoolId: LOCAL_POOL.userPoolId, clientId: LOCAL_POOL.clientId, endpoint: localPool, authFlow: 'USER_PASSWORD_AUTH' };
  console.log(`Local user pool at ${localPool}: its AdminInitiateAuth signs in with a password and skips MFA.`);
} else {
  const { createUserPoolSimulator } = await load('src/testing/index.ts');
  const { setupServer } = await import('msw/node');
  const sim = createUserPoolSimulator({
    userPoolId: 'eu-west-1_Example1',
    clientId: 'exampleclient1',
    clientSecret: 'example-client-secret',
    users: [
      { username: 'tia', password: 'Passw0rd!long', attributes: { email: 'tia@example.com' }, mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } },
      { username: 'pat', password: 'Passw0rd!long', attributes: { email: 'pat@example.com' } },
    ],
  });
  const msw = setupServer(...sim.handlers);
  msw.listen({ onUnhandledRequest: 'bypass' });
  stopSimulator = async () => msw.close();
  pool = { region: sim.region, userPoolId: sim.userPoolId, clientId: sim.clientId, clientSecret: 'example-client-secret', authFlow: 'USER_SRP_AUTH' };
  console.log('Simulated user pool: tia (TOTP, secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP) and pat, password Passw0rd!long.');
}

const auth = createAuthHandler({
  region: pool.region,
  userPoolId: pool.userPoolId,
  clientId: pool.clientId,
  ...(pool.clientSecret ? { clientSecret: pool.clientSecret } : {}),
  authFlow: pool.authFlow,
  // A real app reads its secrets from the environment; these only sign cookies for this example.
  cookieSecrets: [process.env.COOKIE_SECRET ?? 'example-cookie-secret-change-me-0123456789abcdef'],
  // http://127.0.0.1 in development: a Secure cookie would not be sent over plain HTTP by every browser.
  cookie: { secure: false },
  client: new CognitoIdentityProviderClient({ region: pool.region, credentials, maxAttempts: 1, ...(pool.endpoint ? { endpoint: pool.endpoint } : {}) }),
});
const authListener = toNodeListener(auth);

/** The app's own API: who is signed in, from the sealed cookie (never the token itself). */
const me = toNodeListener(async (request) => {
  const session = await auth.getSession(request);
  const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store' });
  for (const cookie of session?.setCookie ?? []) headers.append('set-cookie', cookie);
  if (!session) return new Response(JSON.stringify({ error: 'NotSignedIn' }), { status: 401, headers });
  return new Response(JSON.stringify({ username: session.user.username, email: session.user.attributes.email ?? null }), { headers });
});

// node:http's own limits end a request that never finishes arriving (headers or a body sent a byte at a
// time) with a 408; its defaults (5 minutes, checked every 30 s) let such a client hold a connection long.
const timeouts = { requestTimeout, headersTimeout: Math.min(requestTimeout, 20_000), connectionsCheckingInterval: Math.min(1000, requestTimeout / 2) };
const server = createServer(timeouts, (req, res) => {
  if (req.url?.startsWith('/api/auth/')) return void authListener(req, res);
  if (req.url === '/api/me') return void me(req, res);
  vite.middlewares(req, res);
});
// A request node:http cannot parse (a bad method, header or framing) or that took too long: answered as
// node:http does by default, but the connection is ended gracefully rather than destroyed at once, so that the
// client reads the answer before the connection goes (as the node:http documentation's example does).
const clientErrorStatus = new Map([['HPE_HEADER_OVERFLOW', 431], ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413], ['ERR_HTTP_REQUEST_TIMEOUT', 408]]);
server.on('clientError', (error, socket) => {
  if (error.code === 'ECONNRESET') return void socket.destroy();
  if (!socket.writable) return;
  const status = clientErrorStatus.get(error.code) ?? 400;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), 1000).unref();
});
server.listen(port, '127.0.0.1', () => console.log(`Server-mode example: http://127.0.0.1:${port}/  (Ctrl-C to stop)`));

const stop = async () => {
  server.close();
  await vite.close();
  await stopSimulator();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
