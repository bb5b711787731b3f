// BIGINT columns come back from raw pg queries as strings (exact); Prisma maps them to bigint itself.
import { Pool } from 'pg';

export interface PoolOptions {
  url: string;
  /** Connections per service instance; 7 services x this must stay below max_connections. */
  max?: number;
  applicationName: string;
  statementTimeoutMs?: number;
}

/** One pg pool per service process, shared by Prisma (through its adapter), the outbox relay and the inbox. */
export function createPool(options: PoolOptions): Pool {
  return new Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    application_name: options.applicationName,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
}
