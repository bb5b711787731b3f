import cors from 'cors';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type Redis from 'ioredis';
import type { Logger } from '@cashier/logger';
import type { GatewayConfig } from './config';
import type { Downstream } from './grpc-clients/downstream';
import { accessLog } from './http/access-log';
import { authenticate } from './http/authenticate';
import { errorHandler, methodGuard, notFound, requireJson } from './http/error-handler';
import { ipRateLimit, otpRateLimit } from './http/rate-limit';
import { requestId } from './http/request-id';
import { PolicyRouter } from './http/route-policy';
import { teamAccess } from './http/team-access';
import { idempotency } from './idempotency/idempotency-middleware';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { keepRawBody } from './idempotency/request-fingerprint';
import type { AccessTokenVerifier } from './identity/access-token-verifier';
import type { MembershipResolver } from './identity/membership-resolver';
import type { SessionDenylist } from './identity/session-denylist';
import { healthRoutes } from './routes/health-routes';
import { IMPORT_BODY_LIMIT, IMPORT_PATH } from './routes/import-routes';
import { registerV1Routes } from './routes/register-v1-routes';

export const BODY_LIMIT = '64kb';

const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  redis: Redis;
  downstream: Downstream;
  tokens: AccessTokenVerifier;
  denylist: SessionDenylist;
  memberships: MembershipResolver;
  isShuttingDown: () => boolean;
}

/** The HTTP API. Returns the app and its route-policy table (every /v1 route has a policy). */
export function createApp(deps: GatewayDeps): { app: express.Express; routes: PolicyRouter } {
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
  // Statements are bigger than any other body; this parser runs first for them only.
  app.use(IMPORT_PATH, express.json({ limit: IMPORT_BODY_LIMIT, strict: true, verify: keepRawBody }));
  app.use(express.json({ limit: BODY_LIMIT, strict: true, verify: keepRawBody }));

  const routes = new PolicyRouter('/v1', {
    authenticate: authenticate(deps.tokens, deps.denylist),
    teamAccess: (permission) => teamAccess(deps.memberships, permission),
    idempotency: idempotency(
      new IdempotencyStore(deps.redis, { lockMs: config.IDEMPOTENCY_LOCK_MS, ttlMs: config.IDEMPOTENCY_KEY_TTL_MS }),
      logger,
    ),
  });
  routes.router.use(noStore);
  registerV1Routes(routes, {
    downstream: deps.downstream,
    tokens: deps.tokens,
    otpLimit: otpRateLimit(deps.redis, config.OTP_RATE_LIMIT_PER_MINUTE),
    logger,
  });
  app.use('/v1', routes.router);
  app.get('/.well-known/jwks.json', async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(await deps.tokens.jwks());
  });

  app.use(notFound);
  app.use(errorHandler(logger));
  return { app, routes };
}
