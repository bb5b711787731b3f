import type { OutboxRecord } from '@cashier/events';
import type { AuthTx } from '../db/transaction';

/** Writes an event into the outbox inside the caller's transaction: it commits with the change or not at all. */
export async function publishInTransaction(tx: AuthTx, record: OutboxRecord): Promise<void> {
  await tx.outboxEvent.create({ data: record });
}
