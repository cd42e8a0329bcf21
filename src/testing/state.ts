/**
 * The simulated pool's settings and mutable state, as plain objects. Everything an operation reads or
 * changes lives in {@link PoolState}; {@link Pool} bundles it with the settings and injected effects.
 */
import type { FirstFactor, MfaSetupMethod, MfaType } from '../core/types.js';
import type { RandomBytes } from './bytes.js';
import type { TokenSigner } from './jwt.js';
import type { SrpExchange, UserVerifier } from './srpVerifier.js';

export type { SrpExchange };
import type { AuthFactorType, ExplicitAuthFlow, SimulatedRequest, SimulatedUser, SimulatedUserStatus, UserPoolSimulatorConfig } from './types.js';
import type { StoredPasskey } from './webauthn.js';

/** The configuration with every default applied. */
export interface PoolSettings {
  userPoolId: string;
  region: string;
  /** The part of the pool id after `_`, which enters the SRP math. */
  poolName: string;
  clientId: string;
  clientSecret: string | undefined;
  /** The real endpoint, `https://cognito-idp.<region>.amazonaws.com/`. */
  endpoint: string;
  /** All endpoints served, the real one first. */
  endpoints: string[];
  issuer: string;
  signInAliases: ('email' | 'phone_number')[];
  preventUserExistenceErrors: boolean;
  mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  mfaSetupMethods: MfaSetupMethod[];
  requiredAttributes: string[];
  allowedFirstAuthFactors: AuthFactorType[];
  deviceTracking: boolean;
  /** Whether confirmed devices are remembered at once (`always`) or only once the user opts in. */
  deviceRemembering: 'always' | 'userOptIn';
  /** Refresh-token rotation of the app client, with the grace period of a rotated-out token; or off. */
  refreshTokenRotation: { gracePeriodMs: number } | undefined;
  /** The app client's ExplicitAuthFlows, or `undefined` for every flow. */
  explicitAuthFlows: ExplicitAuthFlow[] | undefined;
  relyingPartyId: string;
  sessionValidityMs: number;
  accessTokenValidityMs: number;
  refreshTokenValidityMs: number;
  passwordPolicy: Required<NonNullable<UserPoolSimulatorConfig['passwordPolicy']>>;
  /** Code sends (sign-up, reset, attribute verification) allowed per user in 15 minutes. */
  codeSendLimit: number;
}

/** A device of a user: created by a sign-in with device tracking, remembered once confirmed. */
export interface DeviceRecord {
  deviceKey: string;
  deviceGroupKey: string;
  name: string | undefined;
  /** A configured remembered device's password: its verifier is computed from it on first use. */
  devicePassword: string | undefined;
  /** Set by ConfirmDevice (or computed for a configured device): only then may it answer DEVICE_SRP_AUTH. */
  verifier: Promise<UserVerifier> | undefined;
  /** Remembered devices skip MFA with device SRP; a confirmed device that is not remembered is only tracked. */
  remembered: boolean;
  /** Epoch ms; unknown for configured devices. */
  createdAt: number | undefined;
  lastModifiedAt: number | undefined;
  lastAuthenticatedAt: number | undefined;
}

export interface UserRecord {
  username: string;
  password: string;
  status: SimulatedUserStatus;
  /** Attributes by name, `sub` included. */
  attributes: Record<string, string>;
  mfa: {
    sms: boolean;
    email: boolean;
    /** The verified TOTP secret (kept when SetUserMFAPreference disables TOTP, as Cognito keeps it). */
    totpSecret: string | undefined;
    /** Whether TOTP MFA is on: set by verifying a token, switched by SetUserMFAPreference. */
    totpEnabled: boolean;
    /** The FriendlyDeviceName given to VerifySoftwareToken (sent back as FRIENDLY_DEVICE_NAME). */
    totpDeviceName: string | undefined;
    preferred: MfaType | undefined;
  };
  /** A TOTP secret from AssociateSoftwareToken, not yet verified. */
  pendingTotpSecret: string | undefined;
  customChallenge: SimulatedUser['customChallenge'];
  passkeys: StoredPasskey[];
  devices: DeviceRecord[];
  /** The SRP verifier of the current password, computed on first use. */
  srpVerifier: Promise<UserVerifier> | undefined;
}


/** How the current sign-in proved who the user is, which decides what may follow. */
export type FirstFactorKind = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN' | 'CUSTOM';

/** Why a code was sent, which decides what a correct code leads to. */
export type CodePurpose = 'mfa' | 'first-factor' | 'mfa-setup';

/** The challenge a session waits for, with what the pool needs to check the answer. */
export type PendingChallenge =
  | { name: 'PASSWORD_VERIFIER'; srp: SrpExchange; firstFactor: 'PASSWORD_SRP' }
  | { name: 'DEVICE_SRP_AUTH' }
  | { name: 'DEVICE_PASSWORD_VERIFIER'; srp: SrpExchange; deviceKey: string }
  | { name: 'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP'; code: string; purpose: CodePurpose; email?: string }
  | { name: 'SOFTWARE_TOKEN_MFA' }
  | { name: 'SELECT_MFA_TYPE'; options: MfaType[] }
  | { name: 'SELECT_CHALLENGE'; options: FirstFactor[] }
  | { name: 'PASSWORD' }
  | { name: 'PASSWORD_SRP' }
  | { name: 'MFA_SETUP'; options: MfaSetupMethod[]; totpSecret?: string; totpVerified?: boolean; friendlyDeviceName?: string }
  | { name: 'NEW_PASSWORD_REQUIRED'; requiredAttributes: string[] }
  | { name: 'CUSTOM_CHALLENGE'; round: number; failures: number }
  | { name: 'WEB_AUTHN'; challenge: string };

/** What a sign-in carries from one challenge to the next. */
export interface SignIn {
  /** The real username, or for an unknown user (a "phantom" sign-in) the name that was typed. */
  username: string;
  /** An unknown user under preventUserExistenceErrors: every path ends in NotAuthorizedException. */
  phantom: boolean;
  authFlow: string;
  firstFactor: FirstFactorKind | undefined;
  /** The DEVICE_KEY the client sent (with InitiateAuth or a later answer). */
  deviceKey: string | undefined;
}

/** A challenge Session: single use, expiring, keyed by its opaque id. */
export interface AuthSession {
  id: string;
  signIn: SignIn;
  challenge: PendingChallenge;
  expiresAt: number;
  /** Wrong codes so far: the third invalidates the session. */
  codeFailures: number;
}

export interface RefreshTokenRecord {
  username: string;
  clientId: string;
  deviceKey: string | undefined;
  /** The `origin_jti` shared by every token descending from one sign-in (revoked together). */
  originJti: string;
  /** The sign-in time, epoch seconds (`auth_time`). */
  authTime: number;
  expiresAt: number;
  revoked: boolean;
  /** With rotation: when GetTokensFromRefreshToken replaced this token (it dies after the grace period). */
  rotatedAt: number | undefined;
}

export interface PoolState {
  users: Map<string, UserRecord>;
  sessions: Map<string, AuthSession>;
  /** PASSWORD_VERIFIER from InitiateAuth carries no Session: its state is found by SECRET_BLOCK. */
  sessionBySecretBlock: Map<string, string>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  /** `origin_jti` values whose tokens RevokeToken revoked. */
  revokedOrigins: Set<string>;
  /** The last code sent to each user. */
  lastCodes: Map<string, string>;
  /** Verifiers for unknown users (stable per name, so repeated attempts see the same SALT). */
  phantomVerifiers: Map<string, Promise<UserVerifier>>;
  requests: SimulatedRequest[];
  /** What `advanceTime` added to the base clock. */
  clockOffset: number;
}

/** Settings, state and injected effects: what every operation works on. */
export interface Pool {
  settings: PoolSettings;
  state: PoolState;
  now(): number;
  random: RandomBytes;
  signer: TokenSigner;
}

function userRecord(user: SimulatedUser, settings: PoolSettings, sub: string): UserRecord {
  return {
    username: user.username,
    password: user.password,
    status: user.status ?? 'CONFIRMED',
    attributes: { ...user.attributes, sub },
    mfa: {
      sms: user.mfa?.sms ?? false,
      email: user.mfa?.email ?? false,
      totpSecret: user.mfa?.totpSecret,
      totpEnabled: user.mfa?.totpSecret !== undefined,
      totpDeviceName: undefined,
      preferred: user.mfa?.preferred,
    },
    pendingTotpSecret: undefined,
    customChallenge: user.customChallenge,
    passkeys: (user.passkeys ?? []).map((p) => ({
      credentialId: p.credentialId,
      publicKeyJwk: p.publicKeyJwk,
      rpId: p.rpId ?? settings.relyingPartyId,
      signCount: 0,
    })),
    devices: (user.devices ?? []).map((d) => ({
      deviceKey: d.deviceKey,
      deviceGroupKey: d.deviceGroupKey,
      name: undefined,
      devicePassword: d.devicePassword,
      verifier: undefined,
      remembered: true,
      createdAt: undefined,
      lastModifiedAt: undefined,
      lastAuthenticatedAt: undefined,
    })),
    srpVerifier: undefined,
  };
}

/** The state of a freshly configured pool: only the configured users exist (with the given subs). */
export function initialState(
  config: UserPoolSimulatorConfig,
  settings: PoolSettings,
  subs: ReadonlyMap<string, string>,
): PoolState {
  const users = new Map<string, UserRecord>();
  for (const user of config.users) {
    if (users.has(user.username)) throw new Error(`createUserPoolSimulator: duplicate username ${user.username}`);
    // Cognito cannot enable a code-delivery MFA without somewhere to deliver the code: say so at once
    // rather than let the user sign in without the MFA the test meant to exercise.
    if (user.mfa?.sms && !user.attributes?.phone_number) {
      throw new Error(`createUserPoolSimulator: user ${user.username} has mfa.sms but no phone_number attribute`);
    }
    if (user.mfa?.email && !user.attributes?.email) {
      throw new Error(`createUserPoolSimulator: user ${user.username} has mfa.email but no email attribute`);
    }
    users.set(user.username, userRecord(user, settings, subs.get(user.username) ?? user.username));
  }
  return {
    users,
    sessions: new Map(),
    sessionBySecretBlock: new Map(),
    refreshTokens: new Map(),
    revokedOrigins: new Set(),
    lastCodes: new Map(),
    phantomVerifiers: new Map(),
    requests: [],
    clockOffset: 0,
  };
}
