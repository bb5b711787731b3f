import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import { BudgetRepository } from '../db/budget-repository';
import type { PlanningStore } from '../db/planning-store';
import { budgetNotFound } from '../domain/planning-errors';
import { parseRecordId } from '../domain/record-id';

/** Deletes a budget and its alert history. */
export async function deleteBudget(store: PlanningStore, caller: CallerContext, rawId: string): Promise<void> {
  requirePermission(caller, 'write');
  const id = parseRecordId(rawId);
  if (!id || !(await new BudgetRepository(store.prisma).delete(caller.teamId, id))) throw budgetNotFound();
}
