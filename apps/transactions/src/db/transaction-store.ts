import type { Money } from '@cashier/money';
import type { Transaction, TransactionSplit } from './generated/client';
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

async function writeParts(db: LedgerDb, teamId: string, transactionId: string, resolved: ResolvedTransaction): Promise<void> {
  if (resolved.splits.length > 0) {
    await db.transactionSplit.createMany({
      data: resolved.splits.map((part, position) => ({
        teamId,
        transactionId,
        position,
        categoryId: part.categoryId,
        amountMinor: part.amountMinor,
        description: part.description,
      })),
    });
  }
  if (resolved.legs.length > 0) {
    await db.ledgerEntry.createMany({
      data: resolved.legs.map((leg) => ({
        teamId,
        transactionId,
        leg: leg.leg,
        accountId: leg.accountId,
        amountMinor: leg.amountMinor,
        currencyCode: leg.currencyCode,
        occurredAt: resolved.occurredAt,
      })),
    });
  }
}

/** Inserts the transaction, its split parts and its legs on accounts. */
export async function insertTransaction(
  db: LedgerDb,
  teamId: string,
  actorId: string,
  id: string,
  resolved: ResolvedTransaction,
): Promise<StoredTransaction> {
  await db.transaction.create({ data: { id, teamId, createdBy: actorId, updatedBy: actorId, ...transactionColumns(resolved) } });
  await writeParts(db, teamId, id, resolved);
  return (await findTransaction(db, teamId, id))!;
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
