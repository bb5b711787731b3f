import type { CallerContext } from '@cashier/auth-context';
import { isUniqueViolation } from '@cashier/db';
import { uuidv7 } from '@cashier/ids';
import { requirePermission } from '../../domain/require-permission';
import { GoalRepository, type StoredGoal } from '../db/goal-repository';
import { GoalContributionRepository } from '../db/goal-contribution-repository';
import type { PlanningStore } from '../db/planning-store';
import { compareDates, fromDbDate } from '../domain/civil-date';
import type { NewGoal } from '../domain/new-goal';
import { idConflict } from '../domain/planning-errors';
import { viewGoal, type GoalView } from './goal-view';

function isSameGoal(row: StoredGoal, teamId: string, goal: NewGoal): boolean {
  return (
    row.teamId === teamId &&
    row.kind === goal.kind &&
    row.name === goal.name &&
    row.targetAmountMinor === goal.target.amountMinor &&
    row.currencyCode === goal.target.currencyCode &&
    compareDates(fromDbDate(row.startDate), goal.startDate) === 0 &&
    compareDates(fromDbDate(row.targetDate), goal.targetDate) === 0
  );
}

/** Creates a savings or pay-off goal; a retry with the same client id and content is a replay (created=false). */
export async function createGoal(
  store: PlanningStore,
  caller: CallerContext,
  input: NewGoal,
  now: Date = new Date(),
): Promise<{ view: GoalView; created: boolean }> {
  requirePermission(caller, 'write');
  const goals = new GoalRepository(store.prisma);
  try {
    const goal = await goals.insert(caller.teamId, caller.userId, input.id ?? uuidv7(), input);
    return { view: viewGoal(goal, 0n, now), created: true };
  } catch (error) {
    if (!input.id || !isUniqueViolation(error)) throw error;
    const existing = await goals.findAnyById(input.id);
    if (existing && isSameGoal(existing, caller.teamId, input)) {
      const saved = await new GoalContributionRepository(store.prisma).saved(caller.teamId, existing.id);
      return { view: viewGoal(existing, saved, now), created: false };
    }
    throw idConflict('goal');
  }
}
