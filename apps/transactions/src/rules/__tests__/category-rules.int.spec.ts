import { status } from '@grpc/grpc-js';
import { addCategory, LedgerTestKit, newTeam, openAccount, record, rejection } from '../../__tests__/support/ledger-test-kit';
import { updateCategory } from '../../use-cases/update-category';
import { deleteCategory } from '../../use-cases/delete-category';
import { validateCategoryRuleDraft } from '../domain/category-rule-draft';
import { createCategoryRule } from '../use-cases/create-category-rule';
import { deleteCategoryRule } from '../use-cases/delete-category-rule';
import { listCategoryRules } from '../use-cases/list-category-rules';
import { updateCategoryRule } from '../use-cases/update-category-rule';

const ruleOf = (payeeContains: string, categoryId: string, tags: string[] = [], position = 0) =>
  validateCategoryRuleDraft({ payeeContains, categoryId, tags, position });

describe('auto-categorisation rules', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(4);
  });
  afterAll(() => kit.close());

  it('categorises and tags a new expense whose payee matches, leaving what the client chose', async () => {
    const team = newTeam();
    const account = await openAccount(kit, team.cashier, '100', 'USD');
    const groceries = await addCategory(kit, team.cashier, 'Groceries');
    const transport = await addCategory(kit, team.cashier, 'Transport');
    await createCategoryRule(kit.prisma, team.cashier, ruleOf('shwapno', groceries, ['food'], 2));
    await createCategoryRule(kit.prisma, team.cashier, ruleOf('uber', transport, [], 1));

    const matched = await record(kit, team.cashier, { accountId: account, payee: 'SHWAPNO Gulshan', tags: ['family'] });
    expect(matched).toMatchObject({ categoryId: groceries, tags: ['family', 'food'] });
    const chosen = await record(kit, team.cashier, { accountId: account, payee: 'Uber trip', categoryId: groceries });
    expect(chosen.categoryId).toBe(groceries);
    const unmatched = await record(kit, team.cashier, { accountId: account, payee: 'Corner shop' });
    expect(unmatched).toMatchObject({ categoryId: null, tags: [] });
  });

  it('tries rules by position: the first match wins', async () => {
    const team = newTeam();
    const a = await addCategory(kit, team.cashier, 'A');
    const b = await addCategory(kit, team.cashier, 'B');
    await createCategoryRule(kit.prisma, team.cashier, ruleOf('mart', a, [], 5));
    const first = await createCategoryRule(kit.prisma, team.cashier, ruleOf('mart', b, [], 1));
    expect((await record(kit, team.cashier, { payee: 'Mega Mart' })).categoryId).toBe(b);
    await updateCategoryRule(kit.prisma, team.cashier, {
      id: first.id,
      expectedVersion: first.version,
      updateMask: ['position'],
      values: { payeeContains: '', categoryId: '', tags: [], position: 9 },
    });
    expect((await record(kit, team.cashier, { payee: 'Mega Mart' })).categoryId).toBe(a);
    expect((await listCategoryRules(kit.prisma, team.observer)).map((rule) => rule.categoryId)).toEqual([a, b]);
  });

  it('refuses a stale version, another team’s category, observers, and keeps teams apart', async () => {
    const team = newTeam();
    const other = newTeam();
    const mine = await addCategory(kit, team.cashier, 'Mine');
    const theirs = await addCategory(kit, other.cashier, 'Theirs');
    expect((await rejection(createCategoryRule(kit.prisma, team.cashier, ruleOf('x', theirs)))).grpcStatus).toBe(status.NOT_FOUND);
    expect((await rejection(createCategoryRule(kit.prisma, team.observer, ruleOf('x', mine)))).grpcStatus).toBe(status.PERMISSION_DENIED);
    const rule = await createCategoryRule(kit.prisma, team.cashier, ruleOf('x', mine));
    const stale = { id: rule.id, expectedVersion: rule.version, updateMask: ['tags'], values: { payeeContains: '', categoryId: '', tags: ['a'], position: 0 } };
    await updateCategoryRule(kit.prisma, team.cashier, stale);
    expect((await rejection(updateCategoryRule(kit.prisma, team.cashier, stale))).grpcStatus).toBe(status.FAILED_PRECONDITION);
    expect(await listCategoryRules(kit.prisma, other.cashier)).toEqual([]);
    expect((await rejection(deleteCategoryRule(kit.prisma, other.cashier, rule.id))).grpcStatus).toBe(status.NOT_FOUND);
    // A rule of another team's transaction never applies here.
    expect((await record(kit, other.cashier, { payee: 'x' })).categoryId).toBeNull();
    await deleteCategoryRule(kit.prisma, team.cashier, rule.id);
    expect(await listCategoryRules(kit.prisma, team.cashier)).toEqual([]);
  });

  it('keeps a category a rule uses from being deleted, and skips it once archived', async () => {
    const team = newTeam();
    const category = await addCategory(kit, team.cashier, 'Subscriptions');
    const rule = await createCategoryRule(kit.prisma, team.cashier, ruleOf('netflix', category, ['tv']));
    const refused = await rejection(deleteCategory(kit.prisma, team.admin, category));
    expect([refused.grpcStatus, refused.code]).toEqual([status.FAILED_PRECONDITION, 'TRANSACTIONS_CATEGORY_IN_USE']);
    await updateCategory(kit.prisma, team.admin, { id: category, expectedVersion: 0n, updateMask: ['archived'], values: { name: '', parentId: '', archived: true } });
    expect(await record(kit, team.cashier, { payee: 'Netflix' })).toMatchObject({ categoryId: null, tags: ['tv'] });
    await deleteCategoryRule(kit.prisma, team.cashier, rule.id);
    await deleteCategory(kit.prisma, team.admin, category);
  });
});
