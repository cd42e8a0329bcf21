import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as core from '../src/core/index.js';
import * as testing from '../src/testing/index.js';

/**
 * The README's code blocks, run as written: imports are swapped for this checkout's modules, and
 * nothing else is changed. If the README drifts from the API, this fails.
 */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);

const modules: Record<string, Record<string, unknown>> = {
  'cognito-react/core': core,
  'cognito-react/testing': testing,
  'msw/node': { setupServer },
};

/** Turns `import { a, b } from 'x'` lines into parameters bound to the real modules. */
function runnable(block: string, extra: Record<string, unknown>) {
  const bindings: Record<string, unknown> = { ...extra };
  const body = block.replace(/^import \{([^}]+)\} from '([^']+)';\n/gm, (_line, names: string, from: string) => {
    const mod = modules[from];
    if (!mod) throw new Error(`README imports ${from}, which this test does not provide`);
    for (const name of names.split(',').map((n) => n.trim()).filter(Boolean)) bindings[name] = mod[name];
    return '';
  });
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;
  return { run: () => new AsyncFunction(...Object.keys(bindings), body)(...Object.values(bindings)), bindings };
}

afterEach(() => vi.restoreAllMocks());

describe('the README', () => {
  it('has the quick start and the testing example', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it('quick start signs a TOTP user in against a pool with the ids it shows', async () => {
    const quickStart = blocks[0] as string;
    const userPoolId = /userPoolId: '([^']+)'/.exec(quickStart)?.[1] as string;
    const clientId = /clientId: '([^']+)'/.exec(quickStart)?.[1] as string;
    const password = /password: '([^']+)'/.exec(quickStart)?.[1] as string;
    const totpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const sim = testing.createUserPoolSimulator({
      userPoolId,
      clientId,
      users: [{ username: 'alice', password, attributes: { email: 'alice@example.com' }, mfa: { totpSecret } }],
    });
    const server = setupServer(...sim.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const askUser = vi.fn(async () => testing.totpCode(totpSecret, sim.now()));
      await runnable(quickStart, { askUser }).run();
      expect(askUser).toHaveBeenCalledWith('Authenticator code');
      expect(log).toHaveBeenCalledWith('Signed in as', 'alice@example.com');
      expect(log).toHaveBeenCalledWith('signedIn');
    } finally {
      server.close();
    }
  });

  it('testing example starts a simulated pool with a user whose SMS code can be read', async () => {
    const { run } = runnable(`${blocks[1] as string}\nreturn { sim, server };`, {});
    const { sim, server } = (await run()) as { sim: ReturnType<typeof testing.createUserPoolSimulator>; server: ReturnType<typeof setupServer> };
    try {
      const auth = core.createCognitoAuth({ region: sim.region, userPoolId: sim.userPoolId, clientId: sim.clientId, clock: () => sim.now() });
      expect(await auth.signIn({ username: 'alice', password: 'Passw0rd!long' })).toMatchObject({ name: 'SMS_MFA' });
      expect(await auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice') as string })).toEqual({ name: 'DONE' });
    } finally {
      server.close();
    }
  });
});

describe('the README on staying signed in', () => {
  it('restores a stored session, calls an API with a valid token, remembers the device and signs out', async () => {
    const example = blocks.find((b) => b.includes("storage: 'localStorage'")) as string;
    const userPoolId = /userPoolId: '([^']+)'/.exec(example)?.[1] as string;
    const clientId = /clientId: '([^']+)'/.exec(example)?.[1] as string;
    const sim = testing.createUserPoolSimulator({
      userPoolId,
      clientId,
      deviceTracking: true,
      deviceRemembering: 'userOptIn',
      users: [{ username: 'alice', password: 'Passw0rd!long', attributes: { phone_number: '+15555550100' }, mfa: { sms: true } }],
    });
    const server = setupServer(...sim.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    // A browser's localStorage, holding the session of an earlier visit.
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    });
    const earlier = core.createCognitoAuth({ region: sim.region, userPoolId, clientId, storage: 'localStorage', deviceTracking: 'userOptIn' });
    try {
      await earlier.signIn({ username: 'alice', password: 'Passw0rd!long' });
      await earlier.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice') as string });
      const token = earlier.getTokens()?.accessToken;
      earlier.destroy();

      const fetch = vi.fn(async () => new Response('[]'));
      const analytics = { track: vi.fn() };
      const askUser = vi.fn(async () => true);
      await runnable(example, { fetch, analytics, askUser }).run();
      expect(fetch).toHaveBeenCalledWith('/api/orders', { headers: { Authorization: `Bearer ${token}` } });
      expect(askUser).toHaveBeenCalledWith('Remember this device?');
      expect(sim.user('alice')?.devices).toEqual([expect.objectContaining({ remembered: true })]);
      expect(analytics.track.mock.calls.map(([type]) => type)).toEqual(['sessionRestored', 'signedOut']);
      expect(sim.requests.map((r) => r.operation).slice(-2)).toEqual(['UpdateDeviceStatus', 'RevokeToken']);
      expect([...items.keys()].filter((k) => k.endsWith('.session'))).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
      server.close();
    }
  });
});
