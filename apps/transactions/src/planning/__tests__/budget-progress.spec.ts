import { budgetProgress, thresholdsReached } from '../domain/budget-progress';

describe('budget figures', () => {
  it('are exact in minor units and round the percent down', () => {
    expect(budgetProgress(10_000n, 7_999n)).toEqual({ spentMinor: 7_999n, remainingMinor: 2_001n, percentBasisPoints: 7_999n });
    expect(budgetProgress(300n, 100n).percentBasisPoints).toBe(3_333n);
    expect(budgetProgress(10_000n, 12_550n)).toEqual({ spentMinor: 12_550n, remainingMinor: -2_550n, percentBasisPoints: 12_550n });
  });

  it('stay exact at the largest amounts', () => {
    const amount = 10n ** 15n;
    expect(budgetProgress(amount, amount - 1n)).toEqual({ spentMinor: amount - 1n, remainingMinor: 1n, percentBasisPoints: 9_999n });
  });

  it('reach 80 % and 100 % exactly, without dividing', () => {
    expect(thresholdsReached(10_000n, 7_999n)).toEqual([]);
    expect(thresholdsReached(10_000n, 8_000n)).toEqual([80]);
    expect(thresholdsReached(10_000n, 9_999n)).toEqual([80]);
    expect(thresholdsReached(10_000n, 10_000n)).toEqual([80, 100]);
    // 80 % of 333 is 266.4: 266 is below, 267 above.
    expect(thresholdsReached(333n, 266n)).toEqual([]);
    expect(thresholdsReached(333n, 267n)).toEqual([80]);
  });
});
