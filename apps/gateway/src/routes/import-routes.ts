import type { ImportTransactionsResponse } from '@cashier/contracts/cashier/transactions/v1/ledger_import';
import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { ledgerFields } from './ledger-fields';
import { transactionJson } from './transaction-json';

/** The CSV of one import, in characters (the JSON body around it may be a little larger: see IMPORT_BODY_LIMIT). */
const MAX_CSV_CHARS = 3_000_000;
export const IMPORT_PATH = '/v1/transactions/import';
export const IMPORT_BODY_LIMIT = '4mb';
// Writing tens of thousands of lines in one database transaction takes a while.
const IMPORT_DEADLINE_MS = 120_000;

const column = z.string().trim().max(100);

const importBody = z.strictObject({
  account_id: ledgerFields.id,
  csv: z.string().min(1, 'is empty').max(MAX_CSV_CHARS, `must be at most ${MAX_CSV_CHARS} characters`),
  mapping: z.strictObject({
    date: column.min(1),
    amount: column.optional(),
    debit: column.optional(),
    credit: column.optional(),
    payee: column.optional(),
    description: column.optional(),
    category: column.optional(),
    tags: column.optional(),
  }),
  date_format: z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY']).optional(),
  decimal_separator: z.enum(['.', ',']).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  time_zone: z.string().max(64).optional(),
  positive_is_expense: z.boolean().optional(),
  dry_run: z.boolean().optional(),
  all_or_nothing: z.boolean().optional(),
});

function reportJson(report: ImportTransactionsResponse) {
  return {
    dry_run: report.dryRun,
    lines: report.lines,
    new: report.fresh,
    imported: report.imported,
    duplicates: report.duplicates,
    rejected: report.rejected,
    rejected_lines: report.rejectedLines,
    duplicate_lines: report.duplicateLines,
    preview: report.preview.map(({ line, transaction }) => {
      const json = transactionJson(transaction!);
      return {
        line,
        type: json.type,
        amount: json.amount,
        currency: json.currency,
        occurred_at: json.occurred_at,
        payee: json.payee,
        description: json.description,
        category_id: json.category_id,
        tags: json.tags,
      };
    }),
  };
}

/**
 * Bank statement import. 200 with the report for a dry run or when nothing was new, 201
 * when lines were imported, 422 (with the report) when all_or_nothing refused the file.
 */
export function importRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/transactions/import', TEAM_WRITE, async (req, res) => {
    const body = validate(importBody, req.body ?? {});
    const report = await downstream.call(
      'ledger-import',
      'importTransactions',
      {
        accountId: body.account_id,
        csv: body.csv,
        mapping: {
          date: body.mapping.date,
          amount: body.mapping.amount ?? '',
          debit: body.mapping.debit ?? '',
          credit: body.mapping.credit ?? '',
          payee: body.mapping.payee ?? '',
          description: body.mapping.description ?? '',
          category: body.mapping.category ?? '',
          tags: body.mapping.tags ?? '',
        },
        dateFormat: body.date_format ?? '',
        decimalSeparator: body.decimal_separator ?? '',
        delimiter: body.delimiter ?? '',
        timeZone: body.time_zone ?? '',
        positiveIsExpense: body.positive_is_expense ?? false,
        dryRun: body.dry_run ?? false,
        allOrNothing: body.all_or_nothing ?? false,
      },
      callerOf(res),
      { deadlineMs: IMPORT_DEADLINE_MS },
    );
    if (report.refused) {
      const detail = `${report.rejected} line(s) were rejected and all_or_nothing is set: nothing was imported`;
      throw new Problem(422, 'TRANSACTIONS_IMPORT_REJECTED', detail, [], {}, reportJson(report));
    }
    res.status(report.imported > 0 ? 201 : 200).json(reportJson(report));
  });
}
