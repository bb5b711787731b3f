import type { CallerContext } from '@cashier/auth-context';
import { findAccount, listAccounts as listAccountRows } from '../db/account-store';
import type { TransactionsPrisma } from '../db/create-prisma';
import { parseId } from '../domain/client-id';
import { accountNotFound } from '../domain/ledger-errors';
import { requirePermission } from '../domain/require-permission';
import { accountViews, type AccountView } from './account-view';

export async function getAccount(prisma: TransactionsPrisma, caller: CallerContext, rawId: string): Promise<AccountView> {
  requirePermission(caller, 'read');
  const id = parseId(rawId);
  const account = id ? await findAccount(prisma, caller.teamId, id) : null;
  if (!account) throw accountNotFound();
  return (await accountViews(prisma, caller.teamId, [account]))[0];
}

export async function listAccounts(prisma: TransactionsPrisma, caller: CallerContext, includeArchived: boolean): Promise<AccountView[]> {
  requirePermission(caller, 'read');
  return accountViews(prisma, caller.teamId, await listAccountRows(prisma, caller.teamId, includeArchived));
}
