import type { PlanningDb } from './planning-store';

export interface SpendingScope {
  teamId: string;
  currencyCode: string;
  /** Null: every expense in the currency. */
  categoryId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/**
 * What a team spent in one currency between two instants: its live (not deleted) expense
 * transactions, read straight from the ledger's tables in the same database. For a
 * category budget: expenses in that category or any category below it, where a split
 * expense (which has parts instead of a category) counts with the parts in those
 * categories. The one place planning reads the ledger's columns.
 */
export async function spentInPeriod(db: PlanningDb, scope: SpendingScope): Promise<bigint> {
  const { teamId, currencyCode, startsAt, endsAt } = scope;
  if (scope.categoryId === null) {
    const rows = await db.$queryRaw<{ spent: bigint }[]>`
      SELECT COALESCE(SUM(t.amount_minor), 0)::bigint AS spent
        FROM transactions t
       WHERE t.team_id = ${teamId}::uuid
         AND t.type = 'expense' AND t.deleted_at IS NULL
         AND t.currency_code = ${currencyCode}
         AND t.occurred_at >= ${startsAt} AND t.occurred_at < ${endsAt}`;
    return BigInt(rows[0]?.spent ?? 0n);
  }
  const rows = await db.$queryRaw<{ spent: bigint }[]>`
    WITH RECURSIVE subtree AS (
      SELECT c.id FROM categories c WHERE c.team_id = ${teamId}::uuid AND c.id = ${scope.categoryId}::uuid
      UNION
      SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id WHERE c.team_id = ${teamId}::uuid
    ),
    expenses AS (
      SELECT t.id, t.category_id, t.amount_minor
        FROM transactions t
       WHERE t.team_id = ${teamId}::uuid
         AND t.type = 'expense' AND t.deleted_at IS NULL
         AND t.currency_code = ${currencyCode}
         AND t.occurred_at >= ${startsAt} AND t.occurred_at < ${endsAt}
    )
    SELECT COALESCE(SUM(amount_minor), 0)::bigint AS spent FROM (
      SELECT e.amount_minor FROM expenses e WHERE e.category_id IN (SELECT id FROM subtree)
      UNION ALL
      SELECT p.amount_minor
        FROM expenses e
        JOIN transaction_splits p ON p.team_id = ${teamId}::uuid AND p.transaction_id = e.id
       WHERE p.category_id IN (SELECT id FROM subtree)
    ) counted`;
  return BigInt(rows[0]?.spent ?? 0n);
}
