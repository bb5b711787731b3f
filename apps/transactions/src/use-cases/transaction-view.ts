import type { LedgerDb } from '../db/create-prisma';
import { repaidByLoan, type StoredTransaction } from '../db/transaction-store';
import { isLoanKind } from '../domain/transaction-kind';
import { outstandingOf } from '../domain/loans';

/** A transaction as answered: for a loan or debt, with what is still outstanding. */
export interface TransactionView {
  row: StoredTransaction;
  outstandingMinor: bigint | null;
}

export async function viewsOf(db: LedgerDb, teamId: string, rows: readonly StoredTransaction[]): Promise<TransactionView[]> {
  const loans = rows.filter((row) => isLoanKind(row.type)).map((row) => row.id);
  const repaid = await repaidByLoan(db, teamId, loans);
  return rows.map((row) => ({
    row,
    outstandingMinor: isLoanKind(row.type) ? outstandingOf(row.amountMinor, repaid.get(row.id) ?? 0n) : null,
  }));
}

export async function viewOf(db: LedgerDb, teamId: string, row: StoredTransaction): Promise<TransactionView> {
  return (await viewsOf(db, teamId, [row]))[0];
}
