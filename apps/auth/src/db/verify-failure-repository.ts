import type { VerifyFailures } from '../domain/verify-lockout';
import type { AuthTx } from './transaction';

/** Consecutive wrong codes per phone. Callers hold the phone's verify lock. */
export const VerifyFailureRepository = {
  async find(tx: AuthTx, phone: string): Promise<VerifyFailures | null> {
    return tx.phoneVerifyFailure.findUnique({ where: { phone }, select: { failures: true, windowStartedAt: true } });
  },

  async save(tx: AuthTx, phone: string, record: VerifyFailures, now: Date): Promise<void> {
    await tx.phoneVerifyFailure.upsert({
      where: { phone },
      create: { phone, ...record, lastFailureAt: now },
      update: { ...record, lastFailureAt: now },
    });
  },

  async clear(tx: AuthTx, phone: string): Promise<void> {
    await tx.phoneVerifyFailure.deleteMany({ where: { phone } });
  },

  async deleteWindowsStartedBefore(tx: AuthTx, before: Date): Promise<number> {
    const { count } = await tx.phoneVerifyFailure.deleteMany({ where: { windowStartedAt: { lt: before } } });
    return count;
  },
};
