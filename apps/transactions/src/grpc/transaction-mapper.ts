import {
  TransactionType,
  type Transaction as TransactionMessage,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { StoredTransaction } from '../db/transaction-repository';
import type { TransactionKind } from '../domain/new-transaction';

export function kindFromProto(type: TransactionType): TransactionKind | undefined {
  switch (type) {
    case TransactionType.TRANSACTION_TYPE_EXPENSE:
      return 'expense';
    case TransactionType.TRANSACTION_TYPE_INCOME:
      return 'income';
    default:
      return undefined;
  }
}

export function toProto(row: StoredTransaction): TransactionMessage {
  return {
    id: row.id,
    teamId: row.teamId,
    type: row.type === 'expense' ? TransactionType.TRANSACTION_TYPE_EXPENSE : TransactionType.TRANSACTION_TYPE_INCOME,
    amount: { amountMinor: row.amountMinor, currencyCode: row.currencyCode },
    occurredAt: row.occurredAt,
    description: row.description,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
  };
}
