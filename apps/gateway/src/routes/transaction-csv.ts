import type { Transaction } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { csvRecord, defuseFormula } from './csv';
import { transactionJson } from './transaction-json';

type TransactionJson = ReturnType<typeof transactionJson>;

interface Column {
  name: string;
  value: (transaction: TransactionJson) => string | null | undefined;
  /** Unsigned decimal amounts, written as they are so a spreadsheet sums them. */
  decimal?: true;
}

const COLUMNS: readonly Column[] = [
  { name: 'id', value: (t) => t.id },
  { name: 'occurred_at', value: (t) => t.occurred_at },
  { name: 'type', value: (t) => t.type },
  { name: 'amount', value: (t) => t.amount, decimal: true },
  { name: 'currency', value: (t) => t.currency },
  { name: 'account_id', value: (t) => t.account_id },
  { name: 'to_account_id', value: (t) => t.to_account_id },
  { name: 'to_amount', value: (t) => t.to_amount, decimal: true },
  { name: 'to_currency', value: (t) => t.to_currency },
  { name: 'category_id', value: (t) => t.category_id },
  { name: 'payee', value: (t) => t.payee },
  { name: 'description', value: (t) => t.description },
  { name: 'tags', value: (t) => t.tags.join(';') },
  { name: 'splits', value: (t) => t.splits.map((split) => `${split.category_id}:${split.amount}`).join(';') },
  { name: 'source', value: (t) => t.source },
  { name: 'created_by', value: (t) => t.created_by },
  { name: 'created_at', value: (t) => t.created_at },
  { name: 'updated_at', value: (t) => t.updated_at },
];

/** The header record of a transactions CSV export. */
export const TRANSACTION_CSV_HEADER = csvRecord(COLUMNS.map((column) => column.name));

/**
 * One transaction as one CSV record, with the API's values (amounts as unsigned decimal
 * strings beside their type and currency; "none" is an empty field).
 */
export function transactionCsvRecord(transaction: Transaction): string {
  const json = transactionJson(transaction);
  return csvRecord(
    COLUMNS.map((column) => {
      const value = column.value(json) ?? '';
      return column.decimal ? value : defuseFormula(value);
    }),
  );
}
