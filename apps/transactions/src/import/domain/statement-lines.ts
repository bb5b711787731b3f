import { MoneyError } from '@cashier/money';
import { ServiceError } from '@cashier/grpc';
import { validateTransactionDraft, type TransactionDraft } from '../../domain/new-transaction';
import { throwIfInvalid } from '../../domain/ledger-errors';
import { TransactionsErrorCode } from '../../domain/transactions-error-code';
import { formatIsoDate } from '../../planning/domain/civil-date';
import { startOfLocalDay } from '../../planning/domain/zoned-time';
import type { CsvRecord } from './csv-records';
import { parseImportAmount } from './import-amount';
import { parseImportDate } from './import-date';
import type { ColumnMapping, ImportSettings } from './import-settings';

export interface StatementLine {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  draft: TransactionDraft;
  /** The local calendar day of the line, YYYY-MM-DD (duplicate detection compares days). */
  day: string;
}

export interface RejectedLine {
  line: number;
  reason: string;
}

/** Category ids by lower-case name, per kind; a name used twice within a kind is ambiguous (null). */
export type CategoryNames = Record<'expense' | 'income', ReadonlyMap<string, string | null>>;

type Column = keyof ColumnMapping;
const NOON_MS = 12 * 3_600_000;

class LineRejected extends Error {}

function columnIndexes(header: readonly string[], mapping: ColumnMapping): Map<Column, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const indexes = new Map<Column, number>();
  const violations = [];
  for (const [column, name] of Object.entries(mapping) as [Column, string][]) {
    if (name.trim() === '') continue;
    const index = names.indexOf(name.trim().toLowerCase());
    if (index < 0) violations.push({ field: `mapping.${column}`, description: `the header has no column "${name.slice(0, 60)}"` });
    indexes.set(column, index);
  }
  throwIfInvalid(TransactionsErrorCode.InvalidImport, 'import', violations);
  return indexes;
}

/** Why a line was refused, from the error its checks threw; anything unexpected is rethrown. */
export function reasonOf(error: unknown): string {
  if (error instanceof LineRejected || error instanceof MoneyError) return error.message;
  if (error instanceof ServiceError && error.fieldViolations.length > 0) {
    return error.fieldViolations.map((v) => `${v.field} ${v.description}`).join('; ');
  }
  throw error;
}

/**
 * Turns a bank statement's records into drafts of expenses and incomes on the account,
 * one per line, or a reason why a line cannot be one. The first record is the header;
 * a mapped column missing from it refuses the whole file (INVALID_ARGUMENT).
 */
export function readStatementLines(
  records: readonly CsvRecord[],
  settings: ImportSettings,
  account: { id: string; currencyCode: string },
  categories: CategoryNames,
  now: Date = new Date(),
): { lines: StatementLine[]; rejected: RejectedLine[] } {
  const [header, ...rows] = records;
  if (!header) throwIfInvalid(TransactionsErrorCode.InvalidImport, 'import', [{ field: 'csv', description: 'has no header line' }]);
  const indexes = columnIndexes(header.fields, settings.mapping);
  const lines: StatementLine[] = [];
  const rejected: RejectedLine[] = [];
  for (const record of rows) {
    const cell = (column: Column) => {
      const index = indexes.get(column);
      return index === undefined ? '' : (record.fields[index] ?? '').trim();
    };
    try {
      const date = parseImportDate(cell('date'), settings.dateFormat);
      if (!date) throw new LineRejected(`date "${cell('date').slice(0, 40)}" is not a date in the format ${settings.dateFormat}`);
      const { kind, amount } = signedAmount(cell, settings, account.currencyCode);
      const categoryName = cell('category').toLowerCase();
      let categoryId: string | undefined;
      if (categoryName !== '') {
        const found = categories[kind].get(categoryName);
        if (found === undefined) throw new LineRejected(`no ${kind} category is named "${cell('category').slice(0, 60)}"`);
        if (found === null) throw new LineRejected(`more than one ${kind} category is named "${cell('category').slice(0, 60)}"`);
        categoryId = found;
      }
      const draft = validateTransactionDraft(
        {
          kind,
          amount,
          occurredAt: new Date(startOfLocalDay(settings.timeZone, date).getTime() + NOON_MS),
          description: cell('description'),
          accountId: account.id,
          categoryId,
          payee: cell('payee'),
          tags: cell('tags') === '' ? [] : cell('tags').split(';'),
          source: 'import',
        },
        now,
      );
      lines.push({ line: record.line, draft, day: formatIsoDate(date) });
    } catch (error) {
      rejected.push({ line: record.line, reason: reasonOf(error) });
    }
  }
  return { lines, rejected };
}

function signedAmount(cell: (column: Column) => string, settings: ImportSettings, currencyCode: string) {
  let signedMinor: bigint;
  if (settings.mapping.amount.trim() !== '') {
    if (cell('amount') === '') throw new LineRejected('the amount is empty');
    const amount = parseImportAmount(cell('amount'), currencyCode, settings.decimalSeparator).amountMinor;
    signedMinor = settings.positiveIsExpense ? -amount : amount;
  } else {
    const read = (column: 'debit' | 'credit') =>
      cell(column) === '' ? 0n : parseImportAmount(cell(column), currencyCode, settings.decimalSeparator).amountMinor;
    const [debit, credit] = [read('debit'), read('credit')];
    if (debit !== 0n && credit !== 0n) throw new LineRejected('both debit and credit are filled in');
    // Money out is a debit whichever sign the bank writes it with; money in, a credit.
    const magnitude = (value: bigint) => (value < 0n ? -value : value);
    signedMinor = credit !== 0n ? magnitude(credit) : -magnitude(debit);
  }
  if (signedMinor === 0n) throw new LineRejected('the amount is zero');
  return {
    kind: signedMinor < 0n ? ('expense' as const) : ('income' as const),
    amount: { amountMinor: signedMinor < 0n ? -signedMinor : signedMinor, currencyCode },
  };
}
