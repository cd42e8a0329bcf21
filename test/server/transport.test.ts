import { describe, expect, it } from 'vitest';
import { serverTransport } from '../../src/core/index';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { createServerPool } from './support';

const server = mswServerPerFile();
const sam = { username: 'sam', password: PASSWORD, attributes: { email: 'sam@example.com', phone_number: '+15555550100' }, mfa: { sms: true } };

describe("server mode's snapshot", () => {
  it('gives each status the fields it guarantees, as the browser store does', async () => {
    const pool = createServerPool(server, { users: [sam] });
    const auth = serverTransport('/api/auth', { fetch: pool.browserFetch });
    expect(auth.getSnapshot()).toMatchObject({ status: 'loading', step: null, user: null, device: null });
    await auth.ready();
    expect(auth.getSnapshot()).toEqual({ status: 'signedOut', step: null, user: null, error: null, pending: false, username: null, signOutReason: null, device: null });

    expect((await auth.signIn({ username: 'sam', password: PASSWORD })).name).toBe('SMS_MFA');
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', step: { name: 'SMS_MFA' }, user: null, username: 'sam', signOutReason: null, device: null });
    expect(await auth.respondToChallenge({ name: 'SMS_MFA', code: pool.sim.lastCode('sam')! })).toEqual({ name: 'DONE' });
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedIn', step: { name: 'DONE' }, user: { username: 'sam' }, username: 'sam', signOutReason: null, pending: false });

    await auth.signOut();
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', step: null, user: null, signOutReason: 'signOut' });
    // A new sign-in's challenge clears the reason of the last sign-out.
    await auth.signIn({ username: 'sam', password: PASSWORD });
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', step: { name: 'SMS_MFA' }, signOutReason: null });
    auth.cancelSignIn();
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', step: null, user: null, username: 'sam' });
  });
});
