import type { CallerContext } from '@cashier/auth-context';
import { isUniqueViolation } from '@cashier/db';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import type { TransactionsPrisma } from '../db/create-prisma';
import { draftOf, findTransactionAnyTeam } from '../db/transaction-store';
import type { NewTransaction } from '../domain/new-transaction';
import { requirePermission } from '../domain/require-permission';
import { isSameDraft } from '../domain/same-transaction';
import { TransactionsErrorCode } from '../domain/transactions-error-code';
import { matchableRules } from '../rules/db/category-rule-store';
import { applyCategoryRules, mayMatchRules } from '../rules/domain/apply-category-rules';
import { recordNewTransaction } from './record-transaction';
import { viewOf, type TransactionView } from './transaction-view';
import { scopeOf } from './write-scope';

/**
 * Records a new ledger transaction with its split parts and account legs, its change-log
 * entry and its `transaction.created` event, all in one database transaction. The
 * team's auto-categorisation rules fill in a category and tags the client left open.
 * A retry with the same client id and content returns the first result (created=false).
 */
export async function createTransaction(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  sent: NewTransaction,
): Promise<{ transaction: TransactionView; created: boolean }> {
  requirePermission(caller, 'write');
  const input = mayMatchRules(sent) ? applyCategoryRules(await matchableRules(prisma, caller.teamId), sent) : sent;
  const id = input.id ?? uuidv7();
  try {
    const transaction = await viewOf(prisma, caller.teamId, await recordNewTransaction(prisma, scopeOf(caller), id, input));
    return { transaction, created: true };
  } catch (error) {
    if (!input.id || !isUniqueViolation(error)) throw error;
    const existing = await findTransactionAnyTeam(prisma, input.id);
    const replay =
      existing !== null &&
      existing.teamId === caller.teamId &&
      existing.createdBy === caller.userId &&
      existing.deletedAt === null &&
      (isSameDraft(draftOf(existing), input) || isSameDraft(draftOf(existing), sent));
    if (replay) return { transaction: await viewOf(prisma, caller.teamId, existing), created: false };
    throw ServiceError.conflict(TransactionsErrorCode.IdConflict, 'this id is already used by a different transaction');
  }
}
