import {
  BudgetPeriod as BudgetPeriodMessage,
  type Budget as BudgetMessage,
} from '@cashier/contracts/cashier/transactions/v1/planning';
import type { BudgetPeriodKind } from '../domain/budget-period';
import { formatIsoDate } from '../domain/civil-date';
import type { BudgetView } from '../use-cases/budget-view';

export function budgetPeriodFromProto(period: BudgetPeriodMessage): BudgetPeriodKind | undefined {
  switch (period) {
    case BudgetPeriodMessage.BUDGET_PERIOD_MONTH:
      return 'month';
    case BudgetPeriodMessage.BUDGET_PERIOD_YEAR:
      return 'year';
    default:
      return undefined;
  }
}

export function budgetToProto({ budget, period, progress }: BudgetView): BudgetMessage {
  const money = (amountMinor: bigint) => ({ amountMinor, currencyCode: budget.currencyCode });
  return {
    id: budget.id,
    teamId: budget.teamId,
    name: budget.name,
    categoryId: budget.categoryId ?? '',
    period: budget.period === 'month' ? BudgetPeriodMessage.BUDGET_PERIOD_MONTH : BudgetPeriodMessage.BUDGET_PERIOD_YEAR,
    amount: money(budget.amountMinor),
    timeZone: budget.timeZone,
    createdBy: budget.createdBy,
    createdAt: budget.createdAt,
    updatedAt: budget.updatedAt,
    version: budget.version,
    progress: {
      periodStart: formatIsoDate(period.start),
      periodEnd: formatIsoDate(period.end),
      spent: money(progress.spentMinor),
      remaining: money(progress.remainingMinor),
      percentBasisPoints: progress.percentBasisPoints,
    },
  };
}
