import type { LedgerDb } from './create-prisma';
import type { TransactionKind } from '../domain/transaction-kind';
import type { AccountRef, CategoryRef, References } from '../domain/transaction-references';

/**
 * Loads what a transaction refers to, in the caller's team only: an id of another team
 * is simply absent, exactly like an id that does not exist. One statement (none when the
 * draft refers to nothing): accounts, categories and the loan with what was repaid on it.
 * `repaymentId` is the repayment being changed, left out of what was already repaid.
 */
export async function loadReferences(
  db: LedgerDb,
  teamId: string,
  ids: { accountIds: string[]; categoryIds: string[]; loanId: string | null },
  repaymentId?: string,
): Promise<References> {
  if (ids.accountIds.length === 0 && ids.categoryIds.length === 0 && !ids.loanId) {
    return { accounts: new Map(), categories: new Map(), loan: null };
  }
  const [row] = await db.$queryRaw<{ accounts: string; categories: string; loan: string | null }[]>`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'currencyCode', a.currency_code, 'archived', a.archived)), '[]')::text
         FROM accounts a WHERE a.team_id = ${teamId}::uuid AND a.id = ANY(${ids.accountIds}::uuid[])) AS accounts,
      (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'kind', c.kind, 'archived', c.archived)), '[]')::text
         FROM categories c WHERE c.team_id = ${teamId}::uuid AND c.id = ANY(${ids.categoryIds}::uuid[])) AS categories,
      (SELECT json_build_object(
                'id', t.id, 'kind', t.type, 'amountMinor', t.amount_minor::text, 'currencyCode', t.currency_code,
                'repaidMinor', (SELECT COALESCE(SUM(r.amount_minor), 0)::text FROM transactions r
                                 WHERE r.team_id = t.team_id AND r.loan_id = t.id AND r.deleted_at IS NULL
                                   AND r.type = 'repayment' AND r.id IS DISTINCT FROM ${repaymentId ?? null}::uuid))::text
         FROM transactions t WHERE t.team_id = ${teamId}::uuid AND t.id = ${ids.loanId}::uuid AND t.deleted_at IS NULL) AS loan`;
  const accounts = JSON.parse(row.accounts) as AccountRef[];
  const categories = JSON.parse(row.categories) as CategoryRef[];
  const loan = row.loan
    ? (JSON.parse(row.loan) as { id: string; kind: TransactionKind; amountMinor: string; currencyCode: string; repaidMinor: string })
    : null;
  return {
    accounts: new Map(accounts.map((a) => [a.id, { id: a.id, currencyCode: a.currencyCode, archived: a.archived }])),
    categories: new Map(categories.map((c) => [c.id, { id: c.id, kind: c.kind, archived: c.archived }])),
    loan: loan && {
      id: loan.id,
      kind: loan.kind,
      amount: { amountMinor: BigInt(loan.amountMinor), currencyCode: loan.currencyCode },
      repaidMinor: BigInt(loan.repaidMinor),
    },
  };
}
