import type { BillingPrisma } from './create-prisma';

export type BillingTx = Parameters<Parameters<BillingPrisma['$transaction']>[0]>[0];

export class UsageRepository {
  constructor(private readonly prisma: BillingPrisma) {}

  async transactionsCreated(teamId: string, period: string): Promise<bigint> {
    const row = await this.prisma.usageCounter.findUnique({ where: { teamId_period: { teamId, period } } });
    return row?.transactionsCreated ?? 0n;
  }

  /** Runs inside the inbox transaction of the event that caused it. */
  static async countTransactionCreated(tx: BillingTx, teamId: string, period: string): Promise<void> {
    await tx.usageCounter.upsert({
      where: { teamId_period: { teamId, period } },
      create: { teamId, period, transactionsCreated: 1n },
      update: { transactionsCreated: { increment: 1n }, updatedAt: new Date() },
    });
  }
}
