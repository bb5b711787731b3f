import { status } from '@grpc/grpc-js';
import { uuidv7 } from '@cashier/ids';
import type { ServiceError } from '@cashier/grpc';
import { deleteCategory } from '../use-cases/delete-category';
import { deleteTransaction } from '../use-cases/delete-transaction';
import { getAccount, listAccounts } from '../use-cases/get-account';
import { getCategory, listCategories } from '../use-cases/get-category';
import { getTransaction } from '../use-cases/get-transaction';
import { listChanges } from '../use-cases/list-changes';
import { syncChanges } from '../use-cases/sync-changes';
import { updateAccount } from '../use-cases/update-account';
import { updateCategory } from '../use-cases/update-category';
import { updateTransaction } from '../use-cases/update-transaction';
import { addCategory, LedgerTestKit, money, newTeam, openAccount, record, rejection } from './support/ledger-test-kit';

describe('teams never see or touch each other’s ledger', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(4);
  });
  afterAll(() => kit.close());

  it('every id of team B is not found for team A — exactly like a random id — and B stays byte for byte the same', async () => {
    const a = newTeam();
    const b = newTeam();
    const bAccount = await openAccount(kit, b.cashier, '100.00', 'USD');
    const bCategory = await addCategory(kit, b.cashier, 'B food');
    const bTransaction = await record(kit, b.cashier, { accountId: bAccount, categoryId: bCategory });
    const bLoan = await record(kit, b.cashier, { kind: 'loan_given', amount: money('5.00', 'USD'), payee: 'X' });
    const before = await kit.teamChecksum(b.teamId);
    const intruder = a.admin;

    const same = async (foreign: Promise<unknown>, random: Promise<unknown>) => {
      const [f, r] = [await rejection(foreign), await rejection(random)];
      expect([f.grpcStatus, f.code, f.message]).toEqual([r.grpcStatus, r.code, r.message]);
      expect(f.grpcStatus).toBe(status.NOT_FOUND);
    };
    const tx = (id: string) => ({
      id,
      expectedVersion: 1n,
      updateMask: ['description'],
      values: { kind: undefined, amount: undefined, occurredAt: undefined, description: 'taken' },
    });
    const acc = (id: string) => ({
      id,
      expectedVersion: 0n,
      updateMask: ['name'],
      values: { name: 'taken', kind: undefined, provider: '', openingBalance: undefined, archived: false, allowNegative: true },
    });
    const cat = (id: string) => ({ id, expectedVersion: 0n, updateMask: ['name'], values: { name: 'taken', parentId: '', archived: false } });

    await same(getTransaction(kit.prisma, intruder, bTransaction.id), getTransaction(kit.prisma, intruder, uuidv7()));
    await same(updateTransaction(kit.prisma, intruder, tx(bTransaction.id)), updateTransaction(kit.prisma, intruder, tx(uuidv7())));
    await same(deleteTransaction(kit.prisma, intruder, bTransaction.id, null), deleteTransaction(kit.prisma, intruder, uuidv7(), null));
    await same(getAccount(kit.prisma, intruder, bAccount), getAccount(kit.prisma, intruder, uuidv7()));
    await same(updateAccount(kit.prisma, intruder, acc(bAccount)), updateAccount(kit.prisma, intruder, acc(uuidv7())));
    await same(getCategory(kit.prisma, intruder, bCategory), getCategory(kit.prisma, intruder, uuidv7()));
    await same(updateCategory(kit.prisma, intruder, cat(bCategory)), updateCategory(kit.prisma, intruder, cat(uuidv7())));
    await same(deleteCategory(kit.prisma, intruder, bCategory), deleteCategory(kit.prisma, intruder, uuidv7()));

    // B's ids inside A's own writes: treated as not found, with a field violation, never used.
    const aAccount = await openAccount(kit, intruder, '0', 'USD');
    const aCategory = await addCategory(kit, intruder, 'A food');
    const refusals: [Promise<unknown>, string][] = [
      [record(kit, intruder, { accountId: bAccount }), 'account_id'],
      [record(kit, intruder, { categoryId: bCategory }), 'category_id'],
      [record(kit, intruder, { kind: 'transfer', accountId: aAccount, toAccountId: bAccount }), 'to_account_id'],
      [record(kit, intruder, { kind: 'repayment', loanId: bLoan.id, amount: money('1.00', 'USD') }), 'loan_id'],
      [
        record(kit, intruder, {
          amount: money('2.00', 'USD'),
          splits: [
            { categoryId: aCategory, amount: money('1.00', 'USD'), description: '' },
            { categoryId: bCategory, amount: money('1.00', 'USD'), description: '' },
          ],
        }),
        'splits[1].category_id',
      ],
      [addCategory(kit, intruder, 'Under B', 'expense', bCategory), 'parent_id'],
    ];
    for (const [attempt, field] of refusals) {
      const refused: ServiceError = await rejection(attempt);
      expect({ field, status: refused.grpcStatus, fields: refused.fieldViolations.map((v) => v.field) }).toEqual({
        field,
        status: status.INVALID_ARGUMENT,
        fields: [field],
      });
    }

    // A's lists, sync and audit trail show nothing of B.
    const aIds = new Set([aAccount, aCategory]);
    expect((await listAccounts(kit.prisma, intruder, true)).every((v) => aIds.has(v.account.id))).toBe(true);
    expect((await listCategories(kit.prisma, intruder, true)).every((c) => aIds.has(c.id))).toBe(true);
    const synced = await syncChanges(kit.prisma, intruder, '', 1000);
    expect(synced.items.every((item) => aIds.has(item.change.entityId))).toBe(true);
    const trail = await listChanges(kit.prisma, intruder, { cursor: '', limit: 100, entityId: bTransaction.id });
    expect(trail.changes).toEqual([]);

    expect(await kit.teamChecksum(b.teamId)).toBe(before);
  });
});
