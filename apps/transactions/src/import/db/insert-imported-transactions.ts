import type { TeamWrite } from '../../db/team-write';
import { transactionSnapshot } from '../../db/entity-snapshots';
import { transactionColumns, type StoredTransaction } from '../../db/transaction-store';
import type { ResolvedTransaction } from '../../domain/transaction-references';
import { transactionCreatedEvent } from '../../events/transaction-created-event';

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters per statement.
const CHUNK = 1_000;

/**
 * Inserts many new single-account transactions (no splits) in one team write, in bulk:
 * the rows, their legs, one change-log entry and one `transaction.created` event each.
 */
export async function insertImportedTransactions(
  write: TeamWrite,
  items: readonly { id: string; resolved: ResolvedTransaction }[],
): Promise<StoredTransaction[]> {
  const { db, teamId, actorId } = write;
  const stored: StoredTransaction[] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const rows = await db.transaction.createManyAndReturn({
      data: chunk.map(({ id, resolved }) => ({ id, teamId, createdBy: actorId, updatedBy: actorId, ...transactionColumns(resolved) })),
    });
    await db.ledgerEntry.createMany({
      data: chunk.flatMap(({ id, resolved }) =>
        resolved.legs.map((leg) => ({
          teamId,
          transactionId: id,
          leg: leg.leg,
          accountId: leg.accountId,
          amountMinor: leg.amountMinor,
          currencyCode: leg.currencyCode,
          occurredAt: resolved.occurredAt,
        })),
      ),
    });
    stored.push(...rows.map((row) => ({ ...row, splits: [] })));
  }
  await write.recordChanges(
    stored.map((row) => ({ entityType: 'transaction', entityId: row.id, op: 'created', before: null, after: transactionSnapshot(row) })),
  );
  await write.publishMany(stored.map((row) => transactionCreatedEvent(row, write.scope.requestId)));
  return stored;
}
