import { uuidv7 } from '@cashier/ids';
import { Prisma } from '../db/generated/client';
import { aggregateQuery, type AggregateRow } from '../db/aggregate-queries';
import { validateAggregateRequest, type GroupBy, type Period } from '../domain/aggregate-request';
import type { TransactionKind } from '../domain/transaction-kind';
import { getAggregates } from '../use-cases/get-aggregates';
import { addCategory, LedgerTestKit, money, newTeam, openAccount, record } from './support/ledger-test-kit';

function request(from: string, to: string, groupBy: GroupBy, extra: { period?: Period; timeZone?: string; kinds?: TransactionKind[] } = {}) {
  return validateAggregateRequest({
    from: new Date(from),
    to: new Date(to),
    groupBy,
    period: extra.period,
    timeZone: extra.timeZone ?? '',
    kinds: extra.kinds ?? [],
  });
}

const plain = (rows: AggregateRow[]) => rows.map((r) => [r.key, r.currency, r.inflow, r.outflow, r.count]);

describe('aggregates: always per currency', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(4);
  });
  afterAll(() => kit.close());

  it('by category (split parts in their own category), by account (transfer legs), by member, cash flow', async () => {
    const team = newTeam();
    const spouse = { ...team.cashier, userId: '0190f3a0-0000-7000-8000-0000000000b2' };
    const usd = await openAccount(kit, team.cashier, '100.00', 'USD');
    const bdt = await openAccount(kit, team.cashier, '0', 'BDT');
    const food = await addCategory(kit, team.cashier, 'Food');
    const home = await addCategory(kit, team.cashier, 'Home');
    const salary = await addCategory(kit, team.cashier, 'Salary', 'income');
    const at = new Date('2026-11-10T10:00:00Z');
    await record(kit, team.cashier, { occurredAt: at, accountId: usd, categoryId: food, amount: money('10.00', 'USD') });
    await record(kit, spouse, { occurredAt: at, accountId: bdt, categoryId: food, amount: money('500.00', 'BDT') });
    await record(kit, team.cashier, {
      occurredAt: at,
      accountId: usd,
      amount: money('3.00', 'USD'),
      splits: [
        { categoryId: food, amount: money('1.00', 'USD'), description: '' },
        { categoryId: home, amount: money('2.00', 'USD'), description: '' },
      ],
    });
    await record(kit, team.cashier, { occurredAt: at, kind: 'income', accountId: usd, categoryId: salary, amount: money('50.00', 'USD') });
    await record(kit, team.cashier, { occurredAt: at, kind: 'transfer', accountId: usd, toAccountId: bdt, amount: money('1.00', 'USD'), toAmount: money('122.00', 'BDT') });
    await record(kit, team.cashier, { occurredAt: at, kind: 'debt', amount: money('7.00', 'USD'), payee: 'Grocer' });
    await record(kit, team.cashier, { occurredAt: new Date('2026-12-01T00:00:00Z'), categoryId: food, amount: money('99.00', 'USD') });
    const month = (groupBy: GroupBy) => getAggregates(kit.prisma, team.observer, request('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', groupBy));

    expect(plain(await month('category'))).toEqual(
      [
        [food, 'BDT', 0n, 50000n, 1n],
        [food, 'USD', 0n, 1100n, 2n],
        [home, 'USD', 0n, 200n, 1n],
        [salary, 'USD', 5000n, 0n, 1n],
      ].sort((x, y) => `${x[1]}${x[0]}`.localeCompare(`${y[1]}${y[0]}`)),
    );
    expect(plain(await month('account'))).toEqual([
      [bdt, 'BDT', 12200n, 50000n, 2n],
      [usd, 'USD', 5000n, 1400n, 4n],
    ]);
    expect(plain(await month('member'))).toEqual(
      [
        [spouse.userId, 'BDT', 0n, 50000n, 1n],
        [team.cashier.userId, 'USD', 5000n, 1300n, 5n],
      ],
    );
    expect(plain(await month('cash_flow'))).toEqual([
      ['', 'BDT', 0n, 50000n, 1n],
      ['', 'USD', 5000n, 1300n, 3n],
    ]);
  });

  it('by period in the team’s time zone: day, ISO week from Monday, month, year', async () => {
    const team = newTeam();
    // 20:30 UTC on Sunday 30 November is 02:30 on Monday 1 December in Dhaka (UTC+6).
    await record(kit, team.cashier, { occurredAt: new Date('2026-11-30T20:30:00Z'), amount: money('1.00', 'USD') });
    await record(kit, team.cashier, { occurredAt: new Date('2026-11-29T10:00:00Z'), amount: money('2.00', 'USD') });
    await record(kit, team.cashier, { occurredAt: new Date('2026-11-29T10:00:00Z'), amount: money('300', 'JPY') });
    const by = (period: Period, timeZone: string) =>
      getAggregates(kit.prisma, team.cashier, request('2026-11-01T00:00:00Z', '2026-12-31T00:00:00Z', 'period', { period, timeZone }));
    expect(plain(await by('month', 'UTC'))).toEqual([
      ['2026-11-01', 'JPY', 0n, 300n, 1n],
      ['2026-11-01', 'USD', 0n, 300n, 2n],
    ]);
    expect(plain(await by('month', 'Asia/Dhaka'))).toEqual([
      ['2026-11-01', 'JPY', 0n, 300n, 1n],
      ['2026-11-01', 'USD', 0n, 200n, 1n],
      ['2026-12-01', 'USD', 0n, 100n, 1n],
    ]);
    expect(plain(await by('week', 'Asia/Dhaka')).map((r) => [r[0], r[1]])).toEqual([
      ['2026-11-23', 'JPY'],
      ['2026-11-23', 'USD'],
      ['2026-11-30', 'USD'],
    ]);
    expect(plain(await by('day', 'UTC')).map((r) => r[0])).toEqual(['2026-11-29', '2026-11-29', '2026-11-30']);
    expect(plain(await by('year', 'UTC')).map((r) => [r[0], r[1]])).toEqual([
      ['2026-01-01', 'JPY'],
      ['2026-01-01', 'USD'],
    ]);
  });

  it('refuses ranges that are empty, reversed or longer than about three years, and unknown zones', () => {
    expect(() => request('2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'category')).toThrow();
    expect(() => request('2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'category')).toThrow();
    expect(() => request('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 'period', { period: 'month', timeZone: 'Mars/Olympus' })).toThrow();
  });

  describe('a team with 100,000 transactions', () => {
    const team = newTeam();
    const categories = Array.from({ length: 5 }, () => uuidv7());
    const currencies = ['USD', 'BDT', 'JPY'];

    beforeAll(async () => {
      for (const [i, id] of categories.entries()) {
        await kit.pool.query(
          `INSERT INTO categories (id, team_id, name, kind, created_by, updated_by) VALUES ($1, $2, $3, 'expense', $4, $4)`,
          [id, team.teamId, `Category ${i + 1}`, team.cashier.userId],
        );
      }
      // One statement: row g is in category g % 5, currency g % 3, costs (g % 1000) + 1 minor
      // units and happens g * 5 minutes after the start of 2025 (so about a year of data).
      await kit.pool.query(
        `INSERT INTO transactions (id, team_id, type, direction, amount_minor, currency_code, occurred_at, category_id, created_by, updated_by)
         SELECT gen_random_uuid(), $1, 'expense', -1, (g % 1000) + 1, ($3::text[])[(g % 3) + 1],
                timestamptz '2025-01-01 00:00:00+00' + g * interval '5 minutes', ($2::uuid[])[(g % 5) + 1], $4, $4
           FROM generate_series(1, 100000) g`,
        [team.teamId, categories, currencies, team.cashier.userId],
      );
      await kit.pool.query('ANALYZE transactions');
    });
    afterAll(async () => {
      await kit.pool.query('DELETE FROM transactions WHERE team_id = $1', [team.teamId]);
      await kit.pool.query('DELETE FROM categories WHERE team_id = $1', [team.teamId]);
    });

    it('answers the monthly category breakdown exactly, per currency, from an index that starts with team_id', async () => {
      const march = request('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', 'category');
      const rows = await getAggregates(kit.prisma, team.observer, march);

      const expected = new Map<string, { outflow: bigint; count: bigint }>();
      const start = Date.UTC(2025, 0, 1);
      for (let g = 1; g <= 100_000; g++) {
        const at = start + g * 5 * 60_000;
        if (at < march.from.getTime() || at >= march.to.getTime()) continue;
        const key = `${categories[g % 5]}|${currencies[g % 3]}`;
        const bucket = expected.get(key) ?? { outflow: 0n, count: 0n };
        bucket.outflow += BigInt((g % 1000) + 1);
        bucket.count += 1n;
        expected.set(key, bucket);
      }
      expect(rows).toHaveLength(15);
      for (const row of rows) {
        expect({ key: `${row.key}|${row.currency}`, inflow: row.inflow, ...expected.get(`${row.key}|${row.currency}`) }).toEqual({
          key: `${row.key}|${row.currency}`,
          inflow: 0n,
          outflow: row.outflow,
          count: row.count,
        });
      }
      expect(rows.reduce((n, r) => n + r.count, 0n)).toBe([...expected.values()].reduce((n, b) => n + b.count, 0n));

      // Fresh statistics, as autovacuum would have them: the plan must not depend on timing.
      await kit.prisma.$executeRaw`ANALYZE transactions`;
      const plan = await kit.prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${aggregateQuery(team.teamId, march)}`);
      const text = plan.map((line) => line['QUERY PLAN']).join('\n');
      // An index scan, an index-only scan or a bitmap scan, but on an index led by team_id.
      const teamIndex = /(Index Scan|Index Only Scan) using transactions_team_id\w* on transactions |Bitmap Index Scan on transactions_team_id\w*/;
      expect({ usesTeamIndex: teamIndex.test(text), plan: text }).toEqual({
        usesTeamIndex: true,
        plan: expect.not.stringMatching(/Seq Scan on transactions /),
      });
    });
  });
});
