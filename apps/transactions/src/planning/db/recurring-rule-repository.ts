import type { RecurringRule } from '../../db/generated/client';
import { fromDbDate, toDbDate, type CivilDate } from '../domain/civil-date';
import type { NewRecurringRule } from '../domain/new-recurring-rule';
import type { Recurrence } from '../domain/recurrence';
import type { PlanningDb, PlanningTx } from './planning-store';

export type StoredRecurringRule = RecurringRule;

/** Where the scheduler stands on a rule: the next occurrence to post, or none. */
export interface RuleCursor {
  nextIndex: number;
  nextOccurrenceDate: CivilDate | null;
  nextDueAt: Date | null;
}

export function recurrenceOf(rule: StoredRecurringRule): Recurrence {
  return {
    frequency: rule.frequency,
    weekday: rule.weekday,
    dayOfMonth: rule.dayOfMonth,
    month: rule.month,
    startDate: fromDbDate(rule.startDate),
    endDate: rule.endDate ? fromDbDate(rule.endDate) : null,
    maxOccurrences: rule.maxOccurrences,
  };
}

/** Recurring rules of one team; deleted rules are kept (their occurrences refer to them) but never listed. */
export class RecurringRuleRepository {
  constructor(private readonly db: PlanningDb) {}

  insert(teamId: string, createdBy: string, id: string, rule: NewRecurringRule, cursor: RuleCursor): Promise<StoredRecurringRule> {
    const { recurrence, template } = rule;
    return this.db.recurringRule.create({
      data: {
        id,
        teamId,
        createdBy,
        frequency: recurrence.frequency,
        weekday: recurrence.weekday,
        dayOfMonth: recurrence.dayOfMonth,
        month: recurrence.month,
        startDate: toDbDate(recurrence.startDate),
        endDate: recurrence.endDate ? toDbDate(recurrence.endDate) : null,
        maxOccurrences: recurrence.maxOccurrences,
        timeZone: rule.timeZone,
        entryType: template.entryType,
        amountMinor: template.amount.amountMinor,
        currencyCode: template.amount.currencyCode,
        description: template.description,
        accountId: template.accountId,
        categoryId: template.categoryId,
        nextIndex: cursor.nextIndex,
        nextOccurrenceDate: cursor.nextOccurrenceDate ? toDbDate(cursor.nextOccurrenceDate) : null,
        nextDueAt: cursor.nextDueAt,
      },
    });
  }

  findActive(teamId: string, id: string): Promise<StoredRecurringRule | null> {
    return this.db.recurringRule.findFirst({ where: { teamId, id, deletedAt: null } });
  }

  findAnyById(id: string): Promise<StoredRecurringRule | null> {
    return this.db.recurringRule.findUnique({ where: { id } });
  }

  listActive(teamId: string): Promise<StoredRecurringRule[]> {
    return this.db.recurringRule.findMany({ where: { teamId, deletedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  async softDelete(teamId: string, id: string, now: Date): Promise<boolean> {
    const { count } = await this.db.recurringRule.updateMany({
      where: { teamId, id, deletedAt: null },
      data: { deletedAt: now, nextOccurrenceDate: null, nextDueAt: null },
    });
    return count === 1;
  }

  /**
   * Stops the team's active rules (those one member created, when `createdBy` is given):
   * deleted like a rule a member deletes, with the reason kept on the row. Returns how many.
   */
  static async stopActive(db: PlanningDb, teamId: string, createdBy: string | null, reason: string, now: Date): Promise<number> {
    const { count } = await db.recurringRule.updateMany({
      where: { teamId, deletedAt: null, ...(createdBy ? { createdBy } : {}) },
      data: { deletedAt: now, nextOccurrenceDate: null, nextDueAt: null, lastError: reason, lastErrorAt: now },
    });
    return count;
  }

  /** Moves the scheduler's cursor on after a successful posting, clearing an earlier failure. */
  async advance(teamId: string, id: string, cursor: RuleCursor): Promise<void> {
    await this.db.recurringRule.updateMany({
      where: { teamId, id },
      data: {
        nextIndex: cursor.nextIndex,
        nextOccurrenceDate: cursor.nextOccurrenceDate ? toDbDate(cursor.nextOccurrenceDate) : null,
        nextDueAt: cursor.nextDueAt,
        lastError: null,
        lastErrorAt: null,
      },
    });
  }

  /** Notes why posting failed, for the team to see; the rule stays due and is retried. */
  static async recordFailure(db: PlanningDb, id: string, reason: string, at: Date): Promise<void> {
    await db.recurringRule.updateMany({ where: { id }, data: { lastError: reason.slice(0, 500), lastErrorAt: at } });
  }

  /**
   * Claims the active rule of any team whose next occurrence is longest due, locking its row
   * until the transaction ends; rules another scheduler holds (or `skipIds`) are skipped, not waited for.
   * The scheduler's one query across teams.
   */
  static async claimNextDue(tx: PlanningTx, now: Date, skipIds: string[] = []): Promise<StoredRecurringRule | null> {
    const rows = await tx.$queryRaw<{ id: string; team_id: string }[]>`
      SELECT id, team_id FROM recurring_rules
       WHERE next_due_at <= ${now} AND deleted_at IS NULL
         AND NOT (id = ANY(${skipIds}::uuid[]))
       ORDER BY next_due_at, id
       LIMIT 1
       FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return null;
    return new RecurringRuleRepository(tx).findActive(rows[0].team_id, rows[0].id);
  }
}
