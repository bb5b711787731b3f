import { z } from 'zod';
import { TransactionSort, type ListTransactionsRequest } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { Problem } from '../http/problem';
import { ledgerFields, moneyFrom, queryCount, queryList, queryRepeated } from './ledger-fields';
import { TRANSACTION_TYPES, TYPE_TO_PROTO, type TransactionTypeName } from './transaction-json';

const SORTS = {
  occurred_at_desc: TransactionSort.TRANSACTION_SORT_OCCURRED_AT_DESC,
  occurred_at_asc: TransactionSort.TRANSACTION_SORT_OCCURRED_AT_ASC,
  amount_desc: TransactionSort.TRANSACTION_SORT_AMOUNT_DESC,
  amount_asc: TransactionSort.TRANSACTION_SORT_AMOUNT_ASC,
} as const;

/** GET /v1/transactions query parameters; an unknown one is a 400. */
export const listTransactionsQuery = z.strictObject({
  from: ledgerFields.dateTime.optional(),
  to: ledgerFields.dateTime.optional(),
  type: queryList.optional(),
  category_id: queryList.optional(),
  include_subcategories: ledgerFields.flag.optional(),
  account_id: queryList.optional(),
  tag: queryRepeated.optional(),
  payee: z.string().max(200).optional(),
  currency: ledgerFields.currency.optional(),
  min_amount: ledgerFields.amount.optional(),
  max_amount: ledgerFields.amount.optional(),
  q: z.string().max(100).optional(),
  created_by: queryList.optional(),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS], { error: `must be one of ${Object.keys(SORTS).join(', ')}` }).optional(),
  cursor: z.string().max(400).optional(),
  // Larger values are clamped to 200 by the service, not refused.
  limit: queryCount.optional(),
});

export function listRequestOf(query: z.infer<typeof listTransactionsQuery>): ListTransactionsRequest {
  const types = query.type ?? [];
  const unknown = types.filter((type) => !(TRANSACTION_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0) {
    throw new Problem(400, 'INVALID_REQUEST', 'the request is not valid', [
      { field: 'type', message: `must be among ${TRANSACTION_TYPES.join(', ')}` },
    ]);
  }
  const bound = (amount: string | undefined, field: string) => {
    if (amount === undefined) return undefined;
    if (!query.currency) {
      throw new Problem(400, 'INVALID_REQUEST', 'the request is not valid', [{ field: 'currency', message: 'an amount range needs its currency' }]);
    }
    return moneyFrom(amount, query.currency, { amount: field, currency: 'currency' }).amountMinor;
  };
  return {
    occurredFrom: query.from ? new Date(query.from) : undefined,
    occurredTo: query.to ? new Date(query.to) : undefined,
    types: types.map((type) => TYPE_TO_PROTO[type as TransactionTypeName]),
    categoryIds: query.category_id ?? [],
    includeSubcategories: query.include_subcategories ?? false,
    accountIds: query.account_id ?? [],
    tags: query.tag ?? [],
    payee: query.payee ?? '',
    currencyCode: query.currency ?? '',
    minAmountMinor: bound(query.min_amount, 'min_amount'),
    maxAmountMinor: bound(query.max_amount, 'max_amount'),
    text: query.q ?? '',
    createdBy: query.created_by ?? [],
    sort: SORTS[query.sort ?? 'occurred_at_desc'],
    cursor: query.cursor ?? '',
    limit: query.limit ?? 0,
  };
}
