import { ServiceError } from '@cashier/grpc';
import { BillingErrorCode } from './billing-error-code';

/** The UTC calendar month of an instant, "YYYY-MM": the unit usage is counted in. */
export function usagePeriodOf(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}

export function parseUsagePeriod(period: string, now: Date = new Date()): string {
  if (period === '') return usagePeriodOf(now);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
    throw ServiceError.invalid(BillingErrorCode.InvalidPeriod, 'period must be a month like "2026-11"', [
      { field: 'period', description: 'must be YYYY-MM' },
    ]);
  }
  return period;
}
