import type { LedgerDb } from './create-prisma';
import { findAccounts } from './account-store';
import { findCategories } from './category-store';
import { findTransaction, repaymentsOf } from './transaction-store';
import type { LoanState } from '../domain/loans';
import type { References } from '../domain/transaction-references';

/**
 * Loads what a transaction refers to, in the caller's team only: an id of another team
 * is simply absent, exactly like an id that does not exist.
 * `repaymentId` is the repayment being changed, left out of what was already repaid.
 */
export async function loadReferences(
  db: LedgerDb,
  teamId: string,
  ids: { accountIds: string[]; categoryIds: string[]; loanId: string | null },
  repaymentId?: string,
): Promise<References> {
  const accounts = await findAccounts(db, teamId, ids.accountIds);
  const categories = await findCategories(db, teamId, ids.categoryIds);
  let loan: LoanState | null = null;
  if (ids.loanId) {
    const row = await findTransaction(db, teamId, ids.loanId);
    if (row) {
      const { repaidMinor } = await repaymentsOf(db, teamId, row.id, repaymentId);
      loan = { id: row.id, kind: row.type, amount: { amountMinor: row.amountMinor, currencyCode: row.currencyCode }, repaidMinor };
    }
  }
  return {
    accounts: new Map(accounts.map((a) => [a.id, { id: a.id, currencyCode: a.currencyCode, archived: a.archived }])),
    categories: new Map(categories.map((c) => [c.id, { id: c.id, kind: c.kind, archived: c.archived }])),
    loan,
  };
}
