import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import Redis from 'ioredis';
import { infra } from '@cashier/testing';
import { IdempotencyStore, IdempotencyStoreUnavailable, type StoredResponse } from '../idempotency-store';

const created: StoredResponse = {
  status: 201,
  headers: { 'content-type': 'application/json; charset=utf-8', location: '/v1/things/1' },
  body: '{"id":"1"}',
};

describe('IdempotencyStore (real Redis)', () => {
  let redis: Redis;
  let store: IdempotencyStore;
  const used: string[] = [];
  const key = () => {
    used.push(`idem:test:${randomUUID()}`);
    return used.at(-1)!;
  };

  beforeAll(() => {
    redis = new Redis(infra.redisUrl);
    store = new IdempotencyStore(redis, { lockMs: 60_000, ttlMs: 86_400_000 });
  });
  afterAll(async () => {
    await redis.del(...used);
    await redis.quit();
  });

  it('claims a new key once: a second claim of the same request finds it in flight, under the lock TTL', async () => {
    const k = key();
    expect(await store.claim(k, 'f1')).toEqual({ outcome: 'claimed' });
    expect(await store.claim(k, 'f1')).toEqual({ outcome: 'in-flight' });
    expect(JSON.parse((await redis.get(k))!)).toEqual({ state: 'in-flight', fingerprint: 'f1' });
    const ttl = await redis.pttl(k);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('gives exactly one of many concurrent claims', async () => {
    const k = key();
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(k, 'f1')));
    expect(claims.filter((claim) => claim.outcome === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.outcome === 'in-flight')).toHaveLength(19);
  });

  it('replays a completed response for the same fingerprint, kept for the replay TTL', async () => {
    const k = key();
    await store.claim(k, 'f1');
    await store.complete(k, 'f1', created);
    expect(await store.claim(k, 'f1')).toEqual({ outcome: 'replay', response: created });
    expect(await redis.pttl(k)).toBeGreaterThan(86_000_000);
  });

  it('refuses a different fingerprint, whether the first request is in flight or done', async () => {
    const k = key();
    await store.claim(k, 'f1');
    expect(await store.claim(k, 'f2')).toEqual({ outcome: 'mismatch' });
    await store.complete(k, 'f1', created);
    expect(await store.claim(k, 'f2')).toEqual({ outcome: 'mismatch' });
  });

  it('frees a released key for a retry', async () => {
    const k = key();
    await store.claim(k, 'f1');
    await store.release(k);
    expect(await store.claim(k, 'f1')).toEqual({ outcome: 'claimed' });
  });

  it('frees a key whose request never finished once its lock expires', async () => {
    const shortLock = new IdempotencyStore(redis, { lockMs: 100, ttlMs: 86_400_000 });
    const k = key();
    await shortLock.claim(k, 'f1');
    expect(await shortLock.claim(k, 'f1')).toEqual({ outcome: 'in-flight' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await shortLock.claim(k, 'f1')).toEqual({ outcome: 'claimed' });
  });
});

describe('IdempotencyStore without a working Redis', () => {
  const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 };

  async function expectUnavailable(redis: Redis) {
    const store = new IdempotencyStore(redis, { lockMs: 60_000, ttlMs: 86_400_000 });
    await expect(store.claim('idem:test:down', 'f1')).rejects.toBeInstanceOf(IdempotencyStoreUnavailable);
    await expect(store.complete('idem:test:down', 'f1', created)).rejects.toBeInstanceOf(IdempotencyStoreUnavailable);
    await expect(store.release('idem:test:down')).rejects.toBeInstanceOf(IdempotencyStoreUnavailable);
  }

  it('fails with IdempotencyStoreUnavailable when Redis is down', async () => {
    const redis = new Redis('redis://127.0.0.1:1', { ...options, retryStrategy: () => null });
    redis.on('error', () => undefined);
    await redis.connect().catch(() => undefined);
    await expectUnavailable(redis);
    redis.disconnect();
  });

  it('fails with IdempotencyStoreUnavailable when Redis does not answer within the command timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const redis = new Redis(`redis://127.0.0.1:${port}`, { ...options, enableReadyCheck: false });
    redis.on('error', () => undefined);
    await redis.connect();
    const started = Date.now();
    await expectUnavailable(redis);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    redis.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});
