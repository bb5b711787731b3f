import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import { GoalRepository } from '../db/goal-repository';
import { GoalContributionRepository } from '../db/goal-contribution-repository';
import type { PlanningStore } from '../db/planning-store';
import { viewGoal, type GoalView } from './goal-view';

/** Every goal of the team with its progress, oldest first. */
export async function listGoals(store: PlanningStore, caller: CallerContext, now: Date = new Date()): Promise<GoalView[]> {
  requirePermission(caller, 'read');
  const goals = await new GoalRepository(store.prisma).list(caller.teamId);
  const saved = await new GoalContributionRepository(store.prisma).savedByGoal(
    caller.teamId,
    goals.map((goal) => goal.id),
  );
  return goals.map((goal) => viewGoal(goal, saved.get(goal.id) ?? 0n, now));
}
