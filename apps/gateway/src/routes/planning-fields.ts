import { z } from 'zod';
import { isUuid } from '@cashier/ids';
import { MoneyError, parseMoney, type Money } from '@cashier/money';
import { Problem } from '../http/problem';

/** Request fields shared by the budget, goal and recurring-rule routes. */
export const planningFields = {
  id: z.uuid({ error: 'must be a UUID' }),
  amount: z.string({ error: 'must be a decimal string like "12.50"' }).max(40),
  currency: z.string({ error: 'must be an ISO 4217 code like "USD"' }).regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "USD"'),
  date: z.iso.date({ error: 'must be a date like "2026-11-26"' }),
  timeZone: z.string().min(1).max(64),
};

/** Exact minor units from the API's decimal string; a bad amount or currency is a 400 naming the field. */
export function moneyOf(amount: string, currency: string, fields: { amount: string; currency: string } = { amount: 'amount', currency: 'currency' }): Money {
  try {
    return parseMoney(amount, currency);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    const field = error.code === 'UNKNOWN_CURRENCY' ? fields.currency : fields.amount;
    throw new Problem(400, 'INVALID_REQUEST', 'the request is not valid', [{ field, message: error.message }]);
  }
}

/** An id from the path; a malformed one names nothing, so it is not found (no hint about what exists). */
export function pathId(raw: unknown, notFound: () => Problem): string {
  const id = String(raw).toLowerCase();
  if (!isUuid(id)) throw notFound();
  return id;
}

/** Hundredths of a percent as the API's decimal string: 8250n -> "82.50". */
export function percentOf(basisPoints: bigint): string {
  const negative = basisPoints < 0n;
  const magnitude = negative ? -basisPoints : basisPoints;
  return `${negative ? '-' : ''}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}
