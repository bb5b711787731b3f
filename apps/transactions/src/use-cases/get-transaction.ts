import type { CallerContext } from '@cashier/auth-context';
import type { TransactionsPrisma } from '../db/create-prisma';
import { findTransaction } from '../db/transaction-store';
import { parseId } from '../domain/client-id';
import { transactionNotFound } from '../domain/ledger-errors';
import { requirePermission } from '../domain/require-permission';
import { viewOf, type TransactionView } from './transaction-view';

/** Another team's transaction, a deleted one and a missing one give the same NOT_FOUND. */
export async function getTransaction(prisma: TransactionsPrisma, caller: CallerContext, rawId: string): Promise<TransactionView> {
  requirePermission(caller, 'read');
  const id = parseId(rawId);
  const row = id ? await findTransaction(prisma, caller.teamId, id) : null;
  if (!row) throw transactionNotFound();
  return viewOf(prisma, caller.teamId, row);
}
