/**
 * Where the local infrastructure is: the servers `infra/local.sh start` runs on loopback
 * (CI starts them the same way). Override with the usual variables.
 */
export const infra = {
  pgHost: process.env.PGHOST ?? '127.0.0.1',
  pgPort: Number(process.env.PGPORT ?? 5432),
  pgUser: process.env.CASHIER_PG_USER ?? 'cashier',
  pgPassword: process.env.CASHIER_PG_PASSWORD ?? 'cashier',
  redisUrl: process.env.REDIS_URL ?? `redis://127.0.0.1:${process.env.REDIS_PORT ?? 6379}`,
  kafkaBrokers: process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`,
};

export function databaseUrl(database: string): string {
  return `postgresql://${infra.pgUser}:${infra.pgPassword}@${infra.pgHost}:${infra.pgPort}/${database}`;
}
