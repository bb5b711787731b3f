import type { Transaction } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { TRANSACTION_CSV_HEADER, transactionCsvRecord } from './transaction-csv';
import { transactionJson } from './transaction-json';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How an export is written: its media type, and the text before, between and after the items. */
export interface ExportEncoding {
  contentType: string;
  extension: string;
  head: string;
  item: (transaction: Transaction) => string;
  separator: string;
  tail: string;
}

export const EXPORT_ENCODINGS: Record<ExportFormat, ExportEncoding> = {
  csv: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    head: TRANSACTION_CSV_HEADER,
    item: transactionCsvRecord,
    separator: '',
    tail: '',
  },
  // One JSON array of transactions in the API's shape.
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    head: '[',
    item: (transaction) => JSON.stringify(transactionJson(transaction)),
    separator: ',',
    tail: ']',
  },
};

/** The export as text, one piece per batch, produced only as fast as it is read. */
export async function* encodeExport(
  encoding: ExportEncoding,
  batches: AsyncIterable<{ transactions: readonly Transaction[] }>,
): AsyncGenerator<string> {
  yield encoding.head;
  let written = 0;
  for await (const { transactions } of batches) {
    if (transactions.length === 0) continue;
    yield (written > 0 ? encoding.separator : '') + transactions.map(encoding.item).join(encoding.separator);
    written += transactions.length;
  }
  if (encoding.tail !== '') yield encoding.tail;
}
