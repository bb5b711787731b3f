import type { JWK } from 'jose';
import { z } from 'zod';
import { loadConfig, settings } from '@cashier/config';

const jwk = (what: string) =>
  z.string().transform((value, ctx) => {
    try {
      const parsed = JSON.parse(value) as JWK;
      if (typeof parsed.kty !== 'string') throw new Error('no kty');
      return parsed;
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be ${what} as a JWK in JSON` });
      return z.NEVER;
    }
  });

export const gatewayConfigShape = {
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: settings.port().default(8080),
  LOG_LEVEL: settings.logLevel(),
  REDIS_URL: settings.url(['redis', 'rediss']),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .refine((origins) => !origins.includes('*'), 'must list origins; "*" is not allowed'),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  OTP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** How long a request holds its Idempotency-Key if it never finishes; longer than the slowest write (import: 120 s). */
  IDEMPOTENCY_LOCK_MS: settings.millis().default(180_000),
  /** How long the response to an Idempotency-Key is replayed. */
  IDEMPOTENCY_KEY_TTL_MS: z.coerce.number().int().min(60_000).max(7 * 86_400_000).default(86_400_000),
  GRPC_DEADLINE_MS: settings.millis().default(2_000),
  AUTH_GRPC_ADDR: settings.hostPort(),
  USER_TEAM_GRPC_ADDR: settings.hostPort(),
  TRANSACTIONS_GRPC_ADDR: settings.hostPort(),
  BILLING_GRPC_ADDR: settings.hostPort(),
  INTERNAL_CONTEXT_PRIVATE_KEY: jwk('the gateway private key'),
  ACCESS_TOKEN_ISSUER: z.string().min(1).default('cashier-auth'),
  ACCESS_TOKEN_AUDIENCE: z.string().min(1).default('cashier-api'),
  /** How long an unknown `kid` must wait before it may trigger another JWKS fetch. */
  JWKS_REFRESH_COOLDOWN_MS: settings.millis().default(30_000),
  MEMBERSHIP_CACHE_TTL_MS: settings.millis().default(30_000),
  KAFKA_BROKERS: settings.list(),
  SHUTDOWN_GRACE_MS: settings.millis().default(10_000),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(gatewayConfigShape, env);
}
