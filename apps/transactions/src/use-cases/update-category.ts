import type { CallerContext } from '@cashier/auth-context';
import { categoryTree, draftOfCategory, findCategory, rewriteCategory, type StoredCategory } from '../db/category-store';
import type { TransactionsPrisma } from '../db/create-prisma';
import { categorySnapshot } from '../db/entity-snapshots';
import { runTeamWrite } from '../db/team-write';
import { checkParent } from '../domain/category-tree';
import { parseId } from '../domain/client-id';
import { categoryNotFound, versionMismatch } from '../domain/ledger-errors';
import { validateCategoryDraft } from '../domain/new-category';
import { requirePermission } from '../domain/require-permission';
import { parseUpdateMask } from '../domain/update-mask';
import { scopeOf } from './write-scope';
import { categoryChangedEvent } from '../events/category-changed-event';

export const CATEGORY_MASK_FIELDS = ['name', 'parent_id', 'archived'] as const;

export interface CategoryUpdate {
  id: string;
  /** 0: no check; otherwise the version the client read. */
  expectedVersion: bigint;
  updateMask: readonly string[];
  values: { name: string; parentId: string; archived: boolean };
}

/** Renames, moves (no cycles: checked under the team's write lock) or archives a category. Its kind never changes. */
export async function updateCategory(prisma: TransactionsPrisma, caller: CallerContext, update: CategoryUpdate): Promise<StoredCategory> {
  requirePermission(caller, 'write');
  const mask = parseUpdateMask(update.updateMask, CATEGORY_MASK_FIELDS);
  const id = parseId(update.id);
  if (!id) throw categoryNotFound();
  return runTeamWrite(prisma, scopeOf(caller), async (write) => {
    const current = await findCategory(write.db, caller.teamId, id);
    if (!current) throw categoryNotFound();
    if (update.expectedVersion > 0n && current.version !== update.expectedVersion) throw versionMismatch('category');
    const before = draftOfCategory(current);
    const draft = validateCategoryDraft({
      name: mask.has('name') ? update.values.name : before.name,
      kind: before.kind,
      parentId: mask.has('parent_id') ? update.values.parentId : (before.parentId ?? ''),
      archived: mask.has('archived') ? update.values.archived : before.archived,
    });
    if (draft.parentId !== before.parentId) checkParent({ id, kind: draft.kind }, draft.parentId, await categoryTree(write.db, caller.teamId));
    const updated = await rewriteCategory(write.db, caller.teamId, caller.userId, id, current.version, draft);
    if (!updated) throw versionMismatch('category');
    await write.recordChange({
      entityType: 'category',
      entityId: id,
      op: 'updated',
      before: categorySnapshot(current),
      after: categorySnapshot(updated),
    });
    await write.publish(categoryChangedEvent(updated, 'updated', caller.userId, caller.requestId));
    return updated;
  });
}
