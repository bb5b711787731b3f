import type { CallerContext } from '@cashier/auth-context';
import type { TransactionsPrisma } from '../../db/create-prisma';
import { requirePermission } from '../../domain/require-permission';
import { listCategoryRules as listRows, type StoredCategoryRule } from '../db/category-rule-store';

export function listCategoryRules(prisma: TransactionsPrisma, caller: CallerContext): Promise<StoredCategoryRule[]> {
  requirePermission(caller, 'read');
  return listRows(prisma, caller.teamId);
}
