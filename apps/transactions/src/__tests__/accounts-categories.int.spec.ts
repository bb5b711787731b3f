import { status } from '@grpc/grpc-js';
import { TeamCreated } from '@cashier/contracts/cashier/events/v1/userteam';
import { EventType, type ReceivedEvent } from '@cashier/events';
import { uuidv7 } from '@cashier/ids';
import { createLogger } from '@cashier/logger';
import { DEFAULT_CATEGORY_COUNT } from '../domain/default-categories';
import { validateNewAccount } from '../domain/new-account';
import { validateNewCategory } from '../domain/new-category';
import { createDefaultCategories } from '../events/create-default-categories';
import { createAccount } from '../use-cases/create-account';
import { createCategory } from '../use-cases/create-category';
import { deleteCategory } from '../use-cases/delete-category';
import { deleteTransaction } from '../use-cases/delete-transaction';
import { getAccount, listAccounts } from '../use-cases/get-account';
import { getCategory, listCategories } from '../use-cases/get-category';
import { updateAccount } from '../use-cases/update-account';
import { updateCategory } from '../use-cases/update-category';
import { addCategory, LedgerTestKit, money, newTeam, openAccount, record, rejection } from './support/ledger-test-kit';

describe('accounts', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(4);
  });
  afterAll(() => kit.close());

  it('opens every kind of account with its currency and opening balance, and lists them with balances', async () => {
    const team = newTeam();
    const bkash = await createAccount(
      kit.prisma,
      team.cashier,
      validateNewAccount({
        id: '',
        name: ' bKash wallet ',
        kind: 'mobile_money',
        provider: 'bKash',
        openingBalance: money('1500.50', 'BDT'),
        allowNegative: false,
      }),
    );
    expect(bkash.account.account).toMatchObject({ name: 'bKash wallet', kind: 'mobile_money', provider: 'bKash', currencyCode: 'BDT' });
    expect(bkash.account.balanceMinor).toBe(150050n);
    for (const kind of ['cash', 'bank', 'card', 'savings', 'credit'] as const) {
      await openAccount(kit, team.cashier, kind === 'credit' ? '-200.00' : '0', 'USD', { kind, name: kind });
    }
    const listed = await listAccounts(kit.prisma, team.observer, false);
    expect(listed.map((v) => v.account.kind)).toEqual(['mobile_money', 'cash', 'bank', 'card', 'savings', 'credit']);
    expect(listed.find((v) => v.account.kind === 'credit')!.balanceMinor).toBe(-20000n);
  });

  it('takes a client id (offline creation): the same content again is a replay, other content a conflict', async () => {
    const team = newTeam();
    const id = uuidv7();
    const input = validateNewAccount({ id, name: 'Cash', kind: 'cash', provider: '', openingBalance: money('10', 'USD'), allowNegative: true });
    const first = await createAccount(kit.prisma, team.cashier, input);
    const again = await createAccount(kit.prisma, team.cashier, input);
    expect([first.created, again.created, again.account.account.id]).toEqual([true, false, id]);
    const other = await rejection(createAccount(kit.prisma, team.cashier, { ...input, name: 'Other' }));
    expect(other.grpcStatus).toBe(status.ALREADY_EXISTS);
    const thief = newTeam();
    expect((await rejection(createAccount(kit.prisma, thief.cashier, input))).grpcStatus).toBe(status.ALREADY_EXISTS);
    expect(await kit.count('SELECT count(*) FROM change_log WHERE team_id = $1', [team.teamId])).toBe(1);
  });

  it('renames and archives; the currency never changes; versions are checked when given', async () => {
    const team = newTeam();
    const id = await openAccount(kit, team.cashier, '5.00', 'USD');
    const values = { name: 'Pocket', kind: undefined, provider: '', openingBalance: undefined, archived: true, allowNegative: false };
    const renamed = await updateAccount(kit.prisma, team.cashier, { id, expectedVersion: 1n, updateMask: ['name', 'archived'], values });
    expect(renamed.account).toMatchObject({ name: 'Pocket', archived: true, version: 2n, allowNegative: true });
    const stale = await rejection(updateAccount(kit.prisma, team.cashier, { id, expectedVersion: 1n, updateMask: ['name'], values }));
    expect([stale.grpcStatus, stale.code]).toEqual([status.FAILED_PRECONDITION, 'TRANSACTIONS_VERSION_MISMATCH']);
    const currency = await rejection(
      updateAccount(kit.prisma, team.cashier, { id, expectedVersion: 0n, updateMask: ['opening_balance'], values: { ...values, openingBalance: money('5', 'EUR') } }),
    );
    expect(currency.fieldViolations).toEqual([{ field: 'currency', description: expect.stringContaining('never changes') }]);
    const forbidden = await rejection(updateAccount(kit.prisma, team.cashier, { id, expectedVersion: 0n, updateMask: ['team_id'], values }));
    expect(forbidden.code).toBe('TRANSACTIONS_INVALID_UPDATE_MASK');
    expect((await listAccounts(kit.prisma, team.cashier, false)).map((v) => v.account.id)).toEqual([]);
    expect((await listAccounts(kit.prisma, team.cashier, true)).map((v) => v.account.id)).toEqual([id]);
    const archived = await rejection(record(kit, team.cashier, { accountId: id, amount: money('1.00', 'USD') }));
    expect(archived.fieldViolations).toEqual([{ field: 'account_id', description: 'the account is archived' }]);
  });

  it('corrects an opening balance and the balance follows', async () => {
    const team = newTeam();
    const id = await openAccount(kit, team.cashier, '5.00', 'USD');
    await record(kit, team.cashier, { accountId: id, amount: money('1.25', 'USD') });
    const values = { name: '', kind: undefined, provider: '', openingBalance: money('7.00', 'USD'), archived: false, allowNegative: true };
    const view = await updateAccount(kit.prisma, team.cashier, { id, expectedVersion: 0n, updateMask: ['opening_balance'], values });
    expect(view.balanceMinor).toBe(575n);
    expect((await getAccount(kit.prisma, team.observer, id)).balanceMinor).toBe(await kit.balanceFromEntries(id));
  });
});

describe('categories', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(4);
  });
  afterAll(() => kit.close());

  it('nests under a parent of the same kind, never under itself or its descendants', async () => {
    const team = newTeam();
    const food = await addCategory(kit, team.cashier, 'Food');
    const groceries = await addCategory(kit, team.cashier, 'Groceries', 'expense', food);
    const veg = await addCategory(kit, team.cashier, 'Vegetables', 'expense', groceries);
    const salary = await addCategory(kit, team.cashier, 'Salary', 'income');
    const mixed = await rejection(addCategory(kit, team.cashier, 'Bonus', 'income', food));
    expect(mixed.fieldViolations[0].field).toBe('parent_id');
    const move = (id: string, parentId: string) =>
      updateCategory(kit.prisma, team.cashier, { id, expectedVersion: 0n, updateMask: ['parent_id'], values: { name: '', parentId, archived: false } });
    for (const [id, parent] of [
      [food, veg],
      [food, food],
      [groceries, veg],
      [salary, food],
    ]) {
      const refused = await rejection(move(id, parent));
      expect([refused.grpcStatus, refused.fieldViolations[0].field]).toEqual([status.INVALID_ARGUMENT, 'parent_id']);
    }
    expect((await move(veg, food)).parentId).toBe(food);
    expect((await move(veg, '')).parentId).toBeNull();
  });

  it('two concurrent moves that would make a cycle: one wins, no cycle', async () => {
    const team = newTeam();
    const a = await addCategory(kit, team.cashier, 'A');
    const b = await addCategory(kit, team.cashier, 'B');
    const move = (id: string, parentId: string) =>
      updateCategory(kit.prisma, team.cashier, { id, expectedVersion: 0n, updateMask: ['parent_id'], values: { name: '', parentId, archived: false } });
    const results = await Promise.allSettled([move(a, b), move(b, a)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await listCategories(kit.prisma, team.cashier, true);
    expect(rows.filter((row) => row.parentId !== null)).toHaveLength(1);
  });

  it('renames and archives; a category in use cannot be deleted, an unused one can', async () => {
    const team = newTeam();
    const used = await addCategory(kit, team.cashier, 'Used');
    const splitOnly = await addCategory(kit, team.cashier, 'Split only');
    const unused = await addCategory(kit, team.cashier, 'Unused');
    const row = await record(kit, team.cashier, { categoryId: used });
    await record(kit, team.cashier, {
      amount: money('2.00', 'USD'),
      splits: [
        { categoryId: used, amount: money('1.00', 'USD'), description: '' },
        { categoryId: splitOnly, amount: money('1.00', 'USD'), description: '' },
      ],
    });
    for (const id of [used, splitOnly]) {
      const refused = await rejection(deleteCategory(kit.prisma, team.cashier, id));
      expect([refused.grpcStatus, refused.code]).toEqual([status.FAILED_PRECONDITION, 'TRANSACTIONS_CATEGORY_IN_USE']);
    }
    await deleteTransaction(kit.prisma, team.cashier, row.id, null);
    expect((await rejection(deleteCategory(kit.prisma, team.cashier, used))).code).toBe('TRANSACTIONS_CATEGORY_IN_USE');
    await deleteCategory(kit.prisma, team.cashier, unused);
    expect((await rejection(getCategory(kit.prisma, team.cashier, unused))).grpcStatus).toBe(status.NOT_FOUND);
    const renamed = await updateCategory(kit.prisma, team.cashier, {
      id: used,
      expectedVersion: 1n,
      updateMask: ['name', 'archived'],
      values: { name: 'Old stuff', parentId: '', archived: true },
    });
    expect(renamed).toMatchObject({ name: 'Old stuff', archived: true, version: 2n });
    expect((await listCategories(kit.prisma, team.cashier, false)).map((c) => c.id)).toEqual([splitOnly]);
    const archived = await rejection(record(kit, team.cashier, { categoryId: used }));
    expect(archived.fieldViolations).toEqual([{ field: 'category_id', description: 'the category is archived' }]);
  });

  it('takes a client id: a replay returns the first category', async () => {
    const team = newTeam();
    const input = validateNewCategory({ id: uuidv7(), name: 'Pets', kind: 'expense', parentId: '' });
    const first = await createCategory(kit.prisma, team.cashier, input);
    const again = await createCategory(kit.prisma, team.cashier, input);
    expect([first.created, again.created, again.category.id]).toEqual([true, false, input.id]);
  });

  it('creates the default set once for a TeamCreated event delivered twice', async () => {
    const teamId = uuidv7();
    const admin = uuidv7();
    const event: ReceivedEvent = {
      id: uuidv7(),
      source: '/cashier/user-team',
      type: EventType.TeamCreated,
      subject: teamId,
      time: new Date().toISOString(),
      payload: Buffer.from(
        TeamCreated.encode({
          teamId,
          name: 'Rahman family',
          type: 'family',
          baseCurrency: 'BDT',
          timeZone: 'Asia/Dhaka',
          createdBy: admin,
          createdAt: new Date(),
        }).finish(),
      ),
      topic: EventType.TeamCreated,
      partition: 0,
      offset: '0',
    };
    const handle = createDefaultCategories(kit.prisma);
    const log = createLogger('test', 'silent');
    await Promise.all([handle(event, log), handle(event, log)].map((p) => p.catch((e: unknown) => e)));
    await handle(event, log);
    const categories = await listCategories(kit.prisma, { userId: admin, teamId, role: 'observer', requestId: 'r' }, false);
    expect(categories).toHaveLength(DEFAULT_CATEGORY_COUNT);
    expect(new Set(categories.map((c) => c.kind))).toEqual(new Set(['expense', 'income']));
    const groceries = categories.find((c) => c.name === 'Groceries')!;
    expect(categories.find((c) => c.id === groceries.parentId)!.name).toBe('Food & dining');
    expect(await kit.count('SELECT count(*) FROM change_log WHERE team_id = $1', [teamId])).toBe(DEFAULT_CATEGORY_COUNT);
  });
});
