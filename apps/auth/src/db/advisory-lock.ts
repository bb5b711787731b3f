import type { AuthTx } from './transaction';

/**
 * Key spaces of the transaction-scoped advisory locks this service takes (the two-int
 * form, so they never collide with single-bigint locks such as the outbox relay's or
 * Prisma's migration lock).
 */
export const LockSpace = {
  OtpSendPhone: 1,
  OtpSendIp: 2,
  OtpVerifyPhone: 3,
  SigningKeys: 4,
} as const;

/** Waits for the lock on (space, key); it is released when the transaction ends. */
export async function lockForTransaction(tx: AuthTx, space: (typeof LockSpace)[keyof typeof LockSpace], key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${space}::int4, hashtext(${key}))`;
}
