import type { BudgetThreshold } from '../domain/budget-progress';
import { formatIsoDate, type CivilDate } from '../domain/civil-date';
import type { PlanningTx } from './planning-store';

export interface BudgetAlert {
  teamId: string;
  budgetId: string;
  periodStart: CivilDate;
  threshold: BudgetThreshold;
  amountMinor: bigint;
  spentMinor: bigint;
  currencyCode: string;
  eventId: string;
}

/**
 * Records that a budget's period crossed a threshold. Returns false when it was already
 * recorded (by an earlier event, a redelivery, or a concurrent transaction): the unique key
 * (team_id, budget_id, period_start, threshold) makes the caller's event exactly-once.
 */
export async function recordBudgetAlert(tx: PlanningTx, alert: BudgetAlert): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO budget_alerts (team_id, budget_id, period_start, threshold, amount_minor, spent_minor, currency_code, event_id)
    VALUES (${alert.teamId}::uuid, ${alert.budgetId}::uuid, ${formatIsoDate(alert.periodStart)}::date, ${alert.threshold},
            ${alert.amountMinor}, ${alert.spentMinor}, ${alert.currencyCode}, ${alert.eventId}::uuid)
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}
