import type { Money } from '@cashier/money';
import { Prisma, type Transaction, type TransactionSplit } from './generated/client';
import type { LedgerDb } from './create-prisma';
import type { Leg } from '../domain/ledger-legs';
import type { TransactionDraft } from '../domain/new-transaction';
import type { ResolvedTransaction } from '../domain/transaction-references';

/** A live or deleted transaction row with its split parts, in order. */
export type StoredTransaction = Transaction & { splits: TransactionSplit[] };

const WITH_SPLITS = { splits: { orderBy: { position: 'asc' } } } as const;

/** A live transaction of the team; another team's or a deleted one is null. */
export function findTransaction(db: LedgerDb, teamId: string, id: string): Promise<StoredTransaction | null> {
  return db.transaction.findFirst({ where: { id, teamId, deletedAt: null }, include: WITH_SPLITS });
}

/** Live transactions of the team by id, in no particular order. */
export function findTransactions(db: LedgerDb, teamId: string, ids: readonly string[]): Promise<StoredTransaction[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.transaction.findMany({ where: { id: { in: [...ids] }, teamId, deletedAt: null }, include: WITH_SPLITS });
}

/** Any row with this id, of any team, deleted or not: only to tell an idempotent retry from an id collision. */
export function findTransactionAnyTeam(db: LedgerDb, id: string): Promise<StoredTransaction | null> {
  return db.transaction.findUnique({ where: { id }, include: WITH_SPLITS });
}

function dateOnly(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

/** The transaction row's columns for a resolved draft (the split parts and legs are rows of their own). */
export function transactionColumns(resolved: ResolvedTransaction) {
  return {
    type: resolved.kind,
    amountMinor: resolved.amount.amountMinor,
    currencyCode: resolved.amount.currencyCode,
    occurredAt: resolved.occurredAt,
    description: resolved.description,
    direction: resolved.direction,
    accountId: resolved.accountId,
    categoryId: resolved.categoryId,
    payee: resolved.payee,
    tags: resolved.tags,
    source: resolved.source,
    attachmentRef: resolved.attachmentRef,
    toAccountId: resolved.toAccountId,
    toAmountMinor: resolved.toAmount?.amountMinor ?? null,
    toCurrencyCode: resolved.toAmount?.currencyCode ?? null,
    dueDate: dateOnly(resolved.dueDate),
    loanId: resolved.loanId,
  };
}

/** The split rows of a transaction as stored (and as findTransaction reads them back, in order). */
function splitRows(teamId: string, transactionId: string, resolved: ResolvedTransaction): TransactionSplit[] {
  return resolved.splits.map((part, position) => ({
    teamId,
    transactionId,
    position,
    categoryId: part.categoryId,
    amountMinor: part.amountMinor,
    description: part.description,
  }));
}

/** The CTEs that insert a transaction's split parts and account legs (none for what it does not have). */
function partsInserts(teamId: string, transactionId: string, resolved: ResolvedTransaction): Prisma.Sql[] {
  const { splits, legs } = resolved;
  const bigints = (values: bigint[]) => values.map((value) => value.toString());
  const inserts: Prisma.Sql[] = [];
  if (splits.length > 0) {
    inserts.push(Prisma.sql`new_splits AS (
      INSERT INTO transaction_splits (team_id, transaction_id, position, category_id, amount_minor, description)
      SELECT ${teamId}::uuid, ${transactionId}::uuid, p.position, p.category_id, p.amount_minor, p.description
        FROM unnest(${splits.map((_, position) => position)}::int2[], ${splits.map((part) => part.categoryId)}::uuid[],
                    ${bigints(splits.map((part) => part.amountMinor))}::bigint[], ${splits.map((part) => part.description)}::text[])
             AS p(position, category_id, amount_minor, description))`);
  }
  if (legs.length > 0) {
    inserts.push(Prisma.sql`new_legs AS (
      INSERT INTO ledger_entries (team_id, transaction_id, leg, account_id, amount_minor, currency_code, occurred_at)
      SELECT ${teamId}::uuid, ${transactionId}::uuid, l.leg, l.account_id, l.amount_minor, l.currency_code, ${resolved.occurredAt}
        FROM unnest(${legs.map((leg) => leg.leg)}::int2[], ${legs.map((leg) => leg.accountId)}::uuid[],
                    ${bigints(legs.map((leg) => leg.amountMinor))}::bigint[], ${legs.map((leg) => leg.currencyCode)}::text[])
             AS l(leg, account_id, amount_minor, currency_code))`);
  }
  return inserts;
}

/** Inserts the split parts and the account legs of a rewritten transaction: one statement (none when there are neither). */
async function writeParts(db: LedgerDb, teamId: string, transactionId: string, resolved: ResolvedTransaction): Promise<void> {
  const inserts = partsInserts(teamId, transactionId, resolved);
  if (inserts.length > 0) await db.$executeRaw`WITH ${Prisma.join(inserts, ',\n')} SELECT 1`;
}

/**
 * A new transaction as it will be stored (the row findTransaction would read back, built
 * here rather than read), and the CTEs that insert it with its split parts and legs, to
 * be written in one statement together with its change-log entry and event
 * (TeamWrite.recordChangeAndPublish).
 */
export function newTransactionRows(
  teamId: string,
  actorId: string,
  id: string,
  resolved: ResolvedTransaction,
  now = new Date(),
): { row: StoredTransaction; insert: Prisma.Sql[] } {
  const row: Transaction = {
    id,
    teamId,
    ...transactionColumns(resolved),
    createdBy: actorId,
    createdAt: now,
    updatedBy: actorId,
    updatedAt: now,
    version: 1n,
    deletedAt: null,
    deletedBy: null,
  };
  const insert = [
    Prisma.sql`new_transaction AS (
      INSERT INTO transactions (id, team_id, type, amount_minor, currency_code, occurred_at, description, created_by, created_at,
                                version, direction, account_id, category_id, payee, tags, source, attachment_ref, to_account_id,
                                to_amount_minor, to_currency_code, due_date, loan_id, updated_by, updated_at)
      VALUES (${row.id}::uuid, ${row.teamId}::uuid, ${row.type}::transaction_type, ${row.amountMinor.toString()}::bigint,
              ${row.currencyCode}, ${row.occurredAt}, ${row.description}, ${row.createdBy}::uuid, ${row.createdAt},
              1, ${row.direction}::int2, ${row.accountId}::uuid, ${row.categoryId}::uuid, ${row.payee}, ${row.tags}::text[],
              ${row.source}::transaction_source, ${row.attachmentRef}, ${row.toAccountId}::uuid,
              ${row.toAmountMinor?.toString() ?? null}::bigint, ${row.toCurrencyCode}, ${resolved.dueDate}::date,
              ${row.loanId}::uuid, ${row.updatedBy}::uuid, ${row.updatedAt}))`,
    ...partsInserts(teamId, id, resolved),
  ];
  return { row: { ...row, splits: splitRows(teamId, id, resolved) }, insert };
}

/**
 * Replaces the content of a live transaction if it is still at `expectedVersion`
 * (compare-and-set: the version moves by one); false when it is not (changed or gone).
 */
export async function rewriteTransaction(
  db: LedgerDb,
  teamId: string,
  actorId: string,
  id: string,
  expectedVersion: bigint,
  resolved: ResolvedTransaction,
): Promise<StoredTransaction | null> {
  const { count } = await db.transaction.updateMany({
    where: { id, teamId, version: expectedVersion, deletedAt: null },
    data: { ...transactionColumns(resolved), updatedBy: actorId, updatedAt: new Date(), version: { increment: 1 } },
  });
  if (count !== 1) return null;
  await db.transactionSplit.deleteMany({ where: { teamId, transactionId: id } });
  await db.ledgerEntry.deleteMany({ where: { teamId, transactionId: id } });
  await writeParts(db, teamId, id, resolved);
  return findTransaction(db, teamId, id);
}

/** Marks a live transaction deleted (at `expectedVersion` when given) and takes its legs off the accounts. */
export async function softDeleteTransaction(
  db: LedgerDb,
  teamId: string,
  actorId: string,
  id: string,
  expectedVersion: bigint | null,
): Promise<boolean> {
  const now = new Date();
  const { count } = await db.transaction.updateMany({
    where: { id, teamId, deletedAt: null, ...(expectedVersion === null ? {} : { version: expectedVersion }) },
    data: { deletedAt: now, deletedBy: actorId, updatedBy: actorId, updatedAt: now, version: { increment: 1 } },
  });
  if (count !== 1) return false;
  await db.ledgerEntry.deleteMany({ where: { teamId, transactionId: id } });
  return true;
}

/** The legs a stored transaction has on accounts now. */
export async function legsOfTransaction(db: LedgerDb, teamId: string, transactionId: string): Promise<Leg[]> {
  const rows = await db.ledgerEntry.findMany({ where: { teamId, transactionId }, orderBy: { leg: 'asc' } });
  return rows.map((row) => ({
    leg: row.leg === 1 ? 1 : 0,
    accountId: row.accountId,
    amountMinor: row.amountMinor,
    currencyCode: row.currencyCode,
  }));
}

/** Count and sum of a loan's live repayments, optionally leaving one out (the one being changed). */
export async function repaymentsOf(
  db: LedgerDb,
  teamId: string,
  loanId: string,
  excluding?: string,
): Promise<{ count: number; repaidMinor: bigint }> {
  const result = await db.transaction.aggregate({
    where: { teamId, loanId, deletedAt: null, type: 'repayment', ...(excluding ? { id: { not: excluding } } : {}) },
    _count: { _all: true },
    _sum: { amountMinor: true },
  });
  return { count: result._count._all, repaidMinor: result._sum.amountMinor ?? 0n };
}

/** What has been repaid on each of these loans (absent: nothing). */
export async function repaidByLoan(db: LedgerDb, teamId: string, loanIds: readonly string[]): Promise<Map<string, bigint>> {
  if (loanIds.length === 0) return new Map();
  const groups = await db.transaction.groupBy({
    by: ['loanId'],
    where: { teamId, loanId: { in: [...loanIds] }, deletedAt: null, type: 'repayment' },
    _sum: { amountMinor: true },
  });
  return new Map(groups.map((group) => [group.loanId!, group._sum.amountMinor ?? 0n]));
}

function money(amountMinor: bigint | null, currencyCode: string | null): Money | null {
  return amountMinor === null || currencyCode === null ? null : { amountMinor, currencyCode };
}

/**
 * The stored content as a draft, the shape requests are validated in: used to apply a
 * partial update and to recognise a replayed create. A transfer within one currency
 * stores the arrived amount but reads back as "same as amount".
 */
export function draftOf(row: StoredTransaction): TransactionDraft {
  const toAmount = money(row.toAmountMinor, row.toCurrencyCode);
  return {
    kind: row.type,
    amount: { amountMinor: row.amountMinor, currencyCode: row.currencyCode },
    occurredAt: row.occurredAt,
    description: row.description,
    accountId: row.accountId,
    categoryId: row.categoryId,
    payee: row.payee,
    tags: row.tags,
    source: row.source,
    attachmentRef: row.attachmentRef,
    splits: row.splits.map((part) => ({ categoryId: part.categoryId, amountMinor: part.amountMinor, description: part.description })),
    toAccountId: row.toAccountId,
    toAmount: toAmount && toAmount.currencyCode === row.currencyCode ? null : toAmount,
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    loanId: row.loanId,
  };
}
