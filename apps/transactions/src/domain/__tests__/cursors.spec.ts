import { status } from '@grpc/grpc-js';
import { decodeListCursor, encodeListCursor, filterFingerprint, pageSize } from '../list-cursor';
import { decodeSyncCursor, encodeSyncCursor } from '../sync-cursor';
import { serviceErrorOf } from './service-error-of';

const ID = '0190f3a0-0000-7000-8000-000000000001';

describe('listing cursors', () => {
  const fingerprint = filterFingerprint({ text: 'x', min: 10n });

  it('round-trips a position, opaque and URL-safe', () => {
    const at = { sort: 'occurred_at_desc' as const, occurredAt: new Date('2026-11-20T10:00:00.123Z'), id: ID };
    const cursor = encodeListCursor(at, fingerprint);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor, 'occurred_at_desc', fingerprint)).toEqual(at);
    const amount = { sort: 'amount_asc' as const, amountMinor: -(10n ** 15n), id: ID };
    expect(decodeListCursor(encodeListCursor(amount, fingerprint), 'amount_asc', fingerprint)).toEqual(amount);
  });

  it('refuses a cursor for another sort, other filters, or one that was tampered with', () => {
    const cursor = encodeListCursor({ sort: 'amount_desc', amountMinor: 5n, id: ID }, fingerprint);
    const tampered = Buffer.from(Buffer.from(cursor, 'base64url').toString().replace('"5"', '"5e3"')).toString('base64url');
    for (const [c, sort, f] of [
      [cursor, 'amount_asc', fingerprint],
      [cursor, 'amount_desc', filterFingerprint({ text: 'y' })],
      [tampered, 'amount_desc', fingerprint],
      ['not a cursor!', 'amount_desc', fingerprint],
      ['x'.repeat(500), 'amount_desc', fingerprint],
      [Buffer.from('{"v":1}').toString('base64url'), 'amount_desc', fingerprint],
    ] as const) {
      const error = serviceErrorOf(() => decodeListCursor(c, sort, f));
      expect([error.grpcStatus, error.code]).toEqual([status.INVALID_ARGUMENT, 'TRANSACTIONS_INVALID_CURSOR']);
    }
  });

  it('fingerprints filters by their content', () => {
    expect(filterFingerprint({ a: 1n })).toBe(filterFingerprint({ a: 1n }));
    expect(filterFingerprint({ a: 1n })).not.toBe(filterFingerprint({ a: 2n }));
  });

  it('pages 50 by default and clamps to 200', () => {
    expect([pageSize(0), pageSize(-3), pageSize(1), pageSize(200), pageSize(201), pageSize(100_000)]).toEqual([50, 50, 1, 200, 200, 200]);
  });
});

describe('sync cursors', () => {
  it('round-trip a change-log position; empty is the beginning', () => {
    expect(decodeSyncCursor('')).toBe(0n);
    expect(decodeSyncCursor(encodeSyncCursor(42n))).toBe(42n);
    expect(encodeSyncCursor(42n)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuse anything else', () => {
    for (const cursor of ['42', Buffer.from('c1.-1').toString('base64url'), Buffer.from('c1.01').toString('base64url'), '%%']) {
      expect(serviceErrorOf(() => decodeSyncCursor(cursor)).code).toBe('TRANSACTIONS_INVALID_CURSOR');
    }
  });
});
