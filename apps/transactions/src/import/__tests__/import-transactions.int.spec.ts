import { status } from '@grpc/grpc-js';
import { addCategory, LedgerTestKit, newTeam, openAccount, record, rejection } from '../../__tests__/support/ledger-test-kit';
import { listChanges } from '../../use-cases/list-changes';
import { validateCategoryRuleDraft } from '../../rules/domain/category-rule-draft';
import { createCategoryRule } from '../../rules/use-cases/create-category-rule';
import { getAccount } from '../../use-cases/get-account';
import { validateImportSettings, type ImportSettingsInput } from '../domain/import-settings';
import { importTransactions } from '../use-cases/import-transactions';

const MAPPING = { date: 'Date', amount: 'Amount', debit: '', credit: '', payee: 'Payee', description: 'Memo', category: 'Category', tags: '' };

function settings(accountId: string, overrides: Partial<ImportSettingsInput> = {}) {
  return validateImportSettings(
    {
      accountId,
      mapping: MAPPING,
      dateFormat: '',
      decimalSeparator: '',
      delimiter: '',
      timeZone: 'Asia/Dhaka',
      positiveIsExpense: false,
      dryRun: false,
      allOrNothing: false,
      ...overrides,
    },
    1,
  );
}

const STATEMENT = [
  'Date,Payee,Amount,Memo,Category',
  '2026-11-01,Shwapno Gulshan,-1250.50,weekly shop,',
  '2026-11-01,ACME Ltd,85000,November salary,Salary',
  'not a date,Someone,-10,,',
  '2026-11-02,Cafe,-3.505,,',
  '2026-11-02,Cafe,-350,,No such category',
  '2026-11-03,Cafe,-350,,',
  '2026-11-03,Cafe,-350,,',
].join('\n');

describe('importing a bank statement', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(4);
  });
  afterAll(() => kit.close());

  it('previews without writing, imports good lines with rules applied, reports bad ones, and a re-import adds nothing', async () => {
    const team = newTeam();
    const account = await openAccount(kit, team.cashier, '0', 'BDT');
    const groceries = await addCategory(kit, team.cashier, 'Groceries');
    const salary = await addCategory(kit, team.cashier, 'Salary', 'income');
    await createCategoryRule(kit.prisma, team.cashier, validateCategoryRuleDraft({ payeeContains: 'shwapno', categoryId: groceries, tags: ['food'], position: 0 }));

    const preview = await importTransactions(kit.prisma, team.cashier, settings(account, { dryRun: true }), STATEMENT);
    expect(preview).toMatchObject({ dryRun: true, lines: 7, fresh: 4, imported: 0, duplicates: 0, rejected: 3, refused: false });
    expect(preview.rejectedLines).toEqual([
      { line: 4, reason: 'date "not a date" is not a date in the format YYYY-MM-DD' },
      { line: 5, reason: 'BDT has 2 decimal places; "3.505" has 3' },
      { line: 6, reason: 'no expense category is named "No such category"' },
    ]);
    expect(preview.preview[0]).toMatchObject({ line: 2, transaction: { kind: 'expense', categoryId: groceries, tags: ['food'], source: 'import' } });
    expect(preview.preview[0].transaction.amount.amountMinor).toBe(125050n);
    expect(preview.preview[0].transaction.occurredAt.toISOString()).toBe('2026-11-01T06:00:00.000Z');
    expect((await getAccount(kit.prisma, team.cashier, account)).balanceMinor).toBe(0n);

    const imported = await importTransactions(kit.prisma, team.cashier, settings(account), STATEMENT);
    expect(imported).toMatchObject({ dryRun: false, fresh: 4, imported: 4, duplicates: 0, rejected: 3 });
    expect((await getAccount(kit.prisma, team.cashier, account)).balanceMinor).toBe(8_500_000n - 125_050n - 70_000n);
    const { changes } = await listChanges(kit.prisma, team.admin, { cursor: '', limit: 100, entityId: '' });
    const imports = changes.filter((entry) => entry.entityType === 'transaction');
    expect(imports.map((entry) => entry.op)).toEqual(['created', 'created', 'created', 'created']);
    expect(imports.map((entry) => (entry.after as { category_id: string | null }).category_id).sort()).toEqual([groceries, salary, null, null].sort());

    const again = await importTransactions(kit.prisma, team.cashier, settings(account), STATEMENT);
    expect(again).toMatchObject({ fresh: 0, imported: 0, duplicates: 4, rejected: 3 });
    expect(again.duplicateLines).toEqual([2, 3, 7, 8]);
    expect((await getAccount(kit.prisma, team.cashier, account)).balanceMinor).toBe(8_500_000n - 125_050n - 70_000n);
  });

  it('counts a transaction already entered by hand as a duplicate of its line', async () => {
    const team = newTeam();
    const account = await openAccount(kit, team.cashier, '0', 'USD');
    await record(kit, team.cashier, { accountId: account, payee: 'cafe', amount: { amountMinor: 350n, currencyCode: 'USD' }, occurredAt: new Date('2026-11-03T20:00:00Z') });
    const csv = 'Date,Payee,Amount\n2026-11-03,Cafe,-3.50\n2026-11-03,Cafe,-3.50\n';
    const report = await importTransactions(kit.prisma, team.cashier, settings(account, { timeZone: 'UTC', mapping: { ...MAPPING, description: '', category: '' } }), csv);
    expect(report).toMatchObject({ imported: 1, duplicates: 1 });
  });

  it('all or nothing: a file with a bad line writes nothing; an overdraft refuses the whole import', async () => {
    const team = newTeam();
    const account = await openAccount(kit, team.cashier, '10', 'USD', { allowNegative: false });
    const strict = await importTransactions(kit.prisma, team.cashier, settings(account, { allOrNothing: true, timeZone: 'UTC' }), 'Date,Payee,Amount,Memo,Category\n2026-11-01,A,-1,,\n2026-11-01,B,oops,,\n');
    expect(strict).toMatchObject({ refused: true, imported: 0, fresh: 1, rejected: 1 });
    const overdraft = await rejection(
      importTransactions(kit.prisma, team.cashier, settings(account, { timeZone: 'UTC' }), 'Date,Payee,Amount,Memo,Category\n2026-11-01,A,-6,,\n2026-11-01,B,-6,,\n'),
    );
    expect([overdraft.grpcStatus, overdraft.code]).toEqual([status.FAILED_PRECONDITION, 'TRANSACTIONS_INSUFFICIENT_BALANCE']);
    expect((await getAccount(kit.prisma, team.cashier, account)).balanceMinor).toBe(1000n);
  });

  it('debit and credit columns, day-first dates, comma decimals and semicolons', async () => {
    const team = newTeam();
    const account = await openAccount(kit, team.cashier, '0', 'EUR');
    const csv = 'Datum;Empfänger;Soll;Haben\n05.11.2026;Miete;1.200,00;\n06.11.2026;Gehalt;;2.500,50\n07.11.2026;Both;1,00;1,00\n';
    const report = await importTransactions(
      kit.prisma,
      team.cashier,
      settings(account, {
        mapping: { date: 'datum', amount: '', debit: 'Soll', credit: 'Haben', payee: 'Empfänger', description: '', category: '', tags: '' },
        dateFormat: 'DD/MM/YYYY',
        decimalSeparator: ',',
        delimiter: ';',
        timeZone: 'Europe/Berlin',
      }),
      csv,
    );
    expect(report).toMatchObject({ imported: 2, rejected: 1, rejectedLines: [{ line: 4, reason: 'both debit and credit are filled in' }] });
    expect((await getAccount(kit.prisma, team.cashier, account)).balanceMinor).toBe(250_050n - 120_000n);
  });

  it('refuses a missing column, another team’s account, observers and malformed CSV before reading any line', async () => {
    const team = newTeam();
    const other = newTeam();
    const account = await openAccount(kit, team.cashier, '0', 'USD');
    const theirs = await openAccount(kit, other.cashier, '0', 'USD');
    const missing = await rejection(importTransactions(kit.prisma, team.cashier, settings(account), 'Date,Amount\n2026-11-01,1\n'));
    expect(missing.grpcStatus).toBe(status.INVALID_ARGUMENT);
    expect(missing.fieldViolations.map((v) => v.field)).toEqual(['mapping.payee', 'mapping.description', 'mapping.category']);
    expect((await rejection(importTransactions(kit.prisma, team.cashier, settings(theirs), STATEMENT))).grpcStatus).toBe(status.NOT_FOUND);
    expect((await rejection(importTransactions(kit.prisma, team.observer, settings(account), STATEMENT))).grpcStatus).toBe(status.PERMISSION_DENIED);
    const broken = await rejection(importTransactions(kit.prisma, team.cashier, settings(account), 'Date,Payee\n"2026-11-01,x\n'));
    expect(broken.fieldViolations).toEqual([{ field: 'csv', description: 'line 2: a quoted field is never closed' }]);
    expect(() => settings(account, { mapping: { ...MAPPING, amount: '', date: '' }, dateFormat: 'D/M', timeZone: 'Mars/Base' })).toThrow('import is not valid');
  });
});
