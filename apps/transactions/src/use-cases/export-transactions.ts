import type { CallerContext } from '@cashier/auth-context';
import type { TransactionsPrisma } from '../db/create-prisma';
import { listTransactionPage } from '../db/transaction-list-query';
import type { ListPosition, ListSort } from '../domain/list-cursor';
import { requirePermission } from '../domain/require-permission';
import type { TransactionFilter } from '../domain/transaction-filter';
import { matchedCategoryIds, positionOf } from './list-transactions';
import { viewsOf, type TransactionView } from './transaction-view';

export const EXPORT_PAGE_SIZE = 500;

/**
 * Every transaction of the team matching the filter, page after page in the listing's
 * order, with the listing's filters and access rules. Keyset pages, read one at a time and
 * only when the consumer asks for the next: memory stays at one page however large the
 * ledger. Not a snapshot: like paging the list, a row that exists unchanged for the whole
 * export comes exactly once, one inserted or edited meanwhile may or may not.
 */
export async function* exportTransactions(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  filter: TransactionFilter,
  sort: ListSort,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<TransactionView[]> {
  requirePermission(caller, 'read');
  const categoryIds = await matchedCategoryIds(prisma, caller.teamId, filter);
  let position: ListPosition | null = null;
  for (;;) {
    const rows = await listTransactionPage(prisma, caller.teamId, filter, categoryIds, sort, position, pageSize);
    const page = rows.slice(0, pageSize);
    if (page.length > 0) yield await viewsOf(prisma, caller.teamId, page);
    if (rows.length <= pageSize) return;
    position = positionOf(page[page.length - 1], sort);
  }
}
