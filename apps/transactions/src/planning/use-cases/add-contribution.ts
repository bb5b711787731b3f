import type { CallerContext } from '@cashier/auth-context';
import { isUniqueViolation } from '@cashier/db';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { requirePermission } from '../../domain/require-permission';
import { GoalRepository } from '../db/goal-repository';
import { GoalContributionRepository, type StoredContribution } from '../db/goal-contribution-repository';
import type { PlanningStore } from '../db/planning-store';
import { compareDates, fromDbDate } from '../domain/civil-date';
import type { NewContribution } from '../domain/new-contribution';
import { goalNotFound, goalWouldGoNegative, idConflict } from '../domain/planning-errors';
import { PlanningErrorCode } from '../domain/planning-error-code';
import { parseRecordId } from '../domain/record-id';
import { viewGoal, type GoalView } from './goal-view';

function isSameContribution(row: StoredContribution, teamId: string, goalId: string, input: NewContribution): boolean {
  return (
    row.teamId === teamId &&
    row.goalId === goalId &&
    row.amountMinor === input.amount.amountMinor &&
    row.currencyCode === input.amount.currencyCode &&
    compareDates(fromDbDate(row.contributedOn), input.contributedOn) === 0 &&
    row.note === input.note
  );
}

/**
 * Adds (or, with a negative amount, takes out) money to a goal, in the goal's currency.
 * The goal row is locked meanwhile, so concurrent contributions never take it below zero.
 */
export async function addContribution(
  store: PlanningStore,
  caller: CallerContext,
  rawGoalId: string,
  input: NewContribution,
  now: Date = new Date(),
): Promise<{ contribution: StoredContribution; view: GoalView; created: boolean }> {
  requirePermission(caller, 'write');
  const goalId = parseRecordId(rawGoalId);
  if (!goalId) throw goalNotFound();
  try {
    return await store.transaction(async (tx) => {
      const goal = await GoalRepository.lock(tx, caller.teamId, goalId);
      if (!goal) throw goalNotFound();
      if (goal.currencyCode !== input.amount.currencyCode) {
        throw ServiceError.invalid(PlanningErrorCode.InvalidContribution, 'the contribution is not valid', [
          { field: 'currency', description: `must be the goal's currency, ${goal.currencyCode}` },
        ]);
      }
      const contributions = new GoalContributionRepository(tx);
      const saved = (await contributions.saved(caller.teamId, goalId)) + input.amount.amountMinor;
      if (saved < 0n) throw goalWouldGoNegative();
      const contribution = await contributions.insert(caller.teamId, goalId, caller.userId, input.id ?? uuidv7(), input);
      return { contribution, view: viewGoal(goal, saved, now), created: true };
    });
  } catch (error) {
    if (!input.id || !isUniqueViolation(error)) throw error;
    const contributions = new GoalContributionRepository(store.prisma);
    const existing = await contributions.findAnyById(input.id);
    const goal = await new GoalRepository(store.prisma).findById(caller.teamId, goalId);
    if (existing && goal && isSameContribution(existing, caller.teamId, goalId, input)) {
      const saved = await contributions.saved(caller.teamId, goalId);
      return { contribution: existing, view: viewGoal(goal, saved, now), created: false };
    }
    throw idConflict('contribution');
  }
}
