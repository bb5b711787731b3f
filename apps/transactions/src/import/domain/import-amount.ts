import { MoneyError, parseMoney, type Money } from '@cashier/money';

export type DecimalSeparator = '.' | ',';

/** Digits with optional thousands marks in groups of three, then optional decimals. */
const AMOUNT_SHAPE: Record<DecimalSeparator, RegExp> = {
  '.': /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/,
  ',': /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/,
};

/**
 * A bank statement's amount as exact signed money: "1,234.50", "-12.5", "+3", "(12.50)"
 * (accounting negative), "1.234,50" with a comma separator; spaces and the other
 * separator are thousands marks. Anything else, or more decimals than the currency
 * has, throws MoneyError: nothing is ever rounded.
 */
export function parseImportAmount(raw: string, currencyCode: string, decimalSeparator: DecimalSeparator): Money {
  let text = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const thousands = decimalSeparator === '.' ? ',' : '.';
  if (!AMOUNT_SHAPE[decimalSeparator].test(text)) {
    throw new MoneyError('MALFORMED_AMOUNT', `"${raw.slice(0, 40)}" is not an amount with "${decimalSeparator}" as decimal separator`);
  }
  const normalised = text.split(thousands).join('').replace(decimalSeparator, '.');
  const money = parseMoney(normalised, currencyCode);
  return negative ? { ...money, amountMinor: -money.amountMinor } : money;
}
