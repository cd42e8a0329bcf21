import { describe, expect, it } from 'vitest';
import { MAX_CHUNKS, MAX_COOKIE_BYTES, chunk, parseCookies, serializeCookie, unchunk } from '../../src/server/cookies';
import { createSealer } from '../../src/server/seal';

describe('cookie sizes', () => {
  it('splits a long value into cookies that each fit a browser, and reassembles it', () => {
    const value = 'x'.repeat(9_000);
    const parts = chunk('cognito-session', value);
    expect(parts.length).toBe(3);
    const lines = parts.map((p, i) => serializeCookie(`cognito-session.${i}`, p, { secure: true, path: '/', sameSite: 'Lax', httpOnly: true, maxAgeSeconds: 60 }));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(MAX_COOKIE_BYTES);
    const jar = parseCookies(parts.map((p, i) => `cognito-session.${i}=${p}`).join('; '));
    expect(unchunk(jar, 'cognito-session')).toBe(value);
  });

  it('refuses a value that would need more cookies than browsers keep for a site', () => {
    expect(() => chunk('cognito-session', 'x'.repeat(MAX_COOKIE_BYTES * (MAX_CHUNKS + 1)))).toThrow(/more than the 5 allowed/);
  });
});

describe('sealing', () => {
  it('opens only what it sealed, for the same purpose', async () => {
    const sealer = createSealer(['a-cookie-secret-of-at-least-32-characters!!']);
    const sealed = await sealer.seal('cognito-session', { hello: 'world' });
    expect(sealed).not.toContain('world');
    expect(await sealer.open('cognito-session', sealed)).toEqual({ hello: 'world' });
    expect(await sealer.open('another-cookie', sealed)).toBeNull();
    expect(await sealer.open('cognito-session', sealed.slice(0, 40) + (sealed[40] === 'A' ? 'B' : 'A') + sealed.slice(41))).toBeNull();
    expect(await sealer.open('cognito-session', 'not base64url!')).toBeNull();
  });

  it('refuses short secrets at once', () => {
    expect(() => createSealer(['short'])).toThrow(/at least 32 characters/);
    expect(() => createSealer([])).toThrow(/at least one cookie secret/);
  });
});
