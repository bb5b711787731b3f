import { z } from 'zod';
import { isUuid } from '@cashier/ids';
import { MoneyError, parseMoney, type Money } from '@cashier/money';
import { Problem } from '../http/problem';

/** Request fields shared by the account, category, transaction, sync and aggregate routes. */
export const ledgerFields = {
  id: z.uuid({ error: 'must be a UUID' }),
  /** Decimal strings only: a JSON number is refused, so no float ever carries money. */
  amount: z.string({ error: 'must be a decimal string like "12.50"' }).max(40),
  currency: z.string({ error: 'must be an ISO 4217 code like "USD"' }).regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "USD"'),
  dateTime: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' }),
  date: z.iso.date({ error: 'must be a date like "2026-12-31"' }),
  /** "true" or "false" in a query string. */
  flag: z.enum(['true', 'false'], { error: 'must be "true" or "false"' }).transform((value) => value === 'true'),
};

/** Exact minor units from the API's decimal string; a bad amount or currency is a 400 naming the field. */
export function moneyFrom(amount: string, currency: string, fields = { amount: 'amount', currency: 'currency' }): Money {
  try {
    return parseMoney(amount, currency);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    const field = error.code === 'UNKNOWN_CURRENCY' ? fields.currency : fields.amount;
    throw new Problem(400, 'INVALID_REQUEST', 'the request is not valid', [{ field, message: error.message }]);
  }
}

/** An id from the path; a malformed one names nothing, so it is not found (no hint about what exists). */
export function idFromPath(raw: unknown, notFound: () => Problem): string {
  const id = String(raw).toLowerCase();
  if (!isUuid(id)) throw notFound();
  return id;
}

/** A query parameter that may repeat (?type=a&type=b) or list values with commas (?type=a,b). */
export const queryList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean));

/** As queryList, but values are kept whole (a tag may contain a comma): repeat the parameter instead. */
export const queryRepeated = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

/** A positive whole number in a query string. */
export const queryCount = z.string().regex(/^[1-9][0-9]{0,8}$/, 'must be a positive whole number').transform(Number);
