import { status } from '@grpc/grpc-js';
import { uuidv7 } from '@cashier/ids';
import { validateFilter, type FilterInput } from '../domain/transaction-filter';
import type { ListSort } from '../domain/list-cursor';
import { listTransactions } from '../use-cases/list-transactions';
import { addCategory, LedgerTestKit, money, newTeam, openAccount, record, rejection } from './support/ledger-test-kit';

const NO_FILTER: FilterInput = {
  kinds: [],
  categoryIds: [],
  includeSubcategories: false,
  accountIds: [],
  tags: [],
  payee: '',
  currencyCode: '',
  text: '',
  createdBy: [],
};

describe('listing transactions', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(8);
  });
  afterAll(() => kit.close());

  const list = (who: ReturnType<typeof newTeam>['cashier'], filter: Partial<FilterInput> = {}, sort: ListSort = 'occurred_at_desc', cursor = '', limit = 0) =>
    listTransactions(kit.prisma, who, { filter: validateFilter({ ...NO_FILTER, ...filter }), sort, cursor, limit });

  const ids = async (...args: Parameters<typeof list>) => (await list(...args)).transactions.map((v) => v.row.id);

  it('filters by date, type, category (with children), account, tags, payee, amount, text and member', async () => {
    const team = newTeam();
    const other = { ...team.cashier, userId: uuidv7() };
    const cash = await openAccount(kit, team.cashier, '0', 'USD');
    const bank = await openAccount(kit, team.cashier, '0', 'USD');
    const food = await addCategory(kit, team.cashier, 'Food');
    const lunch = await addCategory(kit, team.cashier, 'Lunch', 'expense', food);
    const home = await addCategory(kit, team.cashier, 'Home');
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
    const a = await record(kit, team.cashier, { occurredAt: day(1), categoryId: food, accountId: cash, tags: ['family'], payee: 'Agora', description: '50% off_sale' });
    const b = await record(kit, team.cashier, { occurredAt: day(2), categoryId: lunch, accountId: bank, amount: money('3.00', 'USD'), payee: 'agora' });
    const c = await record(kit, other, { occurredAt: day(3), kind: 'income', amount: money('1000', 'JPY'), tags: ['work', 'family'] });
    const d = await record(kit, team.cashier, {
      occurredAt: day(4),
      amount: money('4.00', 'USD'),
      splits: [
        { categoryId: home, amount: money('1.00', 'USD'), description: '' },
        { categoryId: lunch, amount: money('3.00', 'USD'), description: '' },
      ],
    });
    const e = await record(kit, team.cashier, { occurredAt: day(5), kind: 'transfer', accountId: cash, toAccountId: bank, amount: money('1.00', 'USD') });

    expect(await ids(team.cashier)).toEqual([e.id, d.id, c.id, b.id, a.id]);
    expect(await ids(team.cashier, { occurredFrom: day(2), occurredTo: day(4) })).toEqual([c.id, b.id]);
    expect(await ids(team.cashier, { kinds: ['income', 'transfer'] })).toEqual([e.id, c.id]);
    expect(await ids(team.cashier, { categoryIds: [food] })).toEqual([a.id]);
    expect(await ids(team.cashier, { categoryIds: [food], includeSubcategories: true })).toEqual([d.id, b.id, a.id]);
    expect(await ids(team.cashier, { categoryIds: [home] })).toEqual([d.id]);
    expect(await ids(team.cashier, { accountIds: [bank] })).toEqual([e.id, b.id]);
    expect(await ids(team.cashier, { tags: ['family'] })).toEqual([c.id, a.id]);
    expect(await ids(team.cashier, { payee: 'AGORA' })).toEqual([b.id, a.id]);
    expect(await ids(team.cashier, { currencyCode: 'USD', minAmountMinor: 300n, maxAmountMinor: 400n })).toEqual([d.id, b.id]);
    expect(await ids(team.cashier, { currencyCode: 'JPY' })).toEqual([c.id]);
    expect(await ids(team.cashier, { text: '50%' })).toEqual([a.id]);
    expect(await ids(team.cashier, { text: 'f_s' })).toEqual([a.id]);
    expect(await ids(team.cashier, { text: '%' })).toEqual([a.id]);
    expect(await ids(team.cashier, { text: 'gor' })).toEqual([b.id, a.id]);
    expect(await ids(team.cashier, { createdBy: [other.userId] })).toEqual([c.id]);
    expect(await ids(team.cashier, {}, 'amount_desc')).toEqual([a.id, c.id, d.id, b.id, e.id]);
    expect(await ids(team.cashier, {}, 'occurred_at_asc')).toEqual([a.id, b.id, c.id, d.id, e.id]);
  });

  it('refuses an amount range without a currency and a broken or foreign cursor', async () => {
    expect(() => validateFilter({ ...NO_FILTER, minAmountMinor: 1n })).toThrow();
    const team = newTeam();
    for (let i = 0; i < 3; i++) await record(kit, team.cashier);
    const page = await list(team.cashier, {}, 'occurred_at_desc', '', 2);
    expect(page.nextCursor).not.toBe('');
    for (const [cursor, sort, filter] of [
      ['garbage', 'occurred_at_desc', {}],
      [page.nextCursor, 'amount_desc', {}],
      [page.nextCursor, 'occurred_at_desc', { text: 'x' }],
    ] as const) {
      const refused = await rejection(list(team.cashier, filter, sort, cursor));
      expect([refused.grpcStatus, refused.code]).toEqual([status.INVALID_ARGUMENT, 'TRANSACTIONS_INVALID_CURSOR']);
    }
  });

  it('clamps the page size to 200 and defaults to 50', async () => {
    const team = newTeam();
    await kit.pool.query(
      `INSERT INTO transactions (id, team_id, type, amount_minor, currency_code, occurred_at, created_by, updated_by, direction)
       SELECT gen_random_uuid(), $1, 'expense', 100 + g, 'USD', now() - g * interval '1 minute', $2, $2, -1
         FROM generate_series(1, 260) g`,
      [team.teamId, team.cashier.userId],
    );
    expect((await list(team.cashier)).transactions).toHaveLength(50);
    expect((await list(team.cashier, {}, 'occurred_at_desc', '', 100_000)).transactions).toHaveLength(200);
  });

  it.each(['occurred_at_desc', 'amount_asc'] as const)(
    'pages with a keyset cursor: every row once, none skipped, while others insert (%s)',
    async (sort) => {
      const team = newTeam();
      const existing = new Set<string>();
      for (let i = 0; i < 45; i++) {
        // Ties on the sort key on purpose: the id breaks them.
        const row = await record(kit, team.cashier, { occurredAt: new Date(Date.UTC(2026, 10, 1 + (i % 5))), amount: money(`${1 + (i % 4)}.00`, 'USD') });
        existing.add(row.id);
      }
      const seen: string[] = [];
      let cursor = '';
      const inserts: Promise<unknown>[] = [];
      do {
        const page = await list(team.cashier, {}, sort, cursor, 7);
        seen.push(...page.transactions.map((v) => v.row.id));
        cursor = page.nextCursor;
        // Concurrent writers add rows before, inside and after the pages already read.
        for (const d of [0, 3, 9]) {
          inserts.push(record(kit, team.cashier, { occurredAt: new Date(Date.UTC(2026, 10, 1 + d)), amount: money(`${d}.50`, 'USD') }));
        }
      } while (cursor !== '');
      await Promise.all(inserts);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...existing].filter((id) => !seen.includes(id))).toEqual([]);
    },
  );

  it('an observer lists; another team sees nothing of this team', async () => {
    const team = newTeam();
    await record(kit, team.cashier);
    expect(await ids(team.observer)).toHaveLength(1);
    expect(await ids(newTeam().admin)).toEqual([]);
  });
});
