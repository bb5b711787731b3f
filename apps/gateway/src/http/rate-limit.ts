import { rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type Redis from 'ioredis';
import { Problem } from './problem';

/** One budget per client IP across all gateway instances, counted in Redis. */
export function ipRateLimit(redis: Redis, perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The general budget fails open when Redis is down: availability over a soft limit.
    // Sensitive flows (OTP) get their own limiter that fails closed.
    passOnStoreError: true,
    store: new RedisStore({
      prefix: 'rl:ip:',
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    }),
    handler: (_req, _res, next, options) => {
      const retryAfter = String(Math.ceil(options.windowMs / 1000));
      next(new Problem(429, 'RATE_LIMITED', 'too many requests; slow down', [], { 'Retry-After': retryAfter }));
    },
  });
}
