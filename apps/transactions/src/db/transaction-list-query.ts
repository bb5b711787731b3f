import { Prisma } from './generated/client';
import type { LedgerDb } from './create-prisma';
import { findTransactions, type StoredTransaction } from './transaction-store';
import { containsPattern, type TransactionFilter } from '../domain/transaction-filter';
import type { ListPosition, ListSort } from '../domain/list-cursor';

const ORDER: Record<ListSort, Prisma.Sql> = {
  occurred_at_desc: Prisma.sql`t.occurred_at DESC, t.id DESC`,
  occurred_at_asc: Prisma.sql`t.occurred_at ASC, t.id ASC`,
  amount_desc: Prisma.sql`t.amount_minor DESC, t.id DESC`,
  amount_asc: Prisma.sql`t.amount_minor ASC, t.id ASC`,
};

/** Rows strictly after the previous page's last row, in the listing's order (keyset). */
function after(position: ListPosition): Prisma.Sql {
  switch (position.sort) {
    case 'occurred_at_desc':
      return Prisma.sql`(t.occurred_at, t.id) < (${position.occurredAt}::timestamptz, ${position.id}::uuid)`;
    case 'occurred_at_asc':
      return Prisma.sql`(t.occurred_at, t.id) > (${position.occurredAt}::timestamptz, ${position.id}::uuid)`;
    case 'amount_desc':
      return Prisma.sql`(t.amount_minor, t.id) < (${position.amountMinor}::bigint, ${position.id}::uuid)`;
    case 'amount_asc':
      return Prisma.sql`(t.amount_minor, t.id) > (${position.amountMinor}::bigint, ${position.id}::uuid)`;
  }
}

function conditions(teamId: string, filter: TransactionFilter, categoryIds: readonly string[]): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`t.team_id = ${teamId}::uuid`, Prisma.sql`t.deleted_at IS NULL`];
  if (filter.occurredFrom) where.push(Prisma.sql`t.occurred_at >= ${filter.occurredFrom}::timestamptz`);
  if (filter.occurredTo) where.push(Prisma.sql`t.occurred_at < ${filter.occurredTo}::timestamptz`);
  if (filter.kinds.length > 0) where.push(Prisma.sql`t.type::text = ANY(${filter.kinds}::text[])`);
  if (filter.categoryIds.length > 0) {
    where.push(Prisma.sql`(t.category_id = ANY(${[...categoryIds]}::uuid[]) OR EXISTS (
      SELECT 1 FROM transaction_splits s
       WHERE s.team_id = t.team_id AND s.transaction_id = t.id AND s.category_id = ANY(${[...categoryIds]}::uuid[])))`);
  }
  if (filter.accountIds.length > 0) {
    where.push(Prisma.sql`(t.account_id = ANY(${filter.accountIds}::uuid[]) OR t.to_account_id = ANY(${filter.accountIds}::uuid[]))`);
  }
  if (filter.tags.length > 0) where.push(Prisma.sql`t.tags && ${filter.tags}::text[]`);
  if (filter.payee !== null) where.push(Prisma.sql`lower(t.payee) = lower(${filter.payee})`);
  if (filter.currencyCode !== null) where.push(Prisma.sql`t.currency_code = ${filter.currencyCode}`);
  if (filter.minAmountMinor !== null) where.push(Prisma.sql`t.amount_minor >= ${filter.minAmountMinor}::bigint`);
  if (filter.maxAmountMinor !== null) where.push(Prisma.sql`t.amount_minor <= ${filter.maxAmountMinor}::bigint`);
  if (filter.text !== null) {
    const pattern = containsPattern(filter.text);
    where.push(Prisma.sql`(t.description ILIKE ${pattern} ESCAPE '\\' OR t.payee ILIKE ${pattern} ESCAPE '\\')`);
  }
  if (filter.createdBy.length > 0) where.push(Prisma.sql`t.created_by = ANY(${filter.createdBy}::uuid[])`);
  return where;
}

/**
 * One page of the team's live transactions matching the filter, in the sort's order,
 * starting after `position`. Keyset pagination on (sort key, id): rows inserted while a
 * client pages never shift the pages, so none is skipped or repeated.
 * Returns up to `limit + 1` rows: the extra one tells that another page exists.
 * `categoryIds` is the filter's categories, already widened to descendants when asked.
 */
export async function listTransactionPage(
  db: LedgerDb,
  teamId: string,
  filter: TransactionFilter,
  categoryIds: readonly string[],
  sort: ListSort,
  position: ListPosition | null,
  limit: number,
): Promise<StoredTransaction[]> {
  const where = conditions(teamId, filter, categoryIds);
  if (position) where.push(after(position));
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id::text AS id FROM transactions t
     WHERE ${Prisma.join(where, ' AND ')}
     ORDER BY ${ORDER[sort]}
     LIMIT ${limit + 1}`;
  const rows = await findTransactions(db, teamId, ids.map((row) => row.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((row) => byId.get(row.id)).filter((row): row is StoredTransaction => row !== undefined);
}
