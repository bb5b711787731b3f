import type { CategoryRule } from '../../db/generated/client';
import type { LedgerDb } from '../../db/create-prisma';
import type { CategoryRuleDraft } from '../domain/category-rule-draft';
import type { MatchableRule } from '../domain/apply-category-rules';

export type StoredCategoryRule = CategoryRule;

const ORDER = [{ position: 'asc' as const }, { id: 'asc' as const }];

export function listCategoryRules(db: LedgerDb, teamId: string): Promise<StoredCategoryRule[]> {
  return db.categoryRule.findMany({ where: { teamId }, orderBy: ORDER });
}

export function countCategoryRules(db: LedgerDb, teamId: string): Promise<number> {
  return db.categoryRule.count({ where: { teamId } });
}

export function findCategoryRule(db: LedgerDb, teamId: string, id: string): Promise<StoredCategoryRule | null> {
  return db.categoryRule.findFirst({ where: { teamId, id } });
}

/** The team's rules in the order they are tried, with what matching needs of their categories. */
export async function matchableRules(db: LedgerDb, teamId: string): Promise<MatchableRule[]> {
  const rows = await db.$queryRaw<
    { payee_contains: string; category_id: string | null; kind: 'expense' | 'income' | null; archived: boolean | null; tags: string[] }[]
  >`
    SELECT r.payee_contains, r.category_id::text AS category_id, c.kind::text AS kind, c.archived, r.tags
    FROM category_rules r LEFT JOIN categories c ON c.team_id = r.team_id AND c.id = r.category_id
    WHERE r.team_id = ${teamId}::uuid
    ORDER BY r.position, r.id`;
  return rows.map((row) => ({
    payeeContains: row.payee_contains,
    categoryId: row.category_id,
    categoryKind: row.kind,
    categoryArchived: row.archived ?? false,
    tags: row.tags,
  }));
}

export function insertCategoryRule(db: LedgerDb, teamId: string, actorId: string, id: string, draft: CategoryRuleDraft) {
  return db.categoryRule.create({ data: { id, teamId, createdBy: actorId, updatedBy: actorId, ...draft } });
}

/** Rewrites the rule if it still has `version`; null when it changed (or vanished) meanwhile. */
export async function rewriteCategoryRule(
  db: LedgerDb,
  teamId: string,
  actorId: string,
  id: string,
  version: bigint,
  draft: CategoryRuleDraft,
): Promise<StoredCategoryRule | null> {
  const { count } = await db.categoryRule.updateMany({
    where: { teamId, id, version },
    data: { ...draft, updatedBy: actorId, updatedAt: new Date(), version: { increment: 1 } },
  });
  return count === 1 ? findCategoryRule(db, teamId, id) : null;
}

export async function deleteCategoryRuleRow(db: LedgerDb, teamId: string, id: string): Promise<boolean> {
  const { count } = await db.categoryRule.deleteMany({ where: { teamId, id } });
  return count === 1;
}

export async function isCategoryUsedByRules(db: LedgerDb, teamId: string, categoryId: string): Promise<boolean> {
  return (await db.categoryRule.findFirst({ where: { teamId, categoryId }, select: { id: true } })) !== null;
}
