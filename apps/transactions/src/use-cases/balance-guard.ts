import { guardedBalances } from '../db/account-store';
import type { LedgerDb } from '../db/create-prisma';
import { failedPrecondition } from '../domain/ledger-errors';
import { TransactionsErrorCode } from '../domain/transactions-error-code';

/**
 * After a change is written (inside its team write), refuses it when it lowered an
 * account that does not allow a negative balance below zero. Accounts the change raised
 * or left alone are not checked, so an account already below zero can still be fixed.
 */
export async function guardBalances(db: LedgerDb, teamId: string, changes: ReadonlyMap<string, bigint>): Promise<void> {
  const lowered = [...changes].filter(([, delta]) => delta < 0n).map(([accountId]) => accountId);
  const balances = await guardedBalances(db, teamId, lowered);
  for (const balance of balances.values()) {
    if (balance < 0n) {
      throw failedPrecondition(TransactionsErrorCode.InsufficientBalance, 'the account does not have enough money for this');
    }
  }
}
