import type { Money } from '@cashier/money';
import type { TransactionDraft, TransactionInput } from './new-transaction';

/** The fields a client may change, by their proto names. Never id, team_id, created_by, version, source. */
export const TRANSACTION_MASK_FIELDS = [
  'type',
  'amount',
  'occurred_at',
  'description',
  'account_id',
  'category_id',
  'payee',
  'tags',
  'attachment_ref',
  'splits',
  'to_account_id',
  'to_amount',
  'due_date',
  'loan_id',
] as const;
export type TransactionMaskField = (typeof TRANSACTION_MASK_FIELDS)[number];

/** The stored draft in the shape of a request (empty string for "none"). */
export function inputOf(draft: TransactionDraft): TransactionInput {
  const currency = draft.amount.currencyCode;
  return {
    kind: draft.kind,
    amount: draft.amount,
    occurredAt: draft.occurredAt,
    description: draft.description,
    accountId: draft.accountId ?? '',
    categoryId: draft.categoryId ?? '',
    payee: draft.payee,
    tags: draft.tags,
    source: draft.source,
    attachmentRef: draft.attachmentRef,
    splits: draft.splits.map((part) => ({
      categoryId: part.categoryId,
      amount: { amountMinor: part.amountMinor, currencyCode: currency } satisfies Money,
      description: part.description,
    })),
    toAccountId: draft.toAccountId ?? '',
    toAmount: draft.toAmount ?? undefined,
    dueDate: draft.dueDate ?? '',
    loanId: draft.loanId ?? '',
  };
}

/** The stored transaction with the masked fields taken from the request; validate the result as a whole. */
export function applyTransactionMask(
  current: TransactionDraft,
  mask: ReadonlySet<TransactionMaskField>,
  values: TransactionInput,
): TransactionInput {
  const merged = inputOf(current);
  const take = <K extends keyof TransactionInput>(field: TransactionMaskField, key: K) => {
    if (mask.has(field)) merged[key] = values[key];
  };
  take('type', 'kind');
  take('amount', 'amount');
  take('occurred_at', 'occurredAt');
  take('description', 'description');
  take('account_id', 'accountId');
  take('category_id', 'categoryId');
  take('payee', 'payee');
  take('tags', 'tags');
  take('attachment_ref', 'attachmentRef');
  take('splits', 'splits');
  take('to_account_id', 'toAccountId');
  take('to_amount', 'toAmount');
  take('due_date', 'dueDate');
  take('loan_id', 'loanId');
  return merged;
}
