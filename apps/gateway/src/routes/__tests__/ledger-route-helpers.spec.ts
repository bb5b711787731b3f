import type { Request } from 'express';
import { Metadata, status } from '@grpc/grpc-js';
import { ERROR_CODE_KEY } from '@cashier/grpc';
import { Problem } from '../../http/problem';
import { validate } from '../../http/validate';
import { conditionally, ifMatchVersion, requiredIfMatch } from '../etag';
import { createRequestOf, createTransactionBody, updateRequestOf, updateTransactionBody } from '../transaction-body';

const withIfMatch = (value?: string) => ({ header: (name: string) => (name === 'if-match' ? value : undefined) }) as unknown as Request;

function problemOf(run: () => unknown): Problem {
  try {
    run();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a Problem');
}

describe('ETag and If-Match', () => {
  it('reads one strong "v<n>" and nothing else', () => {
    expect(ifMatchVersion(withIfMatch('"v12"'))).toBe(12n);
    expect(ifMatchVersion(withIfMatch())).toBeNull();
    for (const bad of ['*', 'v1', '"v0"', 'W/"v1"', '"v1", "v2"']) expect(problemOf(() => ifMatchVersion(withIfMatch(bad))).status).toBe(400);
    expect(problemOf(() => requiredIfMatch(withIfMatch())).status).toBe(428);
  });

  it('turns a version mismatch into 412 and leaves other failures alone', async () => {
    const grpcError = (code: status, errorCode: string) => {
      const metadata = new Metadata();
      metadata.set(ERROR_CODE_KEY, errorCode);
      return Object.assign(new Error('x'), { code, metadata, details: 'x' });
    };
    await expect(conditionally(Promise.reject(grpcError(status.FAILED_PRECONDITION, 'TRANSACTIONS_VERSION_MISMATCH')))).rejects.toMatchObject({
      status: 412,
      code: 'TRANSACTIONS_VERSION_MISMATCH',
    });
    const other = grpcError(status.FAILED_PRECONDITION, 'TRANSACTIONS_CATEGORY_IN_USE');
    await expect(conditionally(Promise.reject(other))).rejects.toBe(other);
  });
});

describe('transaction bodies', () => {
  it('parses money as exact decimals in the transaction currency, splits included', () => {
    const body = validate(createTransactionBody, {
      type: 'expense',
      amount: '100.01',
      currency: 'USD',
      occurred_at: '2026-11-20T10:00:00Z',
      splits: [
        { category_id: '0190f3a0-0000-7000-8000-000000000001', amount: '33.34' },
        { category_id: '0190f3a0-0000-7000-8000-000000000002', amount: '66.67' },
      ],
    });
    const request = createRequestOf(body);
    expect([request.amount, request.splits.map((s) => s.amount!.amountMinor)]).toEqual([{ amountMinor: 10001n, currencyCode: 'USD' }, [3334n, 6667n]]);
  });

  it('refuses JSON numbers, unknown fields, and a PATCH amount without its currency', () => {
    const create = { type: 'expense', currency: 'USD', occurred_at: '2026-11-20T10:00:00Z' };
    expect(problemOf(() => validate(createTransactionBody, { ...create, amount: 12.5 })).status).toBe(400);
    expect(problemOf(() => validate(createTransactionBody, { ...create, amount: '1.00', team_id: 'x' })).status).toBe(400);
    expect(problemOf(() => validate(updateTransactionBody, { amount: '1.00' })).errors.map((e) => e.field)).toEqual(['currency']);
    expect(problemOf(() => validate(updateTransactionBody, { version: 3 })).status).toBe(400);
    expect(problemOf(() => validate(updateTransactionBody, {})).status).toBe(400);
  });

  it('maps the fields of a PATCH to the update mask; null clears a reference', () => {
    const body = validate(updateTransactionBody, { amount: '7.25', currency: 'USD', category_id: null, tags: [] });
    const { updateMask, transaction } = updateRequestOf('0190f3a0-0000-7000-8000-000000000009', 3n, body);
    expect(updateMask.sort()).toEqual(['amount', 'category_id', 'tags']);
    expect([transaction.version, transaction.amount, transaction.categoryId]).toEqual([3n, { amountMinor: 725n, currencyCode: 'USD' }, '']);
  });
});
