import { transactionSnapshot } from '../db/entity-snapshots';
import { loadReferences } from '../db/reference-loader';
import type { TeamWrite } from '../db/team-write';
import { insertTransaction, type StoredTransaction } from '../db/transaction-store';
import { balanceChanges } from '../domain/ledger-legs';
import type { TransactionDraft } from '../domain/new-transaction';
import { referencedIds, resolveReferences } from '../domain/transaction-references';
import { transactionCreatedEvent } from '../events/transaction-created-event';
import { guardBalances } from './balance-guard';

/**
 * Writes one new transaction of a team inside a team write (runTeamWrite, or
 * TeamWrite.begin on a database transaction the caller already has open, e.g. planning
 * posting a recurring entry with its own rows): checks what it refers to, inserts it with
 * its split parts and account legs, refuses an overdraft, logs the change and queues
 * `transaction.created`. Validate the draft first (validateTransactionDraft); throws
 * ServiceError when a ledger rule refuses it.
 */
export async function recordTransaction(write: TeamWrite, id: string, draft: TransactionDraft): Promise<StoredTransaction> {
  const { scope } = write;
  const references = await loadReferences(write.db, scope.teamId, referencedIds(draft));
  const resolved = resolveReferences(draft, references);
  const row = await insertTransaction(write.db, scope.teamId, scope.actorId, id, resolved);
  await guardBalances(write.db, scope.teamId, balanceChanges([], resolved.legs));
  await write.recordChange({ entityType: 'transaction', entityId: id, op: 'created', before: null, after: transactionSnapshot(row) });
  await write.publish(transactionCreatedEvent(row, scope.requestId));
  return row;
}
