import { randomInt } from 'node:crypto';

/** PostgreSQL SQLSTATEs that mean "run the whole transaction again" (serialization failure, deadlock). */
const RETRYABLE = new Set(['40001', '40P01']);

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown }; meta?: { code?: unknown } };
  for (const candidate of [e?.code, e?.cause?.originalCode, e?.cause?.code, e?.meta?.code]) {
    if (typeof candidate === 'string' && /^[0-9A-Z]{5}$/.test(candidate)) return candidate;
  }
  return undefined;
}

/** Retries a transaction on serialization failures and deadlocks, with jittered backoff. */
export async function withSerializationRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= attempts || !state || !RETRYABLE.has(state)) throw error;
      const backoff = Math.min(200, 10 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, backoff / 2 + randomInt(backoff + 1)));
    }
  }
}
