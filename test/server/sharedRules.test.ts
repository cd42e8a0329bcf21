import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { createServerPool } from './support';

const server = mswServerPerFile();
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };

/**
 * The handler refreshes with the core's one refresh: refresh-token rotation as the browser does it, and the
 * same rule for which refusals end a session.
 */
describe("server mode uses the core's refresh", () => {
  it('refreshes an app client that rotates refresh tokens, keeping the new refresh token for the next refresh', async () => {
    const pool = createServerPool(server, { users: [pat], accessTokenValidityMinutes: 5, refreshTokenRotation: { retryGracePeriodSeconds: 0 } }, { authFlow: 'USER_PASSWORD_AUTH', refreshTokenRotation: true });
    await pool.call('GET', 'session');
    expect((await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD })).body.state.status).toBe('signedIn');
    for (let i = 0; i < 3; i++) {
      pool.sim.advanceTime(10 * 60_000);
      const page = await pool.call('GET', 'session');
      expect(page.status).toBe(200);
      expect(page.body.state.status).toBe('signedIn');
    }
    const rotations = pool.sim.requests.filter((r) => r.operation === 'GetTokensFromRefreshToken');
    expect(rotations).toHaveLength(3);
    // Each refresh spent the token the previous one brought: the old one would be refused after rotation.
    const tokens = rotations.map((r) => (r.input as { RefreshToken: string }).RefreshToken);
    expect(new Set(tokens).size).toBe(3);
  });

  it('ends the session when the user is gone (UserNotFoundException on refresh), as the browser store does', async () => {
    const pool = createServerPool(server, { users: [pat], accessTokenValidityMinutes: 5 }, { authFlow: 'USER_PASSWORD_AUTH' });
    await pool.call('GET', 'session');
    await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    server.use(
      http.post('https://cognito-idp.eu-west-1.amazonaws.com/', async ({ request }) => {
        const body = (await request.clone().json()) as { AuthFlow?: string };
        if (body.AuthFlow !== 'REFRESH_TOKEN_AUTH') return undefined;
        return HttpResponse.json({ __type: 'UserNotFoundException', message: 'User does not exist.' }, { status: 400 });
      }),
    );
    pool.sim.advanceTime(10 * 60_000);
    const page = await pool.call('GET', 'session');
    expect(page.status).toBe(200);
    expect(page.body.state.status).toBe('signedOut');
    expect([...pool.jar.keys()].some((k) => k.includes('cognito-session.'))).toBe(false);
  });
});
