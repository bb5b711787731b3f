import { TransactionSort, type ListTransactionsRequest } from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { ListSort } from '../domain/list-cursor';
import { validateFilter } from '../domain/transaction-filter';
import type { ListQuery } from '../use-cases/list-transactions';
import { kindFromProto } from './transaction-mapper';

const SORT: Record<TransactionSort, ListSort | undefined> = {
  [TransactionSort.TRANSACTION_SORT_UNSPECIFIED]: 'occurred_at_desc',
  [TransactionSort.TRANSACTION_SORT_OCCURRED_AT_DESC]: 'occurred_at_desc',
  [TransactionSort.TRANSACTION_SORT_OCCURRED_AT_ASC]: 'occurred_at_asc',
  [TransactionSort.TRANSACTION_SORT_AMOUNT_DESC]: 'amount_desc',
  [TransactionSort.TRANSACTION_SORT_AMOUNT_ASC]: 'amount_asc',
  [TransactionSort.UNRECOGNIZED]: undefined,
};

export function listQueryOf(request: ListTransactionsRequest): ListQuery {
  const filter = validateFilter({
    occurredFrom: request.occurredFrom,
    occurredTo: request.occurredTo,
    kinds: request.types.map(kindFromProto),
    categoryIds: request.categoryIds,
    includeSubcategories: request.includeSubcategories,
    accountIds: request.accountIds,
    tags: request.tags,
    payee: request.payee,
    currencyCode: request.currencyCode,
    minAmountMinor: request.minAmountMinor,
    maxAmountMinor: request.maxAmountMinor,
    text: request.text,
    createdBy: request.createdBy,
  });
  return { filter, sort: SORT[request.sort] ?? 'occurred_at_desc', cursor: request.cursor, limit: request.limit };
}
