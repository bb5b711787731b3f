import type { Money } from '@cashier/money';
import { failedPrecondition } from './ledger-errors';
import type { TransactionKind } from './transaction-kind';
import { TransactionsErrorCode } from './transactions-error-code';

/** A loan or debt as a repayment sees it. */
export interface LoanState {
  id: string;
  kind: TransactionKind;
  amount: Money;
  /** Sum of its live repayments (excluding the one being changed, if any). */
  repaidMinor: bigint;
}

/**
 * Which way a repayment moves money for the team: a loan given comes back (+1);
 * a loan taken or a debt is paid off (-1).
 */
export function repaymentDirection(loanKind: TransactionKind): 1 | -1 {
  return loanKind === 'loan_given' ? 1 : -1;
}

/** What is still owed: the amount minus every repayment, exactly. */
export function outstandingOf(amountMinor: bigint, repaidMinor: bigint): bigint {
  return amountMinor - repaidMinor;
}

/**
 * A repayment is in the loan's currency and never more than what is outstanding
 * (FAILED_PRECONDITION otherwise: it depends on the other repayments, not on the request).
 */
export function checkRepayment(loan: LoanState, amount: Money): void {
  if (amount.currencyCode !== loan.amount.currencyCode) {
    throw failedPrecondition(
      TransactionsErrorCode.RepaymentExceedsOutstanding,
      `the repayment must be in the loan's currency ${loan.amount.currencyCode}`,
    );
  }
  const outstanding = outstandingOf(loan.amount.amountMinor, loan.repaidMinor);
  if (amount.amountMinor > outstanding) {
    throw failedPrecondition(
      TransactionsErrorCode.RepaymentExceedsOutstanding,
      `the repayment is larger than what is outstanding (${outstanding} minor units)`,
    );
  }
}

/**
 * Once a loan or debt has repayments, its type and currency stay, and its amount never
 * drops below what has been repaid.
 */
export function checkLoanChange(
  before: { kind: TransactionKind; amount: Money },
  after: { kind: TransactionKind; amount: Money },
  repayments: { count: number; repaidMinor: bigint },
): void {
  if (repayments.count === 0) return;
  if (after.kind !== before.kind || after.amount.currencyCode !== before.amount.currencyCode) {
    throw failedPrecondition(
      TransactionsErrorCode.LoanHasRepayments,
      'this loan has repayments: its type and currency cannot change (delete the repayments first)',
    );
  }
  if (after.amount.amountMinor < repayments.repaidMinor) {
    throw failedPrecondition(
      TransactionsErrorCode.LoanHasRepayments,
      `this loan has ${repayments.repaidMinor} minor units repaid; its amount cannot be less`,
    );
  }
}
