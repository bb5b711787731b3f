import { Prisma } from './generated/client';
import type { LedgerDb } from './create-prisma';
import type { StoredTransaction } from './transaction-store';
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
  const rows = await db.$queryRaw<ListedRow[]>`
    SELECT t.id::text AS id, t.team_id::text AS team_id, t.type::text AS type, t.amount_minor, t.currency_code,
           t.occurred_at, t.description, t.created_by::text AS created_by, t.created_at, t.version, t.direction,
           t.account_id::text AS account_id, t.category_id::text AS category_id, t.payee, t.tags, t.source::text AS source,
           t.attachment_ref, t.to_account_id::text AS to_account_id, t.to_amount_minor, t.to_currency_code, t.due_date,
           t.loan_id::text AS loan_id, t.updated_by::text AS updated_by, t.updated_at, t.deleted_at, t.deleted_by::text AS deleted_by,
           (SELECT json_agg(json_build_object('category_id', s.category_id, 'position', s.position,
                                              'amount_minor', s.amount_minor::text, 'description', s.description) ORDER BY s.position)
              FROM transaction_splits s WHERE s.team_id = t.team_id AND s.transaction_id = t.id) AS splits
      FROM transactions t
     WHERE ${Prisma.join(where, ' AND ')}
     ORDER BY ${ORDER[sort]}
     LIMIT ${limit + 1}`;
  return rows.map(storedTransactionOf);
}

/** A listed row as PostgreSQL returns it: the transaction's columns, its split parts as JSON. */
interface ListedRow {
  id: string;
  team_id: string;
  type: StoredTransaction['type'];
  amount_minor: bigint;
  currency_code: string;
  occurred_at: Date;
  description: string;
  created_by: string;
  created_at: Date;
  version: bigint;
  direction: number;
  account_id: string | null;
  category_id: string | null;
  payee: string;
  tags: string[];
  source: StoredTransaction['source'];
  attachment_ref: string;
  to_account_id: string | null;
  to_amount_minor: bigint | null;
  to_currency_code: string | null;
  due_date: Date | null;
  loan_id: string | null;
  updated_by: string;
  updated_at: Date;
  deleted_at: Date | null;
  deleted_by: string | null;
  splits: { category_id: string; position: number; amount_minor: string; description: string }[] | null;
}

/** The row in the shape Prisma reads it (findTransaction): one query for a whole page, parts included. */
function storedTransactionOf(row: ListedRow): StoredTransaction {
  return {
    id: row.id,
    teamId: row.team_id,
    type: row.type,
    amountMinor: row.amount_minor,
    currencyCode: row.currency_code,
    occurredAt: row.occurred_at,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at,
    version: row.version,
    direction: row.direction,
    accountId: row.account_id,
    categoryId: row.category_id,
    payee: row.payee,
    tags: row.tags,
    source: row.source,
    attachmentRef: row.attachment_ref,
    toAccountId: row.to_account_id,
    toAmountMinor: row.to_amount_minor,
    toCurrencyCode: row.to_currency_code,
    dueDate: row.due_date,
    loanId: row.loan_id,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    splits: (row.splits ?? []).map((part) => ({
      teamId: row.team_id,
      transactionId: row.id,
      position: part.position,
      categoryId: part.category_id,
      amountMinor: BigInt(part.amount_minor),
      description: part.description,
    })),
  };
}
