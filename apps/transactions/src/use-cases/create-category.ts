import type { CallerContext } from '@cashier/auth-context';
import { isUniqueViolation } from '@cashier/db';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { categoryTree, findCategoryAnyTeam, insertCategory, type StoredCategory } from '../db/category-store';
import type { TransactionsPrisma } from '../db/create-prisma';
import { categorySnapshot } from '../db/entity-snapshots';
import { runTeamWrite } from '../db/team-write';
import { checkParent } from '../domain/category-tree';
import type { NewCategory } from '../domain/new-category';
import { requirePermission } from '../domain/require-permission';
import { TransactionsErrorCode } from '../domain/transactions-error-code';
import { scopeOf } from './write-scope';
import { categoryChangedEvent } from '../events/category-changed-event';

/** Adds a category under an optional parent of the same kind (the client may choose its id). */
export async function createCategory(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  input: NewCategory,
): Promise<{ category: StoredCategory; created: boolean }> {
  requirePermission(caller, 'write');
  const id = input.id ?? uuidv7();
  try {
    const category = await runTeamWrite(prisma, scopeOf(caller), async (write) => {
      checkParent({ id, kind: input.kind }, input.parentId, await categoryTree(write.db, caller.teamId));
      const row = await insertCategory(write.db, caller.teamId, caller.userId, id, { ...input, archived: false });
      await write.recordChange({ entityType: 'category', entityId: id, op: 'created', before: null, after: categorySnapshot(row) });
      await write.publish(categoryChangedEvent(row, 'created', caller.userId, caller.requestId));
      return row;
    });
    return { category, created: true };
  } catch (error) {
    if (!input.id || !isUniqueViolation(error)) throw error;
    const existing = await findCategoryAnyTeam(prisma, input.id);
    const replay =
      existing !== null &&
      existing.teamId === caller.teamId &&
      existing.createdBy === caller.userId &&
      existing.name === input.name &&
      existing.kind === input.kind &&
      existing.parentId === input.parentId;
    if (replay) return { category: existing, created: false };
    throw ServiceError.conflict(TransactionsErrorCode.IdConflict, 'this id is already used by a different category');
  }
}
