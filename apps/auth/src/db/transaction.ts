import type { AuthPrisma } from './create-prisma';

/** A Prisma client bound to one database transaction. The plain client fits the same type. */
export type AuthTx = Parameters<Parameters<AuthPrisma['$transaction']>[0]>[0];

/**
 * Runs `work` in one READ COMMITTED transaction. Row and advisory locks serialise the
 * contended paths (one phone's sends and verifies, one refresh token, key changes), so a
 * waiter may queue for a while: the limits are wider than Prisma's defaults.
 */
export function inTransaction<T>(prisma: AuthPrisma, work: (tx: AuthTx) => Promise<T>): Promise<T> {
  return prisma.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
}
