import { findCategory } from '../../db/category-store';
import type { LedgerDb } from '../../db/create-prisma';
import { categoryNotFound, failedPrecondition } from '../../domain/ledger-errors';
import { TransactionsErrorCode } from '../../domain/transactions-error-code';

/** A rule may only point at a live category of its own team. */
export async function checkRuleCategory(db: LedgerDb, teamId: string, categoryId: string | null): Promise<void> {
  if (categoryId === null) return;
  const category = await findCategory(db, teamId, categoryId);
  if (!category) throw categoryNotFound();
  if (category.archived) throw failedPrecondition(TransactionsErrorCode.InvalidRule, 'the category is archived');
}
