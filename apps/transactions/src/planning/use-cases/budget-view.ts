import type { StoredBudget } from '../db/budget-repository';
import { spentInPeriod } from '../db/budget-spending-query';
import type { PlanningDb } from '../db/planning-store';
import { periodContaining, type BudgetPeriod } from '../domain/budget-period';
import { budgetProgress, type BudgetProgressFigures } from '../domain/budget-progress';

/** A budget with the figures of one of its periods. */
export interface BudgetView {
  budget: StoredBudget;
  period: BudgetPeriod;
  progress: BudgetProgressFigures;
}

export async function spentInBudgetPeriod(db: PlanningDb, budget: StoredBudget, period: BudgetPeriod): Promise<bigint> {
  return spentInPeriod(db, {
    teamId: budget.teamId,
    currencyCode: budget.currencyCode,
    categoryId: budget.categoryId,
    startsAt: period.startsAt,
    endsAt: period.endsAt,
  });
}

/** The budget with its current period (in its time zone) and what that period has used. */
export async function viewBudget(db: PlanningDb, budget: StoredBudget, now: Date): Promise<BudgetView> {
  const period = periodContaining(budget.period, budget.timeZone, now);
  const spent = await spentInBudgetPeriod(db, budget, period);
  return { budget, period, progress: budgetProgress(budget.amountMinor, spent) };
}
