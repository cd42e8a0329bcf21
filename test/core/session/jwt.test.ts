import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, userFromIdToken } from '../../../src/core/session/jwt';
import { clockDriftOf } from '../../../src/core/session/tokens';

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: unknown) => `${encode({ alg: 'RS256' })}.${encode(claims)}.c2ln`;

describe('reading tokens', () => {
  it('decodes a payload with UTF-8 and URL-safe base64', () => {
    expect(decodeJwtPayload(jwt({ name: 'Zoë ✓', n: 1 }))).toEqual({ name: 'Zoë ✓', n: 1 });
  });

  it.each(['', 'a.b', 'a.b.c.d', `x.${Buffer.from('[1]').toString('base64url')}.y`, 'x.!!!.y'])('returns null for %j', (token) => {
    expect(decodeJwtPayload(token)).toBeNull();
  });

  it('takes the user from the ID token, attributes as strings, without token bookkeeping claims', () => {
    expect(
      userFromIdToken({ sub: 's1', 'cognito:username': 'alice', 'cognito:groups': ['a'], email: 'a@b.c', email_verified: true, aud: 'c', exp: 1, iat: 0, 'custom:team': 'red' }),
    ).toEqual({ username: 'alice', sub: 's1', attributes: { sub: 's1', email: 'a@b.c', email_verified: 'true', 'custom:team': 'red' } });
    expect(userFromIdToken({ email: 'a@b.c' })).toBeNull();
  });

  it('measures expiry by the token’s own lifetime, so a device clock that is off does not matter', () => {
    const serverNow = 1_700_000_000;
    const claims = { iat: serverNow, exp: serverNow + 3600 };
    const deviceNowFiveMinutesAhead = (serverNow + 300) * 1000;
    const drift = clockDriftOf(claims, deviceNowFiveMinutesAhead, undefined) as number;
    expect(claims.exp * 1000 + drift).toBe(deviceNowFiveMinutesAhead + 3_600_000);
    // No iat: ExpiresIn says how long the token lives from its arrival.
    expect(50_000 + (clockDriftOf({ exp: 50 }, 1000, 60) as number)).toBe(61_000);
    expect(clockDriftOf({}, 1000, 60)).toBeNull();
  });
});
