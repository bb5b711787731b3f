import { status } from '@grpc/grpc-js';
import { ServiceError } from '@cashier/grpc';

/**
 * RESOURCE_EXHAUSTED (or UNAVAILABLE when the whole service is throttled, not the caller)
 * with the seconds to wait; the handler sends them as `retry-after` trailing metadata.
 */
export class RateLimitedError extends ServiceError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
    grpcStatus: status.RESOURCE_EXHAUSTED | status.UNAVAILABLE = status.RESOURCE_EXHAUSTED,
  ) {
    super(grpcStatus, code, message);
    this.name = 'RateLimitedError';
  }
}
