import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import { BudgetRepository } from '../db/budget-repository';
import type { PlanningStore } from '../db/planning-store';
import { periodContaining } from '../domain/budget-period';
import type { BudgetSettings } from '../domain/budget-settings';
import { budgetNotFound, versionConflict } from '../domain/planning-errors';
import { parseRecordId } from '../domain/record-id';
import { checkBudgetPeriod } from './check-budget-thresholds';
import { requireExpenseCategory } from './create-budget';
import { viewBudget, type BudgetView } from './budget-view';

/**
 * Changes a budget (only if it still has expectedVersion, when given). A lower amount can
 * put the current period past a threshold: that alert is written in the same transaction.
 */
export async function updateBudget(
  store: PlanningStore,
  caller: CallerContext,
  rawId: string,
  changes: Partial<BudgetSettings>,
  expectedVersion: bigint | undefined,
  now: Date = new Date(),
): Promise<BudgetView> {
  requirePermission(caller, 'write');
  await requireExpenseCategory(store.prisma, caller.teamId, changes.categoryId);
  const id = parseRecordId(rawId);
  if (!id) throw budgetNotFound();
  const budget = await store.transaction(async (tx) => {
    const result = await new BudgetRepository(tx).update(caller.teamId, id, changes, expectedVersion, now);
    if (result.outcome === 'missing') throw budgetNotFound();
    if (result.outcome === 'stale') throw versionConflict();
    const row = result.budget;
    await checkBudgetPeriod(tx, row, periodContaining(row.period, row.timeZone, now), { now, requestId: caller.requestId });
    return row;
  });
  return viewBudget(store.prisma, budget, now);
}
