import { ServiceError, type FieldViolation } from '@cashier/grpc';
import { checkMoney, MoneyError, type Money } from '@cashier/money';
import { isUuid } from '@cashier/ids';
import { TransactionsErrorCode } from './transactions-error-code';

export type TransactionKind = 'expense' | 'income';

export interface NewTransaction {
  id: string | undefined;
  kind: TransactionKind;
  amount: Money;
  occurredAt: Date;
  description: string;
}

export const MAX_DESCRIPTION_LENGTH = 500;
const MAX_FUTURE_MS = 366 * 24 * 3600_000;
const EARLIEST = Date.UTC(1900, 0, 1);

/** The rules a new ledger entry must satisfy, whoever sends it. Throws INVALID_ARGUMENT with every violation. */
export function validateNewTransaction(input: {
  id: string;
  kind: TransactionKind | undefined;
  amount: Money | undefined;
  occurredAt: Date | undefined;
  description: string;
}, now: Date = new Date()): NewTransaction {
  const violations: FieldViolation[] = [];
  if (input.id !== '' && !isUuid(input.id.toLowerCase())) {
    violations.push({ field: 'id', description: 'must be a UUID' });
  }
  if (!input.kind) violations.push({ field: 'type', description: 'must be "expense" or "income"' });
  if (!input.amount) {
    violations.push({ field: 'amount', description: 'is required' });
  } else {
    try {
      checkMoney(input.amount);
      if (input.amount.amountMinor <= 0n) violations.push({ field: 'amount', description: 'must be greater than zero' });
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      violations.push({ field: error.code === 'UNKNOWN_CURRENCY' ? 'currency' : 'amount', description: error.message });
    }
  }
  const occurred = input.occurredAt?.getTime();
  if (occurred === undefined || Number.isNaN(occurred)) {
    violations.push({ field: 'occurred_at', description: 'is required' });
  } else if (occurred < EARLIEST || occurred > now.getTime() + MAX_FUTURE_MS) {
    violations.push({ field: 'occurred_at', description: 'must be between 1900 and one year from now' });
  }
  if (input.description.length > MAX_DESCRIPTION_LENGTH) {
    violations.push({ field: 'description', description: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  if (violations.length > 0) {
    throw ServiceError.invalid(TransactionsErrorCode.InvalidTransaction, 'the transaction is not valid', violations);
  }
  return {
    id: input.id === '' ? undefined : input.id.toLowerCase(),
    kind: input.kind!,
    amount: input.amount!,
    occurredAt: input.occurredAt!,
    description: input.description,
  };
}
