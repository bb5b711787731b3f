import type { RequestHandler, Response } from 'express';
import type { CallerContext } from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import { userOf } from '../http/caller';
import { Problem } from '../http/problem';
import { parseIdempotencyKey, scopedKey } from './idempotency-key';
import { IdempotencyStoreUnavailable, type IdempotencyStore, type StoredResponse } from './idempotency-store';
import { rawBodyOf, requestFingerprint } from './request-fingerprint';
import { captureResponse } from './response-capture';

const inUse = () =>
  new Problem(409, 'IDEMPOTENCY_KEY_IN_USE', 'a request with this Idempotency-Key is still being processed; retry shortly', [], {
    'Retry-After': '1',
  });

const reused = () =>
  new Problem(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'this Idempotency-Key was already used for a different request (method, path or body); use a new key for a new operation',
  );

const unavailable = () =>
  new Problem(503, 'IDEMPOTENCY_UNAVAILABLE', 'the request cannot be made safe to retry right now; try again shortly', [], {
    'Retry-After': '2',
  });

function replay(res: Response, stored: StoredResponse): void {
  res.status(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  res.setHeader('Idempotent-Replayed', 'true');
  if (stored.status === 204) res.end();
  else res.send(stored.body);
}

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header, as Stripe does it) for a
 * signed-in write: the first request with a key runs and its response (below 500) is
 * kept; a retry of the same request gets that response again, without running; a retry
 * while the first is still running gets 409, and the key reused for another request
 * gets 422. Without Redis a request with a key is refused (503) rather than risk running
 * twice. Requests without the header pass untouched.
 */
export function idempotency(store: IdempotencyStore, logger: Logger): RequestHandler {
  return async (req, res, next) => {
    const header = req.header('idempotency-key');
    if (header === undefined) {
      next();
      return;
    }
    try {
      const user = userOf(res);
      const teamId = (res.locals.caller as CallerContext | undefined)?.teamId;
      const key = scopedKey(parseIdempotencyKey(header), user.userId, teamId);
      const fingerprint = requestFingerprint(req.method, req.originalUrl, rawBodyOf(req));
      const claim = await store.claim(key, fingerprint);
      switch (claim.outcome) {
        case 'replay':
          replay(res, claim.response);
          return;
        case 'in-flight':
          throw inUse();
        case 'mismatch':
          throw reused();
        case 'claimed':
          captureResponse(res, (response) => {
            const kept = response && response.status < 500 ? store.complete(key, fingerprint, response) : store.release(key);
            kept.catch((error: unknown) =>
              logger.warn({ err: error, requestId: res.locals.requestId }, 'idempotency key not settled; it expires with its lock'),
            );
          });
          next();
      }
    } catch (error) {
      next(error instanceof IdempotencyStoreUnavailable ? unavailable() : error);
    }
  };
}
