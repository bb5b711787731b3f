import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import type { PlanningStore } from '../db/planning-store';
import { RecurringRuleRepository } from '../db/recurring-rule-repository';
import { recurringRuleNotFound } from '../domain/planning-errors';
import { parseRecordId } from '../domain/record-id';

/**
 * Stops a rule: nothing more is posted from it. Transactions it already posted stay in the
 * ledger; the rule row stays too (its occurrences refer to it) but is never listed again.
 */
export async function deleteRecurringRule(store: PlanningStore, caller: CallerContext, rawId: string, now: Date = new Date()): Promise<void> {
  requirePermission(caller, 'write');
  const id = parseRecordId(rawId);
  if (!id || !(await new RecurringRuleRepository(store.prisma).softDelete(caller.teamId, id, now))) throw recurringRuleNotFound();
}
