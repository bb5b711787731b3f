import { Router } from 'express';
import type Redis from 'ioredis';

/** Liveness says the process answers; readiness says it can serve (Redis reachable). */
export function healthRoutes(redis: Redis, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/health/ready', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await redis.ping();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'redis unavailable' });
    }
  });
  return router;
}
