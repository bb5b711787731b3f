import type { FieldViolation } from '@cashier/grpc';
import { parseId } from '../../domain/client-id';
import { throwIfInvalid } from '../../domain/ledger-errors';
import { TransactionsErrorCode } from '../../domain/transactions-error-code';
import { isTimeZone } from '../../domain/time-zone';
import type { DecimalSeparator } from './import-amount';
import { DATE_FORMATS, type DateFormat } from './import-date';

/** Header names of the statement's columns; only `date` and an amount are required. */
export interface ColumnMapping {
  date: string;
  /** A signed amount column; or `debit` (money out) and/or `credit` (money in) columns. */
  amount: string;
  debit: string;
  credit: string;
  payee: string;
  description: string;
  /** A category name of the team (expense or income, by the line's direction). */
  category: string;
  /** Tags separated by ";". */
  tags: string;
}

export interface ImportSettings {
  accountId: string;
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  decimalSeparator: DecimalSeparator;
  delimiter: string;
  timeZone: string;
  /** Whether a positive signed amount is money out (some banks' exports); default: negative is money out. */
  positiveIsExpense: boolean;
  dryRun: boolean;
  /** Refuse the whole file when any line is rejected. */
  allOrNothing: boolean;
}

export const MAX_IMPORT_CSV_CHARS = 3_000_000;
export const MAX_IMPORT_LINES = 50_000;
const DELIMITERS = [',', ';', '\t', '|'];

export type ImportSettingsInput = Omit<ImportSettings, 'dateFormat' | 'decimalSeparator'> & { dateFormat: string; decimalSeparator: string };

/** Checks the options of an import; every problem at once, as INVALID_ARGUMENT. */
export function validateImportSettings(input: ImportSettingsInput, csvLength: number): ImportSettings {
  const violations: FieldViolation[] = [];
  const accountId = parseId(input.accountId);
  if (!accountId) violations.push({ field: 'account_id', description: 'must be a UUID' });
  if (csvLength === 0) violations.push({ field: 'csv', description: 'is empty' });
  if (csvLength > MAX_IMPORT_CSV_CHARS) violations.push({ field: 'csv', description: `must be at most ${MAX_IMPORT_CSV_CHARS} characters` });
  const { mapping } = input;
  if (!mapping.date.trim()) violations.push({ field: 'mapping.date', description: 'name the column that holds the date' });
  const signed = mapping.amount.trim() !== '';
  const split = mapping.debit.trim() !== '' || mapping.credit.trim() !== '';
  if (signed === split) {
    violations.push({ field: 'mapping.amount', description: 'name either an amount column, or debit and/or credit columns' });
  }
  const dateFormat = input.dateFormat === '' ? 'YYYY-MM-DD' : input.dateFormat;
  if (!(DATE_FORMATS as readonly string[]).includes(dateFormat)) {
    violations.push({ field: 'date_format', description: `must be one of ${DATE_FORMATS.join(', ')}` });
  }
  const decimalSeparator = input.decimalSeparator === '' ? '.' : input.decimalSeparator;
  if (decimalSeparator !== '.' && decimalSeparator !== ',') violations.push({ field: 'decimal_separator', description: 'must be "." or ","' });
  const delimiter = input.delimiter === '' ? ',' : input.delimiter;
  if (!DELIMITERS.includes(delimiter)) violations.push({ field: 'delimiter', description: 'must be ",", ";", "|" or a tab' });
  if (delimiter === decimalSeparator) violations.push({ field: 'delimiter', description: 'must differ from the decimal separator' });
  const timeZone = input.timeZone === '' ? 'UTC' : input.timeZone;
  if (!isTimeZone(timeZone)) violations.push({ field: 'time_zone', description: 'must be an IANA time zone like "Asia/Dhaka"' });
  throwIfInvalid(TransactionsErrorCode.InvalidImport, 'import', violations);
  return {
    ...input,
    accountId: accountId!,
    dateFormat: dateFormat as DateFormat,
    decimalSeparator: decimalSeparator as DecimalSeparator,
    delimiter,
    timeZone,
  };
}
