import { status } from '@grpc/grpc-js';
import { validateTransactionDraft, type TransactionInput } from '../new-transaction';
import { resolveReferences, type References } from '../transaction-references';
import { serviceErrorOf } from './service-error-of';

const USD_ACCOUNT = '0190f3a0-0000-7000-8000-0000000000a1';
const BDT_ACCOUNT = '0190f3a0-0000-7000-8000-0000000000a2';
const ARCHIVED = '0190f3a0-0000-7000-8000-0000000000a3';
const FOOD = '0190f3a0-0000-7000-8000-0000000000c1';
const SALARY = '0190f3a0-0000-7000-8000-0000000000c2';
const LOAN = '0190f3a0-0000-7000-8000-0000000000d1';

const refs: References = {
  accounts: new Map([
    [USD_ACCOUNT, { id: USD_ACCOUNT, currencyCode: 'USD', archived: false }],
    [BDT_ACCOUNT, { id: BDT_ACCOUNT, currencyCode: 'BDT', archived: false }],
    [ARCHIVED, { id: ARCHIVED, currencyCode: 'USD', archived: true }],
  ]),
  categories: new Map([
    [FOOD, { id: FOOD, kind: 'expense', archived: false }],
    [SALARY, { id: SALARY, kind: 'income', archived: false }],
  ]),
  loan: { id: LOAN, kind: 'loan_taken', amount: { amountMinor: 1000n, currencyCode: 'USD' }, repaidMinor: 400n },
};

const draft = (overrides: Partial<TransactionInput>) =>
  validateTransactionDraft({
    kind: 'expense',
    amount: { amountMinor: 500n, currencyCode: 'USD' },
    occurredAt: new Date('2026-11-20T10:00:00Z'),
    description: '',
    ...overrides,
  });

describe('the rules that need the ledger', () => {
  it('resolves an expense on its account with one outgoing leg', () => {
    const resolved = resolveReferences(draft({ accountId: USD_ACCOUNT, categoryId: FOOD }), refs);
    expect([resolved.direction, resolved.legs]).toEqual([-1, [{ leg: 0, accountId: USD_ACCOUNT, amountMinor: -500n, currencyCode: 'USD' }]]);
  });

  it('names every missing, mismatched or archived reference as a field, as INVALID_ARGUMENT', () => {
    const unknown = '0190f3a0-0000-7000-8000-0000000000ff';
    const error = serviceErrorOf(() => resolveReferences(draft({ accountId: BDT_ACCOUNT, categoryId: SALARY }), refs));
    expect(error.grpcStatus).toBe(status.INVALID_ARGUMENT);
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['currency', 'category_id']);
    expect(serviceErrorOf(() => resolveReferences(draft({ accountId: unknown }), refs)).fieldViolations).toEqual([
      { field: 'account_id', description: 'account not found' },
    ]);
    expect(serviceErrorOf(() => resolveReferences(draft({ accountId: ARCHIVED }), refs)).fieldViolations).toEqual([
      { field: 'account_id', description: 'the account is archived' },
    ]);
  });

  it('lets an update keep an archived account the transaction already had', () => {
    const previous = draft({ accountId: ARCHIVED });
    expect(resolveReferences(draft({ accountId: ARCHIVED, description: 'fixed' }), refs, previous).legs).toHaveLength(1);
  });

  it('transfers within a currency arrive as they left; across currencies only with both amounts', () => {
    const within = resolveReferences(draft({ kind: 'transfer', accountId: USD_ACCOUNT, toAccountId: ARCHIVED }), refs, draft({ kind: 'transfer', accountId: USD_ACCOUNT, toAccountId: ARCHIVED }));
    expect(within.toAmount).toEqual({ amountMinor: 500n, currencyCode: 'USD' });
    const across = draft({ kind: 'transfer', accountId: USD_ACCOUNT, toAccountId: BDT_ACCOUNT });
    expect(serviceErrorOf(() => resolveReferences(across, refs)).fieldViolations.map((v) => v.field)).toEqual(['to_amount']);
    const both = resolveReferences({ ...across, toAmount: { amountMinor: 61000n, currencyCode: 'BDT' } }, refs);
    expect(both.legs.map((l) => [l.accountId, l.amountMinor])).toEqual([
      [USD_ACCOUNT, -500n],
      [BDT_ACCOUNT, 61000n],
    ]);
    const wrongSide = { ...across, toAmount: { amountMinor: 1n, currencyCode: 'USD' } };
    expect(serviceErrorOf(() => resolveReferences(wrongSide, refs)).fieldViolations.map((v) => v.field)).toEqual(['to_currency']);
  });

  it('a repayment of a loan taken goes out, and only up to what is outstanding', () => {
    const ok = resolveReferences(draft({ kind: 'repayment', loanId: LOAN, accountId: USD_ACCOUNT, amount: { amountMinor: 600n, currencyCode: 'USD' } }), refs);
    expect(ok.direction).toBe(-1);
    const over = serviceErrorOf(() => resolveReferences(draft({ kind: 'repayment', loanId: LOAN, amount: { amountMinor: 601n, currencyCode: 'USD' } }), refs));
    expect(over.grpcStatus).toBe(status.FAILED_PRECONDITION);
    const noLoan = serviceErrorOf(() => resolveReferences(draft({ kind: 'repayment', loanId: LOAN }), { ...refs, loan: null }));
    expect(noLoan.fieldViolations).toEqual([{ field: 'loan_id', description: 'loan or debt not found' }]);
  });
});
