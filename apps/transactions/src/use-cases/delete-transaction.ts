import type { CallerContext } from '@cashier/auth-context';
import type { TransactionsPrisma } from '../db/create-prisma';
import { transactionSnapshot } from '../db/entity-snapshots';
import { runTeamWrite } from '../db/team-write';
import { findTransaction, legsOfTransaction, repaymentsOf, softDeleteTransaction } from '../db/transaction-store';
import { parseId } from '../domain/client-id';
import { failedPrecondition, transactionNotFound, versionMismatch } from '../domain/ledger-errors';
import { balanceChanges } from '../domain/ledger-legs';
import { requirePermission } from '../domain/require-permission';
import { isLoanKind } from '../domain/transaction-kind';
import { TransactionsErrorCode } from '../domain/transactions-error-code';
import { transactionDeletedEvent } from '../events/transaction-deleted-event';
import { guardBalances } from './balance-guard';
import { scopeOf } from './write-scope';

/**
 * Soft-deletes a transaction: the row stays (the change log keeps its last image, so the
 * delete can be undone by hand), its legs leave the accounts, and it is not found afterwards.
 * With `expectedVersion`, only that version is deleted. A loan with repayments stays.
 */
export async function deleteTransaction(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  rawId: string,
  expectedVersion: bigint | null,
): Promise<void> {
  requirePermission(caller, 'write');
  const id = parseId(rawId);
  if (!id) throw transactionNotFound();
  await runTeamWrite(prisma, scopeOf(caller), async (write) => {
    const current = await findTransaction(write.db, caller.teamId, id);
    if (!current) throw transactionNotFound();
    if (expectedVersion !== null && current.version !== expectedVersion) throw versionMismatch('transaction');
    if (isLoanKind(current.type) && (await repaymentsOf(write.db, caller.teamId, id)).count > 0) {
      throw failedPrecondition(TransactionsErrorCode.LoanHasRepayments, 'this loan has repayments; delete them first');
    }
    const oldLegs = await legsOfTransaction(write.db, caller.teamId, id);
    if (!(await softDeleteTransaction(write.db, caller.teamId, caller.userId, id, current.version))) {
      throw versionMismatch('transaction');
    }
    await guardBalances(write.db, caller.teamId, balanceChanges(oldLegs, []));
    await write.recordChange({
      entityType: 'transaction',
      entityId: id,
      op: 'deleted',
      before: transactionSnapshot(current),
      after: null,
    });
    await write.publish(transactionDeletedEvent(current, caller.userId, caller.requestId));
  });
}
