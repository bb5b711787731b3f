import { z } from 'zod';

/** Request fields shared by the budget, goal and recurring-rule routes. */
export const planningFields = {
  id: z.uuid({ error: 'must be a UUID' }),
  amount: z.string({ error: 'must be a decimal string like "12.50"' }).max(40),
  currency: z.string({ error: 'must be an ISO 4217 code like "USD"' }).regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "USD"'),
  date: z.iso.date({ error: 'must be a date like "2026-11-26"' }),
  timeZone: z.string().min(1).max(64),
};


/** Hundredths of a percent as the API's decimal string: 8250n -> "82.50". */
export function percentOf(basisPoints: bigint): string {
  const negative = basisPoints < 0n;
  const magnitude = negative ? -basisPoints : basisPoints;
  return `${negative ? '-' : ''}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}
