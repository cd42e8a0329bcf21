import type {
  AuthenticationResultType,
  ChallengeNameType,
  InitiateAuthCommandOutput,
  RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAuthError, invalidInput, isCognitoAuthError, type CognitoOperation } from './errors.js';
import { encodeAnswer, type EncodedAnswer } from './engine/answer.js';
import { parseStep } from './engine/parseStep.js';
import { engineReducer, type EngineEvent, type EngineState, type FlowState } from './engine/reducer.js';
import { computeSecretHash } from './engine/secretHash.js';
import { buildOtpauthUri } from './engine/otpauthUri.js';
import { validateAnswer } from './engine/validate.js';
import { navigatorWebAuthnGet } from './engine/webAuthn.js';
import type { StoreInternals } from './oauth/link.js';
import type { CognitoAuth, SignInInput } from './authStore.js';
import { createSessionController } from './session/sessionController.js';
import {
  SrpSafetyError,
  computePasswordClaim,
  formatSrpTimestamp,
  generateSrpEphemeral,
  type SrpEphemeral,
} from './srp/index.js';
import { toCognitoAuthError } from './transport/toCognitoAuthError.js';
import type {
  AuthEvent,
  ChallengeAnswer,
  CognitoAuthConfig,
  CognitoTransport,
  DeviceCredentials,
  SignInAuthFlow,
  SignInStep,
  SignInStepOf,
} from './types.js';

/** The context of one chain of requests (a `signIn` or a `respondToChallenge` call). */
interface CallContext {
  /** The sign-in generation this chain belongs to: a cancel or a newer sign-in makes it stale. */
  generation: number;
  flow: FlowState;
  /** Held only while an SRP exchange needs it, never stored in state. */
  password?: string;
  ephemeral?: SrpEphemeral;
  /** The chain sent a password: a NotAuthorizedException then means a wrong password, never expiry. */
  sentPassword?: boolean;
  /** The AuthFlow the chain's InitiateAuth sent (a sign-in's chain only). */
  initiatedFlow?: string;
}


/** Errors after which the challenge Session cannot be used again: the sign-in starts over. */
const FLOW_ENDING_ERRORS = new Set([
  'NotAuthorizedException',
  'SessionExpired',
  'ExpiredCodeException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'ResourceNotFoundException',
  'SrpSafetyCheck',
  'InvalidResponse',
  'UnsupportedChallenge',
]);

const defaultRandomBytes = (bytes: Uint8Array): Uint8Array => globalThis.crypto.getRandomValues(bytes);

function usesSrp(flow: SignInAuthFlow): boolean {
  return flow === 'USER_SRP_AUTH' || flow === 'CUSTOM_WITH_SRP' || flow === 'USER_AUTH';
}

/** What the store (`authStore.ts`, the part every page loads first) lends the engine. */
export interface EngineDeps {
  config: CognitoAuthConfig;
  transport: CognitoTransport;
  getState(): EngineState;
  /** Replaces the state; the store tells its subscribers when the snapshot changed. */
  setState(next: EngineState): void;
  /** The store's event listeners (`auth.onEvent`), registered before or after the engine arrived. */
  eventListeners: Set<(event: AuthEvent) => void>;
}

/** The part of `CognitoAuth` the engine carries out: everything but reading the state. */
export type AuthEngine = Omit<CognitoAuth, 'getSnapshot' | 'subscribe' | 'getTokens' | 'onEvent' | 'config' | 'transport'> & {
  signedIn: StoreInternals['signedIn'];
};

/**
 * The sign-in engine and the session for one store: every flow, challenge, SRP, tokens, refresh, storage,
 * devices and the tabs. A chunk of its own (see `createAuthStore`), so a page's first screen carries none
 * of it: the store fetches it at once and every call waits for it.
 */
export function createAuthEngine(deps: EngineDeps): AuthEngine {
  const { config, transport, getState, setState } = deps;
  const poolName = config.userPoolId.split('_')[1] as string;
  const clock = config.clock ?? Date.now;
  const randomBytes = config.randomBytes ?? defaultRandomBytes;
  const webAuthnGet = config.webAuthn ?? navigatorWebAuthnGet;
  const sessionValidityMs = (config.authSessionValidityMinutes ?? 3) * 60_000;
  const defaultFlow = config.authFlow ?? 'USER_SRP_AUTH';
  const precompute = config.precomputeSrp ?? usesSrp(defaultFlow);

  let generation = 0;
  let inFlight = false;
  let clientMetadata: Record<string, string> | undefined = config.resumeSignIn?.clientMetadata ?? config.clientMetadata;

  function dispatch(event: EngineEvent): void {
    setState(engineReducer(getState(), event));
  }

  const session = createSessionController({
    config,
    transport,
    clock,
    randomBytes,
    getState,
    dispatch,
    eventListeners: deps.eventListeners,
    abandonSignIn() {
      generation++;
      inFlight = false;
    },
  });

  // SRP's A = g^a does not depend on the password: compute it ahead, off the critical path.
  let spareEphemeral: SrpEphemeral | null = null;
  let precomputeScheduled = false;
  function prepareSignIn(): void {
    spareEphemeral ??= generateSrpEphemeral(randomBytes);
  }
  function schedulePrecompute(): void {
    if (!precompute || precomputeScheduled || spareEphemeral) return;
    precomputeScheduled = true;
    const run = () => {
      precomputeScheduled = false;
      prepareSignIn();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 0);
  }
  /** Each `a` is used once: taking it clears the spare and schedules the next. */
  function takeEphemeral(): SrpEphemeral {
    const ephemeral = spareEphemeral ?? generateSrpEphemeral(randomBytes);
    spareEphemeral = null;
    schedulePrecompute();
    return ephemeral;
  }
  schedulePrecompute();

  function userContextData(username: string) {
    const value = config.userContextData;
    return typeof value === 'function' ? value(username) : value;
  }

  function assertCurrent(ctx: CallContext): void {
    if (ctx.generation !== generation) {
      throw new CognitoAuthError('SignInCancelled', 'The sign-in was cancelled while a request was in flight.');
    }
  }

  /** Parameters every request of a sign-in carries (Cognito rejects a call missing SECRET_HASH). */
  async function commonParameters(username: string, device: DeviceCredentials | null): Promise<Record<string, string>> {
    const params: Record<string, string> = { USERNAME: username };
    if (config.clientSecret) params.SECRET_HASH = await computeSecretHash(username, config.clientId, config.clientSecret);
    if (device) params.DEVICE_KEY = device.deviceKey;
    return params;
  }

  async function respond(
    ctx: CallContext,
    challengeName: string,
    responses: Record<string, string>,
  ): Promise<RespondToAuthChallengeCommandOutput> {
    const username = ctx.flow.challengeUsername;
    const context = userContextData(username);
    const challengeResponses = { ...(await commonParameters(username, ctx.flow.device)), ...responses };
    // A cancel (or a newer sign-in) while the parameters were computed: send nothing.
    assertCurrent(ctx);
    const response = await transport.respondToAuthChallenge({
      ClientId: config.clientId,
      // Unknown challenges are answered under their own name, which the SDK's enum does not list yet.
      ChallengeName: challengeName as ChallengeNameType,
      ChallengeResponses: challengeResponses,
      ...(ctx.flow.session ? { Session: ctx.flow.session } : {}),
      ...(clientMetadata ? { ClientMetadata: clientMetadata } : {}),
      ...(config.analyticsMetadata ? { AnalyticsMetadata: config.analyticsMetadata } : {}),
      ...(context ? { UserContextData: context } : {}),
    });
    assertCurrent(ctx);
    return response;
  }

  /** Answers PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER with the SRP password claim. */
  async function answerVerifier(
    ctx: CallContext,
    challengeName: 'PASSWORD_VERIFIER' | 'DEVICE_PASSWORD_VERIFIER',
    params: Record<string, string>,
  ): Promise<RespondToAuthChallengeCommandOutput> {
    const isDevice = challengeName === 'DEVICE_PASSWORD_VERIFIER';
    const device = ctx.flow.device;
    const password = isDevice ? device?.devicePassword : ctx.password;
    const { SRP_B: srpB, SALT: salt, SECRET_BLOCK: secretBlock } = params;
    if (!password || !ctx.ephemeral || !srpB || !salt || !secretBlock) {
      throw new CognitoAuthError('InvalidResponse', `Cognito sent ${challengeName} where this sign-in cannot answer it.`);
    }
    const timestamp = formatSrpTimestamp(new Date(clock()));
    const claimPool = isDevice ? (device as DeviceCredentials).deviceGroupKey : poolName;
    const userId = isDevice ? (device as DeviceCredentials).deviceKey : (params.USER_ID_FOR_SRP ?? ctx.flow.challengeUsername);
    let signature: string;
    try {
      ({ signature } = await computePasswordClaim({
        ephemeral: ctx.ephemeral,
        poolName: claimPool,
        userId,
        password,
        saltHex: salt,
        srpBHex: srpB,
        secretBlock,
        timestamp,
      }));
    } catch (cause) {
      if (cause instanceof SrpSafetyError) {
        throw new CognitoAuthError('SrpSafetyCheck', 'Cognito sent SRP values that fail the safety checks; sign-in aborted.', {
          operation: 'RespondToAuthChallenge',
          cause,
        });
      }
      throw cause;
    }
    // The password has done its work: drop it before anything else can happen.
    if (!isDevice) ctx.password = undefined;
    ctx.ephemeral = undefined;
    return respond(ctx, challengeName, {
      USERNAME: isDevice ? ctx.flow.challengeUsername : userId,
      PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
      PASSWORD_CLAIM_SIGNATURE: signature,
      TIMESTAMP: timestamp,
    });
  }

  async function associateTotp(ctx: CallContext, step: SignInStepOf<'MFA_SETUP'>): Promise<SignInStepOf<'MFA_SETUP'>> {
    assertCurrent(ctx);
    const result = await transport.associateSoftwareToken({ Session: ctx.flow.session });
    assertCurrent(ctx);
    if (!result.SecretCode) {
      throw new CognitoAuthError('InvalidResponse', 'AssociateSoftwareToken returned no secret.', {
        operation: 'AssociateSoftwareToken',
      });
    }
    ctx.flow = { ...ctx.flow, session: result.Session ?? ctx.flow.session, sessionIssuedAt: clock() };
    const accountName = getState().snapshot.username ?? ctx.flow.challengeUsername;
    const issuer = config.totpIssuer ?? config.userPoolId;
    return { ...step, totp: { secret: result.SecretCode, uri: buildOtpauthUri({ secret: result.SecretCode, issuer, accountName }) } };
  }

  async function finishSignIn(ctx: CallContext, result: AuthenticationResultType): Promise<SignInStep> {
    await session.signedIn(result, getState().snapshot.username ?? ctx.flow.challengeUsername, ctx.flow.device);
    return { name: 'DONE' };
  }

  /**
   * Follows Cognito's responses until the user has to act or is signed in, answering the challenges
   * that are the library's to answer (SRP verifiers, device SRP) on the way.
   */
  async function advance(
    ctx: CallContext,
    first: InitiateAuthCommandOutput | RespondToAuthChallengeCommandOutput,
  ): Promise<SignInStep> {
    let response: InitiateAuthCommandOutput | RespondToAuthChallengeCommandOutput = first;
    for (;;) {
      assertCurrent(ctx);
      if (response.AuthenticationResult) return await finishSignIn(ctx, response.AuthenticationResult);
      const name = response.ChallengeName;
      if (!name) throw new CognitoAuthError('InvalidResponse', 'Cognito answered with neither tokens nor a challenge.');
      const params = response.ChallengeParameters ?? {};
      ctx.flow = {
        session: response.Session,
        sessionIssuedAt: clock(),
        challengeUsername: params.USER_ID_FOR_SRP ?? params.USERNAME ?? ctx.flow.challengeUsername,
        device: ctx.flow.device,
      };
      if (name === 'PASSWORD_VERIFIER' || name === 'DEVICE_PASSWORD_VERIFIER') {
        response = await answerVerifier(ctx, name, params);
        continue;
      }
      if (name === 'DEVICE_SRP_AUTH') {
        if (!ctx.flow.device) throw new CognitoAuthError('InvalidResponse', 'Cognito asked for device authentication, but no device is known.');
        ctx.ephemeral = generateSrpEphemeral(randomBytes);
        response = await respond(ctx, name, { SRP_A: ctx.ephemeral.srpA });
        continue;
      }
      const step = parseStep(name, params, 'AvailableChallenges' in response ? response.AvailableChallenges : undefined);
      const shown =
        step.name === 'MFA_SETUP' && step.options.length === 1 && step.options[0] === 'SOFTWARE_TOKEN_MFA'
          ? await associateTotp(ctx, step)
          : step;
      dispatch({ type: 'challengeReceived', step: shown, flow: ctx.flow });
      return shown;
    }
  }

  /** Records a failure (unless the sign-in was cancelled meanwhile) and returns the error to throw. */
  function fail(ctx: CallContext, error: unknown, operation: CognitoOperation, endsFlow?: boolean): CognitoAuthError {
    let e = toCognitoAuthError(error, operation);
    if (ctx.generation !== generation) {
      return e.name === 'SignInCancelled'
        ? e
        : new CognitoAuthError('SignInCancelled', 'The sign-in was cancelled while a request was in flight.', { cause: e });
    }
    // The API model lists no InvalidPasswordException for InitiateAuth: the local emulator (cognito-local)
    // answers a wrong password with it. Read it as what it means there, wrong credentials.
    if (e.name === 'InvalidPasswordException' && (e.operation === 'InitiateAuth' || e.operation === 'AdminInitiateAuth')) {
      e = new CognitoAuthError('NotAuthorizedException', 'Incorrect username or password.', { operation: e.operation, cause: e });
    }
    // InitiateAuth gets InvalidParameterException when the app client does not list the flow in its
    // ExplicitAuthFlows ("USER_AUTH flow not enabled for this client"). Every other parameter is the engine's
    // own and checked before sending, so the name and the operation say it without reading the message.
    // (On a server, AdminInitiateAuth: its USER_PASSWORD_AUTH is ADMIN_USER_PASSWORD_AUTH.)
    if (e.name === 'InvalidParameterException' && (e.operation === 'InitiateAuth' || e.operation === 'AdminInitiateAuth') && ctx.initiatedFlow) {
      const flow = e.operation === 'AdminInitiateAuth' && ctx.initiatedFlow === 'USER_PASSWORD_AUTH' ? 'ADMIN_USER_PASSWORD_AUTH' : ctx.initiatedFlow;
      e = new CognitoAuthError(
        'AuthFlowNotEnabled',
        `The app client does not allow ${flow}: add ALLOW_${flow} to its ExplicitAuthFlows, or use another authFlow. (${e.message})`,
        { operation: e.operation, cause: e },
      );
    }
    // Cognito reports an expired challenge Session as NotAuthorizedException; the clock tells it apart
    // from a wrong password without reading the message.
    if (
      e.name === 'NotAuthorizedException' &&
      !ctx.sentPassword &&
      ctx.flow.session &&
      clock() - ctx.flow.sessionIssuedAt >= sessionValidityMs
    ) {
      e = new CognitoAuthError('SessionExpired', 'The sign-in took too long and its session expired. Sign in again.', {
        operation: e.operation,
        cause: e,
      });
    }
    dispatch({ type: 'failed', error: e, endsFlow: endsFlow ?? (FLOW_ENDING_ERRORS.has(e.name) && !e.retryable) });
    return e;
  }

  function reject(error: CognitoAuthError): never {
    dispatch({ type: 'rejected', error });
    throw error;
  }

  function checkNotBusy(): void {
    if (inFlight) {
      throw new CognitoAuthError('RequestInProgress', 'A sign-in request is already in flight; wait for it to settle.');
    }
  }

  async function signIn(input: SignInInput): Promise<SignInStep> {
    if (getState().snapshot.status === 'loading' || getState().provisional) await session.ready();
    checkNotBusy();
    if (getState().snapshot.status === 'signedIn') {
      throw new CognitoAuthError('AlreadySignedIn', 'A user is already signed in. Sign out first.');
    }
    const username = typeof input?.username === 'string' ? input.username.trim() : '';
    const authFlow = input?.authFlow ?? defaultFlow;
    const preferred = input?.preferredChallenge;
    if (!username) reject(invalidInput('username', 'Enter your username.'));
    if (preferred !== undefined && authFlow !== 'USER_AUTH') {
      reject(invalidInput('answer', `preferredChallenge only applies to USER_AUTH, not ${authFlow}.`));
    }
    if (input.session !== undefined && authFlow !== 'USER_AUTH') {
      reject(invalidInput('answer', `A sign-up session only signs in with USER_AUTH, not ${authFlow}.`));
    }
    const needsPassword =
      authFlow === 'USER_SRP_AUTH' ||
      authFlow === 'USER_PASSWORD_AUTH' ||
      authFlow === 'CUSTOM_WITH_SRP' ||
      preferred === 'PASSWORD' ||
      preferred === 'PASSWORD_SRP';
    if (needsPassword && (typeof input.password !== 'string' || input.password === '')) {
      reject(invalidInput('password', 'Enter your password.'));
    }

    const ctx: CallContext = {
      generation: ++generation,
      flow: { session: undefined, challengeUsername: username, sessionIssuedAt: clock(), device: null },
      sentPassword: needsPassword,
    };
    inFlight = true;
    clientMetadata =
      config.clientMetadata || input.clientMetadata ? { ...config.clientMetadata, ...input.clientMetadata } : undefined;
    dispatch({ type: 'signInStarted', username });

    /** One InitiateAuth, followed through to the first step the user must act on. */
    const attempt = async (device: DeviceCredentials | null): Promise<SignInStep> => {
      ctx.flow = { session: undefined, challengeUsername: username, sessionIssuedAt: clock(), device };
      const params = await commonParameters(username, device);
      let cognitoFlow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'USER_AUTH' | 'CUSTOM_AUTH' = 'USER_SRP_AUTH';
      const withSrp = () => {
        ctx.password = input.password;
        ctx.ephemeral = takeEphemeral();
        params.SRP_A = ctx.ephemeral.srpA;
      };
      switch (authFlow) {
        case 'USER_SRP_AUTH':
          withSrp();
          break;
        case 'USER_PASSWORD_AUTH':
          cognitoFlow = 'USER_PASSWORD_AUTH';
          params.PASSWORD = input.password as string;
          break;
        case 'USER_AUTH':
          cognitoFlow = 'USER_AUTH';
          if (preferred) params.PREFERRED_CHALLENGE = preferred;
          if (preferred === 'PASSWORD') params.PASSWORD = input.password as string;
          if (preferred === 'PASSWORD_SRP') withSrp();
          break;
        case 'CUSTOM_AUTH':
          cognitoFlow = 'CUSTOM_AUTH';
          break;
        case 'CUSTOM_WITH_SRP':
          // CUSTOM_AUTH that verifies the password by SRP before the Lambda's challenges.
          cognitoFlow = 'CUSTOM_AUTH';
          params.CHALLENGE_NAME = 'SRP_A';
          withSrp();
          break;
        default:
          throw invalidInput('config', `Unknown authFlow "${String(authFlow satisfies never)}".`);
      }
      const context = userContextData(username);
      // Cancelled while the device or the hashes were looked up: send nothing (an OTP must not go out).
      assertCurrent(ctx);
      ctx.initiatedFlow = cognitoFlow;
      const response = await transport.initiateAuth({
        AuthFlow: cognitoFlow,
        ClientId: config.clientId,
        AuthParameters: params,
        ...(input.session && cognitoFlow === 'USER_AUTH' ? { Session: input.session } : {}),
        ...(clientMetadata ? { ClientMetadata: clientMetadata } : {}),
        ...(config.analyticsMetadata ? { AnalyticsMetadata: config.analyticsMetadata } : {}),
        ...(context ? { UserContextData: context } : {}),
      });
      return advance(ctx, response);
    };

    try {
      const device = (await session.deviceStore.get(username)) ?? null;
      assertCurrent(ctx);
      try {
        return await attempt(device);
      } catch (error) {
        // Cognito no longer knows this device (forgotten elsewhere, pool recreated): forget it here
        // too and sign in once more without it, as the user would otherwise be locked out.
        if (!device || !isCognitoAuthError(error, 'ResourceNotFoundException')) throw error;
        await session.deviceStore.remove?.(username);
        assertCurrent(ctx);
        return await attempt(null);
      }
    } catch (error) {
      throw fail(ctx, error, 'InitiateAuth', true);
    } finally {
      if (ctx.generation === generation) inFlight = false;
    }
  }

  async function respondToChallenge(answer: ChallengeAnswer): Promise<SignInStep> {
    checkNotBusy();
    const snapshot = getState().snapshot;
    if (!getState().flow || snapshot.status !== 'challenge') {
      throw new CognitoAuthError('StepMismatch', `There is no challenge to answer (answer was ${String(answer?.name)}).`);
    }
    const { step } = snapshot;
    if (answer?.name !== step.name) {
      throw new CognitoAuthError('StepMismatch', `The current step is ${step.name}, not ${String(answer?.name)}.`);
    }
    let valid: ChallengeAnswer;
    try {
      valid = validateAnswer(step, answer);
    } catch (error) {
      reject(error as CognitoAuthError);
    }
    const ctx: CallContext = { generation, flow: { ...(getState().flow as FlowState) } };
    inFlight = true;
    dispatch({ type: 'requestStarted' });
    let operation: CognitoOperation = 'RespondToAuthChallenge';
    /** Carries out an encoded answer: its request, or first the side effect it asks for. */
    const carryOut = async (encoded: EncodedAnswer): Promise<SignInStep> => {
      switch (encoded.kind) {
        case 'respond': {
          ctx.sentPassword = encoded.sentPassword;
          const responses = { ...encoded.responses };
          if (encoded.srpPassword !== undefined) {
            ctx.password = encoded.srpPassword;
            ctx.ephemeral = takeEphemeral();
            responses.SRP_A = ctx.ephemeral.srpA;
          }
          return advance(ctx, await respond(ctx, encoded.challengeName, responses));
        }
        case 'startTotp': {
          operation = 'AssociateSoftwareToken';
          const setup = step as SignInStepOf<'MFA_SETUP'>;
          const next = setup.totp ? setup : await associateTotp(ctx, setup);
          dispatch({ type: 'challengeReceived', step: next, flow: ctx.flow });
          return next;
        }
        case 'verifyTotp': {
          operation = 'VerifySoftwareToken';
          assertCurrent(ctx);
          const verified = await transport.verifySoftwareToken({
            Session: ctx.flow.session,
            UserCode: encoded.code,
            ...(encoded.friendlyDeviceName ? { FriendlyDeviceName: encoded.friendlyDeviceName } : {}),
          });
          assertCurrent(ctx);
          if (verified.Status !== 'SUCCESS') {
            throw new CognitoAuthError('EnableSoftwareTokenMFAException', 'That code did not verify. Try the current code.', {
              operation,
            });
          }
          ctx.flow = { ...ctx.flow, session: verified.Session ?? ctx.flow.session, sessionIssuedAt: clock() };
          dispatch({ type: 'progressed', step: encoded.verified, flow: ctx.flow });
          operation = 'RespondToAuthChallenge';
          return carryOut(encodeAnswer(encoded.verified, valid));
        }
        case 'webAuthn': {
          const credential = await webAuthnGet(encoded.credentialRequestOptions);
          assertCurrent(ctx);
          return carryOut(encodeAnswer(step, { name: 'WEB_AUTHN', credential }));
        }
        default:
          return encoded satisfies never;
      }
    };
    try {
      return await carryOut(encodeAnswer(step, valid));
    } catch (error) {
      throw fail(ctx, error, operation);
    } finally {
      if (ctx.generation === generation) inFlight = false;
    }
  }

  function cancelSignIn(): void {
    if (getState().snapshot.status === 'signedIn') return;
    generation++;
    inFlight = false;
    dispatch({ type: 'cancelled' });
  }

  return {
    signIn,
    respondToChallenge,
    cancelSignIn,
    signOut: (options) => session.signOut(options),
    prepareSignIn,
    getAccessToken: async (options) => (await session.validTokens(options?.forceRefresh)).accessToken,
    getIdToken: async (options) => (await session.validTokens(options?.forceRefresh)).idToken,
    ready: session.ready,
    rememberDevice: session.rememberDevice,
    forgetDevice: session.forgetDevice,
    listDevices: session.listDevices,
    getUser: session.getUser,
    destroy: session.destroy,
    signedIn: session.signedIn,
    suspendSignIn() {
      const { snapshot, flow } = getState();
      if (!flow || snapshot.status !== 'challenge') return null;
      const { session: challengeSession, challengeUsername, sessionIssuedAt } = flow;
      return {
        username: snapshot.username,
        step: snapshot.step,
        flow: { session: challengeSession, challengeUsername, sessionIssuedAt },
        ...(clientMetadata ? { clientMetadata } : {}),
      };
    },
  };
}
