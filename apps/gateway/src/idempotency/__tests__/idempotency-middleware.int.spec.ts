import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import Redis from 'ioredis';
import { createLogger } from '@cashier/logger';
import { infra } from '@cashier/testing';
import { errorHandler } from '../../http/error-handler';
import { Problem } from '../../http/problem';
import { idempotency } from '../idempotency-middleware';
import { IdempotencyStore } from '../idempotency-store';
import { keepRawBody } from '../request-fingerprint';
import { MAX_REPLAY_BODY_BYTES } from '../response-capture';

const logger = createLogger('test', 'silent');

/** A gateway in miniature: JSON body, a signed-in user named by a header, the middleware, a few handlers. */
function miniGateway(redis: Redis) {
  const calls: string[] = [];
  const signedIn: RequestHandler = (req, res, next) => {
    res.locals.user = { userId: req.header('x-user') ?? 'u1', sessionId: 's', requestId: 'r' };
    next();
  };
  const keyed = idempotency(new IdempotencyStore(redis, { lockMs: 60_000, ttlMs: 60_000 }), logger);
  const app = express();
  app.use(express.json({ verify: keepRawBody }));
  app.post('/v1/things', signedIn, keyed, (req, res) => {
    calls.push('things');
    res.setHeader('Location', '/v1/things/1');
    res.status(201).json({ n: calls.length, body: req.body });
  });
  app.post('/v1/invalid', signedIn, keyed, () => {
    calls.push('invalid');
    throw new Problem(400, 'VALIDATION_FAILED', 'bad', [{ field: 'x', message: 'nope' }]);
  });
  app.post('/v1/broken', signedIn, keyed, () => {
    calls.push('broken');
    throw new Error('boom');
  });
  app.delete('/v1/things/1', signedIn, keyed, (_req, res) => {
    calls.push('delete');
    res.status(204).end();
  });
  app.post('/v1/export', signedIn, keyed, (_req, res) => {
    calls.push('export');
    res.type('text/csv');
    res.write('a,b\n');
    res.end('1,2\n');
  });
  app.post('/v1/huge', signedIn, keyed, (_req, res) => {
    calls.push('huge');
    res.json({ blob: 'x'.repeat(MAX_REPLAY_BODY_BYTES) });
  });
  let release: () => void = () => undefined;
  app.post('/v1/slow', signedIn, keyed, async (_req, res) => {
    calls.push('slow');
    await new Promise<void>((resolve) => (release = resolve));
    res.status(201).json({ ok: true });
  });
  app.use(errorHandler(logger));
  return { app, calls, releaseSlow: () => release() };
}

async function listen(app: express.Express) {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: string) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return { base, call, close: () => new Promise((resolve) => server.close(resolve)) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('Idempotency-Key middleware (real Redis)', () => {
  let redis: Redis;
  let gateway: ReturnType<typeof miniGateway>;
  let http: Awaited<ReturnType<typeof listen>>;
  const user = `u-${randomUUID()}`;
  const key = () => randomUUID();

  beforeAll(async () => {
    redis = new Redis(infra.redisUrl);
    gateway = miniGateway(redis);
    http = await listen(gateway.app);
  });
  afterAll(async () => {
    await http.close();
    const keys = await redis.keys(`idem:${user}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  beforeEach(() => {
    gateway.calls.length = 0;
  });

  const post = (path: string, idempotencyKey: string | undefined, body = '{"a":1}', who = user) =>
    http.call('POST', path, { 'x-user': who, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) }, body);

  it('replays the first response byte for byte, with its headers, without running the handler again', async () => {
    const k = key();
    const first = await post('/v1/things', k);
    const second = await post('/v1/things', k);
    expect(gateway.calls).toEqual(['things']);
    expect([second.status, second.text, second.headers.get('location'), second.headers.get('etag')]).toEqual([
      first.status,
      first.text,
      first.headers.get('location'),
      first.headers.get('etag'),
    ]);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect([first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')]).toEqual([null, 'true']);
  });

  it('refuses the key for another request with 422, and an invalid key with 400, running nothing', async () => {
    const k = key();
    await post('/v1/things', k, '{"a":1}');
    const other = await post('/v1/things', k, '{"a":2}');
    const invalid = await post('/v1/things', 'é'.repeat(3));
    expect([other.status, JSON.parse(other.text).code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect([invalid.status, JSON.parse(invalid.text).code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
    expect(gateway.calls).toEqual(['things']);
  });

  it('answers 409 with Retry-After while the first request runs, then replays it', async () => {
    const k = key();
    const first = post('/v1/slow', k);
    await settled();
    const meanwhile = await post('/v1/slow', k);
    expect([meanwhile.status, JSON.parse(meanwhile.text).code, meanwhile.headers.get('retry-after')]).toEqual([409, 'IDEMPOTENCY_KEY_IN_USE', '1']);
    gateway.releaseSlow();
    expect((await first).status).toBe(201);
    expect((await post('/v1/slow', k)).headers.get('idempotent-replayed')).toBe('true');
    expect(gateway.calls).toEqual(['slow']);
  });

  it('keeps the response when the client went away before it was ready, so that its retry is a replay', async () => {
    const k = key();
    const aborted = new AbortController();
    const gone = fetch(`${http.base}/v1/slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': user, 'idempotency-key': k },
      body: '{"a":1}',
      signal: aborted.signal,
    }).catch(() => 'aborted');
    await settled();
    aborted.abort();
    expect(await gone).toBe('aborted');
    await settled();
    gateway.releaseSlow();
    await settled();
    const retry = await post('/v1/slow', k);
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(gateway.calls).toEqual(['slow']);
  });

  it('replays a 4xx problem and a 204, but releases the key after a 5xx so that a retry runs', async () => {
    const [invalid, deleted, broken] = [key(), key(), key()];
    const problems = [await post('/v1/invalid', invalid), await post('/v1/invalid', invalid)];
    expect(problems.map((p) => p.status)).toEqual([400, 400]);
    expect(problems[1].text).toBe(problems[0].text);
    const deletes = [
      await http.call('DELETE', '/v1/things/1', { 'x-user': user, 'idempotency-key': deleted }),
      await http.call('DELETE', '/v1/things/1', { 'x-user': user, 'idempotency-key': deleted }),
    ];
    expect(deletes.map((d) => [d.status, d.headers.get('idempotent-replayed')])).toEqual([
      [204, null],
      [204, 'true'],
    ]);
    expect((await post('/v1/broken', broken)).status).toBe(500);
    await settled();
    expect((await post('/v1/broken', broken)).status).toBe(500);
    expect(gateway.calls).toEqual(['invalid', 'delete', 'broken', 'broken']);
  });

  it('streams a streamed response untouched and never replays it, nor a body over the size limit', async () => {
    const [streamed, huge] = [key(), key()];
    for (let i = 0; i < 2; i++) {
      const exported = await post('/v1/export', streamed);
      expect([exported.status, exported.text, exported.headers.get('idempotent-replayed')]).toEqual([200, 'a,b\n1,2\n', null]);
      await settled();
      const big = await post('/v1/huge', huge);
      expect([big.status, big.headers.get('idempotent-replayed')]).toEqual([200, null]);
      await settled();
    }
    expect(gateway.calls).toEqual(['export', 'huge', 'export', 'huge']);
  });

  it('keeps the same key of two users apart, and leaves requests without a key alone', async () => {
    const k = key();
    await post('/v1/things', k);
    const otherUser = await post('/v1/things', k, '{"a":1}', `${user}-other`);
    expect(otherUser.headers.get('idempotent-replayed')).toBeNull();
    await post('/v1/things', undefined);
    await post('/v1/things', undefined);
    expect(gateway.calls).toEqual(['things', 'things', 'things', 'things']);
    await redis.del(...(await redis.keys(`idem:${user}-other:*`)));
  });
});

describe('Idempotency-Key middleware without Redis', () => {
  it('answers 503 with Retry-After and does not run the request; without a key the request runs', async () => {
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null });
    redis.on('error', () => undefined);
    await redis.connect().catch(() => undefined);
    const gateway = miniGateway(redis);
    const http = await listen(gateway.app);
    const refused = await http.call('POST', '/v1/things', { 'idempotency-key': 'k1' }, '{}');
    expect([refused.status, JSON.parse(refused.text).code, refused.headers.get('retry-after')]).toEqual([503, 'IDEMPOTENCY_UNAVAILABLE', '2']);
    expect(gateway.calls).toEqual([]);
    expect((await http.call('POST', '/v1/things', {}, '{}')).status).toBe(201);
    await http.close();
    redis.disconnect();
  });
});
