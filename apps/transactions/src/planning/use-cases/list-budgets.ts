import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import { BudgetRepository } from '../db/budget-repository';
import type { PlanningStore } from '../db/planning-store';
import { viewBudget, type BudgetView } from './budget-view';

/** Every budget of the team with its current period's figures, oldest first. */
export async function listBudgets(store: PlanningStore, caller: CallerContext, now: Date = new Date()): Promise<BudgetView[]> {
  requirePermission(caller, 'read');
  const budgets = await new BudgetRepository(store.prisma).list(caller.teamId);
  return Promise.all(budgets.map((budget) => viewBudget(store.prisma, budget, now)));
}
