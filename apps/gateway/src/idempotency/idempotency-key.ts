import { Problem } from '../http/problem';

const PRINTABLE_ASCII = /^[\x20-\x7e]{1,255}$/;
const SF_STRING = /^"((?:[^"\\]|\\["\\])*)"$/;

const invalidKey = () =>
  new Problem(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 255 printable ASCII characters', [
    { field: 'Idempotency-Key', message: 'send a unique value per operation, like a UUID' },
  ]);

/**
 * The key of an `Idempotency-Key` header: the IETF draft's quoted form (`"abc"`, a
 * structured-field string) or Stripe's bare form (`abc`), which name the same key.
 */
export function parseIdempotencyKey(header: string): string {
  const quoted = SF_STRING.exec(header);
  const key = quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : header;
  if (!PRINTABLE_ASCII.test(key)) throw invalidKey();
  return key;
}

/** Where a key lives in Redis: keys belong to one user in one team (or in none), so no one can probe another's. */
export function scopedKey(key: string, userId: string, teamId: string | undefined): string {
  return `idem:${userId}:${teamId ?? '-'}:${key}`;
}
