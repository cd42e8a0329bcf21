/**
 * WebAuthn assertions, both sides: a software authenticator (an ES256 passkey held in WebCrypto) that tests
 * and stories use in place of `navigator.credentials.get`, and the relying-party checks the simulated pool
 * applies to a CREDENTIAL (W3C WebAuthn Level 2, §7.2 "Verifying an Authentication Assertion").
 */
import type {
  AuthenticationResponseJSON,
  CredentialCreationOptionsJSON,
  CredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '../core/types.js';
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
  /**
   * Registers this passkey for the creation options (attestation `none`), like `navigator.credentials.create`
   * followed by `toJSON()`. Refuses (`InvalidStateError`) when the options exclude this credential.
   */
  create(options: CredentialCreationOptionsJSON): Promise<RegistrationResponseJSON>;
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
    async create(options) {
      if (options.rp.id !== undefined && options.rp.id !== rpId) throw notAllowed(`This authenticator is for ${rpId}, not ${options.rp.id}`);
      if ((options.excludeCredentials ?? []).some((c) => c.id === credentialId)) {
        const error = new Error('The authenticator already holds a credential for this account');
        error.name = 'InvalidStateError';
        throw error;
      }
      const clientDataJSON = utf8(JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false }));
      const id = base64UrlToBytes(credentialId);
      const idLength = new Uint8Array([id.length >> 8, id.length & 0xff]);
      // COSE_Key of an EC2 P-256 key: kty 2, alg -7 (ES256), crv 1, x, y.
      const coseKey = cborEncode(
        new Map<number, unknown>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, base64UrlToBytes(publicKeyJwk.x as string)],
          [-3, base64UrlToBytes(publicKeyJwk.y as string)],
        ]),
      );
      const authData = concatBytes(
        await sha256(utf8(rpId)),
        new Uint8Array([FLAG_USER_PRESENT | FLAG_USER_VERIFIED | FLAG_ATTESTED_CREDENTIAL]),
        new Uint8Array(4),
        new Uint8Array(16),
        idLength,
        id,
        coseKey,
      );
      const attestationObject = cborEncode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
      return {
        id: credentialId,
        rawId: credentialId,
        type: 'public-key',
        response: { clientDataJSON: bytesToBase64Url(clientDataJSON), attestationObject: bytesToBase64Url(attestationObject), transports: ['internal'] },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },
  };
}

const FLAG_ATTESTED_CREDENTIAL = 0x40;

/** CBOR (RFC 8949) for what attestation objects hold: integers, byte and text strings, maps. */
function cborEncode(value: unknown): Uint8Array {
  const head = (major: number, length: number): Uint8Array => {
    if (length < 24) return new Uint8Array([(major << 5) | length]);
    if (length < 0x100) return new Uint8Array([(major << 5) | 24, length]);
    if (length < 0x10000) return new Uint8Array([(major << 5) | 25, length >> 8, length & 0xff]);
    throw new Error('cborEncode: value too long');
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (value instanceof Uint8Array) return concatBytes(head(2, value.length), value);
  if (typeof value === 'string') {
    const bytes = utf8(value);
    return concatBytes(head(3, bytes.length), bytes);
  }
  if (value instanceof Map) {
    const parts: Uint8Array[] = [head(5, value.size)];
    for (const [k, v] of value) parts.push(cborEncode(k), cborEncode(v));
    return concatBytes(...parts);
  }
  throw new Error('cborEncode: unsupported value');
}

/** Decodes one CBOR item at `offset`: returns it and where the next item starts. */
function cborDecode(bytes: Uint8Array, offset = 0): [unknown, number] {
  const first = bytes[offset];
  if (first === undefined) throw new Error('cbor: truncated');
  const major = first >> 5;
  const info = first & 0x1f;
  let length: number;
  let at = offset + 1;
  if (info < 24) length = info;
  else if (info === 24) length = bytes[at++]!;
  else if (info === 25) {
    length = (bytes[at]! << 8) | bytes[at + 1]!;
    at += 2;
  } else throw new Error('cbor: unsupported length');
  switch (major) {
    case 0:
      return [length, at];
    case 1:
      return [-1 - length, at];
    case 2:
      if (at + length > bytes.length) throw new Error('cbor: truncated');
      return [bytes.subarray(at, at + length), at + length];
    case 3:
      return [new TextDecoder().decode(bytes.subarray(at, at + length)), at + length];
    case 5: {
      const map = new Map<unknown, unknown>();
      for (let i = 0; i < length; i++) {
        const [k, next] = cborDecode(bytes, at);
        const [v, after] = cborDecode(bytes, next);
        map.set(k, v);
        at = after;
      }
      return [map, at];
    }
    default:
      throw new Error('cbor: unsupported type');
  }
}

export type RegistrationCheck =
  | { ok: true; passkey: StoredPasskey }
  | { ok: false; error: 'InvalidParameterException' | 'WebAuthnRelyingPartyMismatchException' | 'WebAuthnChallengeNotFoundException'; reason: string };

/**
 * The relying-party checks of a registration (WebAuthn §7.1): clientDataJSON type, challenge and origin,
 * rpIdHash, user presence and verification, and the attested ES256 public key, which is what gets stored.
 */
export async function parseRegistration(args: { credential: unknown; challenge: string; rpId: string }): Promise<RegistrationCheck> {
  const bad = (reason: string): RegistrationCheck => ({ ok: false, error: 'InvalidParameterException', reason });
  const credential = args.credential as RegistrationResponseJSON | undefined;
  if (typeof credential !== 'object' || credential === null || typeof credential.response !== 'object' || typeof credential.id !== 'string') {
    return bad('Credential is not a RegistrationResponseJSON');
  }
  try {
    const clientData = JSON.parse(base64UrlToText(credential.response.clientDataJSON)) as { type?: unknown; challenge?: unknown; origin?: unknown };
    if (clientData.type !== 'webauthn.create') return bad('clientDataJSON.type is not webauthn.create');
    if (clientData.challenge !== args.challenge) {
      return { ok: false, error: 'WebAuthnChallengeNotFoundException', reason: 'clientDataJSON.challenge does not match' };
    }
    if (typeof clientData.origin !== 'string' || !originMatches(clientData.origin, args.rpId)) {
      return { ok: false, error: 'WebAuthnRelyingPartyMismatchException', reason: 'clientDataJSON.origin is not on the relying party' };
    }
    const [attestation] = cborDecode(base64UrlToBytes(credential.response.attestationObject));
    const authData = (attestation as Map<string, unknown>).get('authData');
    if (!(authData instanceof Uint8Array) || authData.length < 55) return bad('authData missing or too short');
    const expected = await sha256(utf8(args.rpId));
    if (!authData.subarray(0, 32).every((b, i) => b === expected[i])) {
      return { ok: false, error: 'WebAuthnRelyingPartyMismatchException', reason: 'rpIdHash does not match' };
    }
    const flags = authData[32]!;
    if (!(flags & FLAG_USER_PRESENT) || !(flags & FLAG_USER_VERIFIED) || !(flags & FLAG_ATTESTED_CREDENTIAL)) {
      return bad('user presence, verification and attested credential data are required');
    }
    const idLength = (authData[53]! << 8) | authData[54]!;
    const id = authData.subarray(55, 55 + idLength);
    if (bytesToBase64Url(id) !== credential.id) return bad('credential id does not match the attested one');
    const [cose] = cborDecode(authData, 55 + idLength);
    const key = cose as Map<number, unknown>;
    const x = key.get(-2);
    const y = key.get(-3);
    if (key.get(1) !== 2 || key.get(3) !== -7 || key.get(-1) !== 1 || !(x instanceof Uint8Array) || !(y instanceof Uint8Array)) {
      return bad('only ES256 (P-256) keys are supported here');
    }
    return {
      ok: true,
      passkey: {
        credentialId: credential.id,
        publicKeyJwk: { kty: 'EC', crv: 'P-256', x: bytesToBase64Url(x), y: bytesToBase64Url(y) },
        rpId: args.rpId,
        signCount: 0,
        ...(credential.authenticatorAttachment ? { attachment: credential.authenticatorAttachment } : {}),
        ...(credential.response.transports ? { transports: credential.response.transports } : {}),
      },
    };
  } catch {
    return bad('malformed Credential');
  }
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
  name?: string;
  attachment?: string;
  transports?: string[];
  /** Epoch ms, for passkeys registered through the API. */
  createdAt?: number;
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
