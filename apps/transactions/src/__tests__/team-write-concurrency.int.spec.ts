import { changesSince } from '../db/change-log-queries';
import { ServiceError } from '@cashier/grpc';
import { TransactionsErrorCode } from '../domain/transactions-error-code';
import { syncChanges } from '../use-cases/sync-changes';
import { LedgerTestKit, money, newTeam, openAccount, record, type Entry } from './support/ledger-test-kit';

// A team's writes take the team's lock as late as they may (record-transaction.ts): these
// tests hammer one team from many connections at once and check what the lock is for.

/** Runs `count` calls with at most `width` in flight; each outcome as allSettled reports it. */
async function concurrently<T>(count: number, width: number, call: (index: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const outcomes: PromiseSettledResult<T>[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const index = next++;
        try {
          outcomes[index] = { status: 'fulfilled', value: await call(index) };
        } catch (reason) {
          outcomes[index] = { status: 'rejected', reason };
        }
      }
    }),
  );
  return outcomes;
}

function codeOf(outcome: PromiseSettledResult<unknown>): string {
  if (outcome.status === 'fulfilled') return 'ok';
  if (outcome.reason instanceof ServiceError) return outcome.reason.code;
  throw outcome.reason;
}

describe('one team written from many connections at once', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(16);
  });
  afterAll(() => kit.close());

  it('a reader following the change log with its cursor sees every seq exactly once, in order, never one before a smaller one', async () => {
    const team = newTeam();
    const cash = await openAccount(kit, team.admin, '1000000.00', 'USD', { allowNegative: false });
    const card = await openAccount(kit, team.admin, '0', 'USD');
    // Plain entries take the lock only in their last statement; those on an account take
    // it earlier (balance check): both kinds, interleaved, from 12 connections.
    const entries: Entry[] = [
      { kind: 'expense', amount: money('1.25', 'USD') },
      { kind: 'expense', accountId: cash, amount: money('2.00', 'USD') },
      { kind: 'income', accountId: card, amount: money('3.10', 'USD') },
      { kind: 'transfer', accountId: cash, toAccountId: card, amount: money('0.50', 'USD') },
    ];
    const writes = 240;

    let cursor = 0n;
    const seen: bigint[] = [];
    const synced = new Map<string, number>();
    let syncCursor = '';
    let writing = true;
    const follow = async () => {
      const page = await changesSince(kit.prisma, team.teamId, cursor, 25, null);
      for (const entry of page.slice(0, 25)) {
        // The guarantee: whatever is visible after the cursor starts right after it.
        expect(entry.seq).toBe(cursor + 1n);
        cursor = entry.seq;
        seen.push(entry.seq);
      }
      const sync = await syncChanges(kit.prisma, team.observer, syncCursor, 25);
      for (const item of sync.items) synced.set(item.change.entityId, (synced.get(item.change.entityId) ?? 0) + 1);
      syncCursor = sync.cursor;
    };
    const reader = (async () => {
      while (writing) await follow();
    })();

    const outcomes = await concurrently(writes, 12, (index) => record(kit, team.cashier, entries[index % entries.length]));
    writing = false;
    await reader;
    for (let i = 0; i < 20 && (seen.length === 0 || seen[seen.length - 1] < BigInt(writes + 2)); i++) await follow();

    expect(outcomes.map(codeOf).filter((code) => code !== 'ok')).toEqual([]);
    const { rows } = await kit.pool.query('SELECT last_seq::text AS last FROM team_sequences WHERE team_id = $1', [team.teamId]);
    const last = BigInt(rows[0].last);
    expect(last).toBe(BigInt(writes + 2)); // two accounts, then one entry per write
    expect(seen).toEqual(Array.from({ length: writes + 2 }, (_, i) => BigInt(i + 1)));
    // Sync (each entity once, at its latest change) delivered every transaction exactly once.
    const transactions = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<{ id: string }>).value.id);
    expect(transactions.filter((id) => synced.get(id) !== 1)).toEqual([]);
  }, 60_000);

  it('concurrent withdrawals from an account that may not go negative never take it below zero', async () => {
    const team = newTeam();
    const wallet = await openAccount(kit, team.admin, '10.00', 'USD', { allowNegative: false });
    const other = await openAccount(kit, team.admin, '0', 'USD');
    // 30 withdrawals of 1.00 (expenses and transfers out) race for 10.00; incomes of 0.50
    // into the same account race with them.
    const outcomes = await concurrently(36, 16, (index) => {
      if (index % 6 === 5) return record(kit, team.cashier, { kind: 'income', accountId: wallet, amount: money('0.50', 'USD') });
      return index % 2 === 0
        ? record(kit, team.cashier, { kind: 'expense', accountId: wallet, amount: money('1.00', 'USD') })
        : record(kit, team.cashier, { kind: 'transfer', accountId: wallet, toAccountId: other, amount: money('1.00', 'USD') });
    });
    const codes = outcomes.map(codeOf);
    expect(codes.filter((code) => code !== 'ok' && code !== TransactionsErrorCode.InsufficientBalance)).toEqual([]);
    const withdrawn = codes.filter((code, index) => code === 'ok' && index % 6 !== 5).length;
    // 10.00 + 6 x 0.50 = 13.00 went in; at most 13 withdrawals of 1.00 fit, and at least 10
    // (the opening balance alone) did.
    expect(withdrawn).toBeGreaterThanOrEqual(10);
    expect(withdrawn).toBeLessThanOrEqual(13);
    const balance = await kit.balanceFromEntries(wallet);
    expect(balance).toBe(1300n - BigInt(withdrawn) * 100n);
    expect(balance).toBeGreaterThanOrEqual(0n);
  }, 60_000);

  it('concurrent repayments never repay more than the loan', async () => {
    const team = newTeam();
    const loan = await record(kit, team.cashier, { kind: 'loan_given', amount: money('10.00', 'USD'), payee: 'Karim' });
    const outcomes = await concurrently(25, 16, () =>
      record(kit, team.cashier, { kind: 'repayment', loanId: loan.id, amount: money('1.00', 'USD') }),
    );
    const codes = outcomes.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(10);
    expect(codes.filter((code) => code !== 'ok' && code !== TransactionsErrorCode.RepaymentExceedsOutstanding)).toEqual([]);
    const repaid = await kit.count(
      `SELECT COALESCE(SUM(amount_minor), 0) AS count FROM transactions WHERE team_id = $1 AND loan_id = $2 AND deleted_at IS NULL`,
      [team.teamId, loan.id],
    );
    expect(repaid).toBe(1000);
  }, 60_000);
});
