import type { CallerContext } from '@cashier/auth-context';
import { ServiceError } from '@cashier/grpc';
import type { StoredTransaction, TransactionRepository } from '../db/transaction-repository';
import { transactionCreatedEvent } from '../events/transaction-created-event';
import type { NewTransaction } from '../domain/new-transaction';
import { requirePermission } from '../domain/require-permission';
import { isSameTransaction } from '../domain/same-transaction';
import { TransactionsErrorCode } from '../domain/transactions-error-code';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002';
}

/**
 * Records a new ledger entry and its `transaction.created` event atomically.
 * A retry with the same client id and content returns the first result (created=false).
 */
export async function createTransaction(
  repository: TransactionRepository,
  caller: CallerContext,
  input: NewTransaction,
): Promise<{ transaction: StoredTransaction; created: boolean }> {
  requirePermission(caller, 'write');
  try {
    const transaction = await repository.insertWithEvent(caller.teamId, caller.userId, input, (row) =>
      transactionCreatedEvent(row, caller.requestId),
    );
    return { transaction, created: true };
  } catch (error) {
    if (!input.id || !isUniqueViolation(error)) throw error;
    const existing = await repository.findAnyById(input.id);
    if (existing && isSameTransaction(existing, caller.teamId, caller.userId, input)) {
      return { transaction: existing, created: false };
    }
    throw ServiceError.conflict(TransactionsErrorCode.IdConflict, 'this id is already used by a different transaction');
  }
}
