import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVirtualAuthenticator } from '../../../src/testing/index.js';
import { PASSWORD, createPool, setupMswServer } from '../../helpers/pool.js';

const server = setupMswServer();

const fromB64url = (s: string) => Uint8Array.from(Buffer.from(s, 'base64url')).buffer;
const toB64url = (b: ArrayBuffer | BufferSource) => Buffer.from(b instanceof ArrayBuffer ? b : (b as ArrayBufferView).buffer).toString('base64url');

/**
 * A browser's `navigator.credentials` as Node lacks one: it takes the binary request options the
 * engine builds, and answers with a PublicKeyCredential-shaped object of ArrayBuffers, signed by the
 * simulator's software authenticator. What the engine sends back is checked by the simulated pool.
 */
async function browserWithPasskey(rpId: string) {
  const authenticator = await createVirtualAuthenticator({ rpId });
  const seen: PublicKeyCredentialRequestOptions[] = [];
  const get = vi.fn(async ({ publicKey }: { publicKey: PublicKeyCredentialRequestOptions }) => {
    seen.push(publicKey);
    const json = await authenticator.get({
      challenge: toB64url(publicKey.challenge),
      rpId: publicKey.rpId as string,
      allowCredentials: publicKey.allowCredentials?.map((c) => ({ id: toB64url(c.id), type: 'public-key' as const })),
    });
    return {
      id: json.id,
      rawId: fromB64url(json.rawId),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: fromB64url(json.response.clientDataJSON),
        authenticatorData: fromB64url(json.response.authenticatorData),
        signature: fromB64url(json.response.signature),
        userHandle: json.response.userHandle ? fromB64url(json.response.userHandle) : null,
      },
      getClientExtensionResults: () => ({}),
    };
  });
  vi.stubGlobal('navigator', { credentials: { get } });
  return { authenticator, get, seen };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const dave = { username: 'dave', password: PASSWORD, attributes: { email: 'dave@example.com', email_verified: 'true' } };

describe('given a passkey and no WebAuthn function configured', () => {
  it('asks the browser through navigator.credentials.get and signs in with its assertion', async () => {
    const { authenticator, get, seen } = await browserWithPasskey('example.com');
    const { auth } = createPool(
      server,
      { users: [{ ...dave, passkeys: [{ credentialId: authenticator.credentialId, publicKeyJwk: authenticator.publicKeyJwk }] }], relyingPartyId: 'example.com' },
      { authFlow: 'USER_AUTH' },
    );
    expect(await auth.signIn({ username: 'dave', preferredChallenge: 'WEB_AUTHN' })).toMatchObject({ name: 'WEB_AUTHN' });
    expect(await auth.respondToChallenge({ name: 'WEB_AUTHN' })).toEqual({ name: 'DONE' });
    expect(get).toHaveBeenCalledOnce();
    expect(seen[0]?.rpId).toBe('example.com');
    expect(seen[0]?.challenge).toBeInstanceOf(ArrayBuffer);
  });

  it('reports a cancelled passkey prompt as WebAuthnCancelled and keeps the step to try again', async () => {
    const { authenticator, get } = await browserWithPasskey('example.com');
    const { auth } = createPool(
      server,
      { users: [{ ...dave, passkeys: [{ credentialId: authenticator.credentialId, publicKeyJwk: authenticator.publicKeyJwk }] }], relyingPartyId: 'example.com' },
      { authFlow: 'USER_AUTH' },
    );
    await auth.signIn({ username: 'dave', preferredChallenge: 'WEB_AUTHN' });
    get.mockRejectedValueOnce(Object.assign(new Error('The operation either timed out or was not allowed.'), { name: 'NotAllowedError' }));
    await expect(auth.respondToChallenge({ name: 'WEB_AUTHN' })).rejects.toMatchObject({ name: 'WebAuthnCancelled' });
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', step: { name: 'WEB_AUTHN' }, error: { name: 'WebAuthnCancelled' } });
    expect(await auth.respondToChallenge({ name: 'WEB_AUTHN' })).toEqual({ name: 'DONE' });
  });

  it('reports WebAuthnUnavailable where there is no navigator.credentials', async () => {
    vi.stubGlobal('navigator', {});
    const authenticator = await createVirtualAuthenticator({ rpId: 'example.com' });
    const { auth } = createPool(
      server,
      { users: [{ ...dave, passkeys: [{ credentialId: authenticator.credentialId, publicKeyJwk: authenticator.publicKeyJwk }] }], relyingPartyId: 'example.com' },
      { authFlow: 'USER_AUTH' },
    );
    await auth.signIn({ username: 'dave', preferredChallenge: 'WEB_AUTHN' });
    await expect(auth.respondToChallenge({ name: 'WEB_AUTHN' })).rejects.toMatchObject({ name: 'WebAuthnUnavailable' });
    expect(auth.getSnapshot().step?.name).toBe('WEB_AUTHN');
  });
});
