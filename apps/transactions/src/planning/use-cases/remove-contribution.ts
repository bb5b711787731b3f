import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import { GoalRepository } from '../db/goal-repository';
import { GoalContributionRepository } from '../db/goal-contribution-repository';
import type { PlanningStore } from '../db/planning-store';
import { contributionNotFound, goalNotFound, goalWouldGoNegative } from '../domain/planning-errors';
import { parseRecordId } from '../domain/record-id';
import { viewGoal, type GoalView } from './goal-view';

/** Undoes one contribution, unless that would leave the goal below zero saved. */
export async function removeContribution(
  store: PlanningStore,
  caller: CallerContext,
  rawGoalId: string,
  rawContributionId: string,
  now: Date = new Date(),
): Promise<GoalView> {
  requirePermission(caller, 'write');
  const goalId = parseRecordId(rawGoalId);
  const contributionId = parseRecordId(rawContributionId);
  if (!goalId) throw goalNotFound();
  return store.transaction(async (tx) => {
    const goal = await GoalRepository.lock(tx, caller.teamId, goalId);
    if (!goal) throw goalNotFound();
    const contributions = new GoalContributionRepository(tx);
    const removed = contributionId ? await contributions.delete(caller.teamId, goalId, contributionId) : null;
    if (!removed) throw contributionNotFound();
    const saved = await contributions.saved(caller.teamId, goalId);
    if (saved < 0n) throw goalWouldGoNegative();
    return viewGoal(goal, saved, now);
  });
}
