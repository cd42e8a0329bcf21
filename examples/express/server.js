// Express in server mode: the cognito-react handler mounted at /api/auth through toNodeListener, a protected
// JSON API that reads the session from the sealed cookie, and the page (built by `vite build`) as static files.
//
//   COGNITO_REGION, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET (optional), COOKIE_SECRET
//   COGNITO_ENDPOINT: a local pool (http://127.0.0.1:9229); COGNITO_ISSUER if its tokens name another issuer
//   COGNITO_OAUTH_DOMAIN (the pool's domain), COGNITO_OAUTH_PROVIDERS (Google,AcmeSSO), APP_URL (this app's
//   public origin): federated sign-in through the pool's managed login
//   HOST (default 127.0.0.1), PORT (default 3000)
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import express from 'express';
import { createAuthHandler, toNodeListener } from 'cognito-react/server';

const env = process.env;
const auth = createAuthHandler({
  region: env.COGNITO_REGION,
  userPoolId: env.COGNITO_USER_POOL_ID,
  clientId: env.COGNITO_CLIENT_ID,
  clientSecret: env.COGNITO_CLIENT_SECRET,
  cookieSecrets: [env.COOKIE_SECRET],
  ...(env.COGNITO_ENDPOINT
    ? {
        // The local pool over plain http://: the SDK client points at it, and the cookie is not Secure.
        client: new CognitoIdentityProviderClient({
          region: env.COGNITO_REGION,
          endpoint: env.COGNITO_ENDPOINT,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
        cookie: { secure: false },
      }
    : {}),
  ...(env.COGNITO_ISSUER ? { issuer: env.COGNITO_ISSUER } : {}),
  // cognito-local has no SRP: COGNITO_AUTH_FLOW=USER_PASSWORD_AUTH.
  ...(env.COGNITO_AUTH_FLOW === 'USER_PASSWORD_AUTH' ? { authFlow: 'USER_PASSWORD_AUTH' } : {}),
  // Managed login: the handler's /oauth/start, /oauth/callback and /oauth/logout. The callback and sign-out
  // URLs must be allowed on the app client, exactly.
  ...(env.COGNITO_OAUTH_DOMAIN
    ? {
        oauth: {
          domain: env.COGNITO_OAUTH_DOMAIN,
          redirectUri: `${env.APP_URL}/api/auth/oauth/callback`,
          logoutUri: `${env.APP_URL}/`,
          scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
        },
      }
    : {}),
});
/** The identity providers the page offers: none without managed login. */
const providers = env.COGNITO_OAUTH_DOMAIN ? (env.COGNITO_OAUTH_PROVIDERS ?? '').split(',').filter(Boolean) : [];

const app = express();
// Before any body parser (the handler reads the body itself), and not as app.use('/api/auth', ...), which
// would strip the path the handler routes on.
const authListener = toNodeListener(auth);
app.use((req, res, next) => (req.url.startsWith('/api/auth/') ? authListener(req, res) : next()));

// A protected JSON API: 401 without a session.
app.get('/api/orders', async (req, res) => {
  const session = await auth.getSession(toRequest(req));
  for (const cookie of session?.setCookie ?? []) res.append('set-cookie', cookie);
  res.set('cache-control', 'no-store');
  if (!session) return res.status(401).json({ error: 'NotSignedIn' });
  res.json({ username: session.user.username, orders: [{ id: 1, item: 'A cup of tea' }] });
});

// What the page needs to know of the server's set-up: the providers to show buttons for.
app.get('/api/sign-in-options', (req, res) => res.set('cache-control', 'no-store').json({ providers }));

app.use(express.static('dist'));

/** The Web-standard Request getSession reads: the method, URL and headers (cookies) of Express's request. */
function toRequest(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`), { method: req.method, headers });
}

const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
const server = app.listen(port, host, () => process.stdout.write(`Listening on http://${host}:${port}\n`));
// End requests that never finish arriving.
server.requestTimeout = 30_000;
server.headersTimeout = 20_000;
