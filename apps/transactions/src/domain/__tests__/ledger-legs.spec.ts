import { balanceChanges, directionOf, legsOf } from '../ledger-legs';

const A = 'a';
const B = 'b';

describe('legs of a transaction on accounts', () => {
  it('gives every type its direction; a repayment takes it from its loan', () => {
    expect(['expense', 'income', 'transfer', 'loan_given', 'loan_taken', 'debt'].map((k) => directionOf(k as never))).toEqual([-1, 1, 0, -1, 1, 0]);
    expect(directionOf('repayment', 'loan_given')).toBe(1);
    expect(directionOf('repayment', 'loan_taken')).toBe(-1);
    expect(directionOf('repayment', 'debt')).toBe(-1);
    expect(() => directionOf('repayment')).toThrow();
  });

  it('a transfer has two legs that keep the money: out of one account, into the other', () => {
    const legs = legsOf({
      kind: 'transfer',
      direction: 0,
      amount: { amountMinor: 2500n, currencyCode: 'USD' },
      accountId: A,
      toAccountId: B,
      toAmount: null,
    });
    expect(legs).toEqual([
      { leg: 0, accountId: A, amountMinor: -2500n, currencyCode: 'USD' },
      { leg: 1, accountId: B, amountMinor: 2500n, currencyCode: 'USD' },
    ]);
    expect(legs.reduce((sum, leg) => sum + leg.amountMinor, 0n)).toBe(0n);
  });

  it('a transfer across currencies lands the amount given for the destination', () => {
    const legs = legsOf({
      kind: 'transfer',
      direction: 0,
      amount: { amountMinor: 1000n, currencyCode: 'USD' },
      accountId: A,
      toAccountId: B,
      toAmount: { amountMinor: 122050n, currencyCode: 'BDT' },
    });
    expect(legs.map((l) => [l.amountMinor, l.currencyCode])).toEqual([
      [-1000n, 'USD'],
      [122050n, 'BDT'],
    ]);
  });

  it('one signed leg on an account, none without an account or direction', () => {
    const base = { amount: { amountMinor: 5n, currencyCode: 'JPY' }, toAccountId: null, toAmount: null };
    expect(legsOf({ ...base, kind: 'expense', direction: -1, accountId: A })).toEqual([{ leg: 0, accountId: A, amountMinor: -5n, currencyCode: 'JPY' }]);
    expect(legsOf({ ...base, kind: 'income', direction: 1, accountId: null })).toEqual([]);
    expect(legsOf({ ...base, kind: 'debt', direction: 0, accountId: A })).toEqual([]);
  });

  it('computes how a change moves each account', () => {
    const before = [{ leg: 0 as const, accountId: A, amountMinor: -500n, currencyCode: 'USD' }];
    const after = [
      { leg: 0 as const, accountId: B, amountMinor: -700n, currencyCode: 'USD' },
      { leg: 1 as const, accountId: A, amountMinor: 100n, currencyCode: 'USD' },
    ];
    expect(balanceChanges(before, after)).toEqual(new Map([[A, 600n], [B, -700n]]));
  });
});
