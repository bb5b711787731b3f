import { createServer } from 'node:http';
import Redis from 'ioredis';
import { ContextTokenSigner } from '@cashier/auth-context';
import { createLogger } from '@cashier/logger';
import { onShutdown, runMain } from '@cashier/runtime';
import { createApp } from './app';
import { loadGatewayConfig } from './config';
import { connectDownstream } from './grpc-clients/downstream';

runMain('gateway', async () => {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
  redis.on('error', (error) => logger.warn({ err: error.message }, 'redis error'));
  await redis.connect();
  const downstream = connectDownstream({
    transactionsAddr: config.TRANSACTIONS_GRPC_ADDR,
    billingAddr: config.BILLING_GRPC_ADDR,
    signer: await ContextTokenSigner.fromJwk(config.INTERNAL_CONTEXT_PRIVATE_KEY),
    deadlineMs: config.GRPC_DEADLINE_MS,
  });
  let shuttingDown = false;
  const app = createApp({ config, logger, redis, downstream, isShuttingDown: () => shuttingDown });
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
      { name: 'grpc clients', run: async () => downstream.close() },
      { name: 'redis', run: async () => void (await redis.quit()) },
    ],
    config.SHUTDOWN_GRACE_MS + 5_000,
  );
});
