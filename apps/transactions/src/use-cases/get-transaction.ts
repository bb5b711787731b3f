import type { CallerContext } from '@cashier/auth-context';
import { ServiceError } from '@cashier/grpc';
import { isUuid } from '@cashier/ids';
import type { StoredTransaction, TransactionRepository } from '../db/transaction-repository';
import { requirePermission } from '../domain/require-permission';
import { TransactionsErrorCode } from '../domain/transactions-error-code';

/** Another team's transaction and a missing one give the same NOT_FOUND. */
export async function getTransaction(
  repository: TransactionRepository,
  caller: CallerContext,
  id: string,
): Promise<StoredTransaction> {
  requirePermission(caller, 'read');
  const row = isUuid(id.toLowerCase()) ? await repository.findById(caller.teamId, id.toLowerCase()) : null;
  if (!row) throw ServiceError.notFound(TransactionsErrorCode.TransactionNotFound, 'transaction not found');
  return row;
}
