import type { Goal } from '../../db/generated/client';
import { toDbDate } from '../domain/civil-date';
import type { NewGoal } from '../domain/new-goal';
import type { PlanningDb, PlanningTx } from './planning-store';

export type StoredGoal = Goal;

/** Goals of one team: every query names the team. */
export class GoalRepository {
  constructor(private readonly db: PlanningDb) {}

  insert(teamId: string, createdBy: string, id: string, goal: NewGoal): Promise<StoredGoal> {
    return this.db.goal.create({
      data: {
        id,
        teamId,
        createdBy,
        kind: goal.kind,
        name: goal.name,
        targetAmountMinor: goal.target.amountMinor,
        currencyCode: goal.target.currencyCode,
        startDate: toDbDate(goal.startDate),
        targetDate: toDbDate(goal.targetDate),
      },
    });
  }

  findById(teamId: string, id: string): Promise<StoredGoal | null> {
    return this.db.goal.findFirst({ where: { teamId, id } });
  }

  findAnyById(id: string): Promise<StoredGoal | null> {
    return this.db.goal.findUnique({ where: { id } });
  }

  list(teamId: string): Promise<StoredGoal[]> {
    return this.db.goal.findMany({ where: { teamId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /**
   * The goal, locked until the transaction ends: contributions to one goal are then
   * applied one after the other, so the "never below zero" check sees every earlier one.
   */
  static async lock(tx: PlanningTx, teamId: string, id: string): Promise<StoredGoal | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM goals WHERE team_id = ${teamId}::uuid AND id = ${id}::uuid FOR UPDATE`;
    return rows.length === 0 ? null : new GoalRepository(tx).findById(teamId, id);
  }

  /** Deletes the goal and, by cascade, its contributions. */
  async delete(teamId: string, id: string): Promise<boolean> {
    const { count } = await this.db.goal.deleteMany({ where: { teamId, id } });
    return count === 1;
  }
}
