import type { CallerContext } from '@cashier/auth-context';
import { isUniqueViolation } from '@cashier/db';
import { uuidv7 } from '@cashier/ids';
import { requirePermission } from '../../domain/require-permission';
import { draftOfTemplate, resolveTemplate } from '../db/ledger-entry-writer';
import type { PlanningStore } from '../db/planning-store';
import { recurrenceOf, RecurringRuleRepository, type StoredRecurringRule } from '../db/recurring-rule-repository';
import type { NewRecurringRule } from '../domain/new-recurring-rule';
import { isSameRecurrence } from '../domain/recurrence';
import { idConflict } from '../domain/planning-errors';
import { cursorAt } from './rule-cursor';

function isSameRule(row: StoredRecurringRule, teamId: string, rule: NewRecurringRule): boolean {
  const { template } = rule;
  return (
    row.teamId === teamId &&
    row.deletedAt === null &&
    isSameRecurrence(recurrenceOf(row), rule.recurrence) &&
    row.timeZone === rule.timeZone &&
    row.entryType === template.entryType &&
    row.amountMinor === template.amount.amountMinor &&
    row.currencyCode === template.amount.currencyCode &&
    row.description === template.description &&
    row.accountId === template.accountId &&
    row.categoryId === template.categoryId
  );
}

/**
 * Creates a recurring rule; the scheduler posts its occurrences as they fall due (past ones
 * since the start date at its next pass). A retry with the same client id and content is a replay.
 */
export async function createRecurringRule(
  store: PlanningStore,
  caller: CallerContext,
  input: NewRecurringRule,
  now: Date = new Date(),
): Promise<{ rule: StoredRecurringRule; created: boolean }> {
  requirePermission(caller, 'write');
  // The entries must be transactions the ledger accepts: account and category in this
  // team, of the entry's kind and currency (checked again at each posting).
  await resolveTemplate(store.prisma, caller.teamId, draftOfTemplate(input.template, now, now));
  const rules = new RecurringRuleRepository(store.prisma);
  try {
    const rule = await rules.insert(caller.teamId, caller.userId, input.id ?? uuidv7(), input, cursorAt(input.recurrence, input.timeZone, 0));
    return { rule, created: true };
  } catch (error) {
    if (!input.id || !isUniqueViolation(error)) throw error;
    const existing = await rules.findAnyById(input.id);
    if (existing && isSameRule(existing, caller.teamId, input)) return { rule: existing, created: false };
    throw idConflict('recurring rule');
  }
}
