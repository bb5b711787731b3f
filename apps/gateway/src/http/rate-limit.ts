import { rateLimit, type Options } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type Redis from 'ioredis';
import { Problem } from './problem';

function limiter(redis: Redis, options: { prefix: string; perMinute: number; failOpen: boolean }) {
  return rateLimit({
    windowMs: 60_000,
    limit: options.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    passOnStoreError: options.failOpen,
    store: new RedisStore({
      prefix: options.prefix,
      sendCommand: async (command: string, ...args: string[]) => {
        try {
          return (await redis.call(command, ...args)) as RedisReply;
        } catch {
          throw new Problem(503, 'RATE_LIMIT_UNAVAILABLE', 'the service is temporarily unavailable; try again shortly');
        }
      },
    }),
    handler: (req, _res, next, limitOptions: Options) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : limitOptions.windowMs / 1000;
      next(new Problem(429, 'RATE_LIMITED', 'too many requests; slow down', [], { 'Retry-After': String(seconds) }));
    },
  });
}

/**
 * One budget per client IP across all gateway instances, counted in Redis. It fails open
 * when Redis is down: availability over a soft limit.
 */
export function ipRateLimit(redis: Redis, perMinute: number) {
  return limiter(redis, { prefix: 'rl:ip:', perMinute, failOpen: true });
}

/**
 * The stricter budget of the sign-in endpoints (each code costs an SMS). It fails closed:
 * with Redis down these endpoints answer 503 rather than go unlimited.
 */
export function otpRateLimit(redis: Redis, perMinute: number) {
  return limiter(redis, { prefix: 'rl:otp:', perMinute, failOpen: false });
}
