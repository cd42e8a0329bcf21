/**
 * The `otpauth://` URI authenticator apps read from a QR code (Key Uri Format). Issuer and account
 * name are percent-encoded separately (a ":" or space in either would otherwise corrupt the label), and
 * the issuer is repeated as a parameter, which current apps prefer over the label prefix.
 *
 * @example
 * buildOtpauthUri({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Acme Corp', accountName: 'alice@example.com' })
 * // 'otpauth://totp/Acme%20Corp:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30'
 */
export function buildOtpauthUri(input: { secret: string; issuer: string; accountName: string }): string {
  const issuer = encodeURIComponent(input.issuer);
  const account = encodeURIComponent(input.accountName);
  const secret = input.secret.replace(/\s+/g, '').toUpperCase();
  return `otpauth://totp/${issuer}:${account}?secret=${secret}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30`;
}
