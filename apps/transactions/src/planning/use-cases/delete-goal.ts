import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import { GoalRepository } from '../db/goal-repository';
import type { PlanningStore } from '../db/planning-store';
import { goalNotFound } from '../domain/planning-errors';
import { parseRecordId } from '../domain/record-id';

/** Deletes a goal with its contributions. */
export async function deleteGoal(store: PlanningStore, caller: CallerContext, rawId: string): Promise<void> {
  requirePermission(caller, 'write');
  const id = parseRecordId(rawId);
  if (!id || !(await new GoalRepository(store.prisma).delete(caller.teamId, id))) throw goalNotFound();
}
