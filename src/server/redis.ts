/**
 * Stores for several server instances on Redis: the revocations (signed-out sessions, cancelled sign-ins)
 * and the per-session refresh lock. No Redis client is bundled: the app passes its own, as anything with
 * these three methods; the `redis` npm client (node-redis 4 to 6) is one as it is.
 */
import type { RefreshCoordinator } from './refreshLock.js';
import type { RevocationStore } from './sealedCookies.js';

/**
 * What the stores call on the app's Redis client: node-redis's `set(key, value, { NX, PX })`, `get` and `del`.
 *
 * @example
 * // ioredis, adapted:
 * const client: RedisClientLike = {
 *   set: (key, value, { NX, PX }) => (NX ? redis.set(key, value, 'PX', PX, 'NX') : redis.set(key, value, 'PX', PX)),
 *   get: (key) => redis.get(key),
 *   del: (key) => redis.del(key),
 * };
 */
export interface RedisClientLike {
  /** SET with a time to live in ms (`PX`) and, with `NX`, only when the key is absent: `null` then if it was present. */
  set(key: string, value: string, options: { NX?: true; PX: number }): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<unknown>;
}

export interface RedisStoresOptions {
  /** Put before every key (default `cognito-react:`), so the stores share a Redis with the app. */
  prefix?: string;
  /** The handler's clock (its `clock` option), for the time left until a revocation can be forgotten. */
  clock?: () => number;
}

/**
 * The handler's shared stores on Redis, for `createAuthHandler({ ...redisStores(client) })` on every instance.
 *
 * @example
 * import { createClient } from 'redis';
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const auth = createAuthHandler({ ...options, ...redisStores(redis) });
 */
export function redisStores(client: RedisClientLike, options: RedisStoresOptions = {}): { revocations: RevocationStore; refreshCoordinator: RefreshCoordinator } {
  const prefix = options.prefix ?? 'cognito-react:';
  const clock = options.clock ?? Date.now;
  return {
    revocations: {
      async add(id, expiresAt) {
        // Kept until the cookie expires anyway (its own expiry refuses it then).
        await client.set(`${prefix}revoked:${id}`, '1', { PX: Math.max(1, Math.ceil(expiresAt - clock())) });
      },
      has: async (id) => (await client.get(`${prefix}revoked:${id}`)) !== null,
    },
    refreshCoordinator: {
      acquire: async (key, owner, ttlMs) => (await client.set(`${prefix}${key}`, owner, { NX: true, PX: ttlMs })) !== null,
      async release(key, owner) {
        // Only its own lock: one that expired and was taken by another instance stays. (Between the read
        // and the delete, the lock could expire and be taken; the lock's time to live is far above a refresh's.)
        if ((await client.get(`${prefix}${key}`)) === owner) await client.del(`${prefix}${key}`);
      },
      async publish(key, value, ttlMs) {
        await client.set(`${prefix}${key}`, value, { PX: ttlMs });
      },
      result: (key) => client.get(`${prefix}${key}`),
    },
  };
}
