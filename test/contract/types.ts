/**
 * The contract suite's vocabulary: a target (a real pool, the emulator, the simulator over HTTP), its app
 * clients, what it can do, and a contract (one flow, written once).
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export type TargetName = 'local' | 'simulator' | 'aws';

/**
 * The app clients the contracts use. `public`: no secret, MFA optional (TOTP), devices tracked and always
 * remembered. `confidential`: with a secret, ADMIN_USER_PASSWORD_AUTH (server mode). `rotating`: refresh-token
 * rotation. `mfaRequired`: a pool with MFA required (MFA_SETUP).
 */
export type ClientKind = 'public' | 'confidential' | 'rotating' | 'mfaRequired';

export interface TargetClient {
  kind: ClientKind;
  /** The endpoint to give the SDK, or undefined for the real service. */
  endpoint: string | undefined;
  region: string;
  userPoolId: string;
  clientId: string;
  clientSecret: string | undefined;
  /** The tokens' `iss` when the server handler cannot infer it (the simulator issues Cognito's own). */
  issuer?: string;
}

/** What a contract may need beyond the basic password flow; a target lacks some, each with a reason. */
export type Capability =
  | 'modelErrors'
  | 'secretHash'
  | 'srp'
  | 'passkeys'
  | 'userAuth'
  | 'mfaSetup'
  | 'rotation'
  | 'devices'
  | 'globalSignOut'
  | 'adminResetPassword'
  | 'readCodes';

export interface Target {
  name: TargetName;
  /**
   * What it cannot do: why, and how the attempt fails there (matched against `<error name>: <message>`). A
   * contract needing it is still run, must fail that way, and is reported unsupported.
   */
  lacks: Partial<Record<Capability, { reason: string; refusal: RegExp }>>;
  client(kind: ClientKind): TargetClient;
  /** An SDK client with credentials, for the Admin calls of set-ups (and the server handler). */
  admin(kind: ClientKind): CognitoIdentityProviderClient;
  /** The last code the pool sent to the user (e-mail or SMS); throws where that cannot be read. */
  lastCode(kind: ClientKind, username: string): Promise<string>;
  /** Deviations from Cognito found on this target (for the notes under the table). */
  deviations: string[];
  stop(): Promise<void>;
}

export interface Contract {
  name: string;
  /** A line for the table's legend: what the contract checks. */
  checks: string;
  needs: Capability[];
  run(target: Target): Promise<void>;
}
