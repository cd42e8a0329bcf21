import { describe, expect, it } from 'vitest';
import { CognitoAuthError } from '../../../src/core/errors';
import {
  engineReducer,
  initialEngineState,
  type EngineEvent,
  type EngineState,
  type FlowState,
} from '../../../src/core/engine/reducer';
import type { AuthSnapshot, AuthTokens, AuthUser, CurrentDevice } from '../../../src/core/types';

const flow: FlowState = { session: 'sess-1', challengeUsername: 'alice', sessionIssuedAt: 0, device: null };
const tokens: AuthTokens = { accessToken: 'a', idToken: 'i', refreshToken: 'r', expiresAt: 3_600_000, tokenType: 'Bearer' };
const user: AuthUser = { username: 'alice', sub: 'sub-1', attributes: { email: 'alice@example.com' } };
const wrongCode = new CognitoAuthError('CodeMismatchException', 'Invalid code received for user');
const expired = new CognitoAuthError('SessionExpired', 'expired');
const badInput = new CognitoAuthError('InvalidInput', 'The code is 6 digits.', { field: 'code' });
const ended = new CognitoAuthError('SessionEnded', 'Your session has ended.');
const newer: AuthTokens = { ...tokens, accessToken: 'a2', idToken: 'i2', expiresAt: 7_200_000 };
const device: CurrentDevice = { deviceKey: 'eu-west-1_dk', remembered: true };

/** Any of the snapshot's fields, with any of the values some status gives them (not narrowed by `status`). */
type SnapshotFields = { [K in keyof AuthSnapshot]?: AuthSnapshot[K] };

// The fixtures patch a signed-out snapshot into each status: each patch gives the fields its status needs.
function withSnapshot(patch: SnapshotFields, rest: Partial<EngineState> = {}): EngineState {
  const base = initialEngineState();
  return { ...base, ...rest, snapshot: { ...base.snapshot, ...patch } as AuthSnapshot };
}

const signedOut = initialEngineState();
const starting = withSnapshot({ pending: true, username: 'alice' });
const inSmsMfa = withSnapshot(
  { status: 'challenge', step: { name: 'SMS_MFA', codeDelivery: { deliveryMedium: 'SMS', destination: '+***1234' } }, username: 'alice' },
  { flow },
);
const answering = { ...inSmsMfa, snapshot: { ...inSmsMfa.snapshot, pending: true } };
const signedIn = withSnapshot({ status: 'signedIn', step: { name: 'DONE' }, user, username: 'alice' }, { tokens });
const loading = initialEngineState('loading');

// (state, event) -> the parts of the next state that matter.
const table: [string, EngineState, EngineEvent, SnapshotFields, { flow?: FlowState | null; tokens?: AuthTokens | null }][] = [
  ['starting a sign-in shows it pending with the username', signedOut, { type: 'signInStarted', username: 'alice' }, { status: 'signedOut', pending: true, username: 'alice', error: null }, { flow: null }],
  ['a challenge replaces the pending sign-in', starting, { type: 'challengeReceived', step: { name: 'SOFTWARE_TOKEN_MFA' }, flow }, { status: 'challenge', step: { name: 'SOFTWARE_TOKEN_MFA' }, pending: false, username: 'alice' }, { flow }],
  ['answering clears the previous error and shows pending', { ...inSmsMfa, snapshot: { ...inSmsMfa.snapshot, error: wrongCode } }, { type: 'requestStarted' }, { status: 'challenge', pending: true, error: null }, { flow }],
  ['a wrong code keeps the step and its session', answering, { type: 'failed', error: wrongCode, endsFlow: false }, { status: 'challenge', step: inSmsMfa.snapshot.step, pending: false, error: wrongCode }, { flow }],
  ['an expired session ends the flow but keeps the username', answering, { type: 'failed', error: expired, endsFlow: true }, { status: 'signedOut', step: null, pending: false, error: expired, username: 'alice' }, { flow: null }],
  ['a failed first request leaves the user signed out with the error', starting, { type: 'failed', error: wrongCode, endsFlow: false }, { status: 'signedOut', step: null, pending: false, error: wrongCode, username: 'alice' }, { flow: null }],
  ['rejected input keeps the step and shows the error', inSmsMfa, { type: 'rejected', error: badInput }, { status: 'challenge', step: inSmsMfa.snapshot.step, error: badInput, pending: false }, { flow }],
  ['a verified TOTP code updates the step and session while the final answer is still pending', answering, { type: 'progressed', step: { name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA'], totp: { secret: 'S', uri: 'otpauth://x', verified: true } }, flow: { ...flow, session: 'sess-2' } }, { status: 'challenge', pending: true, step: { name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA'], totp: { secret: 'S', uri: 'otpauth://x', verified: true } } }, { flow: { ...flow, session: 'sess-2' } }],
  ['signing in stores tokens, the user and the device', answering, { type: 'signedIn', tokens, user, device }, { status: 'signedIn', step: { name: 'DONE' }, user, pending: false, error: null, device }, { flow: null, tokens }],
  ['cancelling drops the step and keeps the username', answering, { type: 'cancelled' }, { status: 'signedOut', step: null, pending: false, username: 'alice', error: null }, { flow: null }],
  ['signing out forgets everything and says why', signedIn, { type: 'signedOut', reason: 'signOut' }, { status: 'signedOut', step: null, user: null, username: null, signOutReason: 'signOut', device: null }, { flow: null, tokens: null }],
  ['a refused refresh token ends the session, keeping the username and the error', signedIn, { type: 'signedOut', reason: 'refreshTokenInvalid', error: ended }, { status: 'signedOut', user: null, username: 'alice', signOutReason: 'refreshTokenInvalid', error: ended }, { tokens: null }],
  ['a session restored from storage is signed in', loading, { type: 'restored', tokens, user, device: null }, { status: 'signedIn', step: { name: 'DONE' }, user, username: 'alice' }, { tokens }],
  ['nothing to restore leaves loading for signed out', loading, { type: 'restoreFinished' }, { status: 'signedOut', user: null }, { tokens: null }],
  ['restore finishing late does not undo a sign-in', signedIn, { type: 'restoreFinished' }, { status: 'signedIn', user }, { tokens }],
  ['refreshed tokens replace the old ones', signedIn, { type: 'tokensRefreshed', tokens: newer, user: { ...user, attributes: { ...user.attributes } } }, { status: 'signedIn', user }, { tokens: newer }],
  ['a device becoming remembered shows in the snapshot', signedIn, { type: 'deviceChanged', device }, { device }, { tokens }],
  ['a new sign-in clears the reason of the last sign-out', withSnapshot({ signOutReason: 'otherTab' }), { type: 'signInStarted', username: 'alice' }, { signOutReason: null, pending: true }, { tokens: null }],
];

describe('engineReducer', () => {
  it.each(table)('%s', (_name, state, event, snapshot, rest) => {
    const next = engineReducer(state, event);
    expect(next.snapshot).toMatchObject(snapshot);
    if ('flow' in rest) expect(next.flow).toEqual(rest.flow);
    if ('tokens' in rest) expect(next.tokens).toEqual(rest.tokens);
  });

  it('never mutates the state it is given', () => {
    const frozen = structuredClone(inSmsMfa);
    engineReducer(inSmsMfa, { type: 'failed', error: wrongCode, endsFlow: true });
    engineReducer(inSmsMfa, { type: 'signedIn', tokens, user, device: null });
    expect(inSmsMfa).toEqual(frozen);
  });

  it('keeps the snapshot (and the user object) when a refresh changes nothing the user can see', () => {
    const next = engineReducer(signedIn, { type: 'tokensRefreshed', tokens: newer, user: { ...user, attributes: { ...user.attributes } } });
    expect(next.snapshot).toBe(signedIn.snapshot);
    expect(next.tokens).toBe(newer);
  });

  it('replaces the user when a refresh brings changed attributes', () => {
    const changed = { ...user, attributes: { ...user.attributes, name: 'Alice B.' } };
    const next = engineReducer(signedIn, { type: 'tokensRefreshed', tokens: newer, user: changed });
    expect(next.snapshot.user).toBe(changed);
  });

  it('ignores what only a status it is not in can use: a device outside a session, progress outside a challenge', () => {
    expect(engineReducer(signedOut, { type: 'deviceChanged', device })).toBe(signedOut);
    expect(engineReducer(inSmsMfa, { type: 'deviceChanged', device: null })).toBe(inSmsMfa);
    expect(engineReducer(signedIn, { type: 'progressed', step: { name: 'SOFTWARE_TOKEN_MFA' }, flow })).toBe(signedIn);
    expect(engineReducer(loading, { type: 'tokensRefreshed', tokens: newer, user })).toBe(loading);
  });

  it('gives every status the fields it guarantees', () => {
    const challenged = engineReducer(starting, { type: 'challengeReceived', step: { name: 'SOFTWARE_TOKEN_MFA' }, flow }).snapshot;
    expect(challenged).toEqual({ status: 'challenge', step: { name: 'SOFTWARE_TOKEN_MFA' }, user: null, error: null, pending: false, username: 'alice', signOutReason: null, device: null });
    const restored = engineReducer(loading, { type: 'restored', tokens, user, device }).snapshot;
    expect(restored).toEqual({ status: 'signedIn', step: { name: 'DONE' }, user, error: null, pending: false, username: 'alice', signOutReason: null, device });
    expect(loading.snapshot).toEqual({ status: 'loading', step: null, user: null, error: null, pending: false, username: null, signOutReason: null, device: null });
  });

  it('gives a new snapshot object on every change, so subscribers can compare by identity', () => {
    const next = engineReducer(inSmsMfa, { type: 'requestStarted' });
    expect(next.snapshot).not.toBe(inSmsMfa.snapshot);
  });
});
