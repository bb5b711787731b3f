/** What a Prisma interactive-transaction client offers that the inbox needs. */
export interface RawExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

export type RunInTransaction<Tx> = <R>(work: (tx: Tx) => Promise<R>) => Promise<R>;

/**
 * Applies an event's effect exactly once per consumer group: the event id goes into
 * the `inbox` table in the same database transaction as the effect, so a redelivered
 * event finds its id and changes nothing. Returns false for a duplicate.
 */
export async function processOnce<Tx extends RawExecutor>(
  runInTransaction: RunInTransaction<Tx>,
  consumerGroup: string,
  eventId: string,
  effect: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return runInTransaction(async (tx) => {
    const inserted = await tx.$executeRaw`INSERT INTO inbox (consumer_group, event_id)
      VALUES (${consumerGroup}, ${eventId}::uuid) ON CONFLICT DO NOTHING`;
    if (inserted === 0) return false;
    await effect(tx);
    return true;
  });
}
