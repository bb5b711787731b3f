import { Metadata, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import type { InternalContext } from '@cashier/auth-context';
import { publicUnaryHandler, type CallScope, type HandlerDeps } from '@cashier/grpc';
import { RateLimitedError } from '../domain/rate-limited-error';

/** Trailing metadata key with the seconds to wait; the gateway turns it into HTTP `Retry-After`. */
export const RETRY_AFTER_KEY = 'retry-after';

/**
 * publicUnaryHandler, plus: a RateLimitedError also carries `retry-after` (whole seconds) in
 * the trailers. The shared wrapper already maps its status, code and message.
 */
export function publicHandlerWithRetryAfter<Req, Res>(
  deps: HandlerDeps,
  run: (request: Req, scope: CallScope<InternalContext>) => Promise<Res>,
): (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void {
  return (call, callback) => {
    let retryAfterSeconds: number | undefined;
    const handler = publicUnaryHandler<Req, Res>(deps, async (request, scope) => {
      try {
        return await run(request, scope);
      } catch (error) {
        if (error instanceof RateLimitedError) retryAfterSeconds = error.retryAfterSeconds;
        throw error;
      }
    });
    handler(call, (error, value, trailer, flags) => {
      if (error && retryAfterSeconds !== undefined) {
        const metadata = error.metadata ?? new Metadata();
        metadata.set(RETRY_AFTER_KEY, String(retryAfterSeconds));
        callback({ ...error, metadata }, value, trailer, flags);
        return;
      }
      callback(error, value, trailer, flags);
    });
  };
}
