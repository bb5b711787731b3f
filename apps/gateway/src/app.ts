import cors from 'cors';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type Redis from 'ioredis';
import type { Logger } from '@cashier/logger';
import type { GatewayConfig } from './config';
import type { Downstream } from './grpc-clients/downstream';
import { accessLog } from './http/access-log';
import { errorHandler, methodGuard, notFound, requireJson } from './http/error-handler';
import { placeholderIdentity } from './http/placeholder-identity';
import { Problem } from './http/problem';
import { ipRateLimit } from './http/rate-limit';
import { requestId } from './http/request-id';
import { billingRoutes } from './routes/billing-routes';
import { healthRoutes } from './routes/health-routes';
import { transactionsRoutes } from './routes/transactions-routes';

export const BODY_LIMIT = '64kb';

const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

const noIdentityYet: RequestHandler = (_req, _res, next) => {
  next(new Problem(401, 'UNAUTHENTICATED', 'authentication is required'));
};

export function createApp(deps: {
  config: GatewayConfig;
  logger: Logger;
  redis: Redis;
  downstream: Downstream;
  isShuttingDown: () => boolean;
}): express.Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY_HOPS);

  app.use(requestId);
  app.use(accessLog(logger));
  app.use(methodGuard);
  app.use(helmet());
  app.use(cors({ origin: config.CORS_ORIGINS, credentials: true, maxAge: 600 }));
  app.use(healthRoutes(deps.redis, deps.isShuttingDown));

  app.use(ipRateLimit(deps.redis, config.RATE_LIMIT_PER_MINUTE));
  app.use(requireJson);
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));

  const v1 = express.Router();
  v1.use(noStore);
  v1.use(config.PLACEHOLDER_IDENTITY ? placeholderIdentity : noIdentityYet);
  v1.use(transactionsRoutes(deps.downstream));
  v1.use(billingRoutes(deps.downstream));
  app.use('/v1', v1);

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
