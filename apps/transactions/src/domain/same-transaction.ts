import type { StoredTransaction } from '../db/transaction-repository';
import type { NewTransaction } from './new-transaction';

/** True when a stored row is what this request would have created: the retry is a replay. */
export function isSameTransaction(row: StoredTransaction, teamId: string, createdBy: string, input: NewTransaction): boolean {
  return (
    row.teamId === teamId &&
    row.createdBy === createdBy &&
    row.type === input.kind &&
    row.amountMinor === input.amount.amountMinor &&
    row.currencyCode === input.amount.currencyCode &&
    row.occurredAt.getTime() === input.occurredAt.getTime() &&
    row.description === input.description
  );
}
