import { createServer } from 'node:http';
import Redis from 'ioredis';
import type { JSONWebKeySet } from 'jose';
import { ContextTokenSigner } from '@cashier/auth-context';
import { createKafka, ensureTopics, EventConsumer } from '@cashier/events';
import { createLogger } from '@cashier/logger';
import { onShutdown, runMain } from '@cashier/runtime';
import { createApp } from './app';
import { loadGatewayConfig } from './config';
import { Downstream } from './grpc-clients/downstream';
import { AccessTokenVerifier } from './identity/access-token-verifier';
import { identityEventConsumer } from './identity/identity-events';
import { MembershipCache } from './identity/membership-cache';
import { MembershipResolver } from './identity/membership-resolver';
import { SessionDenylist } from './identity/session-denylist';

async function startWithRetry(what: string, start: () => Promise<void>, logger: ReturnType<typeof createLogger>) {
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      if (attempt > 1) logger.info({ attempt }, `${what} started`);
      return;
    } catch (error) {
      logger.warn({ err: error, attempt }, `${what} could not start; retrying`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** attempt)));
    }
  }
}

/** Access tokens live at most 15 minutes; a revoked session is remembered that long. */
const MAX_ACCESS_TOKEN_LIFETIME_MS = 15 * 60_000;

runMain('gateway', async () => {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  // A slow Redis must not hold requests: commands give up after 500 ms (limits then fail as configured).
  const redis = new Redis(config.REDIS_URL, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
    commandTimeout: 500,
  });
  redis.on('error', (error) => logger.warn({ err: error.message }, 'redis error'));
  await redis.connect();

  const downstream = new Downstream(
    {
      auth: config.AUTH_GRPC_ADDR,
      'user-team': config.USER_TEAM_GRPC_ADDR,
      transactions: config.TRANSACTIONS_GRPC_ADDR,
      billing: config.BILLING_GRPC_ADDR,
    },
    await ContextTokenSigner.fromJwk(config.INTERNAL_CONTEXT_PRIVATE_KEY),
    config.GRPC_DEADLINE_MS,
  );
  const tokens = new AccessTokenVerifier({
    issuer: config.ACCESS_TOKEN_ISSUER,
    audience: config.ACCESS_TOKEN_AUDIENCE,
    refreshCooldownMs: config.JWKS_REFRESH_COOLDOWN_MS,
    logger,
    fetchJwks: async () => {
      const { jwksJson } = await downstream.call('auth', 'getJwks', {}, { requestId: 'jwks-refresh' });
      return JSON.parse(jwksJson) as JSONWebKeySet;
    },
  });
  await tokens.warmUp();

  const cache = new MembershipCache(config.MEMBERSHIP_CACHE_TTL_MS);
  const denylist = new SessionDenylist(MAX_ACCESS_TOKEN_LIFETIME_MS);
  const kafka = createKafka({ clientId: 'gateway', brokers: config.KAFKA_BROKERS, logger });
  const consumerOptions = identityEventConsumer(cache, denylist);
  const consumer = new EventConsumer({ ...consumerOptions, kafka, logger });
  // Serving does not wait for Kafka: until the consumer runs, the membership cache's TTL
  // bounds staleness and revoked sessions' tokens live until they expire.
  void startWithRetry(
    'identity events consumer',
    async () => {
      await ensureTopics(kafka, [...Object.keys(consumerOptions.handlers), consumerOptions.deadLetterTopic!]);
      await consumer.start();
    },
    logger,
  );
  const prune = setInterval(() => denylist.prune(), 60_000);
  prune.unref();

  let shuttingDown = false;
  const { app } = createApp({
    config,
    logger,
    redis,
    downstream,
    tokens,
    denylist,
    memberships: new MembershipResolver(downstream, cache),
    isShuttingDown: () => shuttingDown,
  });
  const server = createServer(app);
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.HTTP_PORT, config.HTTP_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  logger.info({ url: `http://${config.HTTP_HOST}:${config.HTTP_PORT}`, pid: process.pid }, 'gateway listening');

  onShutdown(
    logger,
    [
      { name: 'readiness off', run: async () => void (shuttingDown = true) },
      {
        name: 'http drain',
        run: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      },
      { name: 'identity events consumer', run: () => consumer.stop() },
      { name: 'grpc clients', run: async () => downstream.close() },
      { name: 'redis', run: async () => void (await redis.quit()) },
    ],
    config.SHUTDOWN_GRACE_MS + 5_000,
  );
});
