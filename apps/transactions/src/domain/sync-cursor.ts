import { ServiceError } from '@cashier/grpc';
import { TransactionsErrorCode } from './transactions-error-code';

// The cursor is the team's change-log position (YNAB's "server knowledge"), kept opaque
// so that it can carry more later without breaking clients.
const PREFIX = 'c1.';

export function encodeSyncCursor(seq: bigint): string {
  return Buffer.from(`${PREFIX}${seq.toString()}`).toString('base64url');
}

/** The change-log position a cursor stands for; the empty cursor is the beginning (0). */
export function decodeSyncCursor(cursor: string): bigint {
  if (cursor === '') return 0n;
  const text = cursor.length <= 64 && /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^c1\.(0|[1-9][0-9]{0,18})$/.exec(text);
  if (!match) {
    throw ServiceError.invalid(TransactionsErrorCode.InvalidCursor, 'the sync cursor is not valid', [
      { field: 'cursor', description: 'pass the cursor of the previous sync, or nothing to start over' },
    ]);
  }
  return BigInt(match[1]);
}
