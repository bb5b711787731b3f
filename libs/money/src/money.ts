import { minorUnitsOf } from './currencies';
import { MoneyError } from './money-error';

/** An exact amount: integer minor units of an ISO 4217 currency. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currencyCode: string;
}

/** Largest magnitude accepted in minor units: fits PostgreSQL bigint with headroom for sums. */
export const MAX_AMOUNT_MINOR = 10n ** 15n;

const DECIMAL = /^(-)?(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

function requireMinorUnits(currencyCode: string): number {
  const digits = minorUnitsOf(currencyCode);
  if (digits === undefined) {
    throw new MoneyError('UNKNOWN_CURRENCY', `"${currencyCode}" is not an ISO 4217 currency code (use upper case, e.g. "USD")`);
  }
  return digits;
}

/**
 * Parses a decimal string such as "12.50" into exact minor units.
 * Rejects numbers in any other notation ("1e3", "NaN", " 1", "+1", ".5") and
 * more decimals than the currency has ("12.345" USD); never rounds.
 */
export function parseMoney(amount: string, currencyCode: string): Money {
  const digits = requireMinorUnits(currencyCode);
  const match = DECIMAL.exec(amount);
  if (!match) {
    throw new MoneyError('MALFORMED_AMOUNT', `"${amount.slice(0, 40)}" is not a decimal amount like "12.50"`);
  }
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    throw new MoneyError(
      'TOO_MANY_DECIMALS',
      `${currencyCode} has ${digits} decimal place${digits === 1 ? '' : 's'}; "${amount}" has ${fraction.length}`,
    );
  }
  if (whole.length > 19) {
    throw new MoneyError('AMOUNT_OUT_OF_RANGE', `"${amount.slice(0, 40)}" is too large`);
  }
  const magnitude = BigInt(whole + fraction.padEnd(digits, '0'));
  if (magnitude > MAX_AMOUNT_MINOR) {
    throw new MoneyError('AMOUNT_OUT_OF_RANGE', `"${amount}" is larger than the largest amount accepted`);
  }
  return { amountMinor: minus ? -magnitude : magnitude, currencyCode };
}

/** Formats exact minor units as the API's decimal string: 1250n USD -> "12.50", 500n JPY -> "500". */
export function formatMoney(money: Money): string {
  const digits = requireMinorUnits(money.currencyCode);
  const negative = money.amountMinor < 0n;
  const magnitude = (negative ? -money.amountMinor : money.amountMinor).toString();
  if (digits === 0) return (negative ? '-' : '') + magnitude;
  const padded = magnitude.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  const fraction = padded.slice(padded.length - digits);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Validates an amount already in minor units (as received over gRPC). */
export function checkMoney(money: Money): Money {
  requireMinorUnits(money.currencyCode);
  const magnitude = money.amountMinor < 0n ? -money.amountMinor : money.amountMinor;
  if (magnitude > MAX_AMOUNT_MINOR) {
    throw new MoneyError('AMOUNT_OUT_OF_RANGE', 'amount is larger than the largest amount accepted');
  }
  return money;
}
