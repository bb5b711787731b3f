import { MoneyError } from '@cashier/money';
import { parseCsvRecords } from '../domain/csv-records';
import { separateDuplicates } from '../domain/duplicate-lines';
import { parseImportAmount } from '../domain/import-amount';
import { parseImportDate } from '../domain/import-date';

describe('parseCsvRecords', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = '\ufeffDate,Payee,Amount\r\n2026-11-01,"Shwapno, Gulshan",-12.50\n\n2026-11-02,"He said ""hi""\nthere",3\n2026-11-03,,""';
    expect(parseCsvRecords(text, ',')).toEqual([
      { line: 1, fields: ['Date', 'Payee', 'Amount'] },
      { line: 2, fields: ['2026-11-01', 'Shwapno, Gulshan', '-12.50'] },
      { line: 4, fields: ['2026-11-02', 'He said "hi"\nthere', '3'] },
      { line: 6, fields: ['2026-11-03', '', ''] },
    ]);
  });

  it('takes other delimiters and names the line of an unclosed quote', () => {
    expect(parseCsvRecords('a;b\n1,5;2\n', ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1,5', '2'] },
    ]);
    expect(() => parseCsvRecords('a,b\n1,"open\n2,3\n', ',')).toThrow('line 2: a quoted field is never closed');
  });
});

describe('parseImportAmount', () => {
  it.each([
    ['-12.50', '.', 'USD', -1250n],
    ['1,234.56', '.', 'USD', 123456n],
    ['(7.25)', '.', 'USD', -725n],
    ['+3', '.', 'USD', 300n],
    ['1.234,5', ',', 'EUR', 123450n],
    ['- 1 500', '.', 'JPY', -1500n],
    ['12.345', '.', 'KWD', 12345n],
  ])('%s with "%s" as decimal separator in %s is %p minor units', (raw, separator, currency, expected) => {
    expect(parseImportAmount(raw, currency, separator as '.' | ',').amountMinor).toBe(expected);
  });

  it.each([
    ['12,50', '.', 'USD'],
    ['12.345', '.', 'USD'],
    ['1e3', '.', 'USD'],
    ['$12', '.', 'USD'],
    ['1.2.3', '.', 'USD'],
    ['', '.', 'USD'],
  ])('refuses %s (decimal "%s", %s) rather than guess or round', (raw, separator, currency) => {
    expect(() => parseImportAmount(raw, currency, separator as '.' | ',')).toThrow(MoneyError);
  });
});

describe('parseImportDate', () => {
  it('reads each format, ignores a time, and refuses dates that do not exist', () => {
    expect(parseImportDate('2026-11-05 14:30', 'YYYY-MM-DD')).toEqual({ year: 2026, month: 11, day: 5 });
    expect(parseImportDate('05/11/2026', 'DD/MM/YYYY')).toEqual({ year: 2026, month: 11, day: 5 });
    expect(parseImportDate('11.05.2026', 'MM/DD/YYYY')).toEqual({ year: 2026, month: 11, day: 5 });
    expect(parseImportDate('2026-02-30', 'YYYY-MM-DD')).toBeUndefined();
    expect(parseImportDate('13/13/2026', 'DD/MM/YYYY')).toBeUndefined();
    expect(parseImportDate('yesterday', 'YYYY-MM-DD')).toBeUndefined();
  });
});

describe('separateDuplicates', () => {
  const coffee = { kind: 'expense', amountMinor: 350n, day: '2026-11-01', payee: 'Cafe' };
  it('counts as a multiset: one recorded coffee makes one of two identical lines a duplicate', () => {
    const lines = [
      { ...coffee, line: 2 },
      { ...coffee, line: 3, payee: ' CAFE ' },
      { ...coffee, line: 4, day: '2026-11-02' },
    ];
    const { fresh, duplicates } = separateDuplicates(lines, [coffee]);
    expect(duplicates.map((l) => l.line)).toEqual([2]);
    expect(fresh.map((l) => l.line)).toEqual([3, 4]);
    expect(separateDuplicates(lines, lines).fresh).toEqual([]);
  });
});
