import { BudgetThresholdCrossed } from '@cashier/contracts/cashier/events/v1/planning';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import { EVENT_SOURCE } from '../../events/transaction-created-event';
import type { StoredBudget } from '../db/budget-repository';
import type { BudgetPeriod } from '../domain/budget-period';
import type { BudgetThreshold } from '../domain/budget-progress';
import { formatIsoDate } from '../domain/civil-date';

export function budgetThresholdCrossedEvent(input: {
  budget: StoredBudget;
  period: BudgetPeriod;
  threshold: BudgetThreshold;
  spentMinor: bigint;
  crossedAt: Date;
  requestId: string | undefined;
}): OutboxRecord {
  const { budget, period } = input;
  return outboxRecord({
    type: EventType.BudgetThresholdCrossed,
    source: EVENT_SOURCE,
    teamId: budget.teamId,
    requestId: input.requestId,
    payload: BudgetThresholdCrossed.encode({
      budgetId: budget.id,
      teamId: budget.teamId,
      budgetName: budget.name,
      categoryId: budget.categoryId ?? '',
      period: budget.period,
      periodStart: formatIsoDate(period.start),
      periodEnd: formatIsoDate(period.end),
      timeZone: budget.timeZone,
      thresholdPercent: input.threshold,
      amount: { amountMinor: budget.amountMinor, currencyCode: budget.currencyCode },
      spent: { amountMinor: input.spentMinor, currencyCode: budget.currencyCode },
      crossedAt: input.crossedAt,
    }).finish(),
  });
}
