/** The shares of a budget that raise an alert once per period, in percent. */
export const BUDGET_THRESHOLDS = [80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

export interface BudgetProgressFigures {
  spentMinor: bigint;
  /** amount - spent; negative when overspent. */
  remainingMinor: bigint;
  /** spent / amount in hundredths of a percent, rounded down. */
  percentBasisPoints: bigint;
}

/** Exact figures of a budget from its amount and what was spent (minor units, same currency). */
export function budgetProgress(amountMinor: bigint, spentMinor: bigint): BudgetProgressFigures {
  return {
    spentMinor,
    remainingMinor: amountMinor - spentMinor,
    percentBasisPoints: amountMinor > 0n ? (spentMinor * 10_000n) / amountMinor : 0n,
  };
}

/** The thresholds reached: spent >= amount * threshold / 100, compared without division. */
export function thresholdsReached(amountMinor: bigint, spentMinor: bigint): BudgetThreshold[] {
  return BUDGET_THRESHOLDS.filter((threshold) => spentMinor * 100n >= amountMinor * BigInt(threshold));
}
