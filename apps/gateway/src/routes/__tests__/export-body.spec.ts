import { TransactionSort, TransactionType } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { Problem } from '../../http/problem';
import { validate } from '../../http/validate';
import { exportRequestOf, exportTransactionsBody } from '../export-body';

function refusal(body: unknown): Problem {
  try {
    exportRequestOf(validate(exportTransactionsBody, body));
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a Problem');
}

describe('the export body', () => {
  it('carries the listing filters as JSON and maps them like the listing', () => {
    const body = validate(exportTransactionsBody, {
      format: 'json',
      from: '2026-11-01T00:00:00Z',
      type: ['expense', 'income'],
      category_id: ['0190c7a8-0000-7000-8000-000000000001'],
      include_subcategories: true,
      tag: ['a,b'],
      currency: 'USD',
      min_amount: '1.50',
      q: 'lunch',
      sort: 'amount_asc',
    });
    expect(body.format).toBe('json');
    expect(exportRequestOf(body).filter).toMatchObject({
      occurredFrom: new Date('2026-11-01T00:00:00Z'),
      types: [TransactionType.TRANSACTION_TYPE_EXPENSE, TransactionType.TRANSACTION_TYPE_INCOME],
      categoryIds: ['0190c7a8-0000-7000-8000-000000000001'],
      includeSubcategories: true,
      tags: ['a,b'],
      currencyCode: 'USD',
      minAmountMinor: 150n,
      text: 'lunch',
      sort: TransactionSort.TRANSACTION_SORT_AMOUNT_ASC,
      cursor: '',
      limit: 0,
    });
    expect(exportRequestOf(validate(exportTransactionsBody, {})).filter?.sort).toBe(TransactionSort.TRANSACTION_SORT_OCCURRED_AT_DESC);
  });

  it('refuses what the listing refuses, a cursor or limit, and an unknown format', () => {
    const field = (body: unknown) => [refusal(body).status, refusal(body).errors.map((error) => error.field)];
    expect(field({ type: ['lunch'] })).toEqual([400, ['type']]);
    expect(field({ min_amount: '1.00' })).toEqual([400, ['currency']]);
    expect(field({ from: 'yesterday' })).toEqual([400, ['from']]);
    expect(field({ format: 'xlsx' })).toEqual([400, ['format']]);
    expect(field({ include_subcategories: 'yes' })).toEqual([400, ['include_subcategories']]);
    expect(refusal({ cursor: 'abc' }).status).toBe(400);
    expect(refusal({ limit: '10' }).status).toBe(400);
  });
});
