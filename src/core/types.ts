import type { OAuthConfig } from './oauth/protocol.js';
import type {
  AnalyticsMetadataType,
  AssociateSoftwareTokenCommandInput,
  AssociateSoftwareTokenCommandOutput,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommandInput,
  ConfirmDeviceCommandOutput,
  ForgetDeviceCommandInput,
  ForgetDeviceCommandOutput,
  GetTokensFromRefreshTokenCommandInput,
  GetUserCommandInput,
  GetUserCommandOutput,
  GetTokensFromRefreshTokenCommandOutput,
  GlobalSignOutCommandInput,
  GlobalSignOutCommandOutput,
  InitiateAuthCommandInput,
  InitiateAuthCommandOutput,
  ListDevicesCommandInput,
  ListDevicesCommandOutput,
  RespondToAuthChallengeCommandInput,
  RespondToAuthChallengeCommandOutput,
  RevokeTokenCommandInput,
  RevokeTokenCommandOutput,
  UpdateDeviceStatusCommandInput,
  UpdateDeviceStatusCommandOutput,
  UserContextDataType,
  VerifySoftwareTokenCommandInput,
  VerifySoftwareTokenCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAuthError } from './errors.js';

/** The client-side AuthFlow values a sign-in can start with. */
export type SignInAuthFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'USER_AUTH' | 'CUSTOM_AUTH' | 'CUSTOM_WITH_SRP';

/** First factors of choice-based sign-in (USER_AUTH), as SELECT_CHALLENGE offers them. */
export type FirstFactor = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** MFA methods a SELECT_MFA_TYPE challenge can offer. */
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** MFA methods an MFA_SETUP challenge can enrol during sign-in. */
export type MfaSetupMethod = 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** Where Cognito sent a code. `destination` is masked by the service (e.g. `+*******1234`). */
export interface CodeDelivery {
  deliveryMedium: 'SMS' | 'EMAIL' | (string & {});
  destination: string;
  /** The attribute the code verifies (`email`, `phone_number`), for sign-up and attribute verification. */
  attribute?: string;
}

/** The WebAuthn request options Cognito sends (PublicKeyCredentialRequestOptionsJSON). */
export interface CredentialRequestOptionsJSON {
  challenge: string;
  rpId?: string;
  timeout?: number;
  allowCredentials?: { id: string; type: 'public-key'; transports?: string[] }[];
  userVerification?: 'required' | 'preferred' | 'discouraged';
  [extra: string]: unknown;
}

/** The WebAuthn assertion Cognito expects as CREDENTIAL (AuthenticationResponseJSON). */
export interface AuthenticationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string;
  };
  authenticatorAttachment?: string;
  clientExtensionResults: Record<string, unknown>;
}

/** The WebAuthn creation options StartWebAuthnRegistration returns (PublicKeyCredentialCreationOptionsJSON). */
export interface CredentialCreationOptionsJSON {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout?: number;
  excludeCredentials?: { id: string; type: 'public-key'; transports?: string[] }[];
  authenticatorSelection?: { authenticatorAttachment?: string; residentKey?: string; requireResidentKey?: boolean; userVerification?: string };
  attestation?: string;
  [extra: string]: unknown;
}

/** The new credential CompleteWebAuthnRegistration expects (RegistrationResponseJSON). */
export interface RegistrationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    transports?: string[];
    [extra: string]: unknown;
  };
  authenticatorAttachment?: string;
  clientExtensionResults: Record<string, unknown>;
}

/** Creates a passkey for the given options (default: `navigator.credentials.create`). */
export type WebAuthnCreate = (options: CredentialCreationOptionsJSON) => Promise<RegistrationResponseJSON>;

/** The TOTP enrolment data of an MFA_SETUP step, once AssociateSoftwareToken has run. */
export interface TotpSetup {
  /** The shared secret, Base32, as Cognito returned it. */
  secret: string;
  /** `otpauth://totp/...` for a QR code, with issuer and account name properly encoded. */
  uri: string;
  /**
   * True once Cognito accepted a code (VerifySoftwareToken). If the final step then fails for a
   * passing reason (network), answering again only completes the challenge.
   */
  verified?: boolean;
}

/**
 * The current sign-in step: a discriminated union keyed by Cognito's own challenge names, with the
 * challenge parameters parsed into typed fields. `DONE` means the user is signed in.
 */
export type SignInStep =
  | { name: 'SMS_MFA'; codeDelivery: CodeDelivery }
  | { name: 'SOFTWARE_TOKEN_MFA'; friendlyDeviceName?: string }
  | { name: 'EMAIL_OTP'; codeDelivery: CodeDelivery }
  | { name: 'SMS_OTP'; codeDelivery: CodeDelivery }
  | { name: 'SELECT_MFA_TYPE'; options: MfaType[] }
  | { name: 'SELECT_CHALLENGE'; options: FirstFactor[] }
  | { name: 'PASSWORD' }
  | { name: 'PASSWORD_SRP' }
  | {
      name: 'MFA_SETUP';
      /** The methods the user may enrol, as offered by MFAS_CAN_SETUP and supported in sign-in. */
      options: MfaSetupMethod[];
      /** Present once TOTP enrolment has started (at once when TOTP is the only option). */
      totp?: TotpSetup;
    }
  | {
      name: 'NEW_PASSWORD_REQUIRED';
      /** Attribute names (without the `userAttributes.` prefix) the user must supply. */
      requiredAttributes: string[];
      /** The user's current attributes, as Cognito sent them. */
      userAttributes: Record<string, string>;
    }
  | { name: 'CUSTOM_CHALLENGE'; parameters: Record<string, string> }
  | { name: 'WEB_AUTHN'; credentialRequestOptions: CredentialRequestOptionsJSON }
  | {
      /** A challenge this version does not know: rendered by the app from the raw name and parameters. */
      name: 'UNKNOWN_CHALLENGE';
      challengeName: string;
      parameters: Record<string, string>;
    }
  | { name: 'DONE' };

export type SignInStepName = SignInStep['name'];

/** The step with the given name. */
export type SignInStepOf<N extends SignInStepName> = Extract<SignInStep, { name: N }>;

/** An answer to the current step: its `name` must match the step's. */
export type ChallengeAnswer =
  | { name: 'SMS_MFA'; code: string }
  | { name: 'SOFTWARE_TOKEN_MFA'; code: string }
  | { name: 'EMAIL_OTP'; code: string }
  | { name: 'SMS_OTP'; code: string }
  | { name: 'SELECT_MFA_TYPE'; mfaType: MfaType }
  | {
      name: 'SELECT_CHALLENGE';
      challenge: FirstFactor;
      /** With PASSWORD or PASSWORD_SRP: answer in the same call (one round trip fewer). */
      password?: string;
    }
  | { name: 'PASSWORD'; password: string }
  | { name: 'PASSWORD_SRP'; password: string }
  | {
      name: 'MFA_SETUP';
      method: MfaSetupMethod;
      /** TOTP: the 6-digit code from the authenticator app (omit to only start TOTP enrolment). */
      code?: string;
      /** TOTP: a name for the authenticator, shown in the user's MFA settings. */
      friendlyDeviceName?: string;
      /** Email: the address to send codes to. */
      email?: string;
    }
  | { name: 'NEW_PASSWORD_REQUIRED'; newPassword: string; attributes?: Record<string, string> }
  | { name: 'CUSTOM_CHALLENGE'; answer: string }
  | { name: 'WEB_AUTHN'; credential?: AuthenticationResponseJSON }
  | { name: 'UNKNOWN_CHALLENGE'; responses: Record<string, string> };

/** The signed-in user, read from the ID token (no extra network call). */
export interface AuthUser {
  /** `cognito:username` (the user's permanent username, which may differ from what they typed). */
  username: string;
  /** The `sub` claim: the user's immutable id. */
  sub: string;
  /** Standard and custom attributes present in the ID token (email, phone_number, custom:...). */
  attributes: Record<string, string>;
}

/** The tokens of a signed-in session. */
export interface AuthTokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  /** Epoch milliseconds (device clock) at which the access token expires. */
  expiresAt: number;
  tokenType: string;
  /** Present when the pool tracks devices and this sign-in created a new one. */
  newDeviceMetadata?: { deviceKey: string; deviceGroupKey: string };
}

export type AuthStatus = 'loading' | 'signedOut' | 'challenge' | 'signedIn';

/** A step the user must act on: every {@link SignInStep} but `DONE`. */
export type ChallengeStep = Exclude<SignInStep, { name: 'DONE' }>;

/** The name of a {@link ChallengeStep}: every step name but `DONE`. */
export type ChallengeStepName = ChallengeStep['name'];

/** The fields every snapshot has, whatever its status. */
interface SnapshotBase {
  /** The last error, cleared when the next request starts. */
  error: CognitoAuthError | null;
  /** True while a sign-in or challenge request is in flight. */
  pending: boolean;
}

/**
 * A stored session is being restored (persistent storage, or server mode asking its server): nobody is
 * known to be signed in or out yet.
 */
export interface LoadingSnapshot extends SnapshotBase {
  status: 'loading';
  step: null;
  user: null;
  /** The username of the sign-in in progress (or of the last attempt), so forms never lose it. */
  username: string | null;
  signOutReason: null;
  device: null;
}

/** Nobody is signed in: before a sign-in, while its first request is in flight, or after a sign-out. */
export interface SignedOutSnapshot extends SnapshotBase {
  status: 'signedOut';
  step: null;
  user: null;
  /** The username of the sign-in in progress (or of the last attempt), so forms never lose it. */
  username: string | null;
  /** Why the last session ended, until the next sign-in (`null` when never signed in). */
  signOutReason: SignOutReason | null;
  device: null;
}

/** A sign-in is waiting on the user: `step` says for what. */
export interface ChallengeSnapshot extends SnapshotBase {
  status: 'challenge';
  /** The step to show: never `DONE`. */
  step: ChallengeStep;
  user: null;
  /** The username the sign-in started with. */
  username: string;
  /** Cleared when the sign-in started. */
  signOutReason: null;
  device: null;
}

/** A user is signed in. */
export interface SignedInSnapshot extends SnapshotBase {
  status: 'signedIn';
  step: { name: 'DONE' };
  /** The signed-in user, read from the ID token. */
  user: AuthUser;
  /** The username the user signed in with (or, for a restored session, `cognito:username`). */
  username: string;
  signOutReason: null;
  /** This device, when the pool tracks devices and it was confirmed (see `deviceTracking`). */
  device: CurrentDevice | null;
}

/**
 * What `auth.getSnapshot()` returns: immutable, replaced on every change. A union discriminated by
 * `status`, so that checking the status gives the fields it guarantees.
 *
 * @example
 * const snapshot = auth.getSnapshot();
 * if (snapshot.status === 'signedIn') greet(snapshot.user.attributes.email);
 * else if (snapshot.status === 'challenge') show(snapshot.step.name);
 */
export type AuthSnapshot = LoadingSnapshot | SignedOutSnapshot | ChallengeSnapshot | SignedInSnapshot;

/** The snapshot of the given status. */
export type AuthSnapshotOf<S extends AuthStatus> = Extract<AuthSnapshot, { status: S }>;

/**
 * Why a session ended.
 * - `signOut`: the app called `auth.signOut()`.
 * - `refreshTokenInvalid`: Cognito refused the refresh token (expired, revoked, or signed out globally).
 * - `otherTab`: the user signed out in another tab sharing this session.
 * - `noRefreshToken`: the access token expired and there was no refresh token to renew it.
 */
export type SignOutReason = 'signOut' | 'refreshTokenInvalid' | 'otherTab' | 'noRefreshToken';

/** The device this store signed in from, once ConfirmDevice registered it. */
export interface CurrentDevice {
  deviceKey: string;
  /** Remembered devices may skip MFA (as the pool allows); `auth.rememberDevice()` remembers this one. */
  remembered: boolean;
}

/**
 * The signed-in user as GetUser describes them: every attribute (the ID token may lag behind an update)
 * and the MFA settings.
 *
 * @example
 * const details = await auth.getUser();
 * if (!details.mfa.enabled.length) suggestMfa();
 */
export interface UserDetails {
  username: string;
  attributes: Record<string, string>;
  mfa: {
    /** MFA methods the user has enabled (UserMFASettingList). */
    enabled: MfaType[];
    /** PreferredMfaSetting, when set. */
    preferred: MfaType | undefined;
  };
}

/** One of the user's devices, as ListDevices describes it. */
export interface AuthDevice {
  deviceKey: string;
  /** The name given at confirmation (`device_name`). */
  name: string | undefined;
  /** `dev:device_remembered_status` is `remembered`. */
  remembered: boolean;
  /** `last_ip_used`, when Cognito reports it. */
  lastIpUsed: string | undefined;
  createdAt: Date | undefined;
  lastAuthenticatedAt: Date | undefined;
  lastModifiedAt: Date | undefined;
  /** True for the device this store signed in from. */
  current: boolean;
  /** Every attribute Cognito returned, by name. */
  attributes: Record<string, string>;
}

/**
 * Typed events for analytics and logging. None of them carries a token or a secret.
 *
 * @example
 * auth.onEvent((event) => {
 *   if (event.type === 'signedOut' && event.reason === 'refreshTokenInvalid') toast('Your session ended. Sign in again.');
 * });
 */
export type AuthEvent =
  | { type: 'signedIn'; user: AuthUser }
  | { type: 'signedOut'; reason: SignOutReason; error?: CognitoAuthError }
  | { type: 'sessionRestored'; user: AuthUser }
  | { type: 'tokenRefreshed'; expiresAt: number }
  | { type: 'tokenRefreshFailed'; error: CognitoAuthError }
  | { type: 'deviceConfirmed'; device: CurrentDevice }
  /** ConfirmDevice (or remembering it) failed: the sign-in stands, the device is not remembered. */
  | { type: 'deviceConfirmationFailed'; error: CognitoAuthError }
  /** Storage failed (private mode, quota) and the session is now kept in memory only. */
  | { type: 'storageUnavailable'; error: CognitoAuthError };

/**
 * Where tokens and device secrets are kept: the Web Storage shape, sync or async, so cookies,
 * IndexedDB or React Native's AsyncStorage fit behind it.
 *
 * @example
 * const storage: TokenStorage = {
 *   getItem: (key) => AsyncStorage.getItem(key),
 *   setItem: (key, value) => AsyncStorage.setItem(key, value),
 *   removeItem: (key) => AsyncStorage.removeItem(key),
 * };
 */
export interface TokenStorage {
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/**
 * `'memory'` (default): gone on reload. The Web Storage names use `window`'s. Or any {@link TokenStorage}.
 *
 * @example
 * createCognitoAuth({ ...config, storage: 'sessionStorage' });
 */
export type StorageOption = 'memory' | 'sessionStorage' | 'localStorage' | TokenStorage;

/** The part of `BroadcastChannel` the store uses to share a session between tabs. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** The part of the Web Locks API (`navigator.locks`) the store uses so that one tab refreshes at a time. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** What `auth.signOut()` takes. */
export interface SignOutOptions {
  /** Also sign out every other session of the user (GlobalSignOut), on every device. */
  global?: boolean;
  /** Clear this device's session only and send nothing (after DeleteUser, or when the tokens are known dead). */
  local?: boolean;
}

/**
 * What `auth.signOut()` resolves with: local state is always cleared; `error` says what the service missed.
 *
 * @example
 * const { revoked, error } = await auth.signOut();
 * if (!revoked) report('The refresh token could not be revoked', error?.name);
 */
export interface SignOutResult {
  /** The refresh token was revoked (RevokeToken succeeded, or there was none to revoke). */
  revoked: boolean;
  /** Why revoking (or GlobalSignOut) failed: the session is gone here but may live on at Cognito. */
  error: CognitoAuthError | null;
}

/** The calls the engine makes. The default is the AWS SDK v3 client; tests and servers may supply their own. */
export interface CognitoTransport {
  initiateAuth(input: InitiateAuthCommandInput): Promise<InitiateAuthCommandOutput>;
  respondToAuthChallenge(input: RespondToAuthChallengeCommandInput): Promise<RespondToAuthChallengeCommandOutput>;
  associateSoftwareToken(input: AssociateSoftwareTokenCommandInput): Promise<AssociateSoftwareTokenCommandOutput>;
  verifySoftwareToken(input: VerifySoftwareTokenCommandInput): Promise<VerifySoftwareTokenCommandOutput>;
  getTokensFromRefreshToken(input: GetTokensFromRefreshTokenCommandInput): Promise<GetTokensFromRefreshTokenCommandOutput>;
  revokeToken(input: RevokeTokenCommandInput): Promise<RevokeTokenCommandOutput>;
  globalSignOut(input: GlobalSignOutCommandInput): Promise<GlobalSignOutCommandOutput>;
  confirmDevice(input: ConfirmDeviceCommandInput): Promise<ConfirmDeviceCommandOutput>;
  updateDeviceStatus(input: UpdateDeviceStatusCommandInput): Promise<UpdateDeviceStatusCommandOutput>;
  forgetDevice(input: ForgetDeviceCommandInput): Promise<ForgetDeviceCommandOutput>;
  listDevices(input: ListDevicesCommandInput): Promise<ListDevicesCommandOutput>;
  getUser(input: GetUserCommandInput): Promise<GetUserCommandOutput>;
  /**
   * Any other operation (sign-up, password reset, account settings), by its Cognito name and the input as
   * the API takes it (e.g. `command('SignUp', { ClientId, Username, Password })`). Naming the operation, not
   * an SDK command class, keeps the account functions free of the SDK, so a server-mode page bundles none of
   * it. Without this method those operations reject with `UnsupportedOperation`.
   */
  command?<I extends object, O extends object>(operation: string, input: I): Promise<O>;
  /**
   * Set by `serverTransport`: the tokens live on a server, which adds the access token to signed-in
   * operations itself. The account operations then send none.
   */
  readonly tokensOnServer?: boolean;
}

/**
 * A sign-in waiting on the user, as plain JSON: the step shown, the username, and what the engine needs to
 * continue (the challenge Session among it, so keep it private: `cognito-react/server` seals it in a cookie).
 */
export interface SuspendedSignIn {
  username: string;
  step: ChallengeStep;
  flow: {
    session: string | undefined;
    challengeUsername: string;
    sessionIssuedAt: number;
  };
  /** The sign-in's ClientMetadata (its `signIn` input's, over the configured), sent with every answer. */
  clientMetadata?: Record<string, string>;
}

/** A remembered device's secrets, as created when the device was confirmed. */
export interface DeviceCredentials {
  deviceKey: string;
  deviceGroupKey: string;
  /** The random device password whose SRP verifier was given to ConfirmDevice. */
  devicePassword: string;
  /** Whether the device is remembered (absent: unknown, treated as remembered). */
  remembered?: boolean;
}

/** Where remembered-device credentials are kept, per username. May be async. */
export interface DeviceStore {
  get(username: string): DeviceCredentials | null | undefined | Promise<DeviceCredentials | null | undefined>;
  set?(username: string, device: DeviceCredentials): void | Promise<void>;
  remove?(username: string): void | Promise<void>;
}

/** See `CognitoAuthConfig.usernameKind`. */
export type UsernameKind = 'username' | 'email' | 'phone_number';

/** See `CognitoAuthConfig.deviceTracking`. */
export type DeviceTracking = 'always' | 'userOptIn' | false;

/** Obtains a WebAuthn assertion for the given request options (default: `navigator.credentials.get`). */
export type WebAuthnGet = (options: CredentialRequestOptionsJSON) => Promise<AuthenticationResponseJSON>;

export interface CognitoAuthConfig {
  /** The AWS region of the user pool, e.g. `eu-west-1`. */
  region: string;
  /** The user pool id, e.g. `eu-west-1_AbC123` (its part after `_` enters the SRP math). */
  userPoolId: string;
  /** The app client id. */
  clientId: string;
  /** The app client secret, when the client has one: every call then carries SECRET_HASH. */
  clientSecret?: string;
  /** A custom endpoint, e.g. `http://127.0.0.1:9229` for the local emulator. */
  endpoint?: string;
  /** The app's own SDK client (its middleware, retries and endpoint are used as they are). */
  client?: CognitoIdentityProviderClient;
  /** Replace the SDK entirely (a server-side proxy, a test transport). Takes precedence over `client`. */
  transport?: CognitoTransport;
  /** The default AuthFlow of `signIn` (default `USER_SRP_AUTH`). */
  authFlow?: SignInAuthFlow;
  /** Passed to Lambda triggers with every InitiateAuth and RespondToAuthChallenge. */
  clientMetadata?: Record<string, string>;
  /** Amazon Pinpoint analytics endpoint, passed through as the API defines it. */
  analyticsMetadata?: AnalyticsMetadataType;
  /** Threat-protection context data; a function is called for each request. */
  userContextData?: UserContextDataType | ((username: string) => UserContextDataType | undefined);
  /** The issuer shown in authenticator apps for TOTP enrolment (default: the user pool id). */
  totpIssuer?: string;
  /**
   * What users sign in with, for the prebuilt forms (default `'username'`): `'email'` or `'phone_number'`
   * when the pool's username attributes are email or phone (or the app asks for those aliases). The
   * username fields of sign-in, sign-up and password reset then get the right keyboard, autofill and
   * label, and the value is normalised before it is sent (an email trimmed and lower-cased, a phone
   * number as E.164). A form's own `usernameKind` prop wins.
   *
   * @example
   * createCognitoAuth({ region, userPoolId, clientId, usernameKind: 'email' });
   */
  usernameKind?: UsernameKind;
  /**
   * Where remembered-device credentials are kept. Default: the configured `storage`, per user, kept
   * after sign-out (that is what lets the next sign-in skip MFA).
   */
  deviceStore?: DeviceStore;
  /**
   * What to do when sign-in returns NewDeviceMetadata (the pool tracks devices). Default `false`: ignore it.
   * `'always'`: confirm the device and remember it, so later sign-ins may skip MFA.
   * `'userOptIn'`: confirm the device; it is remembered only when the app calls `auth.rememberDevice()`
   * (when the pool itself always remembers devices, it is remembered at once either way).
   */
  deviceTracking?: DeviceTracking;
  /** The DeviceName given to ConfirmDevice (default: derived from the user agent). */
  deviceName?: string | (() => string);
  /** Where the session is kept (default `'memory'`). See the README for the trade-offs of each. */
  storage?: StorageOption;
  /** Prefix of storage keys (default `cognito-react`); keys also carry the client id and username. */
  storageKeyPrefix?: string;
  /** `getAccessToken()` refreshes first when the token expires within this many seconds (default 60). */
  refreshMarginSeconds?: number;
  /** Refresh in the background ahead of expiry, paused while the page is hidden (default `true`). */
  autoRefresh?: boolean;
  /**
   * The app client rotates refresh tokens: refresh with GetTokensFromRefreshToken and keep the new
   * refresh token it returns (default `false`: REFRESH_TOKEN_AUTH).
   */
  refreshTokenRotation?: boolean;
  /**
   * Share the session with other tabs of this origin (default `true` with `localStorage` or a custom
   * storage; sessionStorage and memory belong to one tab). Needs `BroadcastChannel`.
   */
  crossTab?: boolean;
  /** Creates the channel tabs talk on (default `new BroadcastChannel(name)`; `null` disables it). */
  broadcastChannel?: ((name: string) => BroadcastChannelLike) | null;
  /** Receives every {@link AuthEvent}, from the first (a storage warning can come before any `onEvent`). */
  onEvent?: (event: AuthEvent) => void;
  /** Web Locks, so one tab refreshes at a time (default `navigator.locks`; `null`: BroadcastChannel election). */
  locks?: LockManagerLike | null;
  /** Obtains WebAuthn assertions (default: `navigator.credentials.get`). */
  webAuthn?: WebAuthnGet;
  /** Creates passkeys when the user registers one (default: `navigator.credentials.create`). */
  webAuthnCreate?: WebAuthnCreate;
  /** The app client's AuthSessionValidity in minutes (3 to 15, default 3): used to report expiry. */
  authSessionValidityMinutes?: number;
  /** Compute SRP's A ahead of the password being submitted (default true for SRP flows). */
  precomputeSrp?: boolean;
  /**
   * Continues a sign-in that is waiting on the user, as `auth.suspendSignIn()` returned it: for servers that
   * keep the sign-in between requests (`cognito-react/server`), not for browsers.
   */
  resumeSignIn?: SuspendedSignIn;
  /** Injectable side effects, for tests and special runtimes. */
  clock?: () => number;
  /** Fills the array with cryptographically random bytes (default `crypto.getRandomValues`). */
  randomBytes?: (bytes: Uint8Array) => Uint8Array;
  /** Managed login (OAuth 2.0 with PKCE, federated identity providers): see `signInWithRedirect`. */
  oauth?: OAuthConfig;
}
