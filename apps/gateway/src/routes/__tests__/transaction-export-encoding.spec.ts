import {
  Transaction,
  TransactionSource,
  TransactionType,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import { csvField, csvRecord, defuseFormula } from '../csv';
import { EXPORT_ENCODINGS, encodeExport } from '../export-formats';
import { TRANSACTION_CSV_HEADER, transactionCsvRecord } from '../transaction-csv';

const usd = (amountMinor: bigint) => ({ amountMinor, currencyCode: 'USD' });

function transaction(overrides: Partial<Transaction> = {}): Transaction {
  return Transaction.fromPartial({
    id: '0190c7a8-0000-7000-8000-000000000001',
    type: TransactionType.TRANSACTION_TYPE_EXPENSE,
    amount: usd(1250n),
    occurredAt: new Date('2026-11-20T10:00:00Z'),
    source: TransactionSource.TRANSACTION_SOURCE_MANUAL,
    createdBy: '0190c7a8-0000-7000-8000-0000000000aa',
    createdAt: new Date('2026-11-20T10:00:01Z'),
    updatedAt: new Date('2026-11-20T10:00:02Z'),
    version: 1n,
    ...overrides,
  });
}

/** Splits CSV text into records of fields (RFC 4180, enough for these tests). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') fields.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      (fields = []), (field = ''), i++;
    } else field += char;
  }
  return records;
}

async function collect(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

async function* batches(...lists: Transaction[][]) {
  for (const transactions of lists) yield { transactions };
}

describe('CSV fields (RFC 4180)', () => {
  it('quotes only fields with a comma, a quote, CR or LF, and doubles quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    for (const risky of ['=SUM(A1:A9)', '+1', '-1+2', '@cmd', '\t=1', '\r=1']) expect(defuseFormula(risky)).toBe(`'${risky}`);
    for (const safe of ['lunch', '12.50', ' =1', "'=1", 'a=b', '']) expect(defuseFormula(safe)).toBe(safe);
  });
});

describe('a transaction as a CSV record', () => {
  it('has the header columns, in order, and the API values', () => {
    const header = parseCsv(TRANSACTION_CSV_HEADER)[0];
    expect(header).toEqual([
      'id', 'occurred_at', 'type', 'amount', 'currency', 'account_id', 'to_account_id', 'to_amount', 'to_currency',
      'category_id', 'payee', 'description', 'tags', 'splits', 'source', 'created_by', 'created_at', 'updated_at',
    ]);
    const record = parseCsv(transactionCsvRecord(transaction({ payee: 'Agora', tags: ['family', 'food'], description: 'lunch' })))[0];
    expect(Object.fromEntries(header.map((name, i) => [name, record[i]]))).toEqual({
      id: '0190c7a8-0000-7000-8000-000000000001',
      occurred_at: '2026-11-20T10:00:00.000Z',
      type: 'expense',
      amount: '12.50',
      currency: 'USD',
      account_id: '',
      to_account_id: '',
      to_amount: '',
      to_currency: '',
      category_id: '',
      payee: 'Agora',
      description: 'lunch',
      tags: 'family;food',
      splits: '',
      source: 'manual',
      created_by: '0190c7a8-0000-7000-8000-0000000000aa',
      created_at: '2026-11-20T10:00:01.000Z',
      updated_at: '2026-11-20T10:00:02.000Z',
    });
  });

  it('writes transfers with both amounts and splits as category:amount pairs', () => {
    const transfer = parseCsv(
      transactionCsvRecord(
        transaction({
          type: TransactionType.TRANSACTION_TYPE_TRANSFER,
          accountId: 'a1',
          toAccountId: 'a2',
          amount: usd(10_000n),
          toAmount: { amountMinor: 1_200_000n, currencyCode: 'BDT' },
        }),
      ),
    )[0];
    expect([transfer[2], transfer[3], transfer[4], transfer[7], transfer[8]]).toEqual(['transfer', '100.00', 'USD', '12000.00', 'BDT']);
    const split = parseCsv(
      transactionCsvRecord(
        transaction({ splits: [{ categoryId: 'c1', amount: usd(250n), description: 'x' }, { categoryId: 'c2', amount: usd(1000n), description: '' }] }),
      ),
    )[0];
    expect(split[13]).toBe('c1:2.50;c2:10.00');
  });

  it('keeps typed text intact through quoting and defuses formulas in it, but never in amounts', () => {
    const record = transactionCsvRecord(
      transaction({ payee: '=HYPERLINK("http://evil","click")', description: 'line one\r\nline "two", end', tags: ['@home', '+1'] }),
    );
    const fields = parseCsv(record)[0];
    expect(fields[10]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(fields[11]).toBe('line one\r\nline "two", end');
    expect(fields[12]).toBe("'@home;+1");
    expect(fields[3]).toBe('12.50');
    expect(parseCsv(record)).toHaveLength(1);
  });
});

describe('encoding an export', () => {
  const a = transaction({ id: 'a' });
  const b = transaction({ id: 'b', description: 'x,y' });
  const c = transaction({ id: 'c' });

  it('CSV: the header, then one record per transaction across batches', async () => {
    const text = await collect(encodeExport(EXPORT_ENCODINGS.csv, batches([a, b], [], [c])));
    const records = parseCsv(text);
    expect(records.map((record) => record[0])).toEqual(['id', 'a', 'b', 'c']);
    expect(records[2][11]).toBe('x,y');
    expect(await collect(encodeExport(EXPORT_ENCODINGS.csv, batches()))).toBe(TRANSACTION_CSV_HEADER);
  });

  it('JSON: one array in the API shape, whatever the batches', async () => {
    const parsed = JSON.parse(await collect(encodeExport(EXPORT_ENCODINGS.json, batches([], [a], [b, c]))));
    expect(parsed.map((item: { id: string }) => item.id)).toEqual(['a', 'b', 'c']);
    expect(parsed[0]).toMatchObject({ type: 'expense', amount: '12.50', currency: 'USD', version: 1 });
    expect(await collect(encodeExport(EXPORT_ENCODINGS.json, batches()))).toBe('[]');
  });
});
