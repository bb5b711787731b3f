import type { CallerContext } from '@cashier/auth-context';
import { ServiceError } from '@cashier/grpc';
import type { TransactionsPrisma } from '../db/create-prisma';
import { transactionSnapshot } from '../db/entity-snapshots';
import { loadReferences } from '../db/reference-loader';
import { runTeamWrite } from '../db/team-write';
import { draftOf, findTransaction, legsOfTransaction, repaymentsOf, rewriteTransaction } from '../db/transaction-store';
import { parseId } from '../domain/client-id';
import { transactionNotFound, versionMismatch } from '../domain/ledger-errors';
import { balanceChanges } from '../domain/ledger-legs';
import { checkLoanChange } from '../domain/loans';
import { validateTransactionDraft, type TransactionInput } from '../domain/new-transaction';
import { requirePermission } from '../domain/require-permission';
import { isLoanKind } from '../domain/transaction-kind';
import { applyTransactionMask, TRANSACTION_MASK_FIELDS } from '../domain/transaction-patch';
import { referencedIds, resolveReferences } from '../domain/transaction-references';
import { TransactionsErrorCode } from '../domain/transactions-error-code';
import { parseUpdateMask } from '../domain/update-mask';
import { transactionUpdatedEvent } from '../events/transaction-updated-event';
import { guardBalances } from './balance-guard';
import { viewOf, type TransactionView } from './transaction-view';
import { scopeOf } from './write-scope';

export interface TransactionUpdate {
  id: string;
  /** The version the client last read (the HTTP If-Match); required. */
  expectedVersion: bigint;
  updateMask: readonly string[];
  values: TransactionInput;
}

/**
 * Changes the masked fields of a transaction if nobody changed it since the client read
 * it (optimistic concurrency: compare-and-set on the version), re-checks the whole
 * result like a new transaction, rewrites its legs, logs the change and announces it.
 */
export async function updateTransaction(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  update: TransactionUpdate,
): Promise<TransactionView> {
  requirePermission(caller, 'write');
  const mask = parseUpdateMask(update.updateMask, TRANSACTION_MASK_FIELDS);
  if (update.expectedVersion <= 0n) {
    throw ServiceError.invalid(TransactionsErrorCode.InvalidTransaction, 'the version you read is required', [
      { field: 'version', description: 'send the version (ETag) of the transaction you are changing' },
    ]);
  }
  const id = parseId(update.id);
  if (!id) throw transactionNotFound();
  return runTeamWrite(prisma, scopeOf(caller), async (write) => {
    const current = await findTransaction(write.db, caller.teamId, id);
    if (!current) throw transactionNotFound();
    if (current.version !== update.expectedVersion) throw versionMismatch('transaction');
    const before = draftOf(current);
    const draft = validateTransactionDraft(applyTransactionMask(before, mask, update.values));
    if (isLoanKind(before.kind)) checkLoanChange(before, draft, await repaymentsOf(write.db, caller.teamId, id));
    const references = await loadReferences(write.db, caller.teamId, referencedIds(draft), id);
    if (references.loan?.id === id) {
      throw ServiceError.invalid(TransactionsErrorCode.InvalidTransaction, 'the transaction is not valid', [
        { field: 'loan_id', description: 'a transaction cannot repay itself' },
      ]);
    }
    const resolved = resolveReferences(draft, references, before);
    const oldLegs = await legsOfTransaction(write.db, caller.teamId, id);
    const row = await rewriteTransaction(write.db, caller.teamId, caller.userId, id, update.expectedVersion, resolved);
    if (!row) throw versionMismatch('transaction');
    await guardBalances(write.db, caller.teamId, balanceChanges(oldLegs, resolved.legs));
    await write.recordChange({
      entityType: 'transaction',
      entityId: id,
      op: 'updated',
      before: transactionSnapshot(current),
      after: transactionSnapshot(row),
    });
    await write.publish(transactionUpdatedEvent(current, row, caller.requestId));
    return viewOf(write.db, caller.teamId, row);
  });
}
