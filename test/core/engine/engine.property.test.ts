import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCognitoAuth } from '../../../src/core/createCognitoAuth';
import { CognitoAuthError, isCognitoAuthError } from '../../../src/core/errors';
import type { AuthSnapshot, ChallengeAnswer, CognitoTransport, SignInStep } from '../../../src/core/types';

/**
 * Random sequences of server responses, good and bad, must never leave the engine in a state that
 * contradicts itself, never leak the password into state, and always settle.
 */

const PASSWORD = 'Corr3ct-Horse!';

function b64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function jwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'none' })}.${b64url(claims)}.sig`;
}

const challengeNames = [
  'SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE', 'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED', 'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP', 'SOMETHING_NEW',
] as const;

const paramValue = fc.oneof(
  fc.constantFrom('["SMS_MFA","SOFTWARE_TOKEN_MFA"]', '["SOFTWARE_TOKEN_MFA"]', '["EMAIL_OTP","SOFTWARE_TOKEN_MFA"]', '[]', 'not json', '{"email":"a@b.c"}', '["userAttributes.name"]', '{"challenge":"abc"}', 'ab12', '00ff', 'AAAA'),
  fc.string({ maxLength: 8 }),
);
const params = fc.dictionary(
  fc.constantFrom('MFAS_CAN_CHOOSE', 'MFAS_CAN_SETUP', 'userAttributes', 'requiredAttributes', 'CREDENTIAL_REQUEST_OPTIONS', 'SRP_B', 'SALT', 'SECRET_BLOCK', 'USER_ID_FOR_SRP', 'CODE_DELIVERY_DESTINATION', 'CODE_DELIVERY_DELIVERY_MEDIUM', 'hint'),
  paramValue,
  { maxKeys: 5 },
);

type Scripted =
  | { kind: 'challenge'; name: string; params: Record<string, string>; session: boolean; available: string[] }
  | { kind: 'tokens'; valid: boolean }
  | { kind: 'error'; name: string; retryable: boolean }
  | { kind: 'empty' };

const scripted: fc.Arbitrary<Scripted> = fc.oneof(
  fc.record({
    kind: fc.constant('challenge' as const),
    name: fc.constantFrom(...challengeNames),
    params,
    session: fc.boolean(),
    available: fc.subarray(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN', 'OTHER']),
  }),
  fc.record({ kind: fc.constant('tokens' as const), valid: fc.boolean() }),
  fc.record({
    kind: fc.constant('error' as const),
    name: fc.constantFrom('NotAuthorizedException', 'CodeMismatchException', 'TooManyRequestsException', 'NetworkError', 'InternalErrorException', 'ExpiredCodeException', 'SomethingElseException'),
    retryable: fc.boolean(),
  }),
  fc.constant({ kind: 'empty' as const }),
);

function scriptedTransport(script: Scripted[]): CognitoTransport {
  let i = 0;
  const next = async (): Promise<Record<string, unknown>> => {
    const item = script[i++];
    if (!item) throw new CognitoAuthError('NetworkError', 'script exhausted', { retryable: true });
    switch (item.kind) {
      case 'challenge':
        return {
          ChallengeName: item.name,
          ChallengeParameters: item.params,
          AvailableChallenges: item.available,
          ...(item.session ? { Session: `s${i}` } : {}),
          $metadata: {},
        };
      case 'tokens': {
        const now = Math.floor(Date.now() / 1000);
        return {
          AuthenticationResult: item.valid
            ? { AccessToken: jwt({ sub: 'u1', exp: now + 3600, iat: now }), IdToken: jwt({ sub: 'u1', 'cognito:username': 'alice', email: 'a@b.c' }), RefreshToken: 'r' }
            : { AccessToken: 'garbage' },
          $metadata: {},
        };
      }
      case 'error':
        throw new CognitoAuthError(item.name, 'scripted', { retryable: item.retryable });
      case 'empty':
        return { $metadata: {} };
    }
  };
  return {
    initiateAuth: next,
    respondToAuthChallenge: next,
    associateSoftwareToken: async () => ({ ...(await next()), SecretCode: 'JBSWY3DPEHPK3PXP' }),
    verifySoftwareToken: async () => ({ ...(await next()), Status: 'SUCCESS' }),
  } as unknown as CognitoTransport;
}

/** A plausible answer for a step (sometimes a wrong one), as a user of a form would give. */
function answerFor(step: Exclude<SignInStep, { name: 'DONE' }>, pick: number): ChallengeAnswer {
  switch (step.name) {
    case 'SMS_MFA':
    case 'SOFTWARE_TOKEN_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return { name: step.name, code: pick % 3 === 0 ? '12' : '123456' };
    case 'SELECT_MFA_TYPE':
      return { name: step.name, mfaType: step.options[pick % step.options.length] ?? 'SMS_MFA' };
    case 'SELECT_CHALLENGE': {
      const challenge = step.options[pick % step.options.length] ?? 'PASSWORD';
      return challenge === 'PASSWORD' || challenge === 'PASSWORD_SRP'
        ? { name: step.name, challenge, password: PASSWORD }
        : { name: step.name, challenge };
    }
    case 'PASSWORD':
    case 'PASSWORD_SRP':
      return { name: step.name, password: PASSWORD };
    case 'MFA_SETUP':
      return step.options.includes('EMAIL_OTP') && pick % 2 === 0
        ? { name: step.name, method: 'EMAIL_OTP', email: 'a@b.c' }
        : { name: step.name, method: 'SOFTWARE_TOKEN_MFA', ...(step.totp ? { code: '123456' } : {}) };
    case 'NEW_PASSWORD_REQUIRED':
      return { name: step.name, newPassword: PASSWORD, attributes: Object.fromEntries(step.requiredAttributes.map((a) => [a, 'x'])) };
    case 'CUSTOM_CHALLENGE':
      return { name: step.name, answer: 'answer' };
    case 'WEB_AUTHN':
      return { name: step.name };
    case 'UNKNOWN_CHALLENGE':
      return { name: step.name, responses: { ANSWER: 'x' } };
    default:
      return step satisfies never;
  }
}

function checkInvariants(s: AuthSnapshot, tokens: unknown): void {
  expect(s.pending).toBe(false);
  if (s.error !== null) expect(s.error).toBeInstanceOf(CognitoAuthError);
  switch (s.status) {
    case 'signedOut':
      expect(s.step).toBeNull();
      expect(s.user).toBeNull();
      expect(tokens).toBeNull();
      break;
    case 'challenge':
      expect(s.step).not.toBeNull();
      expect(s.step?.name).not.toBe('DONE');
      expect(s.user).toBeNull();
      break;
    case 'signedIn':
      expect(s.step).toEqual({ name: 'DONE' });
      expect(s.user?.username).toBe('alice');
      expect(tokens).not.toBeNull();
      break;
    default:
      throw new Error(`unexpected status ${s.status}`);
  }
  expect(JSON.stringify(s)).not.toContain(PASSWORD);
  expectNoPassword(s.error);
}

/** Walks an error's message and its cause chain (JSON.stringify skips both). */
function expectNoPassword(error: unknown): void {
  for (let e = error; e instanceof Error; e = e.cause) {
    expect(e.message).not.toContain(PASSWORD);
    expect(JSON.stringify(e)).not.toContain(PASSWORD);
  }
}

describe('the engine under random server behaviour', () => {
  it('always settles in a consistent state, never leaks the password, and only throws CognitoAuthError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(scripted, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH', 'CUSTOM_AUTH', 'CUSTOM_WITH_SRP' as const),
        fc.array(fc.nat(5), { minLength: 6, maxLength: 6 }),
        async (script, authFlow, picks) => {
          const transport = scriptedTransport(script);
          const auth = createCognitoAuth({
            region: 'eu-west-1', userPoolId: 'eu-west-1_Prop1', clientId: 'client', transport, precomputeSrp: false,
            deviceStore: { get: () => ({ deviceKey: 'eu-west-1_dk', deviceGroupKey: 'gk', devicePassword: 'dp' }) },
            webAuthn: async () => ({ id: 'c', rawId: 'c', type: 'public-key', response: { clientDataJSON: 'x', authenticatorData: 'y', signature: 'z' }, clientExtensionResults: {} }),
          });
          const settle = async (op: () => Promise<unknown>) => {
            try {
              await op();
            } catch (e) {
              expect(isCognitoAuthError(e)).toBe(true);
              expectNoPassword(e);
            }
            checkInvariants(auth.getSnapshot(), auth.getTokens());
          };
          await settle(() => auth.signIn({ username: 'alice', password: PASSWORD, authFlow }));
          for (const pick of picks) {
            const { step } = auth.getSnapshot();
            if (!step || step.name === 'DONE') break;
            await settle(() => auth.respondToChallenge(answerFor(step, pick)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
