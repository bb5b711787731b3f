import { Prisma, type Account } from './generated/client';
import type { LedgerDb } from './create-prisma';
import type { AccountDraft } from '../domain/new-account';

export type StoredAccount = Account;

export function findAccount(db: LedgerDb, teamId: string, id: string): Promise<StoredAccount | null> {
  return db.account.findFirst({ where: { id, teamId } });
}

export function findAccountAnyTeam(db: LedgerDb, id: string): Promise<StoredAccount | null> {
  return db.account.findUnique({ where: { id } });
}

export function findAccounts(db: LedgerDb, teamId: string, ids: readonly string[]): Promise<StoredAccount[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.account.findMany({ where: { teamId, id: { in: [...ids] } } });
}

export function listAccounts(db: LedgerDb, teamId: string, includeArchived: boolean): Promise<StoredAccount[]> {
  return db.account.findMany({
    where: { teamId, ...(includeArchived ? {} : { archived: false }) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

/**
 * Current balances: opening balance plus the sum of the account's entries, computed by
 * PostgreSQL from the entries every time (nothing stored that could drift).
 */
export async function balancesOf(db: LedgerDb, teamId: string, accountIds: readonly string[]): Promise<Map<string, bigint>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; balance: bigint }[]>`
    SELECT a.id::text AS id, (a.opening_balance_minor + COALESCE(e.total, 0))::bigint AS balance
      FROM accounts a
      LEFT JOIN (SELECT account_id, SUM(amount_minor) AS total
                   FROM ledger_entries
                  WHERE team_id = ${teamId}::uuid AND account_id = ANY(${[...accountIds]}::uuid[])
                  GROUP BY account_id) e ON e.account_id = a.id
     WHERE a.team_id = ${teamId}::uuid AND a.id = ANY(${[...accountIds]}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row.balance]));
}

/** Accounts among these that must not go below zero, with their current balance: one statement. */
export async function guardedBalances(db: LedgerDb, teamId: string, accountIds: readonly string[]): Promise<Map<string, bigint>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; balance: bigint }[]>`
    SELECT a.id::text AS id,
           (a.opening_balance_minor + COALESCE((SELECT SUM(e.amount_minor) FROM ledger_entries e
                                                 WHERE e.team_id = a.team_id AND e.account_id = a.id), 0))::bigint AS balance
      FROM accounts a
     WHERE a.team_id = ${teamId}::uuid AND a.id = ANY(${[...accountIds]}::uuid[]) AND NOT a.allow_negative`;
  return new Map(rows.map((row) => [row.id, row.balance]));
}

function columns(draft: AccountDraft) {
  return {
    name: draft.name,
    kind: draft.kind,
    provider: draft.provider,
    openingBalanceMinor: draft.openingBalance.amountMinor,
    archived: draft.archived,
    allowNegative: draft.allowNegative,
  };
}

export function insertAccount(db: LedgerDb, teamId: string, actorId: string, id: string, draft: AccountDraft): Promise<StoredAccount> {
  return db.account.create({
    data: { id, teamId, currencyCode: draft.openingBalance.currencyCode, createdBy: actorId, updatedBy: actorId, ...columns(draft) },
  });
}

/** Compare-and-set on the version when `expectedVersion` is given; null when nothing matched. */
export async function rewriteAccount(
  db: LedgerDb,
  teamId: string,
  actorId: string,
  id: string,
  expectedVersion: bigint | null,
  draft: AccountDraft,
): Promise<StoredAccount | null> {
  const where: Prisma.AccountWhereInput = { id, teamId, ...(expectedVersion === null ? {} : { version: expectedVersion }) };
  const { count } = await db.account.updateMany({
    where,
    data: { ...columns(draft), updatedBy: actorId, updatedAt: new Date(), version: { increment: 1 } },
  });
  return count === 1 ? findAccount(db, teamId, id) : null;
}

export function draftOfAccount(account: StoredAccount): AccountDraft {
  return {
    name: account.name,
    kind: account.kind,
    provider: account.provider,
    openingBalance: { amountMinor: account.openingBalanceMinor, currencyCode: account.currencyCode },
    archived: account.archived,
    allowNegative: account.allowNegative,
  };
}
