import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import { GoalRepository } from '../db/goal-repository';
import { GoalContributionRepository, type StoredContribution } from '../db/goal-contribution-repository';
import type { PlanningStore } from '../db/planning-store';
import { goalNotFound } from '../domain/planning-errors';
import { parseRecordId } from '../domain/record-id';
import { viewGoal, type GoalView } from './goal-view';

/** How many contributions a goal shows, newest first. */
export const CONTRIBUTIONS_SHOWN = 200;

/** A goal with its progress and latest contributions; another team's goal is NOT_FOUND. */
export async function getGoal(
  store: PlanningStore,
  caller: CallerContext,
  rawId: string,
  now: Date = new Date(),
): Promise<{ view: GoalView; contributions: StoredContribution[] }> {
  requirePermission(caller, 'read');
  const id = parseRecordId(rawId);
  const goal = id ? await new GoalRepository(store.prisma).findById(caller.teamId, id) : null;
  if (!goal) throw goalNotFound();
  const contributions = new GoalContributionRepository(store.prisma);
  const [saved, latest] = await Promise.all([
    contributions.saved(caller.teamId, goal.id),
    contributions.listOfGoal(caller.teamId, goal.id, CONTRIBUTIONS_SHOWN),
  ]);
  return { view: viewGoal(goal, saved, now), contributions: latest };
}
