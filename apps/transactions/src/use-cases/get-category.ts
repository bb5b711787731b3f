import type { CallerContext } from '@cashier/auth-context';
import { findCategory, listCategories as listCategoryRows, type StoredCategory } from '../db/category-store';
import type { TransactionsPrisma } from '../db/create-prisma';
import { parseId } from '../domain/client-id';
import { categoryNotFound } from '../domain/ledger-errors';
import { requirePermission } from '../domain/require-permission';

export async function getCategory(prisma: TransactionsPrisma, caller: CallerContext, rawId: string): Promise<StoredCategory> {
  requirePermission(caller, 'read');
  const id = parseId(rawId);
  const category = id ? await findCategory(prisma, caller.teamId, id) : null;
  if (!category) throw categoryNotFound();
  return category;
}

export async function listCategories(prisma: TransactionsPrisma, caller: CallerContext, includeArchived: boolean): Promise<StoredCategory[]> {
  requirePermission(caller, 'read');
  return listCategoryRows(prisma, caller.teamId, includeArchived);
}
