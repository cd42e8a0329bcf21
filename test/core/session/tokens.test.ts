import { describe, expect, it } from 'vitest';
import { tokensBelongTo } from '../../../src/core/session/tokens';

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: unknown) => `${encode({ alg: 'RS256' })}.${encode(claims)}.c2ln`;

const POOL = 'eu-west-1_AbC123';
const ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${POOL}`;
const id = { token_use: 'id', aud: 'client1', iss: ISSUER, sub: 's1', 'cognito:username': 'alice', exp: 2, iat: 1 };
const access = { token_use: 'access', client_id: 'client1', iss: ISSUER, sub: 's1', username: 'alice', exp: 2, iat: 1 };
const tokens = (idClaims: object, accessClaims: object) => ({ idToken: jwt(idClaims), accessToken: jwt(accessClaims) });

describe('tokens belong to one pool and app client', () => {
  it.each([
    ['the pool\'s issuer and the client', id, access, true],
    ['an ID token for another client', { ...id, aud: 'client2' }, access, false],
    ['an access token for another client', id, { ...access, client_id: 'client2' }, false],
    ['an ID token of another issuer with the same pool id', { ...id, iss: `http://127.0.0.1:9229/${POOL}` }, access, false],
    ['an access token of another issuer', id, { ...access, iss: `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other` }, false],
    ['the two tokens swapped', access, id, false],
  ])('with the exact issuer: %s', (_name, idClaims, accessClaims, expected) => {
    expect(tokensBelongTo(tokens(idClaims, accessClaims), { userPoolId: POOL, clientId: 'client1', issuer: ISSUER })).toBe(expected);
  });

  it("without an exact issuer, takes Cognito's issuer for the pool, and an emulator's only for its local_ pools", () => {
    const both = (iss: string) => tokens({ ...id, iss }, { ...access, iss });
    expect(tokensBelongTo(both(ISSUER), { userPoolId: POOL, clientId: 'client1' })).toBe(true);
    expect(tokensBelongTo(both(`https://evil.example/${POOL}`), { userPoolId: POOL, clientId: 'client1' })).toBe(false);
    expect(tokensBelongTo(both(`http://127.0.0.1:9229/${POOL}`), { userPoolId: POOL, clientId: 'client1' })).toBe(false);
    const LOCAL = 'local_Pool1';
    const local = tokens({ ...id, iss: `http://127.0.0.1:9229/${LOCAL}` }, { ...access, iss: `http://127.0.0.1:9229/${LOCAL}` });
    expect(tokensBelongTo(local, { userPoolId: LOCAL, clientId: 'client1' })).toBe(true);
    expect(tokensBelongTo(local, { userPoolId: 'local_Other', clientId: 'client1' })).toBe(false);
  });

  it('refuses what is not a token', () => {
    expect(tokensBelongTo({ idToken: 'x', accessToken: 'y' }, { userPoolId: POOL, clientId: 'client1', issuer: ISSUER })).toBe(false);
  });
});
