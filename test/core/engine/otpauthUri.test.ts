import { describe, expect, it } from 'vitest';
import { buildOtpauthUri } from '../../../src/core/engine/otpauthUri';

describe('buildOtpauthUri', () => {
  it.each([
    [{ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Acme', accountName: 'alice' }, 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme&algorithm=SHA1&digits=6&period=30'],
    [{ secret: 'jbsw y3dp', issuer: 'Acme Corp', accountName: 'alice@example.com' }, 'otpauth://totp/Acme%20Corp:alice%40example.com?secret=JBSWY3DP&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30'],
    [{ secret: 'ABC', issuer: 'A:B&C=D', accountName: 'x/y?z#' }, 'otpauth://totp/A%3AB%26C%3DD:x%2Fy%3Fz%23?secret=ABC&issuer=A%3AB%26C%3DD&algorithm=SHA1&digits=6&period=30'],
  ])('encodes %j', (input, uri) => {
    expect(buildOtpauthUri(input)).toBe(uri);
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('issuer')).toBe(input.issuer);
  });
});
