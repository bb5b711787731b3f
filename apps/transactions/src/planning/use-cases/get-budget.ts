import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import { BudgetRepository } from '../db/budget-repository';
import type { PlanningStore } from '../db/planning-store';
import { budgetNotFound } from '../domain/planning-errors';
import { parseRecordId } from '../domain/record-id';
import { viewBudget, type BudgetView } from './budget-view';

/** Another team's budget and a missing one give the same NOT_FOUND. */
export async function getBudget(store: PlanningStore, caller: CallerContext, rawId: string, now: Date = new Date()): Promise<BudgetView> {
  requirePermission(caller, 'read');
  const id = parseRecordId(rawId);
  const budget = id ? await new BudgetRepository(store.prisma).findById(caller.teamId, id) : null;
  if (!budget) throw budgetNotFound();
  return viewBudget(store.prisma, budget, now);
}
