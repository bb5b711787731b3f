import { BudgetPeriod, type Budget } from '@cashier/contracts/cashier/transactions/v1/planning';
import { formatMoney } from '@cashier/money';
import { percentOf } from './planning-fields';

export const BUDGET_PERIODS = ['month', 'year'] as const;

export const BUDGET_PERIOD_TO_PROTO = {
  month: BudgetPeriod.BUDGET_PERIOD_MONTH,
  year: BudgetPeriod.BUDGET_PERIOD_YEAR,
} as const;

/** The API representation of a budget: money as decimal strings with the currency, percent as a decimal string. */
export function budgetJson(budget: Budget) {
  const currency = budget.amount!.currencyCode;
  const amount = (amountMinor: bigint | undefined) => formatMoney({ amountMinor: amountMinor ?? 0n, currencyCode: currency });
  const progress = budget.progress!;
  return {
    id: budget.id,
    name: budget.name,
    category_id: budget.categoryId || null,
    period: budget.period === BudgetPeriod.BUDGET_PERIOD_YEAR ? 'year' : 'month',
    amount: amount(budget.amount!.amountMinor),
    currency,
    time_zone: budget.timeZone,
    progress: {
      period_start: progress.periodStart,
      period_end: progress.periodEnd,
      spent: amount(progress.spent?.amountMinor),
      remaining: amount(progress.remaining?.amountMinor),
      percent: percentOf(progress.percentBasisPoints),
    },
    created_by: budget.createdBy,
    created_at: budget.createdAt?.toISOString(),
    updated_at: budget.updatedAt?.toISOString(),
    version: Number(budget.version),
  };
}
