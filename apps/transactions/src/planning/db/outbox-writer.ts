import type { OutboxRecord } from '@cashier/events';
import type { PlanningTx } from './planning-store';

/** Writes event rows; only inside the transaction of the change they announce. */
export async function writeOutbox(tx: PlanningTx, ...records: OutboxRecord[]): Promise<void> {
  if (records.length > 0) await tx.outboxEvent.createMany({ data: records });
}
