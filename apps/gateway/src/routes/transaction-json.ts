import {
  TransactionType,
  type Transaction,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import { formatMoney } from '@cashier/money';

export const TYPE_TO_PROTO = {
  expense: TransactionType.TRANSACTION_TYPE_EXPENSE,
  income: TransactionType.TRANSACTION_TYPE_INCOME,
} as const;

const TYPE_FROM_PROTO: Partial<Record<TransactionType, string>> = {
  [TransactionType.TRANSACTION_TYPE_EXPENSE]: 'expense',
  [TransactionType.TRANSACTION_TYPE_INCOME]: 'income',
};

/** The API representation: money as a decimal string with its currency, never a number. */
export function transactionJson(transaction: Transaction) {
  const amount = transaction.amount!;
  return {
    id: transaction.id,
    type: TYPE_FROM_PROTO[transaction.type] ?? 'unknown',
    amount: formatMoney({ amountMinor: amount.amountMinor, currencyCode: amount.currencyCode }),
    currency: amount.currencyCode,
    occurred_at: transaction.occurredAt?.toISOString(),
    description: transaction.description,
    created_by: transaction.createdBy,
    created_at: transaction.createdAt?.toISOString(),
    version: Number(transaction.version),
  };
}
