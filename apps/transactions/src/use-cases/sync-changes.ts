import type { CallerContext } from '@cashier/auth-context';
import { findAccounts } from '../db/account-store';
import { findCategories, type StoredCategory } from '../db/category-store';
import { latestChangesSince, type LatestChange } from '../db/change-log-queries';
import type { TransactionsPrisma } from '../db/create-prisma';
import { findTransactions } from '../db/transaction-store';
import { pageSize } from '../domain/list-cursor';
import { requirePermission } from '../domain/require-permission';
import { decodeSyncCursor, encodeSyncCursor } from '../domain/sync-cursor';
import { accountViews, type AccountView } from './account-view';
import { viewsOf, type TransactionView } from './transaction-view';

export const DEFAULT_SYNC_PAGE = 200;
export const MAX_SYNC_PAGE = 1_000;

/** One entity's latest change with its current state; no state means it no longer exists (a tombstone). */
export interface SyncItem {
  change: LatestChange;
  account?: AccountView;
  category?: StoredCategory;
  transaction?: TransactionView;
}

/**
 * What changed in the team since the client's cursor: each changed entity once, in the
 * order of its latest change, with its current state or as a tombstone, and the cursor to
 * send next time. Replaying a page is harmless: the client just sets the same state again.
 */
export async function syncChanges(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  cursor: string,
  requestedLimit: number,
): Promise<{ items: SyncItem[]; cursor: string; hasMore: boolean }> {
  requirePermission(caller, 'read');
  const since = decodeSyncCursor(cursor);
  const limit = pageSize(requestedLimit, DEFAULT_SYNC_PAGE, MAX_SYNC_PAGE);
  const found = await latestChangesSince(prisma, caller.teamId, since, limit);
  const changes = found.slice(0, limit);
  const idsOf = (type: LatestChange['entityType']) => changes.filter((c) => c.entityType === type).map((c) => c.entityId);

  const accounts = new Map(
    (await accountViews(prisma, caller.teamId, await findAccounts(prisma, caller.teamId, idsOf('account')))).map((v) => [v.account.id, v]),
  );
  const categories = new Map((await findCategories(prisma, caller.teamId, idsOf('category'))).map((c) => [c.id, c]));
  const transactions = new Map(
    (await viewsOf(prisma, caller.teamId, await findTransactions(prisma, caller.teamId, idsOf('transaction')))).map((v) => [v.row.id, v]),
  );

  const items = changes.map((change): SyncItem => {
    switch (change.entityType) {
      case 'account':
        return { change, account: accounts.get(change.entityId) };
      case 'category':
        return { change, category: categories.get(change.entityId) };
      case 'transaction':
        return { change, transaction: transactions.get(change.entityId) };
    }
  });
  const last = changes.length > 0 ? changes[changes.length - 1].seq : since;
  return { items, cursor: encodeSyncCursor(last), hasMore: found.length > limit };
}
