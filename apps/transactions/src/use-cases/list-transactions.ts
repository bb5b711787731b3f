import type { CallerContext } from '@cashier/auth-context';
import type { TransactionsPrisma } from '../db/create-prisma';
import { categoryTree } from '../db/category-store';
import { listTransactionPage } from '../db/transaction-list-query';
import { withDescendants } from '../domain/category-tree';
import {
  decodeListCursor,
  encodeListCursor,
  filterFingerprint,
  pageSize,
  type ListPosition,
  type ListSort,
} from '../domain/list-cursor';
import { requirePermission } from '../domain/require-permission';
import type { TransactionFilter } from '../domain/transaction-filter';
import { viewsOf, type TransactionView } from './transaction-view';

export interface ListQuery {
  filter: TransactionFilter;
  sort: ListSort;
  cursor: string;
  limit: number;
}

/** Where a page whose last row is `row` ended: the keyset position the next page starts after. */
export function positionOf(row: TransactionView['row'], sort: ListSort): ListPosition {
  return sort === 'amount_desc' || sort === 'amount_asc'
    ? { sort, amountMinor: row.amountMinor, id: row.id }
    : { sort, occurredAt: row.occurredAt, id: row.id };
}

/** The filter's categories, widened to their descendants when the filter asks for it. */
export async function matchedCategoryIds(prisma: TransactionsPrisma, teamId: string, filter: TransactionFilter): Promise<readonly string[]> {
  if (!filter.includeSubcategories || filter.categoryIds.length === 0) return filter.categoryIds;
  return withDescendants(filter.categoryIds, await categoryTree(prisma, teamId));
}

/** One page of the team's transactions and the cursor of the next page (empty on the last). */
export async function listTransactions(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  query: ListQuery,
): Promise<{ transactions: TransactionView[]; nextCursor: string }> {
  requirePermission(caller, 'read');
  const fingerprint = filterFingerprint(query.filter);
  const position = query.cursor === '' ? null : decodeListCursor(query.cursor, query.sort, fingerprint);
  const limit = pageSize(query.limit);
  const categoryIds = await matchedCategoryIds(prisma, caller.teamId, query.filter);
  const rows = await listTransactionPage(prisma, caller.teamId, query.filter, categoryIds, query.sort, position, limit);
  const page = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeListCursor(positionOf(page[page.length - 1], query.sort), fingerprint) : '';
  return { transactions: await viewsOf(prisma, caller.teamId, page), nextCursor };
}
