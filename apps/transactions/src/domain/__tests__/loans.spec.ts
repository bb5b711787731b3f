import { status } from '@grpc/grpc-js';
import { checkLoanChange, checkRepayment, outstandingOf, repaymentDirection } from '../loans';
import { serviceErrorOf } from './service-error-of';

const loan = { id: 'l', kind: 'loan_given' as const, amount: { amountMinor: 10000n, currencyCode: 'USD' }, repaidMinor: 3333n };

describe('loans, debts and repayments', () => {
  it('computes what is outstanding exactly', () => {
    expect(outstandingOf(10000n, 3333n)).toBe(6667n);
    expect(outstandingOf(10n ** 15n, 10n ** 15n - 1n)).toBe(1n);
  });

  it('money comes back for a loan given, goes out for a loan taken or a debt', () => {
    expect([repaymentDirection('loan_given'), repaymentDirection('loan_taken'), repaymentDirection('debt')]).toEqual([1, -1, -1]);
  });

  it('accepts a repayment up to what is outstanding, and not one minor unit more', () => {
    expect(() => checkRepayment(loan, { amountMinor: 6667n, currencyCode: 'USD' })).not.toThrow();
    const over = serviceErrorOf(() => checkRepayment(loan, { amountMinor: 6668n, currencyCode: 'USD' }));
    expect([over.grpcStatus, over.code]).toEqual([status.FAILED_PRECONDITION, 'TRANSACTIONS_REPAYMENT_EXCEEDS_OUTSTANDING']);
    expect(serviceErrorOf(() => checkRepayment(loan, { amountMinor: 1n, currencyCode: 'EUR' })).code).toBe(
      'TRANSACTIONS_REPAYMENT_EXCEEDS_OUTSTANDING',
    );
  });

  it('a loan with repayments keeps its type and currency and never drops below what was repaid', () => {
    const before = { kind: 'loan_given' as const, amount: { amountMinor: 10000n, currencyCode: 'USD' } };
    const repaid = { count: 2, repaidMinor: 4000n };
    expect(() => checkLoanChange(before, { ...before, amount: { amountMinor: 4000n, currencyCode: 'USD' } }, repaid)).not.toThrow();
    expect(serviceErrorOf(() => checkLoanChange(before, { ...before, amount: { amountMinor: 3999n, currencyCode: 'USD' } }, repaid)).code).toBe(
      'TRANSACTIONS_LOAN_HAS_REPAYMENTS',
    );
    expect(serviceErrorOf(() => checkLoanChange(before, { ...before, kind: 'debt' }, repaid)).code).toBe('TRANSACTIONS_LOAN_HAS_REPAYMENTS');
    expect(() => checkLoanChange(before, { kind: 'expense', amount: before.amount }, { count: 0, repaidMinor: 0n })).not.toThrow();
  });
});
