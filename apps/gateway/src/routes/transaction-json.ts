import {
  TransactionSource,
  TransactionType,
  type Transaction,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import { formatMoney } from '@cashier/money';

export const TRANSACTION_TYPES = ['expense', 'income', 'transfer', 'loan_given', 'loan_taken', 'debt', 'repayment'] as const;
export type TransactionTypeName = (typeof TRANSACTION_TYPES)[number];

export const TYPE_TO_PROTO: Record<TransactionTypeName, TransactionType> = {
  expense: TransactionType.TRANSACTION_TYPE_EXPENSE,
  income: TransactionType.TRANSACTION_TYPE_INCOME,
  transfer: TransactionType.TRANSACTION_TYPE_TRANSFER,
  loan_given: TransactionType.TRANSACTION_TYPE_LOAN_GIVEN,
  loan_taken: TransactionType.TRANSACTION_TYPE_LOAN_TAKEN,
  debt: TransactionType.TRANSACTION_TYPE_DEBT,
  repayment: TransactionType.TRANSACTION_TYPE_REPAYMENT,
};
const TYPE_FROM_PROTO = new Map(Object.entries(TYPE_TO_PROTO).map(([name, proto]) => [proto, name]));

export const TRANSACTION_SOURCES = ['manual', 'ai', 'receipt', 'import', 'recurring'] as const;
export type TransactionSourceName = (typeof TRANSACTION_SOURCES)[number];

export const SOURCE_TO_PROTO: Record<TransactionSourceName, TransactionSource> = {
  manual: TransactionSource.TRANSACTION_SOURCE_MANUAL,
  ai: TransactionSource.TRANSACTION_SOURCE_AI,
  receipt: TransactionSource.TRANSACTION_SOURCE_RECEIPT,
  import: TransactionSource.TRANSACTION_SOURCE_IMPORT,
  recurring: TransactionSource.TRANSACTION_SOURCE_RECURRING,
};
const SOURCE_FROM_PROTO = new Map(Object.entries(SOURCE_TO_PROTO).map(([name, proto]) => [proto, name]));

/** The API representation: money as decimal strings with their currency, never a number; "none" is null. */
export function transactionJson(transaction: Transaction) {
  const amount = transaction.amount!;
  const currency = amount.currencyCode;
  return {
    id: transaction.id,
    type: TYPE_FROM_PROTO.get(transaction.type) ?? 'unknown',
    amount: formatMoney({ amountMinor: amount.amountMinor, currencyCode: currency }),
    currency,
    occurred_at: transaction.occurredAt?.toISOString(),
    description: transaction.description,
    account_id: transaction.accountId || null,
    category_id: transaction.categoryId || null,
    splits: transaction.splits.map((split) => ({
      category_id: split.categoryId,
      amount: formatMoney({ amountMinor: split.amount?.amountMinor ?? 0n, currencyCode: currency }),
      description: split.description,
    })),
    payee: transaction.payee,
    tags: transaction.tags,
    source: SOURCE_FROM_PROTO.get(transaction.source) ?? 'manual',
    attachment_ref: transaction.attachmentRef || null,
    to_account_id: transaction.toAccountId || null,
    to_amount: transaction.toAmount ? formatMoney(transaction.toAmount) : null,
    to_currency: transaction.toAmount?.currencyCode ?? null,
    due_date: transaction.dueDate || null,
    loan_id: transaction.loanId || null,
    outstanding: transaction.outstanding ? formatMoney(transaction.outstanding) : null,
    created_by: transaction.createdBy,
    created_at: transaction.createdAt?.toISOString(),
    updated_by: transaction.updatedBy,
    updated_at: transaction.updatedAt?.toISOString(),
    version: Number(transaction.version),
  };
}
