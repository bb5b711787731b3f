import { BudgetRepository, type StoredBudget } from '../db/budget-repository';
import { recordBudgetAlert } from '../db/budget-alert-repository';
import { writeOutbox } from '../db/outbox-writer';
import type { PlanningTx } from '../db/planning-store';
import { periodContaining, type BudgetPeriod } from '../domain/budget-period';
import { thresholdsReached } from '../domain/budget-progress';
import { budgetThresholdCrossedEvent } from '../events/budget-threshold-crossed-event';
import { spentInBudgetPeriod } from './budget-view';

/**
 * Publishes `budget.threshold_crossed` for every threshold this budget's period has reached
 * and not yet announced. Each announcement is a `budget_alerts` row inserted with its outbox
 * row in the caller's transaction; a row that already exists means someone announced it
 * first, and nothing is written. Returns how many events were written.
 */
export async function checkBudgetPeriod(
  tx: PlanningTx,
  budget: StoredBudget,
  period: BudgetPeriod,
  context: { now: Date; requestId: string | undefined },
): Promise<number> {
  // A period that ended before the budget existed is history, not an alert.
  if (period.endsAt.getTime() <= budget.createdAt.getTime()) return 0;
  const spentMinor = await spentInBudgetPeriod(tx, budget, period);
  let published = 0;
  for (const threshold of thresholdsReached(budget.amountMinor, spentMinor)) {
    const event = budgetThresholdCrossedEvent({ budget, period, threshold, spentMinor, crossedAt: context.now, requestId: context.requestId });
    const isNew = await recordBudgetAlert(tx, {
      teamId: budget.teamId,
      budgetId: budget.id,
      periodStart: period.start,
      threshold,
      amountMinor: budget.amountMinor,
      spentMinor,
      currencyCode: budget.currencyCode,
      eventId: event.id,
    });
    if (isNew) {
      await writeOutbox(tx, event);
      published++;
    }
  }
  return published;
}

/**
 * An expense was recorded or changed: check every budget of its currency (each measures its
 * own category, so a change of category is covered too) in the period the expense falls in.
 */
export async function checkBudgetsAfterExpense(
  tx: PlanningTx,
  expense: { teamId: string; currencyCode: string; occurredAt: Date },
  context: { now: Date; requestId: string | undefined },
): Promise<number> {
  const budgets = await new BudgetRepository(tx).inCurrency(expense.teamId, expense.currencyCode);
  let published = 0;
  for (const budget of budgets) {
    published += await checkBudgetPeriod(tx, budget, periodContaining(budget.period, budget.timeZone, expense.occurredAt), context);
  }
  return published;
}
