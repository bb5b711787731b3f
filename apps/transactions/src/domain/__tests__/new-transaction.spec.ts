import { status } from '@grpc/grpc-js';
import { isCalendarDate, validateNewTransaction, validateTransactionDraft, type TransactionInput } from '../new-transaction';
import { serviceErrorOf } from './service-error-of';

const ACCOUNT = '0190f3a0-0000-7000-8000-00000000000a';
const OTHER = '0190f3a0-0000-7000-8000-00000000000b';
const LOAN = '0190f3a0-0000-7000-8000-00000000000c';
const NOW = new Date('2026-11-26T00:00:00Z');

function input(overrides: Partial<TransactionInput> = {}): TransactionInput {
  return {
    kind: 'expense',
    amount: { amountMinor: 1250n, currencyCode: 'USD' },
    occurredAt: new Date('2026-11-20T10:00:00Z'),
    description: '',
    ...overrides,
  };
}

const fields = (overrides: Partial<TransactionInput>) =>
  serviceErrorOf(() => validateTransactionDraft(input(overrides), NOW)).fieldViolations.map((v) => v.field);

describe('the rules of a transaction that need no database', () => {
  it('fills defaults: manual source, no account, no tags', () => {
    expect(validateTransactionDraft(input(), NOW)).toMatchObject({ source: 'manual', accountId: null, tags: [], splits: [], toAmount: null });
  });

  it('lists every violation at once as INVALID_ARGUMENT', () => {
    const error = serviceErrorOf(() =>
      validateTransactionDraft({ kind: undefined, amount: undefined, occurredAt: undefined, description: 'x'.repeat(501) }, NOW),
    );
    expect(error.grpcStatus).toBe(status.INVALID_ARGUMENT);
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['type', 'amount', 'occurred_at', 'description']);
  });

  it('keeps each type to the fields it uses', () => {
    expect(fields({ toAccountId: ACCOUNT })).toEqual(['to_account_id']);
    expect(fields({ kind: 'income', loanId: LOAN, dueDate: '2026-12-01' })).toEqual(['due_date', 'loan_id']);
    expect(fields({ kind: 'transfer', accountId: ACCOUNT })).toEqual(['to_account_id']);
    expect(fields({ kind: 'transfer', accountId: ACCOUNT, toAccountId: ACCOUNT })).toEqual(['to_account_id']);
    expect(fields({ kind: 'transfer', accountId: ACCOUNT, toAccountId: OTHER, categoryId: LOAN })).toEqual(['category_id']);
    expect(fields({ kind: 'loan_given' })).toEqual(['payee']);
    expect(fields({ kind: 'debt', payee: 'Grocer', accountId: ACCOUNT })).toEqual(['account_id']);
    expect(fields({ kind: 'repayment' })).toEqual(['loan_id']);
    expect(fields({ categoryId: LOAN, splits: [{ categoryId: LOAN, amount: { amountMinor: 1250n, currencyCode: 'USD' }, description: '' }] })).toContain(
      'splits',
    );
  });

  it('accepts each type with what it needs', () => {
    expect(validateTransactionDraft(input({ kind: 'transfer', accountId: ACCOUNT, toAccountId: OTHER }), NOW).kind).toBe('transfer');
    expect(validateTransactionDraft(input({ kind: 'debt', payee: ' Grocer ', dueDate: '2027-02-28' }), NOW)).toMatchObject({
      payee: 'Grocer',
      dueDate: '2027-02-28',
    });
    expect(validateTransactionDraft(input({ kind: 'repayment', loanId: LOAN.toUpperCase() }), NOW).loanId).toBe(LOAN);
  });

  it('tags: trimmed, de-duplicated, at most 10 of at most 40 characters', () => {
    expect(validateTransactionDraft(input({ tags: [' a ', 'a', 'b'] }), NOW).tags).toEqual(['a', 'b']);
    expect(fields({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toEqual(['tags']);
    expect(fields({ tags: ['x'.repeat(41)] })).toEqual(['tags']);
    expect(fields({ tags: [''] })).toEqual(['tags']);
  });

  it('attachment references are opaque, printable and at most 300 characters; due dates real', () => {
    expect(validateTransactionDraft(input({ attachmentRef: 'r'.repeat(300) }), NOW).attachmentRef).toHaveLength(300);
    expect(fields({ attachmentRef: 'r'.repeat(301) })).toEqual(['attachment_ref']);
    expect(fields({ attachmentRef: 'a\nb' })).toEqual(['attachment_ref']);
    expect(fields({ kind: 'debt', payee: 'x', dueDate: '2026-02-30' })).toEqual(['due_date']);
    expect([isCalendarDate('2028-02-29'), isCalendarDate('2027-02-29'), isCalendarDate('26-1-1')]).toEqual([true, false, false]);
  });

  it('refuses amounts that are not positive or not in a known currency, and times out of range', () => {
    expect(fields({ amount: { amountMinor: 0n, currencyCode: 'USD' } })).toEqual(['amount']);
    expect(fields({ amount: { amountMinor: 10n ** 15n + 1n, currencyCode: 'USD' } })).toEqual(['amount']);
    expect(fields({ amount: { amountMinor: 1n, currencyCode: 'XYZ' } })).toEqual(['currency']);
    expect(fields({ occurredAt: new Date('1899-12-31T00:00:00Z') })).toEqual(['occurred_at']);
    expect(fields({ occurredAt: new Date('2028-01-01T00:00:00Z') })).toEqual(['occurred_at']);
  });

  it('takes an optional client id, lower-cased, and reports a bad one with the rest', () => {
    expect(validateNewTransaction({ ...input(), id: ACCOUNT.toUpperCase() }, NOW).id).toBe(ACCOUNT);
    expect(validateNewTransaction({ ...input(), id: '' }, NOW).id).toBeUndefined();
    const error = serviceErrorOf(() => validateNewTransaction({ ...input({ amount: undefined }), id: 'nope' }, NOW));
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['id', 'amount']);
  });
});
