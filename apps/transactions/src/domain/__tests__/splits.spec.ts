import type { FieldViolation } from '@cashier/grpc';
import { checkSplits, sumOfParts } from '../splits';

const FOOD = '0190f3a0-0000-7000-8000-000000000001';
const HOME = '0190f3a0-0000-7000-8000-000000000002';
const usd = (amountMinor: bigint) => ({ amountMinor, currencyCode: 'USD' });

describe('split payments', () => {
  it('accepts parts that add up exactly to the whole', () => {
    const violations: FieldViolation[] = [];
    const parts = checkSplits(
      [
        { categoryId: FOOD, amount: usd(3334n), description: 'bread' },
        { categoryId: HOME.toUpperCase(), amount: usd(6667n), description: '' },
      ],
      usd(10001n),
      violations,
    );
    expect(violations).toEqual([]);
    expect(parts).toEqual([
      { categoryId: FOOD, amountMinor: 3334n, description: 'bread' },
      { categoryId: HOME, amountMinor: 6667n, description: '' },
    ]);
    expect(sumOfParts(parts)).toBe(10001n);
  });

  it.each([
    ['one minor unit short', [3333n, 6667n]],
    ['one minor unit over', [3334n, 6668n]],
  ])('refuses parts %s of the whole', (_name, amounts) => {
    const violations: FieldViolation[] = [];
    checkSplits(
      amounts.map((a, i) => ({ categoryId: i ? HOME : FOOD, amount: usd(a), description: '' })),
      usd(10001n),
      violations,
    );
    expect(violations).toEqual([{ field: 'splits', description: expect.stringContaining('must be equal') }]);
  });

  it('refuses a single part, zero or negative parts, a part in another currency, a bad category id', () => {
    const check = (parts: Parameters<typeof checkSplits>[0]) => {
      const violations: FieldViolation[] = [];
      checkSplits(parts, usd(100n), violations);
      return violations.map((v) => v.field);
    };
    expect(check([{ categoryId: FOOD, amount: usd(100n), description: '' }])).toEqual(['splits']);
    expect(
      check([
        { categoryId: FOOD, amount: usd(0n), description: '' },
        { categoryId: HOME, amount: usd(100n), description: '' },
      ]),
    ).toEqual(['splits[0].amount']);
    expect(
      check([
        { categoryId: FOOD, amount: { amountMinor: 50n, currencyCode: 'EUR' }, description: '' },
        { categoryId: 'nope', amount: usd(50n), description: '' },
      ]),
    ).toEqual(['splits[0].amount', 'splits[1].category_id']);
  });

  it('has no parts when none are sent', () => {
    expect(checkSplits([], usd(1n), [])).toEqual([]);
  });
});
