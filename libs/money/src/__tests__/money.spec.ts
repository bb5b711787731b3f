import { formatMoney, MoneyError, parseMoney } from '../index';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof MoneyError) return e.code;
    throw e;
  }
  return undefined;
}

describe('parseMoney', () => {
  it.each([
    ['12.50', 'USD', 1250n],
    ['12.5', 'USD', 1250n],
    ['12', 'USD', 1200n],
    ['0.10', 'USD', 10n],
    ['500', 'JPY', 500n],
    ['1.234', 'KWD', 1234n],
    ['1.2345', 'CLF', 12345n],
    ['-5.00', 'BDT', -500n],
    ['1000000000000.00', 'USD', 100000000000000n],
  ])('%s %s is %s minor units', (amount, currency, expected) => {
    expect(parseMoney(amount, currency).amountMinor).toBe(expected);
  });

  it.each([
    ['12.345', 'USD', 'TOO_MANY_DECIMALS'],
    ['1.5', 'JPY', 'TOO_MANY_DECIMALS'],
    ['1.23456', 'CLF', 'TOO_MANY_DECIMALS'],
    ['NaN', 'USD', 'MALFORMED_AMOUNT'],
    ['Infinity', 'USD', 'MALFORMED_AMOUNT'],
    ['1e3', 'USD', 'MALFORMED_AMOUNT'],
    ['+1', 'USD', 'MALFORMED_AMOUNT'],
    ['.5', 'USD', 'MALFORMED_AMOUNT'],
    ['01', 'USD', 'MALFORMED_AMOUNT'],
    [' 1', 'USD', 'MALFORMED_AMOUNT'],
    ['1,000', 'USD', 'MALFORMED_AMOUNT'],
    ['', 'USD', 'MALFORMED_AMOUNT'],
    ['1' + '0'.repeat(25), 'USD', 'AMOUNT_OUT_OF_RANGE'],
    ['10000000000000.01', 'USD', 'AMOUNT_OUT_OF_RANGE'],
    ['1.00', 'usd', 'UNKNOWN_CURRENCY'],
    ['1.00', 'XYZ', 'UNKNOWN_CURRENCY'],
    ['1', 'XAU', 'UNKNOWN_CURRENCY'],
  ])('%s %s is rejected with %s', (amount, currency, code) => {
    expect(errorCode(() => parseMoney(amount, currency))).toBe(code);
  });
});

describe('formatMoney', () => {
  it.each([
    [1250n, 'USD', '12.50'],
    [5n, 'USD', '0.05'],
    [-5n, 'USD', '-0.05'],
    [500n, 'JPY', '500'],
    [1234n, 'KWD', '1.234'],
    [0n, 'KWD', '0.000'],
  ])('%s %s is "%s"', (minor, currency, expected) => {
    expect(formatMoney({ amountMinor: minor, currencyCode: currency })).toBe(expected);
  });

  it('round-trips every amount exactly, for every exponent', () => {
    for (const currency of ['JPY', 'USD', 'KWD', 'CLF']) {
      for (let i = 0; i < 2000; i++) {
        const minor = BigInt(Math.floor(Math.random() * 1e12)) * (i % 2 ? -1n : 1n);
        const text = formatMoney({ amountMinor: minor, currencyCode: currency });
        expect(parseMoney(text, currency).amountMinor).toBe(minor);
      }
    }
  });

  it('sums 1000 x "0.10" to exactly "100.00"', () => {
    let total = 0n;
    for (let i = 0; i < 1000; i++) total += parseMoney('0.10', 'USD').amountMinor;
    expect(formatMoney({ amountMinor: total, currencyCode: 'USD' })).toBe('100.00');
  });
});
