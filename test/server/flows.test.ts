import { describe, expect, it } from 'vitest';
import { isCognitoAuthError, serverTransport } from '../../src/core/index';
import { createAuthHandler } from '../../src/server/index';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { SECRET, createServerPool } from './support';

const server = mswServerPerFile();
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };
/** The AuthFlow of the last AdminInitiateAuth the pool received. */
const lastAuthFlow = (sim: ReturnType<typeof createServerPool>['sim']) =>
  ([...sim.requests].reverse().find((r) => r.operation === 'AdminInitiateAuth')?.input as { AuthFlow?: string } | undefined)?.AuthFlow;

describe('the server decides the sign-in flow', () => {
  it('refuses a flow it does not allow with a typed 400 naming the option, and calls nobody', async () => {
    const { call, sim } = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await call('GET', 'session');
    const refused = await call('POST', 'sign-in', { username: 'pat', password: PASSWORD, authFlow: 'USER_SRP_AUTH' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ name: 'FlowNotAllowed', retryable: false });
    expect(refused.body.error.message).toMatch(/authFlows/);
    expect(refused.body.state).toMatchObject({ status: 'signedOut', username: 'pat' });
    expect(sim.requests).toHaveLength(0);
  });

  it('starts a sign-in that asks for no flow with the first allowed one, and one that asks for another allowed flow with that', async () => {
    const { call, sim } = createServerPool(server, { users: [pat] }, { authFlows: ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH'] });
    const page = await call('GET', 'session');
    expect((page.body as { authFlows?: unknown }).authFlows).toEqual(['USER_PASSWORD_AUTH', 'USER_SRP_AUTH']);
    expect((await call('POST', 'sign-in', { username: 'pat', password: PASSWORD })).body.state.status).toBe('signedIn');
    expect(lastAuthFlow(sim)).toBe('ADMIN_USER_PASSWORD_AUTH');
    await call('POST', 'sign-out', {});
    expect((await call('POST', 'sign-in', { username: 'pat', password: PASSWORD, authFlow: 'USER_SRP_AUTH' })).body.state.status).toBe('signedIn');
    expect(lastAuthFlow(sim)).toBe('USER_SRP_AUTH');
  });

  it('allows the configured authFlow alone by default (USER_SRP_AUTH when none is configured), and reports it on GET /session', async () => {
    const srp = createServerPool(server, { users: [pat] });
    expect((await srp.call('GET', 'session')).body).toMatchObject({ authFlows: ['USER_SRP_AUTH'] });
    const password = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
    expect((await password.call('GET', 'session')).body).toMatchObject({ authFlows: ['USER_PASSWORD_AUTH'] });
  });

  it('refuses a configuration whose flows contradict each other, or name no flow', () => {
    const base = { region: 'eu-west-1', userPoolId: 'eu-west-1_TestPool1', clientId: 'testclient123', cookieSecrets: [SECRET] };
    expect(() => createAuthHandler({ ...base, authFlow: 'USER_SRP_AUTH', authFlows: ['USER_PASSWORD_AUTH'] })).toThrow(/authFlows/);
    expect(() => createAuthHandler({ ...base, authFlows: [] })).toThrow(/authFlows/);
    expect(() => createAuthHandler({ ...base, authFlows: ['ADMIN_NO_SRP_AUTH' as never] })).toThrow(/authFlows/);
  });
});

describe('serverTransport learns the allowed flows', () => {
  it('signs in on a USER_PASSWORD_AUTH server without being told the flow, and reports a refused flow as FlowNotAllowed', async () => {
    const pool = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
    const auth = serverTransport('/api/auth', { fetch: pool.browserFetch });
    await auth.ready();
    // What <SignIn> reads to choose its fields and its flow.
    expect(auth.config.authFlow).toBe('USER_PASSWORD_AUTH');
    const refused = await auth.signIn({ username: 'pat', password: PASSWORD, authFlow: 'USER_SRP_AUTH' }).catch((e: unknown) => e);
    expect(isCognitoAuthError(refused, 'FlowNotAllowed')).toBe(true);
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', username: 'pat', error: { name: 'FlowNotAllowed' } });
    expect(await auth.signIn({ username: 'pat', password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(lastAuthFlow(pool.sim)).toBe('ADMIN_USER_PASSWORD_AUTH');
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'pat' } });
  });
});
