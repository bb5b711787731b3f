import { z } from 'zod';
import type { ExportTransactionsRequest } from '@cashier/contracts/cashier/transactions/v1/ledger_export';
import { EXPORT_FORMATS } from './export-formats';
import { listRequestOf, listTransactionsQuery } from './transaction-list-query';

/**
 * POST /v1/transactions/export body: the filters and sort of GET /v1/transactions as JSON
 * fields of the same names (lists as arrays; include_subcategories a boolean), and the
 * format. No cursor or limit: the export is everything that matches.
 */
export const exportTransactionsBody = listTransactionsQuery.omit({ cursor: true, limit: true }).extend({
  include_subcategories: z.boolean({ error: 'must be true or false' }).optional(),
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }).optional(),
});

export function exportRequestOf(body: z.infer<typeof exportTransactionsBody>): ExportTransactionsRequest {
  return { filter: listRequestOf(body) };
}
