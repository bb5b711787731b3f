import { ServiceError, type FieldViolation } from '@cashier/grpc';
import { isUuid } from '@cashier/ids';
import { checkMoney, MoneyError, type Money } from '@cashier/money';
import { compareDates, parseIsoDate, type CivilDate } from './civil-date';
import type { PlanningErrorCode } from './planning-error-code';
import { isTimeZone } from './zoned-time';

export type AmountSign = 'positive' | 'not-zero';

/**
 * Collects every problem of one request, so the client hears about all of them at once;
 * each check returns the stored form of its value (or undefined when it was refused).
 */
export class FieldChecks {
  private readonly violations: FieldViolation[] = [];

  refuse(field: string, description: string): undefined {
    this.violations.push({ field, description });
    return undefined;
  }

  /** An optional client-chosen UUID: '' means "let the service choose". */
  clientId(field: string, value: string): string | undefined {
    if (value === '') return undefined;
    return isUuid(value.toLowerCase()) ? value.toLowerCase() : this.refuse(field, 'must be a UUID');
  }

  /** An optional reference to another record: '' means none. */
  optionalUuid(field: string, value: string): string | null {
    if (value === '') return null;
    return isUuid(value.toLowerCase()) ? value.toLowerCase() : (this.refuse(field, 'must be a UUID') ?? null);
  }

  money(amountField: string, currencyField: string, money: Money | undefined, sign: AmountSign): Money | undefined {
    if (!money) return this.refuse(amountField, 'is required');
    try {
      checkMoney(money);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      return this.refuse(error.code === 'UNKNOWN_CURRENCY' ? currencyField : amountField, error.message);
    }
    if (sign === 'positive' && money.amountMinor <= 0n) return this.refuse(amountField, 'must be greater than zero');
    if (sign === 'not-zero' && money.amountMinor === 0n) return this.refuse(amountField, 'must not be zero');
    return money;
  }

  date(field: string, value: string): CivilDate | undefined {
    if (value === '') return this.refuse(field, 'is required');
    return parseIsoDate(value) ?? this.refuse(field, 'must be a date like "2026-11-26" between 1900 and 9999');
  }

  optionalDate(field: string, value: string, fallback: CivilDate | null): CivilDate | null | undefined {
    return value === '' ? fallback : this.date(field, value);
  }

  notBefore(field: string, date: CivilDate | null | undefined, earliest: CivilDate | null | undefined, description: string): void {
    if (date && earliest && compareDates(date, earliest) < 0) this.refuse(field, description);
  }

  /** An IANA zone; '' means UTC. */
  timeZone(field: string, value: string): string | undefined {
    const zone = value === '' ? 'UTC' : value;
    return isTimeZone(zone) ? zone : this.refuse(field, 'must be an IANA time zone like "Asia/Dhaka" or "UTC"');
  }

  text(field: string, value: string, options: { max: number; required?: boolean }): string | undefined {
    if (options.required && value.trim() === '') return this.refuse(field, 'is required');
    if (value.length > options.max) return this.refuse(field, `must be at most ${options.max} characters`);
    return value;
  }

  /** An integer setting in [min, max]; 0 means "not given" (proto3 default). */
  optionalInt(field: string, value: number, min: number, max: number): number | undefined {
    if (value === 0) return undefined;
    return Number.isInteger(value) && value >= min && value <= max ? value : this.refuse(field, `must be between ${min} and ${max}`);
  }

  required<T>(field: string, value: T | undefined, description: string): T | undefined {
    return value === undefined ? this.refuse(field, description) : value;
  }

  /** Throws INVALID_ARGUMENT listing every problem, if there is any. */
  done(code: PlanningErrorCode, message: string): void {
    if (this.violations.length > 0) throw ServiceError.invalid(code, message, this.violations);
  }
}
