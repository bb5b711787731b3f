import type { Category } from './generated/client';
import type { LedgerDb } from './create-prisma';
import type { CategoryNode } from '../domain/category-tree';
import type { CategoryDraft } from '../domain/new-category';

export type StoredCategory = Category;

export function findCategory(db: LedgerDb, teamId: string, id: string): Promise<StoredCategory | null> {
  return db.category.findFirst({ where: { id, teamId } });
}

export function findCategoryAnyTeam(db: LedgerDb, id: string): Promise<StoredCategory | null> {
  return db.category.findUnique({ where: { id } });
}

export function findCategories(db: LedgerDb, teamId: string, ids: readonly string[]): Promise<StoredCategory[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.category.findMany({ where: { teamId, id: { in: [...ids] } } });
}

export function listCategories(db: LedgerDb, teamId: string, includeArchived: boolean): Promise<StoredCategory[]> {
  return db.category.findMany({
    where: { teamId, ...(includeArchived ? {} : { archived: false }) },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }, { id: 'asc' }],
  });
}

/** Every category of the team as a tree node (small: a team has tens, maybe hundreds). */
export async function categoryTree(db: LedgerDb, teamId: string): Promise<Map<string, CategoryNode>> {
  const rows = await db.category.findMany({ where: { teamId }, select: { id: true, kind: true, parentId: true } });
  return new Map(rows.map((row) => [row.id, row]));
}

function columns(draft: CategoryDraft) {
  return { name: draft.name, kind: draft.kind, parentId: draft.parentId, archived: draft.archived };
}

export function insertCategory(db: LedgerDb, teamId: string, actorId: string, id: string, draft: CategoryDraft): Promise<StoredCategory> {
  return db.category.create({ data: { id, teamId, createdBy: actorId, updatedBy: actorId, ...columns(draft) } });
}

export async function rewriteCategory(
  db: LedgerDb,
  teamId: string,
  actorId: string,
  id: string,
  expectedVersion: bigint | null,
  draft: CategoryDraft,
): Promise<StoredCategory | null> {
  const { count } = await db.category.updateMany({
    where: { id, teamId, ...(expectedVersion === null ? {} : { version: expectedVersion }) },
    data: { ...columns(draft), updatedBy: actorId, updatedAt: new Date(), version: { increment: 1 } },
  });
  return count === 1 ? findCategory(db, teamId, id) : null;
}

/** What keeps a category from being deleted: transactions (live or deleted, which stay recoverable) or subcategories. */
export async function categoryUsage(db: LedgerDb, teamId: string, id: string): Promise<{ transactions: boolean; children: boolean }> {
  // One after another: inside an interactive transaction they share one connection anyway.
  const direct = await db.transaction.findFirst({ where: { teamId, categoryId: id }, select: { id: true } });
  const split = await db.transactionSplit.findFirst({ where: { teamId, categoryId: id }, select: { transactionId: true } });
  const child = await db.category.findFirst({ where: { teamId, parentId: id }, select: { id: true } });
  return { transactions: direct !== null || split !== null, children: child !== null };
}

export async function deleteCategoryRow(db: LedgerDb, teamId: string, id: string): Promise<boolean> {
  const { count } = await db.category.deleteMany({ where: { id, teamId } });
  return count === 1;
}

export function draftOfCategory(category: StoredCategory): CategoryDraft {
  return { name: category.name, kind: category.kind, parentId: category.parentId, archived: category.archived };
}
