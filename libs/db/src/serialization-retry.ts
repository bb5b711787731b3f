import { randomInt } from 'node:crypto';
import { sqlStateOf } from './sql-state';

/** PostgreSQL SQLSTATEs that mean "run the whole transaction again" (serialization failure, deadlock). */
const RETRYABLE = new Set(['40001', '40P01']);

/** Retries a transaction on serialization failures and deadlocks, with jittered backoff. */
export async function withSerializationRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const state = sqlStateOf(error);
      if (attempt >= attempts || !state || !RETRYABLE.has(state)) throw error;
      const backoff = Math.min(200, 10 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, backoff / 2 + randomInt(backoff + 1)));
    }
  }
}
