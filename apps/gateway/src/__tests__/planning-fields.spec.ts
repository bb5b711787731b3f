import { Problem } from '../http/problem';
import { moneyFrom } from '../routes/ledger-fields';
import { percentOf } from '../routes/planning-fields';

describe('planning request and response fields', () => {
  it('writes hundredths of a percent as a decimal string, exactly', () => {
    expect([0n, 5n, 8_250n, 10_000n, 12_345n, 1_000_000_07n].map(percentOf)).toEqual(['0.00', '0.05', '82.50', '100.00', '123.45', '1000000.07']);
    expect(percentOf(-150n)).toBe('-1.50');
  });

  it('reads amounts as exact minor units, signed where sent, and names the field at fault', () => {
    expect(moneyFrom('-20.05', 'USD')).toEqual({ amountMinor: -2_005n, currencyCode: 'USD' });
    expect(moneyFrom('1000', 'JPY')).toEqual({ amountMinor: 1_000n, currencyCode: 'JPY' });
    const fieldOf = (amount: string, currency: string) => {
      try {
        moneyFrom(amount, currency, { amount: 'target_amount', currency: 'currency' });
      } catch (error) {
        return (error as Problem).errors[0].field;
      }
      return undefined;
    };
    expect([fieldOf('1.001', 'USD'), fieldOf('1', 'ABC'), fieldOf('NaN', 'USD')]).toEqual(['target_amount', 'currency', 'target_amount']);
  });
});
