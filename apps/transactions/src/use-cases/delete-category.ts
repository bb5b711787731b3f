import type { CallerContext } from '@cashier/auth-context';
import { categoryUsage, deleteCategoryRow, findCategory } from '../db/category-store';
import type { TransactionsPrisma } from '../db/create-prisma';
import { categorySnapshot } from '../db/entity-snapshots';
import { runTeamWrite } from '../db/team-write';
import { parseId } from '../domain/client-id';
import { categoryNotFound, failedPrecondition } from '../domain/ledger-errors';
import { requirePermission } from '../domain/require-permission';
import { TransactionsErrorCode } from '../domain/transactions-error-code';
import { isCategoryUsedByRules } from '../rules/db/category-rule-store';
import { scopeOf } from './write-scope';
import { categoryChangedEvent } from '../events/category-changed-event';

/**
 * Deletes a category nothing refers to. One that any transaction uses (even a deleted
 * one, which stays recoverable), that a rule uses, or that has subcategories is FAILED_PRECONDITION:
 * archive it instead. The change log keeps its last image.
 */
export async function deleteCategory(prisma: TransactionsPrisma, caller: CallerContext, rawId: string): Promise<void> {
  requirePermission(caller, 'write');
  const id = parseId(rawId);
  if (!id) throw categoryNotFound();
  await runTeamWrite(prisma, scopeOf(caller), async (write) => {
    const current = await findCategory(write.db, caller.teamId, id);
    if (!current) throw categoryNotFound();
    const usage = await categoryUsage(write.db, caller.teamId, id);
    if (usage.transactions) {
      throw failedPrecondition(TransactionsErrorCode.CategoryInUse, 'transactions use this category; archive it instead');
    }
    if (await isCategoryUsedByRules(write.db, caller.teamId, id)) {
      throw failedPrecondition(TransactionsErrorCode.CategoryInUse, 'auto-categorisation rules use this category; change or delete them first');
    }
    if (usage.children) {
      throw failedPrecondition(TransactionsErrorCode.CategoryInUse, 'this category has subcategories; move or delete them first');
    }
    await deleteCategoryRow(write.db, caller.teamId, id);
    await write.recordChange({ entityType: 'category', entityId: id, op: 'deleted', before: categorySnapshot(current), after: null });
    await write.publish(categoryChangedEvent(current, 'deleted', caller.userId, caller.requestId));
  });
}
