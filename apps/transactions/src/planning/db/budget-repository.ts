import type { Budget } from '../../db/generated/client';
import type { BudgetSettings } from '../domain/budget-settings';
import type { PlanningDb } from './planning-store';

export type StoredBudget = Budget;

function columnsOf(settings: Partial<BudgetSettings>) {
  return {
    ...(settings.name !== undefined ? { name: settings.name } : {}),
    ...(settings.categoryId !== undefined ? { categoryId: settings.categoryId } : {}),
    ...(settings.period !== undefined ? { period: settings.period } : {}),
    ...(settings.amount !== undefined
      ? { amountMinor: settings.amount.amountMinor, currencyCode: settings.amount.currencyCode }
      : {}),
    ...(settings.timeZone !== undefined ? { timeZone: settings.timeZone } : {}),
  };
}

export type BudgetUpdateOutcome = { outcome: 'updated'; budget: StoredBudget } | { outcome: 'missing' } | { outcome: 'stale' };

/** Budgets of one team: every query names the team, so another team's budget does not exist for the caller. */
export class BudgetRepository {
  constructor(private readonly db: PlanningDb) {}

  insert(teamId: string, createdBy: string, id: string, settings: BudgetSettings): Promise<StoredBudget> {
    return this.db.budget.create({
      data: {
        id,
        teamId,
        createdBy,
        name: settings.name,
        categoryId: settings.categoryId,
        period: settings.period,
        amountMinor: settings.amount.amountMinor,
        currencyCode: settings.amount.currencyCode,
        timeZone: settings.timeZone,
      },
    });
  }

  findById(teamId: string, id: string): Promise<StoredBudget | null> {
    return this.db.budget.findFirst({ where: { teamId, id } });
  }

  /** Any team's budget with this id: only to tell an idempotent retry from an id collision. */
  findAnyById(id: string): Promise<StoredBudget | null> {
    return this.db.budget.findUnique({ where: { id } });
  }

  list(teamId: string): Promise<StoredBudget[]> {
    return this.db.budget.findMany({ where: { teamId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** The budgets an expense in this currency can count towards. */
  async anyInCurrency(teamId: string, currencyCode: string): Promise<boolean> {
    return (await this.db.budget.findFirst({ where: { teamId, currencyCode }, select: { id: true } })) !== null;
  }

  inCurrency(teamId: string, currencyCode: string): Promise<StoredBudget[]> {
    return this.db.budget.findMany({ where: { teamId, currencyCode } });
  }

  /** Applies the changes only if the budget exists (and still has expectedVersion, when given). */
  async update(
    teamId: string,
    id: string,
    changes: Partial<BudgetSettings>,
    expectedVersion: bigint | undefined,
    now: Date,
  ): Promise<BudgetUpdateOutcome> {
    const { count } = await this.db.budget.updateMany({
      where: { teamId, id, ...(expectedVersion !== undefined ? { version: expectedVersion } : {}) },
      data: { ...columnsOf(changes), updatedAt: now, version: { increment: 1n } },
    });
    const budget = await this.findById(teamId, id);
    if (!budget) return { outcome: 'missing' };
    return count === 1 ? { outcome: 'updated', budget } : { outcome: 'stale' };
  }

  async delete(teamId: string, id: string): Promise<boolean> {
    const { count } = await this.db.budget.deleteMany({ where: { teamId, id } });
    return count === 1;
  }
}
