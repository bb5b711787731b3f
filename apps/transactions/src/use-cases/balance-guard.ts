import { guardedBalances } from '../db/account-store';
import type { LedgerDb } from '../db/create-prisma';
import { failedPrecondition } from '../domain/ledger-errors';
import { TransactionsErrorCode } from '../domain/transactions-error-code';

/** The accounts a change lowers (takes money out of). */
function loweredAccounts(changes: ReadonlyMap<string, bigint>): string[] {
  return [...changes].filter(([, delta]) => delta < 0n).map(([accountId]) => accountId);
}

/** True when the change takes money out of at least one account (so guardBalances has work to do). */
export function lowersAny(changes: ReadonlyMap<string, bigint>): boolean {
  return loweredAccounts(changes).length > 0;
}

function refuse(): never {
  throw failedPrecondition(TransactionsErrorCode.InsufficientBalance, 'the account does not have enough money for this');
}

/**
 * As guardBalances, but before the change is written (under the team's lock): refuses it
 * when one of the accounts it lowers does not allow a negative balance and its balance now
 * plus the change would be below zero.
 */
export async function guardBalancesBeforeWrite(db: LedgerDb, teamId: string, changes: ReadonlyMap<string, bigint>): Promise<void> {
  const balances = await guardedBalances(db, teamId, loweredAccounts(changes));
  for (const [accountId, balance] of balances) {
    if (balance + (changes.get(accountId) ?? 0n) < 0n) refuse();
  }
}

/**
 * After a change is written (inside its team write, under the team's lock: see
 * TeamWrite.lock), refuses it when it lowered an account that does not allow a negative
 * balance below zero. Accounts the change raised or left alone are not checked, so an
 * account already below zero can still be fixed. Called before the team's lock is held,
 * it could miss another write's withdrawal that commits in between.
 */
export async function guardBalances(db: LedgerDb, teamId: string, changes: ReadonlyMap<string, bigint>): Promise<void> {
  const balances = await guardedBalances(db, teamId, loweredAccounts(changes));
  for (const balance of balances.values()) {
    if (balance < 0n) refuse();
  }
}
