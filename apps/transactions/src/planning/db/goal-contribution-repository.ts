import type { GoalContribution } from '../../db/generated/client';
import { toDbDate } from '../domain/civil-date';
import type { NewContribution } from '../domain/new-contribution';
import type { PlanningDb } from './planning-store';

export type StoredContribution = GoalContribution;

/** Contributions to goals of one team. */
export class GoalContributionRepository {
  constructor(private readonly db: PlanningDb) {}

  insert(teamId: string, goalId: string, createdBy: string, id: string, contribution: NewContribution): Promise<StoredContribution> {
    return this.db.goalContribution.create({
      data: {
        id,
        teamId,
        goalId,
        createdBy,
        amountMinor: contribution.amount.amountMinor,
        currencyCode: contribution.amount.currencyCode,
        contributedOn: toDbDate(contribution.contributedOn),
        note: contribution.note,
      },
    });
  }

  findAnyById(id: string): Promise<StoredContribution | null> {
    return this.db.goalContribution.findUnique({ where: { id } });
  }

  /** Newest first. */
  listOfGoal(teamId: string, goalId: string, limit: number): Promise<StoredContribution[]> {
    return this.db.goalContribution.findMany({
      where: { teamId, goalId },
      orderBy: [{ contributedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }

  /** Net amount saved per goal (exact sums in minor units); goals without contributions are absent. */
  async savedByGoal(teamId: string, goalIds: string[]): Promise<Map<string, bigint>> {
    if (goalIds.length === 0) return new Map();
    const sums = await this.db.goalContribution.groupBy({
      by: ['goalId'],
      where: { teamId, goalId: { in: goalIds } },
      _sum: { amountMinor: true },
    });
    return new Map(sums.map((row) => [row.goalId, row._sum.amountMinor ?? 0n]));
  }

  async saved(teamId: string, goalId: string): Promise<bigint> {
    return (await this.savedByGoal(teamId, [goalId])).get(goalId) ?? 0n;
  }

  async delete(teamId: string, goalId: string, id: string): Promise<StoredContribution | null> {
    const existing = await this.db.goalContribution.findFirst({ where: { teamId, goalId, id } });
    if (!existing) return null;
    await this.db.goalContribution.deleteMany({ where: { teamId, goalId, id } });
    return existing;
  }
}
