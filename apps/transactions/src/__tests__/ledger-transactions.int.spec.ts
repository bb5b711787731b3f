import { status } from '@grpc/grpc-js';
import { uuidv7 } from '@cashier/ids';
import { TransactionUpdated, TransactionDeleted } from '@cashier/contracts/cashier/events/v1/transactions';
import { validateNewTransaction } from '../domain/new-transaction';
import { getAccount } from '../use-cases/get-account';
import { createTransaction } from '../use-cases/create-transaction';
import { deleteTransaction } from '../use-cases/delete-transaction';
import { getTransaction } from '../use-cases/get-transaction';
import { updateTransaction } from '../use-cases/update-transaction';
import { addCategory, LedgerTestKit, money, newTeam, openAccount, record, rejection } from './support/ledger-test-kit';

describe('the ledger: every transaction type, splits, transfers, loans, balances', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(8);
  });
  afterAll(() => kit.close());

  const balance = async (who: ReturnType<typeof newTeam>['cashier'], accountId: string) => {
    const view = await getAccount(kit.prisma, who, accountId);
    // The answer always equals opening + entries, computed here on our own.
    expect(view.balanceMinor).toBe(await kit.balanceFromEntries(accountId));
    return view.balanceMinor;
  };

  it('expenses and income move their account; without an account they move none', async () => {
    const team = newTeam();
    const wallet = await openAccount(kit, team.cashier, '100.00', 'USD');
    await record(kit, team.cashier, { accountId: wallet, amount: money('12.50', 'USD') });
    await record(kit, team.cashier, { kind: 'income', accountId: wallet, amount: money('0.10', 'USD') });
    await record(kit, team.cashier, { amount: money('99.99', 'USD') });
    expect(await balance(team.cashier, wallet)).toBe(8760n);
  });

  it('refuses an amount in another currency than its account, and amounts that are not positive', async () => {
    const team = newTeam();
    const wallet = await openAccount(kit, team.cashier, '0', 'BDT');
    const wrongCurrency = await rejection(record(kit, team.cashier, { accountId: wallet, amount: money('5.00', 'USD') }));
    expect(wrongCurrency.grpcStatus).toBe(status.INVALID_ARGUMENT);
    expect(wrongCurrency.fieldViolations.map((v) => v.field)).toEqual(['currency']);
    const negative = await rejection(record(kit, team.cashier, { amount: { amountMinor: -1n, currencyCode: 'USD' } }));
    expect(negative.fieldViolations).toEqual([{ field: 'amount', description: 'must be greater than zero' }]);
    const unknown = await rejection(record(kit, team.cashier, { amount: { amountMinor: 1n, currencyCode: 'usd' } }));
    expect(unknown.fieldViolations.map((v) => v.field)).toEqual(['currency']);
  });

  it('splits one payment across categories, the parts adding up exactly', async () => {
    const team = newTeam();
    const food = await addCategory(kit, team.cashier, 'Food');
    const home = await addCategory(kit, team.cashier, 'Home');
    const row = await record(kit, team.cashier, {
      amount: money('100.01', 'USD'),
      splits: [
        { categoryId: food, amount: money('33.34', 'USD'), description: 'bread' },
        { categoryId: home, amount: money('66.67', 'USD'), description: 'soap' },
      ],
    });
    expect(row.splits.map((s) => [s.categoryId, s.amountMinor])).toEqual([
      [food, 3334n],
      [home, 6667n],
    ]);
    const short = await rejection(
      record(kit, team.cashier, {
        amount: money('100.00', 'USD'),
        splits: [
          { categoryId: food, amount: money('33.33', 'USD'), description: '' },
          { categoryId: home, amount: money('66.66', 'USD'), description: '' },
        ],
      }),
    );
    expect([short.grpcStatus, short.fieldViolations[0].field]).toEqual([status.INVALID_ARGUMENT, 'splits']);
    const incomeCategory = await addCategory(kit, team.cashier, 'Salary', 'income');
    const wrongKind = await rejection(record(kit, team.cashier, { categoryId: incomeCategory }));
    expect(wrongKind.fieldViolations).toEqual([{ field: 'category_id', description: 'must be an expense category' }]);
  });

  it('transfers: one transaction, two legs; across currencies only with both amounts', async () => {
    const team = newTeam();
    const bank = await openAccount(kit, team.cashier, '1000.00', 'USD', { kind: 'bank' });
    const savings = await openAccount(kit, team.cashier, '0', 'USD', { kind: 'savings' });
    const bkash = await openAccount(kit, team.cashier, '0', 'BDT', { kind: 'mobile_money' });
    const within = await record(kit, team.cashier, { kind: 'transfer', accountId: bank, toAccountId: savings, amount: money('250.00', 'USD') });
    expect([within.toAmountMinor, within.toCurrencyCode, within.direction]).toEqual([25000n, 'USD', 0]);
    const missing = await rejection(record(kit, team.cashier, { kind: 'transfer', accountId: bank, toAccountId: bkash, amount: money('10.00', 'USD') }));
    expect(missing.fieldViolations).toEqual([{ field: 'to_amount', description: expect.stringContaining('different currencies') }]);
    await record(kit, team.cashier, {
      kind: 'transfer',
      accountId: bank,
      toAccountId: bkash,
      amount: money('10.00', 'USD'),
      toAmount: money('1220.50', 'BDT'),
    });
    expect([await balance(team.cashier, bank), await balance(team.cashier, savings), await balance(team.cashier, bkash)]).toEqual([
      74000n,
      25000n,
      122050n,
    ]);
    const same = await rejection(record(kit, team.cashier, { kind: 'transfer', accountId: bank, toAccountId: bank }));
    expect(same.grpcStatus).toBe(status.INVALID_ARGUMENT);
  });

  it('loans and debts: repayments reduce what is outstanding, exactly, and never past zero', async () => {
    const team = newTeam();
    const cash = await openAccount(kit, team.cashier, '500.00', 'USD');
    const lent = await record(kit, team.cashier, {
      kind: 'loan_given',
      accountId: cash,
      amount: money('100.00', 'USD'),
      payee: 'Karim',
      dueDate: '2027-01-31',
    });
    expect((await balance(team.cashier, cash))).toBe(40000n);
    await record(kit, team.cashier, { kind: 'repayment', loanId: lent.id, accountId: cash, amount: money('33.33', 'USD') });
    await record(kit, team.cashier, { kind: 'repayment', loanId: lent.id, accountId: cash, amount: money('33.33', 'USD') });
    expect((await getTransaction(kit.prisma, team.cashier, lent.id)).outstandingMinor).toBe(3334n);
    expect(await balance(team.cashier, cash)).toBe(46666n);
    const over = await rejection(record(kit, team.cashier, { kind: 'repayment', loanId: lent.id, amount: money('33.35', 'USD') }));
    expect([over.grpcStatus, over.code]).toEqual([status.FAILED_PRECONDITION, 'TRANSACTIONS_REPAYMENT_EXCEEDS_OUTSTANDING']);
    await record(kit, team.cashier, { kind: 'repayment', loanId: lent.id, amount: money('33.34', 'USD') });
    expect((await getTransaction(kit.prisma, team.cashier, lent.id)).outstandingMinor).toBe(0n);

    const debt = await record(kit, team.cashier, { kind: 'debt', amount: money('80.00', 'USD'), payee: 'Grocer' });
    expect(debt.direction).toBe(0);
    await record(kit, team.cashier, { kind: 'repayment', loanId: debt.id, accountId: cash, amount: money('30.00', 'USD') });
    expect(await balance(team.cashier, cash)).toBe(43666n);
    expect((await getTransaction(kit.prisma, team.cashier, debt.id)).outstandingMinor).toBe(5000n);

    const borrowed = await record(kit, team.cashier, { kind: 'loan_taken', accountId: cash, amount: money('20.00', 'USD'), payee: 'Bank' });
    expect(await balance(team.cashier, cash)).toBe(45666n);
    const stuck = await rejection(deleteTransaction(kit.prisma, team.cashier, debt.id, null));
    expect(stuck.code).toBe('TRANSACTIONS_LOAN_HAS_REPAYMENTS');
    const noCounterparty = await rejection(record(kit, team.cashier, { kind: 'loan_given', amount: money('1.00', 'USD') }));
    expect(noCounterparty.fieldViolations.map((v) => v.field)).toEqual(['payee']);
    const expense = await record(kit, team.cashier, { amount: money('1.00', 'USD') });
    for (const loanId of [expense.id, uuidv7()]) {
      const notALoan = await rejection(record(kit, team.cashier, { kind: 'repayment', loanId, amount: money('1.00', 'USD') }));
      expect(notALoan.fieldViolations).toEqual([{ field: 'loan_id', description: 'loan or debt not found' }]);
    }
    expect((await getTransaction(kit.prisma, team.cashier, borrowed.id)).outstandingMinor).toBe(2000n);
  });

  it('a loan with repayments keeps its type and cannot drop below what was repaid', async () => {
    const team = newTeam();
    const loan = await record(kit, team.cashier, { kind: 'loan_given', amount: money('50.00', 'USD'), payee: 'Rana' });
    await record(kit, team.cashier, { kind: 'repayment', loanId: loan.id, amount: money('20.00', 'USD') });
    const update = (mask: string[], values: Partial<Parameters<typeof updateTransaction>[2]['values']>) =>
      updateTransaction(kit.prisma, team.cashier, {
        id: loan.id,
        expectedVersion: 1n,
        updateMask: mask,
        values: { kind: undefined, amount: undefined, occurredAt: undefined, description: '', ...values },
      });
    expect((await rejection(update(['amount'], { amount: money('19.99', 'USD') }))).code).toBe('TRANSACTIONS_LOAN_HAS_REPAYMENTS');
    expect((await rejection(update(['type'], { kind: 'loan_taken' }))).code).toBe('TRANSACTIONS_LOAN_HAS_REPAYMENTS');
    const lowered = await update(['amount'], { amount: money('20.00', 'USD') });
    expect(lowered.outstandingMinor).toBe(0n);
  });

  it('an account that must not go negative takes exactly as many debits as it can pay, under contention', async () => {
    const team = newTeam();
    const purse = await openAccount(kit, team.cashier, '100.00', 'USD', { allowNegative: false });
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () => record(kit, team.cashier, { accountId: purse, amount: money('10.00', 'USD') })),
    );
    const ok = attempts.filter((a) => a.status === 'fulfilled').length;
    const refused = attempts
      .filter((a): a is PromiseRejectedResult => a.status === 'rejected')
      .map((a) => (a.reason as { code?: string }).code);
    expect(ok).toBe(10);
    expect(new Set(refused)).toEqual(new Set(['TRANSACTIONS_INSUFFICIENT_BALANCE']));
    expect(await balance(team.cashier, purse)).toBe(0n);
  });

  it('publishes updated and deleted events through the outbox with the change, and a deleted transaction is gone', async () => {
    const team = newTeam();
    const row = await record(kit, team.cashier, { amount: money('5.00', 'USD') });
    const updated = await updateTransaction(kit.prisma, team.cashier, {
      id: row.id,
      expectedVersion: 1n,
      updateMask: ['amount', 'tags'],
      values: { kind: undefined, amount: money('7.25', 'USD'), occurredAt: undefined, description: '', tags: ['food', 'food', ' lunch '] },
    });
    expect([updated.row.amountMinor, updated.row.version, updated.row.tags]).toEqual([725n, 2n, ['food', 'lunch']]);
    await deleteTransaction(kit.prisma, team.cashier, row.id, 2n);
    expect((await rejection(getTransaction(kit.prisma, team.cashier, row.id))).grpcStatus).toBe(status.NOT_FOUND);
    expect(await kit.outboxTypes(team.teamId)).toEqual([
      'transactions.transaction.created.v1',
      'transactions.transaction.updated.v1',
      'transactions.transaction.deleted.v1',
    ]);
    const payloads = (await kit.pool.query('SELECT payload FROM outbox WHERE team_id = $1 ORDER BY seq', [team.teamId])).rows;
    expect(TransactionUpdated.decode(payloads[1].payload)).toMatchObject({
      transactionId: row.id,
      amount: { amountMinor: 725n, currencyCode: 'USD' },
      previousAmount: { amountMinor: 500n, currencyCode: 'USD' },
      version: 2n,
    });
    expect(TransactionDeleted.decode(payloads[2].payload)).toMatchObject({ transactionId: row.id, deletedBy: team.cashier.userId, version: 2n });
    const changes = await kit.pool.query('SELECT seq, op, before IS NULL AS no_before, after IS NULL AS no_after FROM change_log WHERE team_id = $1 ORDER BY seq', [team.teamId]);
    expect(changes.rows).toEqual([
      { seq: '1', op: 'created', no_before: true, no_after: false },
      { seq: '2', op: 'updated', no_before: false, no_after: false },
      { seq: '3', op: 'deleted', no_before: false, no_after: true },
    ]);
  });

  it('keeps the fields a transaction carries', async () => {
    const team = newTeam();
    const { transaction } = await createTransaction(
      kit.prisma,
      team.cashier,
      validateNewTransaction({
        id: '',
        kind: 'income',
        amount: money('1500', 'JPY'),
        occurredAt: new Date('2026-10-01T00:00:00Z'),
        description: 'refund',
        payee: 'Shop',
        tags: ['refund'],
        source: 'receipt',
        attachmentRef: 'receipts/2026/10/abc.jpg',
      }),
    );
    expect(transaction.row).toMatchObject({
      type: 'income',
      amountMinor: 1500n,
      currencyCode: 'JPY',
      payee: 'Shop',
      tags: ['refund'],
      source: 'receipt',
      attachmentRef: 'receipts/2026/10/abc.jpg',
      createdBy: team.cashier.userId,
      updatedBy: team.cashier.userId,
    });
    const tooMany = await rejection(record(kit, team.cashier, { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }));
    expect(tooMany.fieldViolations.map((v) => v.field)).toEqual(['tags']);
    const tooLong = await rejection(record(kit, team.cashier, { tags: ['x'.repeat(41)], attachmentRef: 'y'.repeat(301) }));
    expect(tooLong.fieldViolations.map((v) => v.field).sort()).toEqual(['attachment_ref', 'tags']);
  });
});
