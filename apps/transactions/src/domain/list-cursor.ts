import { createHash } from 'node:crypto';
import { ServiceError } from '@cashier/grpc';
import { isUuid } from '@cashier/ids';
import { TransactionsErrorCode } from './transactions-error-code';

export const LIST_SORTS = ['occurred_at_desc', 'occurred_at_asc', 'amount_desc', 'amount_asc'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** Where a page ended: the sort key of its last row and that row's id (the tie-breaker). */
export type ListPosition =
  | { sort: 'occurred_at_desc' | 'occurred_at_asc'; occurredAt: Date; id: string }
  | { sort: 'amount_desc' | 'amount_asc'; amountMinor: bigint; id: string };

interface CursorJson {
  v: 1;
  s: ListSort;
  k: string;
  i: string;
  f: string;
}

const MAX_CURSOR_LENGTH = 400;

function invalidCursor(): ServiceError {
  return ServiceError.invalid(TransactionsErrorCode.InvalidCursor, 'the cursor is not valid for this listing', [
    { field: 'cursor', description: 'pass the next_cursor of the previous page, with the same filters and sort' },
  ]);
}

/** A short fingerprint of the filters, so a cursor cannot be replayed against a different listing. */
export function filterFingerprint(filters: unknown): string {
  const json = JSON.stringify(filters, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  return createHash('sha256').update(json).digest('base64url').slice(0, 16);
}

/** An opaque, URL-safe cursor: keyset pagination stays stable while rows are inserted. */
export function encodeListCursor(position: ListPosition, fingerprint: string): string {
  const key = 'occurredAt' in position ? position.occurredAt.toISOString() : position.amountMinor.toString();
  const json: CursorJson = { v: 1, s: position.sort, k: key, i: position.id, f: fingerprint };
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

/** Reads a cursor made by encodeListCursor for the same sort and filters; anything else is INVALID_ARGUMENT. */
export function decodeListCursor(cursor: string, sort: ListSort, fingerprint: string): ListPosition {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let json: Partial<CursorJson>;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorJson>;
  } catch {
    throw invalidCursor();
  }
  if (json?.v !== 1 || json.s !== sort || json.f !== fingerprint || typeof json.k !== 'string' || typeof json.i !== 'string') {
    throw invalidCursor();
  }
  if (!isUuid(json.i)) throw invalidCursor();
  if (sort === 'occurred_at_desc' || sort === 'occurred_at_asc') {
    const occurredAt = new Date(json.k);
    if (Number.isNaN(occurredAt.getTime()) || occurredAt.toISOString() !== json.k) throw invalidCursor();
    return { sort, occurredAt, id: json.i };
  }
  if (!/^-?[0-9]{1,19}$/.test(json.k)) throw invalidCursor();
  return { sort, amountMinor: BigInt(json.k), id: json.i };
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Default 50; anything above 200 is clamped to 200 (not refused). */
export function pageSize(requested: number, fallback = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE): number {
  if (!Number.isFinite(requested) || requested <= 0) return fallback;
  return Math.min(Math.floor(requested), max);
}
