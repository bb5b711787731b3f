import type { JWK } from 'jose';
import { z } from 'zod';
import { loadConfig, settings } from '@cashier/config';

/** Settings every gRPC service reads; a service may add its own. */
export const serviceConfigShape = {
  GRPC_HOST: z.string().default('127.0.0.1'),
  GRPC_PORT: settings.port(),
  DATABASE_URL: settings.url(['postgresql', 'postgres']),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(50).default(10),
  KAFKA_BROKERS: settings.list(),
  LOG_LEVEL: settings.logLevel(),
  INTERNAL_CONTEXT_PUBLIC_KEY: z
    .string()
    .transform((value, ctx) => {
      try {
        const jwk = JSON.parse(value) as JWK;
        if (typeof jwk.kty !== 'string') throw new Error('no kty');
        return jwk;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be the gateway public key as a JWK in JSON' });
        return z.NEVER;
      }
    }),
  SHUTDOWN_GRACE_MS: settings.millis().default(10_000),
};

export type ServiceConfig = ReturnType<typeof loadServiceConfig>;

export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(serviceConfigShape, env);
}
