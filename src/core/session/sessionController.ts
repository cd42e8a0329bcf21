import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAuthError, isCognitoAuthError } from '../errors.js';
import type { EngineEvent, EngineState } from '../engine/reducer.js';
import { bytesToHex, createDeviceVerifier } from '../srp/index.js';
import { toCognitoAuthError } from '../transport/toCognitoAuthError.js';
import type {
  AuthDevice,
  AuthEvent,
  AuthTokens,
  BroadcastChannelLike,
  CognitoAuthConfig,
  CognitoTransport,
  CurrentDevice,
  DeviceCredentials,
  DeviceStore,
  SignOutOptions,
  SignOutReason,
  SignOutResult,
  UserDetails,
} from '../types.js';
import { defaultDeviceName, toAuthDevice } from './devices.js';
import { createSafeStorage, createStorageDeviceStore, storageKeys } from './storage.js';
import { createTabCoordinator, type SessionMessage } from './tabs.js';
import { refreshError as refreshFailure, requestRefresh as requestSessionRefresh, userDetailsFrom, type RefreshConfig } from './refresh.js';
import { deserializeSession, serializeSession, sessionFromResult, type Session, type TokenAudience } from './tokens.js';

/** What the session needs from the store that owns it. */
export interface SessionDeps {
  config: CognitoAuthConfig;
  transport: CognitoTransport;
  clock: () => number;
  randomBytes: (bytes: Uint8Array) => Uint8Array;
  getState(): EngineState;
  dispatch(event: EngineEvent): void;
  /** Abandons a sign-in in flight without a state change (a session arrived, or the user signs out). */
  abandonSignIn(): void;
  /** Where `auth.onEvent` listeners are kept (the store's, so they can be added before the engine arrives). */
  eventListeners?: Set<(event: AuthEvent) => void>;
}

/** After a failed background refresh (offline), try again this much later. */
const RETRY_MS = 30_000;
/** setTimeout's longest delay. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * The session half of the store: tokens after sign-in, storage, restore, refresh (single-flight, one tab at
 * a time), sign-out, remembered devices and the events apps see. The sign-in engine hands it every
 * AuthenticationResult; from then on it alone changes the session.
 */
export function createSessionController(deps: SessionDeps) {
  const { config, transport, clock, getState, dispatch } = deps;
  const audience: TokenAudience = { clientId: config.clientId, userPoolId: config.userPoolId };
  const marginMs = (config.refreshMarginSeconds ?? 60) * 1000;
  const autoRefresh = config.autoRefresh ?? true;
  const keys = storageKeys(config.storageKeyPrefix ?? 'cognito-react', config.clientId);
  const storageOption = config.storage ?? 'memory';

  const eventListeners = deps.eventListeners ?? new Set<(event: AuthEvent) => void>();
  function emit(event: AuthEvent): void {
    for (const listener of [config.onEvent, ...eventListeners]) {
      try {
        listener?.(event);
      } catch (error) {
        // An analytics hook that throws must not break a sign-in: report it without unwinding the store.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  const storage = createSafeStorage(storageOption, (error) => emit({ type: 'storageUnavailable', error }));
  const deviceStore: DeviceStore = config.deviceStore ?? createStorageDeviceStore(storage, keys);

  const crossTab = config.crossTab ?? (storageOption === 'localStorage' || typeof storageOption === 'object');
  const channel = !crossTab || config.broadcastChannel === null ? null : openChannel(config, keys.lastUser);
  const locks =
    config.locks === null
      ? null
      : (config.locks ?? (typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks as never) : null));
  const tabs = createTabCoordinator({
    name: `${config.storageKeyPrefix ?? 'cognito-react'}:${config.clientId}:refresh`,
    channel,
    locks,
    onMessage: (message) => void onTabMessage(message),
    randomId: () => bytesToHex(deps.randomBytes(new Uint8Array(8))),
  });

  /** The live session (mirrors `state.tokens`, plus what the snapshot does not show). */
  let current: Session | null = null;
  /** Bumped whenever the session is replaced or ended: late results of an older one are dropped. */
  let epoch = 0;
  let refreshing: Promise<AuthTokens> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let refreshWhenVisible = false;
  let destroyed = false;

  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';
  const onVisible = () => {
    if (!hidden() && refreshWhenVisible) {
      refreshWhenVisible = false;
      backgroundRefresh();
    }
  };
  if (autoRefresh && typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);

  // -------------------------------------------------------------------------------------------------------
  // Storage

  // Writes run one after another, and a write for a session that has since ended (or been replaced) is
  // skipped: otherwise a slow storage could put back a session the user just signed out of.
  let writes: Promise<void> = Promise.resolve();
  function write(op: () => void | Promise<void>): Promise<void> {
    const run = writes.then(op);
    writes = run.catch(() => undefined);
    return run;
  }

  /** Stores `session` if it is still the live one of session `ofEpoch`. */
  function persist(session: Session, ofEpoch: number): Promise<void> {
    return write(async () => {
      if (ofEpoch !== epoch) return;
      await storage.setItem(keys.session(session.user.username), serializeSession(session));
      await storage.setItem(keys.lastUser, session.user.username);
    });
  }

  function removeStored(username: string): Promise<void> {
    return write(async () => {
      await storage.removeItem(keys.session(username));
      if ((await storage.getItem(keys.lastUser)) === username) await storage.removeItem(keys.lastUser);
    });
  }

  /** The stored session of `username`, or `null`; a corrupt or foreign value is removed on sight. */
  async function readStored(username: string): Promise<Session | null> {
    const key = keys.session(username);
    const raw = await storage.getItem(key);
    const session = deserializeSession(raw, username, audience);
    if (!session && raw !== null) await storage.removeItem(key);
    return session;
  }

  async function deviceOf(session: Session): Promise<CurrentDevice | null> {
    if (!session.deviceKey) return null;
    const stored = await deviceStore.get(session.signInName);
    return stored?.deviceKey === session.deviceKey ? { deviceKey: stored.deviceKey, remembered: stored.remembered ?? true } : null;
  }

  // -------------------------------------------------------------------------------------------------------
  // Timers

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    refreshWhenVisible = false;
  }

  function startTimer(delay: number): void {
    if (destroyed) return;
    timer = setTimeout(onTimer, Math.min(Math.max(0, delay), MAX_DELAY));
    // In Node (tests, SSR), a pending refresh must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
  }

  function scheduleRefresh(): void {
    clearTimer();
    if (!autoRefresh || !current?.tokens.refreshToken) return;
    startTimer(current.tokens.expiresAt - marginMs - clock());
  }

  function onTimer(): void {
    timer = null;
    if (hidden()) {
      // No point refreshing for a page nobody looks at: do it when the user comes back.
      refreshWhenVisible = true;
      return;
    }
    backgroundRefresh();
  }

  function backgroundRefresh(): void {
    refresh().catch((error: unknown) => {
      if (current && isCognitoAuthError(error) && error.retryable) startTimer(RETRY_MS);
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Starting and ending sessions

  function begin(session: Session, device: CurrentDevice | null, how: 'signedIn' | 'restored'): void {
    epoch++;
    current = session;
    dispatch({ type: how, tokens: session.tokens, user: session.user, device });
    scheduleRefresh();
  }

  async function end(reason: SignOutReason, error?: CognitoAuthError, notify = true): Promise<void> {
    const ended = current;
    epoch++;
    current = null;
    clearTimer();
    deps.abandonSignIn();
    dispatch({ type: 'signedOut', reason, ...(error ? { error } : {}) });
    if (ended && reason !== 'otherTab') {
      await removeStored(ended.user.username);
      tabs.post({ kind: 'signedOut', username: ended.user.username });
    }
    if (notify) emit({ type: 'signedOut', reason, ...(error ? { error } : {}) });
  }

  /** Takes over the tokens of a completed sign-in: state, storage, other tabs, then the device. */
  async function signedIn(result: AuthenticationResultType, signInName: string, device: DeviceCredentials | null): Promise<void> {
    const session = sessionFromResult(result, clock(), audience, { deviceKey: device?.deviceKey, signInName });
    begin(session, device ? { deviceKey: device.deviceKey, remembered: device.remembered ?? true } : null, 'signedIn');
    const mine = epoch;
    emit({ type: 'signedIn', user: session.user });
    await persist(session, mine);
    if (mine === epoch) tabs.post({ kind: 'signedIn', username: session.user.username });
    const tracking = config.deviceTracking ?? false;
    if (tracking && session.tokens.newDeviceMetadata && mine === epoch) await confirmDevice(session, tracking);
  }

  /**
   * ConfirmDevice with a verifier computed here (the device password never leaves this store), then
   * UpdateDeviceStatus when the pool leaves remembering to the user and the app chose 'always'.
   * A failure does not undo the sign-in: the device is simply not remembered.
   */
  async function confirmDevice(session: Session, tracking: 'always' | 'userOptIn'): Promise<void> {
    const meta = session.tokens.newDeviceMetadata as { deviceKey: string; deviceGroupKey: string };
    const mine = epoch;
    try {
      const verifier = await createDeviceVerifier(meta.deviceGroupKey, meta.deviceKey, deps.randomBytes);
      const name = typeof config.deviceName === 'function' ? config.deviceName() : (config.deviceName ?? defaultDeviceName());
      const confirmed = await transport.confirmDevice({
        AccessToken: session.tokens.accessToken,
        DeviceKey: meta.deviceKey,
        DeviceSecretVerifierConfig: { PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt },
        DeviceName: name,
      });
      let remembered = confirmed.UserConfirmationNecessary !== true;
      const credentials: DeviceCredentials = { ...meta, devicePassword: verifier.devicePassword, remembered };
      await deviceStore.set?.(session.signInName, credentials);
      if (!remembered && tracking === 'always') {
        await transport.updateDeviceStatus({
          AccessToken: session.tokens.accessToken,
          DeviceKey: meta.deviceKey,
          DeviceRememberedStatus: 'remembered',
        });
        remembered = true;
        await deviceStore.set?.(session.signInName, { ...credentials, remembered });
      }
      if (mine !== epoch || !current) return;
      // From now on the tokens of this session refresh with the confirmed device's key.
      current = { ...current, deviceKey: meta.deviceKey };
      await persist(current, mine);
      const device = { deviceKey: meta.deviceKey, remembered };
      dispatch({ type: 'deviceChanged', device });
      emit({ type: 'deviceConfirmed', device });
    } catch (error) {
      emit({ type: 'deviceConfirmationFailed', error: toCognitoAuthError(error, 'ConfirmDevice') });
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Refresh

  /** One refresh request for `session`: the new session, not yet adopted (the core's one refresh). */
  const refreshConfig: RefreshConfig = { ...config, transport, audience, clock };
  const requestRefresh = (session: Session): Promise<Session> => requestSessionRefresh(refreshConfig, session);

  /**
   * Refreshes under the tab lock. Another tab may have refreshed while this one waited for the lock: its
   * tokens are then read from storage instead of spending the refresh token again (with rotation, a
   * second use of the old one would end the session).
   */
  function lockedRefresh(session: Session, ofEpoch: number): Promise<{ session: Session; fromOtherTab: boolean }> {
    return tabs.withLock(async () => {
      if (storage.shared) {
        const stored = await readStored(session.user.username);
        if (stored && stored.tokens.accessToken !== session.tokens.accessToken && stored.tokens.expiresAt - clock() > marginMs) {
          return { session: stored, fromOtherTab: true };
        }
      }
      const next = await requestRefresh(session);
      await persist(next, ofEpoch);
      return { session: next, fromOtherTab: false };
    });
  }

  /** Converts a refresh failure: a refresh token Cognito refuses ends the session with a typed reason. */
  const refreshError = (error: unknown) => refreshFailure(error, config.refreshTokenRotation);

  /** Refreshes the live session now; concurrent callers share one request. */
  function refresh(): Promise<AuthTokens> {
    if (refreshing) return refreshing;
    const session = current;
    if (!session) return Promise.reject(notSignedIn());
    if (!session.tokens.refreshToken) {
      const error = new CognitoAuthError('SessionEnded', 'Your session has ended and cannot be renewed. Sign in again.');
      return end('noRefreshToken', error).then(() => Promise.reject(error));
    }
    const mine = epoch;
    refreshing = (async () => {
      let outcome: { session: Session; fromOtherTab: boolean };
      try {
        outcome = await lockedRefresh(session, mine);
      } catch (error) {
        const { error: e, ends } = refreshError(error);
        if (mine !== epoch) throw e;
        emit({ type: 'tokenRefreshFailed', error: e });
        if (ends) await end('refreshTokenInvalid', e);
        throw e;
      }
      if (mine !== epoch || !current) throw notSignedIn();
      // A device confirmed while the refresh was in flight keeps its key.
      current = { ...outcome.session, deviceKey: outcome.session.deviceKey ?? current.deviceKey };
      dispatch({ type: 'tokensRefreshed', tokens: current.tokens, user: current.user });
      if (!outcome.fromOtherTab) tabs.post({ kind: 'refreshed', username: current.user.username });
      emit({ type: 'tokenRefreshed', expiresAt: current.tokens.expiresAt });
      scheduleRefresh();
      return current.tokens;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** Valid tokens, refreshed first when they expire within the margin (or when forced). */
  async function validTokens(force = false): Promise<AuthTokens> {
    await ready;
    const session = current;
    if (!session || getState().snapshot.status !== 'signedIn') throw notSignedIn();
    const remaining = session.tokens.expiresAt - clock();
    if (!force && remaining > marginMs) return session.tokens;
    // Nothing to refresh with: use the token while it lasts.
    if (!session.tokens.refreshToken && remaining > 0) return session.tokens;
    try {
      return await refresh();
    } catch (error) {
      // Refreshing early is a courtesy: while the token still works, an offline refresh is no reason to fail.
      if (!force && current === session && isCognitoAuthError(error) && error.retryable && session.tokens.expiresAt > clock()) {
        return session.tokens;
      }
      throw error;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Restore and other tabs

  async function restore(): Promise<void> {
    const username = await storage.getItem(keys.lastUser);
    let session = username ? await readStored(username) : null;
    if (!session) {
      if (username) await storage.removeItem(keys.lastUser);
      dispatch({ type: 'restoreFinished' });
      return;
    }
    if (session.tokens.expiresAt - clock() <= marginMs && session.tokens.refreshToken) {
      try {
        session = (await lockedRefresh(session, epoch)).session;
      } catch (error) {
        const { error: e, ends } = refreshError(error);
        emit({ type: 'tokenRefreshFailed', error: e });
        if (ends) {
          current = session;
          await end('refreshTokenInvalid', e);
          return;
        }
        // Offline at start: keep the session; getAccessToken() will try again.
      }
    }
    begin(session, await deviceOf(session), 'restored');
    emit({ type: 'sessionRestored', user: session.user });
  }

  async function onTabMessage(message: SessionMessage): Promise<void> {
    // While restoring (a peeked session included), storage is read anew anyway.
    if (destroyed || getState().snapshot.status === 'loading' || getState().provisional) return;
    if (message.kind === 'signedOut') {
      if (current?.user.username === message.username) await end('otherTab');
      return;
    }
    const stored = await readStored(message.username);
    if (!stored || stored.tokens.accessToken === current?.tokens.accessToken) return;
    if (current?.user.username === stored.user.username) {
      current = stored;
      dispatch({ type: 'tokensRefreshed', tokens: stored.tokens, user: stored.user });
      scheduleRefresh();
      return;
    }
    // Signed in (as this or another user) in another tab: this tab follows.
    deps.abandonSignIn();
    begin(stored, await deviceOf(stored), 'restored');
    emit({ type: 'sessionRestored', user: stored.user });
  }

  const ready: Promise<void> =
    storageOption === 'memory'
      ? Promise.resolve()
      : // Start after the current task, so listeners registered right after creation see every event.
        Promise.resolve().then(() =>
          restore().catch((error: unknown) => {
            emit({ type: 'tokenRefreshFailed', error: toCognitoAuthError(error, 'InitiateAuth') });
            dispatch({ type: 'restoreFinished' });
          }),
        );

  // -------------------------------------------------------------------------------------------------------
  // Sign-out

  async function signOut(options: SignOutOptions = {}): Promise<SignOutResult> {
    await ready;
    const session = current;
    await end('signOut', undefined, false);
    if (options.local) {
      emit({ type: 'signedOut', reason: 'signOut' });
      return { revoked: !session?.tokens.refreshToken, error: null };
    }
    let error: CognitoAuthError | null = null;
    let revoked = !session?.tokens.refreshToken;
    if (session && options.global) {
      try {
        // GlobalSignOut needs a live access token; the local state is already gone, so renew it aside.
        const live = session.tokens.expiresAt > clock() || !session.tokens.refreshToken ? session : await requestRefresh(session);
        await transport.globalSignOut({ AccessToken: live.tokens.accessToken });
      } catch (e) {
        error = toCognitoAuthError(e, 'GlobalSignOut');
      }
    }
    if (session?.tokens.refreshToken) {
      try {
        await transport.revokeToken({
          ClientId: config.clientId,
          Token: session.tokens.refreshToken,
          ...(config.clientSecret ? { ClientSecret: config.clientSecret } : {}),
        });
        revoked = true;
      } catch (e) {
        error ??= toCognitoAuthError(e, 'RevokeToken');
      }
    }
    emit({ type: 'signedOut', reason: 'signOut', ...(error ? { error } : {}) });
    return { revoked, error };
  }

  // -------------------------------------------------------------------------------------------------------
  // Devices

  async function rememberDevice(remember = true): Promise<void> {
    const { accessToken } = await validTokens();
    const session = current as Session;
    const device = getState().snapshot.device;
    if (!device) throw new CognitoAuthError('NoDevice', 'This device is not registered with Cognito (device tracking is off or the pool does not track devices).');
    const remembered = remember !== false;
    await transport.updateDeviceStatus({ AccessToken: accessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: remembered ? 'remembered' : 'not_remembered' });
    const stored = await deviceStore.get(session.signInName);
    if (stored?.deviceKey === device.deviceKey) await deviceStore.set?.(session.signInName, { ...stored, remembered });
    if (current === session) dispatch({ type: 'deviceChanged', device: { ...device, remembered } });
  }

  async function forgetDevice(deviceKey?: string): Promise<void> {
    const { accessToken } = await validTokens();
    const session = current as Session;
    const thisDevice = getState().snapshot.device;
    const key = deviceKey ?? thisDevice?.deviceKey;
    if (!key) throw new CognitoAuthError('NoDevice', 'There is no device to forget: this device is not registered with Cognito.');
    await transport.forgetDevice({ AccessToken: accessToken, DeviceKey: key });
    if (key === thisDevice?.deviceKey) {
      const stored = await deviceStore.get(session.signInName);
      if (stored?.deviceKey === key) await deviceStore.remove?.(session.signInName);
      if (current === session) dispatch({ type: 'deviceChanged', device: null });
    }
  }

  async function getUser(): Promise<UserDetails> {
    const { accessToken } = await validTokens();
    const output = await transport.getUser({ AccessToken: accessToken });
    return userDetailsFrom(output, current?.user.username ?? '');
  }

  async function listDevices(): Promise<AuthDevice[]> {
    const { accessToken } = await validTokens();
    const currentKey = getState().snapshot.device?.deviceKey;
    const devices: AuthDevice[] = [];
    let token: string | undefined;
    do {
      const page = await transport.listDevices({ AccessToken: accessToken, Limit: 60, ...(token ? { PaginationToken: token } : {}) });
      for (const d of page.Devices ?? []) {
        const device = toAuthDevice(d, currentKey);
        if (device) devices.push(device);
      }
      token = page.PaginationToken;
    } while (token);
    return devices;
  }

  return {
    deviceStore,
    ready: () => ready,
    signedIn,
    validTokens,
    signOut,
    rememberDevice,
    forgetDevice,
    listDevices,
    getUser,
    onEvent(listener: (event: AuthEvent) => void) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
    destroy() {
      destroyed = true;
      clearTimer();
      tabs.close();
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      eventListeners.clear();
    },
  };
}

function notSignedIn(): CognitoAuthError {
  return new CognitoAuthError('NotSignedIn', 'No user is signed in.');
}

function openChannel(config: CognitoAuthConfig, name: string): BroadcastChannelLike | null {
  if (config.broadcastChannel) return config.broadcastChannel(name);
  if (typeof BroadcastChannel !== 'function') return null;
  const channel = new BroadcastChannel(name);
  // Node keeps the process alive for an open channel; a browser has no unref.
  (channel as { unref?: () => void }).unref?.();
  return channel as unknown as BroadcastChannelLike;
}
