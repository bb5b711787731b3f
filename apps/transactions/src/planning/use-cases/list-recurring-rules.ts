import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import type { PlanningStore } from '../db/planning-store';
import { RecurringRuleRepository, type StoredRecurringRule } from '../db/recurring-rule-repository';

/** The team's recurring rules that are not deleted (finished ones included), oldest first. */
export async function listRecurringRules(store: PlanningStore, caller: CallerContext): Promise<StoredRecurringRule[]> {
  requirePermission(caller, 'read');
  return new RecurringRuleRepository(store.prisma).listActive(caller.teamId);
}
