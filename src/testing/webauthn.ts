/**
 * WebAuthn assertions, both sides: a software authenticator (an ES256 passkey held in WebCrypto) that tests
 * and stories use in place of `navigator.credentials.get`, and the relying-party checks the simulated pool
 * applies to a CREDENTIAL (W3C WebAuthn Level 2, §7.2 "Verifying an Authentication Assertion").
 */
import type { AuthenticationResponseJSON, CredentialRequestOptionsJSON } from '../core/types.js';
import { concatBytes, utf8 } from '../core/srp/encoding.js';
import { sha256 } from '../core/srp/hash.js';
import { base64UrlToBytes, base64UrlToText, bufferSource, bytesToBase64Url, defaultRandomBytes } from './bytes.js';

const ES256: EcKeyImportParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;

/**
 * A software passkey: register `credentialId` + `publicKeyJwk` with a simulated user, then call `get`.
 *
 * @example
 * const passkey: VirtualAuthenticator = await createVirtualAuthenticator();
 * const credential = await passkey.get(JSON.parse(params.CREDENTIAL_REQUEST_OPTIONS));
 */
export interface VirtualAuthenticator {
  /** The credential id, base64url. */
  readonly credentialId: string;
  /** The public key (ES256, P-256) to store with the simulated user's passkeys. */
  readonly publicKeyJwk: JsonWebKey;
  /** The relying party id the passkey is bound to. */
  readonly rpId: string;
  /** Signs an assertion for the request options, like `navigator.credentials.get` followed by `toJSON()`. */
  get(options: CredentialRequestOptionsJSON): Promise<AuthenticationResponseJSON>;
}

/**
 * Options of {@link createVirtualAuthenticator}.
 *
 * @example
 * await createVirtualAuthenticator({ rpId: 'example.com', origin: 'https://app.example.com' });
 */
export interface VirtualAuthenticatorOptions {
  /** The relying party id the passkey belongs to (default `localhost`, the simulator's default). */
  rpId?: string;
  /** The origin written into clientDataJSON (default `https://<rpId>`). */
  origin?: string;
  /** The user handle returned with assertions (base64url), as a discoverable credential would. */
  userHandle?: string;
}

/** The error a browser raises when no credential matches or the user cancels. */
function notAllowed(message: string): Error {
  const error = new Error(message);
  error.name = 'NotAllowedError';
  return error;
}

/**
 * Creates a software passkey (ES256 via WebCrypto). Its `get()` builds clientDataJSON
 * `{type: 'webauthn.get', challenge, origin}`, authenticatorData (rpIdHash | flags UP+UV | signCount) and a
 * DER-encoded ECDSA signature over authenticatorData | SHA-256(clientDataJSON), exactly what a platform
 * authenticator returns. Like a browser, it refuses (`NotAllowedError`) when the options name another
 * relying party or do not allow this credential.
 *
 * @example
 * const passkey = await createVirtualAuthenticator({ rpId: 'localhost' });
 * const sim = createUserPoolSimulator({
 *   userPoolId: 'eu-west-1_AbC123',
 *   clientId: 'client123',
 *   users: [{ username: 'alice', password: 'Passw0rd!', passkeys: [passkey] }],
 * });
 * const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId: sim.userPoolId, clientId: 'client123', webAuthn: passkey.get });
 */
export async function createVirtualAuthenticator(opts: VirtualAuthenticatorOptions = {}): Promise<VirtualAuthenticator> {
  const rpId = opts.rpId ?? 'localhost';
  const origin = opts.origin ?? `https://${rpId}`;
  const { privateKey, publicKey } = await globalThis.crypto.subtle.generateKey(ES256, true, ['sign', 'verify']);
  const exported = await globalThis.crypto.subtle.exportKey('jwk', publicKey);
  const publicKeyJwk: JsonWebKey = { kty: exported.kty, crv: exported.crv, x: exported.x, y: exported.y };
  const credentialId = bytesToBase64Url(defaultRandomBytes(new Uint8Array(16)));
  let signCount = 0;

  return {
    credentialId,
    publicKeyJwk,
    rpId,
    async get(options) {
      if (options.rpId !== undefined && options.rpId !== rpId) {
        throw notAllowed(`This passkey belongs to ${rpId}, not ${options.rpId}`);
      }
      const allowed = options.allowCredentials ?? [];
      if (allowed.length > 0 && !allowed.some((c) => c.id === credentialId)) {
        throw notAllowed('The request does not allow this credential');
      }
      signCount += 1;
      const clientDataJSON = utf8(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }));
      const counter = new Uint8Array(4);
      new DataView(counter.buffer).setUint32(0, signCount);
      const authenticatorData = concatBytes(
        await sha256(utf8(rpId)),
        new Uint8Array([FLAG_USER_PRESENT | FLAG_USER_VERIFIED]),
        counter,
      );
      const signed = concatBytes(authenticatorData, await sha256(clientDataJSON));
      const raw = new Uint8Array(await globalThis.crypto.subtle.sign(ES256, privateKey, bufferSource(signed)));
      return {
        id: credentialId,
        rawId: credentialId,
        type: 'public-key',
        response: {
          clientDataJSON: bytesToBase64Url(clientDataJSON),
          authenticatorData: bytesToBase64Url(authenticatorData),
          signature: bytesToBase64Url(rawSignatureToDer(raw)),
          ...(opts.userHandle === undefined ? {} : { userHandle: opts.userHandle }),
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },
  };
}

/** ECDSA signatures: WebCrypto speaks IEEE P1363 (r | s, 32 bytes each), WebAuthn speaks ASN.1 DER. */
function rawSignatureToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const trimmed = bytes.subarray(i);
    const body = trimmed[0]! & 0x80 ? concatBytes(new Uint8Array([0]), trimmed) : trimmed;
    return concatBytes(new Uint8Array([0x02, body.length]), body);
  };
  const r = integer(raw.subarray(0, 32));
  const s = integer(raw.subarray(32, 64));
  return concatBytes(new Uint8Array([0x30, r.length + s.length]), r, s);
}

function derSignatureToRaw(der: Uint8Array): Uint8Array | undefined {
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  const out = new Uint8Array(64);
  let offset = 2;
  for (const slot of [0, 32]) {
    if (der[offset] !== 0x02) return undefined;
    const length = der[offset + 1]!;
    let value = der.subarray(offset + 2, offset + 2 + length);
    if (value.length !== length) return undefined;
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return undefined;
    out.set(value, slot + 32 - value.length);
    offset += 2 + length;
  }
  return offset === der.length ? out : undefined;
}

/** A passkey as the simulated pool stores it. */
export interface StoredPasskey {
  credentialId: string;
  publicKeyJwk: JsonWebKey;
  rpId: string;
  signCount: number;
}

export type AssertionCheck = { ok: true; passkey: StoredPasskey; signCount: number } | { ok: false; reason: string };

/**
 * The relying-party checks of an assertion against the challenge the pool issued: credential known,
 * clientDataJSON type and challenge, origin on the relying party, rpIdHash, user present + verified
 * (Cognito asks for `userVerification: 'required'`), signature, and a sign counter that moves forward.
 */
export async function verifyAssertion(args: {
  credentialJson: string;
  challenge: string;
  passkeys: readonly StoredPasskey[];
}): Promise<AssertionCheck> {
  let credential: AuthenticationResponseJSON;
  try {
    credential = JSON.parse(args.credentialJson) as AuthenticationResponseJSON;
  } catch {
    return { ok: false, reason: 'CREDENTIAL is not JSON' };
  }
  if (typeof credential !== 'object' || credential === null || typeof credential.response !== 'object') {
    return { ok: false, reason: 'CREDENTIAL is not an AuthenticationResponseJSON' };
  }
  const passkey = args.passkeys.find((p) => p.credentialId === credential.id);
  if (!passkey || credential.type !== 'public-key') return { ok: false, reason: 'unknown credential' };
  try {
    const clientDataBytes = base64UrlToBytes(credential.response.clientDataJSON);
    const clientData = JSON.parse(base64UrlToText(credential.response.clientDataJSON)) as {
      type?: unknown;
      challenge?: unknown;
      origin?: unknown;
    };
    if (clientData.type !== 'webauthn.get') return { ok: false, reason: 'clientDataJSON.type is not webauthn.get' };
    if (clientData.challenge !== args.challenge) return { ok: false, reason: 'clientDataJSON.challenge does not match' };
    if (typeof clientData.origin !== 'string' || !originMatches(clientData.origin, passkey.rpId)) {
      return { ok: false, reason: 'clientDataJSON.origin is not on the relying party' };
    }
    const authenticatorData = base64UrlToBytes(credential.response.authenticatorData);
    if (authenticatorData.length < 37) return { ok: false, reason: 'authenticatorData too short' };
    const expectedRpIdHash = await sha256(utf8(passkey.rpId));
    if (!authenticatorData.subarray(0, 32).every((b, i) => b === expectedRpIdHash[i])) {
      return { ok: false, reason: 'rpIdHash does not match' };
    }
    const flags = authenticatorData[32]!;
    if (!(flags & FLAG_USER_PRESENT) || !(flags & FLAG_USER_VERIFIED)) {
      return { ok: false, reason: 'user presence and verification are required' };
    }
    const signCount = new DataView(authenticatorData.buffer, authenticatorData.byteOffset + 33, 4).getUint32(0);
    const raw = derSignatureToRaw(base64UrlToBytes(credential.response.signature));
    if (!raw) return { ok: false, reason: 'signature is not DER' };
    const key = await globalThis.crypto.subtle.importKey('jwk', passkey.publicKeyJwk, ES256, false, ['verify']);
    const signed = concatBytes(authenticatorData, await sha256(clientDataBytes));
    if (!(await globalThis.crypto.subtle.verify(ES256, key, bufferSource(raw), bufferSource(signed)))) {
      return { ok: false, reason: 'signature does not verify' };
    }
    // A counter that does not increase signals a cloned authenticator (WebAuthn §7.2 step 21).
    if ((signCount !== 0 || passkey.signCount !== 0) && signCount <= passkey.signCount) {
      return { ok: false, reason: 'signCount did not increase' };
    }
    return { ok: true, passkey, signCount };
  } catch {
    return { ok: false, reason: 'malformed CREDENTIAL' };
  }
}

function originMatches(origin: string, rpId: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === rpId || host.endsWith(`.${rpId}`);
  } catch {
    return false;
  }
}
