import type { CallerContext } from '@cashier/auth-context';
import type { TransactionsPrisma } from '../../db/create-prisma';
import { parseId } from '../../domain/client-id';
import { requirePermission } from '../../domain/require-permission';
import { deleteCategoryRuleRow } from '../db/category-rule-store';
import { ruleNotFound } from './rule-errors';

export async function deleteCategoryRule(prisma: TransactionsPrisma, caller: CallerContext, rawId: string): Promise<void> {
  requirePermission(caller, 'write');
  const id = parseId(rawId);
  if (!id || !(await deleteCategoryRuleRow(prisma, caller.teamId, id))) throw ruleNotFound();
}
