import type { Money } from '@cashier/money';
import type { TransactionKind } from './transaction-kind';
import { repaymentDirection } from './loans';

/** Which way the money went for the team: +1 in, -1 out, 0 neither (transfers stay inside; a debt moves nothing). */
export type Direction = -1 | 0 | 1;

/** One leg of a transaction on an account, signed, in the account's currency. */
export interface Leg {
  leg: 0 | 1;
  accountId: string;
  amountMinor: bigint;
  currencyCode: string;
}

export function directionOf(kind: TransactionKind, loanKind?: TransactionKind): Direction {
  switch (kind) {
    case 'income':
    case 'loan_taken':
      return 1;
    case 'expense':
    case 'loan_given':
      return -1;
    case 'transfer':
    case 'debt':
      return 0;
    case 'repayment':
      if (!loanKind) throw new Error('a repayment needs its loan kind');
      return repaymentDirection(loanKind);
  }
}

/**
 * The legs a transaction puts on accounts. A transfer has two: what left the source
 * and what reached the destination (each in its own account's currency). Any other
 * transaction on an account has one, signed by its direction; without an account, none.
 */
export function legsOf(transaction: {
  kind: TransactionKind;
  direction: Direction;
  amount: Money;
  accountId: string | null;
  toAccountId: string | null;
  toAmount: Money | null;
}): Leg[] {
  const { amount } = transaction;
  if (transaction.kind === 'transfer') {
    if (!transaction.accountId || !transaction.toAccountId) throw new Error('a transfer needs both accounts');
    const arrived = transaction.toAmount ?? amount;
    return [
      { leg: 0, accountId: transaction.accountId, amountMinor: -amount.amountMinor, currencyCode: amount.currencyCode },
      { leg: 1, accountId: transaction.toAccountId, amountMinor: arrived.amountMinor, currencyCode: arrived.currencyCode },
    ];
  }
  if (!transaction.accountId || transaction.direction === 0) return [];
  return [
    {
      leg: 0,
      accountId: transaction.accountId,
      amountMinor: BigInt(transaction.direction) * amount.amountMinor,
      currencyCode: amount.currencyCode,
    },
  ];
}

/** Per account, how much a change moves its balance: new legs minus old legs. */
export function balanceChanges(before: readonly Leg[], after: readonly Leg[]): Map<string, bigint> {
  const changes = new Map<string, bigint>();
  for (const leg of before) changes.set(leg.accountId, (changes.get(leg.accountId) ?? 0n) - leg.amountMinor);
  for (const leg of after) changes.set(leg.accountId, (changes.get(leg.accountId) ?? 0n) + leg.amountMinor);
  return changes;
}
