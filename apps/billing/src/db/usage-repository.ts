import type { BillingPrisma } from './create-prisma';

export class UsageRepository {
  constructor(private readonly prisma: BillingPrisma) {}

  async transactionsCreated(teamId: string, period: string): Promise<bigint> {
    const row = await this.prisma.usageCounter.findUnique({ where: { teamId_period: { teamId, period } } });
    return row?.transactionsCreated ?? 0n;
  }

  /**
   * Counts one created transaction of the team in the period, once per event id: the inbox
   * row and the count go in one statement (atomic on its own), and an event id already in
   * the inbox of `consumerGroup` changes nothing. Returns false for such a duplicate.
   */
  static async countTransactionCreatedOnce(
    prisma: BillingPrisma,
    consumerGroup: string,
    eventId: string,
    teamId: string,
    period: string,
  ): Promise<boolean> {
    const counted = await prisma.$executeRaw`
      WITH fresh AS (
        INSERT INTO inbox (consumer_group, event_id) VALUES (${consumerGroup}, ${eventId}::uuid)
        ON CONFLICT DO NOTHING RETURNING event_id)
      INSERT INTO usage_counters (team_id, period, transactions_created, updated_at)
      SELECT ${teamId}::uuid, ${period}, 1, now() FROM fresh
      ON CONFLICT (team_id, period)
      DO UPDATE SET transactions_created = usage_counters.transactions_created + 1, updated_at = now()`;
    return counted === 1;
  }
}
