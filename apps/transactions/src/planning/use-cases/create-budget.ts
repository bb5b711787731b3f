import type { CallerContext } from '@cashier/auth-context';
import { isUniqueViolation } from '@cashier/db';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { requirePermission } from '../../domain/require-permission';
import { BudgetRepository, type StoredBudget } from '../db/budget-repository';
import { isExpenseCategoryOfTeam } from '../db/ledger-categories';
import type { PlanningDb, PlanningStore } from '../db/planning-store';
import { periodContaining } from '../domain/budget-period';
import type { BudgetSettings, NewBudget } from '../domain/budget-settings';
import { idConflict } from '../domain/planning-errors';
import { PlanningErrorCode } from '../domain/planning-error-code';
import { checkBudgetPeriod } from './check-budget-thresholds';
import { viewBudget, type BudgetView } from './budget-view';

/** A category budget measures one of the team's expense categories (and those below it). */
export async function requireExpenseCategory(db: PlanningDb, teamId: string, categoryId: string | null | undefined): Promise<void> {
  if (categoryId && !(await isExpenseCategoryOfTeam(db, teamId, categoryId))) {
    throw ServiceError.invalid(PlanningErrorCode.InvalidBudget, 'the budget is not valid', [
      { field: 'category_id', description: 'must be one of the team\'s expense categories' },
    ]);
  }
}

function isSameBudget(row: StoredBudget, teamId: string, settings: BudgetSettings): boolean {
  return (
    row.teamId === teamId &&
    row.name === settings.name &&
    row.categoryId === settings.categoryId &&
    row.period === settings.period &&
    row.amountMinor === settings.amount.amountMinor &&
    row.currencyCode === settings.amount.currencyCode &&
    row.timeZone === settings.timeZone
  );
}

/**
 * Creates a budget. Its current period may already be past a threshold: the alert is
 * written in the same transaction. A retry with the same client id and content returns
 * the first result (created=false).
 */
export async function createBudget(
  store: PlanningStore,
  caller: CallerContext,
  input: NewBudget,
  now: Date = new Date(),
): Promise<{ view: BudgetView; created: boolean }> {
  requirePermission(caller, 'write');
  await requireExpenseCategory(store.prisma, caller.teamId, input.categoryId);
  try {
    const budget = await store.transaction(async (tx) => {
      const row = await new BudgetRepository(tx).insert(caller.teamId, caller.userId, input.id ?? uuidv7(), input);
      await checkBudgetPeriod(tx, row, periodContaining(row.period, row.timeZone, now), { now, requestId: caller.requestId });
      return row;
    });
    return { view: await viewBudget(store.prisma, budget, now), created: true };
  } catch (error) {
    if (!input.id || !isUniqueViolation(error)) throw error;
    const existing = await new BudgetRepository(store.prisma).findAnyById(input.id);
    if (existing && isSameBudget(existing, caller.teamId, input)) {
      return { view: await viewBudget(store.prisma, existing, now), created: false };
    }
    throw idConflict('budget');
  }
}
