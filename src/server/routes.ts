/**
 * The routes of the handler, one function each, on the context the handler builds (cookies, CSRF, the
 * engine per request, the Cognito client): what each route reads, which Cognito call it makes, and what it
 * answers and stores.
 */
import { AdminGetUserCommand, DescribeUserPoolClientCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAuthError, computeSecretHash, createCognitoAuth, decodeJwtPayload, isCognitoAuthError } from '../core/index.js';
import type { AuthTokens, AuthUser, ChallengeAnswer, ChallengeStep, CognitoTransport, DeviceStore, FirstFactor, SignInAuthFlow, SignInStep, SuspendedSignIn } from '../core/index.js';
import type { DeviceCookie } from './deviceCookie.js';
import { FIRST_FACTORS, refreshError, requestRefresh, tokensBelongTo, userDetailsFrom, userFromIdToken, toCognitoAuthError, sendByName, type TokenAudience } from '../core/shared.js';
import { allowedCommand, CHANGES_CLAIMS, SERVER_FIELDS } from './commands.js';
import type { Csrf } from './csrf.js';
import { isFault, publicError, serverError } from './errors.js';
import { errorResponse, json, readJson, reportLater, stringMap } from './http.js';
import { coordinatedRefresh, type LocalRefreshes, type Refreshed, type RefreshCoordinator } from './refreshLock.js';
import { randomToken } from './csrf.js';
import type { RevocationStore, Sealed, SealedCookies, SealedSession } from './sealedCookies.js';

/** What the handler's rate-limiting hook is asked about. */
export type AuthAction = 'session' | 'signIn' | 'respond' | 'cancel' | 'refresh' | 'signOut' | 'user' | 'command';

/**
 * The state the browser may know: never a token or a Session. Discriminated by `status`, as the browser's
 * `AuthSnapshot` is.
 */
export type PublicAuthState =
  | { status: 'signedOut'; step: null; username: string | null; user: null }
  | { status: 'challenge'; step: ChallengeStep; username: string; user: null }
  | { status: 'signedIn'; step: { name: 'DONE' }; username: string; user: AuthUser };

export interface ServerSession {
  user: AuthUser;
  /** For calling AWS or your APIs from the server; never send it to the browser. */
  accessToken: string;
  idToken: string;
  expiresAt: number;
  /** `Set-Cookie` values to add to your response (after a refresh); empty when nothing changed. */
  setCookie: string[];
}

export const FLOWS: readonly SignInAuthFlow[] = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH', 'CUSTOM_AUTH', 'CUSTOM_WITH_SRP'];

/** What the routes share, built once per handler. */
export interface RouteContext {
  clientId: string;
  clientSecret: string | undefined;
  clientMetadata: Record<string, string> | undefined;
  refreshTokenRotation: boolean | undefined;
  idTokenClaims: boolean;
  authFlows: SignInAuthFlow[];
  clock: () => number;
  marginMs: number;
  client: CognitoIdentityProviderClient;
  revocations: RevocationStore;
  cookies: SealedCookies;
  csrf: Csrf;
  refreshes: LocalRefreshes<SealedSession>;
  coordinator: RefreshCoordinator | undefined;
  exactAudience(): Promise<TokenAudience>;
  transportFor(request: Request): CognitoTransport;
  engine(request: Request, resume?: SuspendedSignIn, deviceStore?: DeviceStore): ReturnType<typeof createCognitoAuth>;
  /** How many bytes the sealed session may take (five cookies), when the handler checks before signing in. */
  sessionCapacity: number | undefined;
  /** The pool id, for AdminGetUser. */
  userPoolId: string;
  /** The remembered-device cookie, when the handler tracks devices. */
  devices: DeviceCookie | undefined;
  ipOf(request: Request): string | undefined;
  rateLimited(request: Request, action: AuthAction, username: string | undefined): Promise<void>;
}

export function createRoutes(ctx: RouteContext) {
  const { clock, marginMs, revocations, cookies: sealedCookies, authFlows } = ctx;

  // ---------------------------------------------------------------------------------------------------
  // What the browser may see

  function userOf(tokens: AuthTokens): AuthUser | null {
    const claims = decodeJwtPayload(tokens.idToken);
    const user = claims ? userFromIdToken(claims) : null;
    if (!user) return null;
    return ctx.idTokenClaims ? user : { username: user.username, sub: user.sub, attributes: {} };
  }

  /** The state of `sealed`; signed out, `username` is the one the form should offer again. */
  function publicState(sealed: Sealed | null, username: string | null = null): PublicAuthState {
    if (sealed?.kind === 'challenge') return { status: 'challenge', step: sealed.signIn.step, username: sealed.signIn.username, user: null };
    // A session whose ID token names nobody is no session, as for `getSession` (the engine never seals one).
    const user = sealed ? userOf(sealed.tokens) : null;
    if (!sealed || !user) return { status: 'signedOut', step: null, username, user: null };
    return { status: 'signedIn', step: { name: 'DONE' }, username: sealed.username, user };
  }

  // ---------------------------------------------------------------------------------------------------
  // Sign-in outcomes and refresh

  /** The outcome of one engine call: the next cookie (challenge, session or none) and the state to show. */
  async function settle(
    request: Request,
    auth: ReturnType<RouteContext['engine']>,
    username: string,
    result: { step?: SignInStep; error?: unknown },
    /** The remembered device the sign-in sent (DEVICE_KEY), which a resumed engine does not know. */
    sentDevice?: string,
  ) {
    let sealed: Sealed | null = null;
    const tokens = auth.getTokens();
    const snapshot = auth.getSnapshot();
    if (result.step?.name === 'DONE' && tokens) {
      const expected = await ctx.exactAudience();
      if (!tokensBelongTo(tokens, expected)) {
        auth.destroy();
        // Sealed, they would not open again: say why now, rather than sign the user out at the next request.
        const iss = decodeJwtPayload(tokens.accessToken)?.iss;
        throw new CognitoAuthError('InvalidResponse', `Cognito's tokens were issued by ${String(iss)}, not ${expected.issuer}: set the issuer option of createAuthHandler.`);
      }
      // The device the tokens are bound to: the remembered one signed in with, or the one Cognito just issued.
      const deviceKey = (snapshot.status === 'signedIn' ? snapshot.device?.deviceKey : undefined) ?? tokens.newDeviceMetadata?.deviceKey ?? sentDevice;
      sealed = sealedCookies.session(snapshot.status === 'signedIn' ? snapshot.user.username : username, tokens, undefined, deviceKey);
    } else {
      const suspended = auth.suspendSignIn();
      if (suspended) sealed = sealedCookies.challenge(suspended);
    }
    auth.destroy();
    let cookies: string[];
    try {
      cookies = await sealedCookies.write(sealed);
    } catch (error) {
      if (!isCognitoAuthError(error, 'SessionTooLarge') || sealed?.kind !== 'session') throw error;
      // Tokens no cookie can hold: none is kept anywhere, so their refresh token goes back to Cognito now,
      // and the browser is signed out (its sign-in cookie is spent).
      await revokeRefreshToken(request, sealed.tokens.refreshToken);
      return { cookies: await sealedCookies.write(null), state: publicState(null, username), csrfToken: undefined, error };
    }
    const state = publicState(sealed, result.error ? auth.getSnapshot().username : null);
    // Signed in: the session's own CSRF token replaces the signed-out page's.
    const csrf = sealed?.kind === 'session' ? ctx.csrf.rotate(sealed.csrf) : null;
    if (csrf) cookies.push(...csrf.cookies);
    return { cookies, state, csrfToken: csrf?.token, error: undefined };
  }

  /** The core's refresh of a sealed session, through the Admin transport of this request. */
  async function refreshTokens(request: Request, sealed: SealedSession): Promise<SealedSession> {
    if (!sealed.tokens.refreshToken) throw new CognitoAuthError('SessionEnded', 'The session cannot be renewed. Sign in again.');
    let next;
    try {
      next = await requestRefresh(
        {
          transport: ctx.transportFor(request),
          clientId: ctx.clientId,
          clientSecret: ctx.clientSecret,
          clientMetadata: ctx.clientMetadata,
          refreshTokenRotation: ctx.refreshTokenRotation,
          audience: await ctx.exactAudience(),
          clock,
        },
        { tokens: sealed.tokens, user: { username: sealed.username }, deviceKey: sealed.deviceKey, signInName: sealed.username },
      );
    } catch (error) {
      throw refreshError(error, ctx.refreshTokenRotation).error;
    }
    return sealedCookies.session(sealed.username, next.tokens, sealed);
  }

  /** The session refreshed, with its `Set-Cookie` values, shared with the other requests of the session. */
  function refreshSession(request: Request, sealed: SealedSession, fresh = false): Promise<Refreshed<SealedSession>> {
    return ctx.refreshes.share(sealed.sid, sealed, fresh, async () => {
      const run = () => refreshTokens(request, sealed);
      // Several instances: the one that takes the session's lock refreshes, the others use its result.
      const next = ctx.coordinator
        ? await coordinatedRefresh({
            coordinator: ctx.coordinator,
            sid: sealed.sid,
            owner: randomToken(),
            fresh,
            refresh: run,
            pack: sealedCookies.pack,
            unpack: sealedCookies.unpack,
            usable: (value) => value.sid === sealed.sid && value.tokens.expiresAt > sealed.tokens.expiresAt,
          })
        : await run();
      return { sealed: next, cookies: await sealedCookies.write(next) };
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // Routes

  async function session(request: Request): Promise<Response> {
    await ctx.rateLimited(request, 'session', undefined);
    const cookies: string[] = [];
    let sealed: Sealed | null = null;
    try {
      sealed = await sealedCookies.read(request);
    } catch (error) {
      // A bad cookie is dropped: the browser starts signed out instead of failing on every load.
      cookies.push(...(await sealedCookies.write(null)));
      if (!isCognitoAuthError(error)) throw error;
    }
    const issued = ctx.csrf.issue(request, sealed?.kind === 'session' ? sealed.csrf : undefined);
    cookies.push(...issued.cookies);
    if (sealed?.kind === 'session' && sealed.tokens.expiresAt - clock() <= marginMs) {
      try {
        const refreshed = await refreshSession(request, sealed);
        sealed = refreshed.sealed;
        cookies.push(...refreshed.cookies);
      } catch (error) {
        if (!isCognitoAuthError(error, 'SessionEnded')) return errorResponse(error, publicState(sealed), cookies);
        sealed = null;
        cookies.push(...(await sealedCookies.write(null)));
      }
    }
    return json({ state: publicState(sealed), csrfToken: issued.token, authFlows }, 200, cookies);
  }

  async function signIn(request: Request): Promise<Response> {
    const body = await readJson(request);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    await ctx.rateLimited(request, 'signIn', username || undefined);
    const asked = body.authFlow === undefined ? undefined : FLOWS.find((f) => f === body.authFlow);
    if (body.authFlow !== undefined && !asked) throw serverError('InvalidInput', 'Unknown authFlow.', { field: 'answer' });
    // The server decides: a flow it does not allow is refused, none asked for is its first.
    if (asked && !authFlows.includes(asked)) {
      const error = new CognitoAuthError('FlowNotAllowed', `This server does not sign in with ${asked}; it allows ${authFlows.join(', ')} (the authFlows option of createAuthHandler).`);
      return errorResponse(error, publicState(null, username || null));
    }
    const authFlow = asked ?? (authFlows[0] as SignInAuthFlow);
    const preferred: FirstFactor | undefined = body.preferredChallenge === undefined ? undefined : FIRST_FACTORS.find((f) => f === body.preferredChallenge);
    if (body.preferredChallenge !== undefined && !preferred) throw serverError('InvalidInput', 'Unknown preferredChallenge.', { field: 'answer' });
    const clientMetadata = stringMap(body.clientMetadata, 'clientMetadata');
    const tooLarge = await sessionTooLarge(username);
    if (tooLarge) return errorResponse(tooLarge, publicState(null, username || null));
    const devices = await ctx.devices?.storeFor(request);
    const auth = ctx.engine(request, undefined, devices);
    let step: SignInStep | undefined;
    let failure: unknown;
    try {
      step = await auth.signIn({
        username,
        ...(typeof body.password === 'string' ? { password: body.password } : {}),
        authFlow,
        ...(preferred ? { preferredChallenge: preferred } : {}),
        ...(typeof body.session === 'string' ? { session: body.session } : {}),
        // The browser's ClientMetadata reaches the Lambda triggers as it would without a server; the server's
        // own values win over it.
        ...(clientMetadata ? { clientMetadata: { ...clientMetadata, ...ctx.clientMetadata } } : {}),
      });
    } catch (error) {
      failure = error;
    }
    // Cognito failing (5xx, throttling, timeout, a broken answer) changes nothing: the browser tries again.
    if (failure && isFault(failure)) {
      auth.destroy();
      return errorResponse(failure, publicState(await sealedCookies.read(request).catch(() => null)));
    }
    await endPrevious(request);
    const { cookies, state, csrfToken, error } = await settle(request, auth, username, { ...(step ? { step } : {}), ...(failure ? { error: failure } : {}) });
    const device = confirmedDevice(devices, state);
    cookies.push(...(await deviceCookies(devices)));
    if (failure ?? error) return errorResponse(failure ?? error, state, cookies);
    return json({ state, ...(csrfToken ? { csrfToken } : {}), ...(device ? { device } : {}) }, 200, cookies);
  }

  /** The attributes the app client may read (its ID token carries those), asked once. */
  let readable: Promise<Set<string> | null> | undefined;

  /**
   * With `checkSessionSize`: before Cognito issues any token, whether the user's ID token (their readable
   * attributes) would make the sealed session need more than five cookies. The estimate counts what the
   * tokens hold at least, so it refuses only sessions that cannot fit; when AdminGetUser or
   * DescribeUserPoolClient fails (a permission not granted, an unknown user), the sign-in goes ahead.
   */
  async function sessionTooLarge(username: string): Promise<CognitoAuthError | null> {
    if (ctx.sessionCapacity === undefined || !username) return null;
    try {
      readable ??= ctx.client
        .send(new DescribeUserPoolClientCommand({ UserPoolId: ctx.userPoolId, ClientId: ctx.clientId }))
        .then((out) => (out.UserPoolClient?.ReadAttributes?.length ? new Set(out.UserPoolClient.ReadAttributes) : null))
        .catch(() => null);
      const [user, canRead] = await Promise.all([ctx.client.send(new AdminGetUserCommand({ UserPoolId: ctx.userPoolId, Username: username })), readable]);
      const attributes = Object.fromEntries((user.UserAttributes ?? []).filter((a) => a.Name && (!canRead || canRead.has(a.Name))).map((a) => [a.Name, a.Value ?? '']));
      const bytes = (text: string) => new TextEncoder().encode(text).length;
      // ID token: header, payload (base claims and the attributes), signature; access and refresh tokens at their smallest.
      const idToken = 100 + Math.ceil(((400 + bytes(JSON.stringify(attributes))) * 4) / 3) + 342;
      const sealed = Math.ceil(((idToken + 700 + 1000 + 200 + 49) * 4) / 3);
      if (sealed <= ctx.sessionCapacity) return null;
      return serverError('SessionTooLarge', `cognito-react/server: ${username}'s session would take about ${sealed} bytes of cookies, more than the ${ctx.sessionCapacity} of five: let the app client read fewer attributes.`);
    } catch {
      return null;
    }
  }

  /** The device cookie's new value, when the engine confirmed, changed or forgot the device. */
  async function deviceCookies(devices: Awaited<ReturnType<DeviceCookie['storeFor']>> | undefined): Promise<string[]> {
    const changed = devices?.changed();
    if (!changed || !ctx.devices) return [];
    return ctx.devices.write(changed.device ? { username: changed.username, device: changed.device } : null);
  }

  /**
   * The device this sign-in just confirmed (its key and whether it is remembered, never its secret), for the
   * browser to offer remembering it (`<SignIn afterSignIn={[rememberDeviceStep()]}>`).
   */
  function confirmedDevice(devices: Awaited<ReturnType<DeviceCookie['storeFor']>> | undefined, state: PublicAuthState) {
    const changed = devices?.changed()?.device;
    if (state.status !== 'signedIn' || !changed) return undefined;
    return { deviceKey: changed.deviceKey, remembered: changed.remembered ?? true };
  }

  /** The session and this browser's device, for the device routes: the device must be the session's. */
  async function sessionDevice(request: Request) {
    if (!ctx.devices) throw serverError('UnsupportedOperation', 'This server does not track devices (the deviceTracking option of createAuthHandler).');
    const sealed = await sealedCookies.read(request);
    if (sealed?.kind !== 'session') throw new CognitoAuthError('NotSignedIn', 'No user is signed in.');
    const device = await ctx.devices.read(request);
    if (!device || device.device.deviceKey !== sealed.deviceKey) throw new CognitoAuthError('NoDevice', 'This browser has no confirmed device of the signed-in user.');
    return { sealed, device };
  }

  /**
   * Remembers this browser's device (UpdateDeviceStatus): later sign-ins here may skip MFA. With
   * `{ "remembered": false }`, marks it `not_remembered` (the user declined).
   */
  async function rememberDevice(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (body.remembered !== undefined && typeof body.remembered !== 'boolean') throw serverError('InvalidInput', 'remembered must be true or false.', { field: 'answer' });
    const remembered = body.remembered !== false;
    const { sealed, device } = await sessionDevice(request);
    await ctx.rateLimited(request, 'command', sealed.username);
    await ctx.transportFor(request).updateDeviceStatus({ AccessToken: sealed.tokens.accessToken, DeviceKey: device.device.deviceKey, DeviceRememberedStatus: remembered ? 'remembered' : 'not_remembered' });
    const cookies = await (ctx.devices as DeviceCookie).write({ username: device.username, device: { ...device.device, remembered } });
    return json({ state: publicState(sealed), device: { deviceKey: device.device.deviceKey, remembered } }, 200, cookies);
  }

  /** Forgets this browser's device at Cognito (ForgetDevice) and here: the next sign-in asks for MFA again. */
  async function forgetDevice(request: Request): Promise<Response> {
    const { sealed, device } = await sessionDevice(request);
    await ctx.rateLimited(request, 'command', sealed.username);
    await ctx.transportFor(request).forgetDevice({ AccessToken: sealed.tokens.accessToken, DeviceKey: device.device.deviceKey });
    return json({ state: publicState(sealed), device: null }, 200, await (ctx.devices as DeviceCookie).write(null));
  }

  /**
   * A new sign-in replaces what the browser had: the sign-in in progress is cancelled (a copy of its cookie
   * may not finish it), and a live session is signed out, its refresh token revoked at Cognito.
   */
  async function endPrevious(request: Request): Promise<void> {
    const previous = await sealedCookies.read(request).catch(() => null);
    if (previous?.kind === 'challenge') await revocations.add(previous.id, previous.exp);
    if (previous?.kind !== 'session') return;
    await revocations.add(previous.sid, previous.exp);
    ctx.refreshes.forget(previous.sid);
    await revokeRefreshToken(request, previous.tokens.refreshToken);
  }

  /** RevokeToken, best effort: a session refused here is gone even when Cognito cannot be told. */
  async function revokeRefreshToken(request: Request, token: string | undefined): Promise<void> {
    if (!token) return;
    try {
      await ctx.transportFor(request).revokeToken({ ClientId: ctx.clientId, Token: token, ...(ctx.clientSecret ? { ClientSecret: ctx.clientSecret } : {}) });
    } catch {
      // Its refresh token lapses at Cognito in its own time.
    }
  }

  async function respond(request: Request): Promise<Response> {
    const body = await readJson(request);
    const sealed = await sealedCookies.read(request);
    if (sealed?.kind !== 'challenge') throw serverError('NoSignInInProgress', 'There is no sign-in to continue. Start again.');
    const { signIn: suspended } = sealed;
    await ctx.rateLimited(request, 'respond', suspended.username);
    if (body.username !== undefined && body.username !== suspended.username) {
      throw serverError('UserMismatch', 'This answer is for another sign-in than the one in progress. Start again.');
    }
    const answer = body.answer as ChallengeAnswer | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.name !== 'string') {
      throw serverError('InvalidInput', 'Send the answer to the current step.', { field: 'answer' });
    }
    const devices = await ctx.devices?.storeFor(request);
    const auth = ctx.engine(request, suspended, devices);
    let step: SignInStep | undefined;
    let failure: unknown;
    try {
      step = await auth.respondToChallenge(answer);
    } catch (error) {
      failure = error;
    }
    // Input refused before any request, an answer for another step, or Cognito failing: nothing changed,
    // keep the cookie, and the same answer may be sent again.
    if (failure && (isCognitoAuthError(failure, ['InvalidInput', 'StepMismatch']) || isFault(failure))) {
      auth.destroy();
      return errorResponse(failure, publicState(sealed));
    }
    const { cookies, state, csrfToken, error } = await settle(request, auth, suspended.username, { ...(step ? { step } : {}), ...(failure ? { error: failure } : {}) }, devices?.current()?.username === suspended.username ? devices.current()?.device.deviceKey : undefined);
    const device = confirmedDevice(devices, state);
    cookies.push(...(await deviceCookies(devices)));
    if (failure ?? error) return errorResponse(failure ?? error, state, cookies);
    return json({ state, ...(csrfToken ? { csrfToken } : {}), ...(device ? { device } : {}) }, 200, cookies);
  }

  async function cancel(request: Request): Promise<Response> {
    await ctx.rateLimited(request, 'cancel', undefined);
    const sealed = await sealedCookies.read(request).catch(() => null);
    if (sealed?.kind === 'session') return json({ state: publicState(sealed) }, 200);
    // The challenge Session stays good at Cognito until it expires: a copy of this cookie may not use it.
    if (sealed?.kind === 'challenge') await revocations.add(sealed.id, sealed.exp);
    const state = publicState(null, sealed?.kind === 'challenge' ? sealed.signIn.username : null);
    return json({ state }, 200, await sealedCookies.write(null));
  }

  async function refresh(request: Request): Promise<Response> {
    const sealed = await sealedCookies.read(request);
    await ctx.rateLimited(request, 'refresh', sealed?.kind === 'session' ? sealed.username : undefined);
    if (sealed?.kind !== 'session') throw new CognitoAuthError('NotSignedIn', 'No user is signed in.');
    try {
      const next = await refreshSession(request, sealed);
      return json({ state: publicState(next.sealed) }, 200, next.cookies);
    } catch (error) {
      if (isCognitoAuthError(error, 'SessionEnded')) return errorResponse(error, publicState(null), await sealedCookies.write(null));
      return errorResponse(error, publicState(sealed));
    }
  }

  async function signOut(request: Request): Promise<Response> {
    const body = await readJson(request);
    const sealed = await sealedCookies.read(request).catch(() => null);
    await ctx.rateLimited(request, 'signOut', sealed?.kind === 'session' ? sealed.username : undefined);
    // Signed out, the page gets a new CSRF token: the session's is of no use to anyone any more.
    const csrf = ctx.csrf.rotate();
    const cookies = [...(await sealedCookies.write(null)), ...csrf.cookies];
    let revoked = true;
    let error: CognitoAuthError | null = null;
    if (sealed?.kind === 'challenge') await revocations.add(sealed.id, sealed.exp);
    if (sealed?.kind === 'session') {
      await revocations.add(sealed.sid, sealed.exp);
      ctx.refreshes.forget(sealed.sid);
      const transport = ctx.transportFor(request);
      try {
        if (body.global === true) await transport.globalSignOut({ AccessToken: sealed.tokens.accessToken });
        if (sealed.tokens.refreshToken) {
          await transport.revokeToken({ ClientId: ctx.clientId, Token: sealed.tokens.refreshToken, ...(ctx.clientSecret ? { ClientSecret: ctx.clientSecret } : {}) });
        }
      } catch (e) {
        revoked = false;
        error = isCognitoAuthError(e) ? e : new CognitoAuthError('UnknownError', 'Sign-out could not reach Cognito.', { cause: e });
      }
    }
    // Like the browser store: the session here is gone whatever Cognito said.
    const failure = error ? publicError(error) : null;
    const response = json({ state: publicState(null), revoked, csrfToken: csrf.token, ...(failure ? { error: failure.error } : {}) }, 200, cookies);
    if (failure?.internal) reportLater(response, error);
    return response;
  }

  async function user(request: Request): Promise<Response> {
    const current = await getSession(request);
    if (!current) throw new CognitoAuthError('NotSignedIn', 'No user is signed in.');
    await ctx.rateLimited(request, 'user', current.user.username);
    const output = await ctx.transportFor(request).getUser({ AccessToken: current.accessToken });
    if (typeof output.Username !== 'string' || !Array.isArray(output.UserAttributes)) {
      throw new CognitoAuthError('InvalidResponse', 'Cognito answered GetUser without the user.', { operation: 'GetUser', retryable: true });
    }
    return json({ user: userDetailsFrom(output, current.user.username) }, 200, current.setCookie);
  }

  /**
   * An account operation for the browser (sign-up, password reset, settings): only those listed in
   * `commands.ts`, with the client's id, SECRET_HASH and the session's access token put in by the server.
   */
  async function command(request: Request): Promise<Response> {
    const body = await readJson(request);
    const operation = typeof body.operation === 'string' ? body.operation : '';
    const allowed = allowedCommand(operation);
    if (!allowed) throw serverError('UnsupportedOperation', `The server does not run ${operation || 'that operation'} for the browser.`, { field: 'answer' });
    const raw = body.input;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw serverError('InvalidInput', 'Send the operation\'s input as an object.', { field: 'answer' });
    const input: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const field of SERVER_FIELDS) delete input[field];
    // What reaches the Lambda triggers is a map of strings, of bounded size, or nothing.
    const browserMetadata = stringMap(input.ClientMetadata, 'ClientMetadata');
    if (browserMetadata) input.ClientMetadata = browserMetadata;
    else delete input.ClientMetadata;
    let sealed: Sealed | null = null;
    const cookies: string[] = [];
    if (!allowed.signedIn) {
      const username = typeof input.Username === 'string' ? input.Username : '';
      await ctx.rateLimited(request, 'command', username || undefined);
      input.ClientId = ctx.clientId;
      if (ctx.clientSecret && username) input.SecretHash = await computeSecretHash(username, ctx.clientId, ctx.clientSecret);
      const ip = ctx.ipOf(request);
      if (ip) input.UserContextData = { IpAddress: ip };
      if (ctx.clientMetadata) input.ClientMetadata = { ...browserMetadata, ...ctx.clientMetadata };
    } else {
      sealed = await sealedCookies.read(request);
      if (sealed?.kind !== 'session') throw new CognitoAuthError('NotSignedIn', 'No user is signed in.');
      await ctx.rateLimited(request, 'command', sealed.username);
      if (sealed.tokens.expiresAt - clock() <= marginMs) {
        const refreshed = await refreshSession(request, sealed);
        sealed = refreshed.sealed;
        cookies.push(...refreshed.cookies);
      }
      input.AccessToken = sealed.tokens.accessToken;
    }
    let output: Record<string, unknown>;
    try {
      output = { ...(await sendByName<Record<string, unknown>>(ctx.client, operation, input)) };
    } catch (error) {
      return errorResponse(toCognitoAuthError(error, operation), publicState(sealed), cookies);
    }
    delete output.$metadata;
    if (operation === 'DeleteUser' && sealed?.kind === 'session') {
      // The account is gone: so is the session, and its cookie may not come back.
      await revocations.add(sealed.sid, sealed.exp);
      ctx.refreshes.forget(sealed.sid);
      const csrf = ctx.csrf.rotate();
      return json({ output, state: publicState(null), csrfToken: csrf.token }, 200, [...cookies, ...(await sealedCookies.write(null)), ...csrf.cookies]);
    }
    if (CHANGES_CLAIMS.has(operation) && sealed?.kind === 'session') {
      try {
        // A new refresh, not one started before the change: its claims would be the old ones.
        const refreshed = await refreshSession(request, sealed, true);
        sealed = refreshed.sealed;
        cookies.push(...refreshed.cookies);
      } catch {
        // The change went through; the claims follow at the next refresh.
      }
    }
    return json({ output, state: publicState(sealed) }, 200, cookies);
  }

  /**
   * The signed-in user of a request, refreshed when due, with the `Set-Cookie` values to answer with: the
   * refreshed session's, or the clearing of a cookie that was refused (tampered, expired, signed out) or
   * whose session has ended.
   */
  async function readSession(request: Request): Promise<{ session: ServerSession | null; setCookie: string[] }> {
    let sealed: Sealed | null;
    try {
      sealed = await sealedCookies.read(request);
    } catch {
      return { session: null, setCookie: await sealedCookies.clearing(request) };
    }
    if (sealed?.kind !== 'session') return { session: null, setCookie: [] };
    let setCookie: string[] = [];
    if (sealed.tokens.expiresAt - clock() <= marginMs) {
      try {
        const refreshed = await refreshSession(request, sealed);
        sealed = refreshed.sealed;
        setCookie = [...refreshed.cookies];
      } catch (error) {
        if (isCognitoAuthError(error, 'SessionEnded')) return { session: null, setCookie: await sealedCookies.write(null) };
        // Offline: the current tokens serve while they have not expired.
        if (sealed.tokens.expiresAt <= clock()) return { session: null, setCookie: [] };
      }
    }
    const claims = decodeJwtPayload(sealed.tokens.idToken);
    const user = claims ? userFromIdToken(claims) : null;
    if (!user) return { session: null, setCookie };
    return { session: { user, accessToken: sealed.tokens.accessToken, idToken: sealed.tokens.idToken, expiresAt: sealed.tokens.expiresAt, setCookie }, setCookie };
  }

  const getSession = async (request: Request): Promise<ServerSession | null> => (await readSession(request)).session;

  // A Map: a route is an own name, never `constructor` or `__proto__`.
  const routes = new Map<string, { method: 'GET' | 'POST'; run: (request: Request) => Promise<Response>; mutates: boolean }>(Object.entries({
    session: { method: 'GET', run: session, mutates: false },
    user: { method: 'GET', run: user, mutates: false },
    'sign-in': { method: 'POST', run: signIn, mutates: true },
    respond: { method: 'POST', run: respond, mutates: true },
    cancel: { method: 'POST', run: cancel, mutates: true },
    refresh: { method: 'POST', run: refresh, mutates: true },
    'sign-out': { method: 'POST', run: signOut, mutates: true },
    command: { method: 'POST', run: command, mutates: true },
    'remember-device': { method: 'POST', run: rememberDevice, mutates: true },
    'forget-device': { method: 'POST', run: forgetDevice, mutates: true },
  }));

  /** The `Set-Cookie` values of a new session for tokens obtained another way (managed login), with its CSRF token. */
  async function startSession(username: string, tokens: AuthTokens): Promise<string[]> {
    const sealed = sealedCookies.session(username, tokens);
    const cookies = await sealedCookies.write(sealed);
    return [...cookies, ...ctx.csrf.rotate(sealed.csrf).cookies];
  }

  return { routes, getSession, readSession, startSession };
}
