import { status } from '@grpc/grpc-js';
import { ServiceError } from '@cashier/grpc';

/** RESOURCE_EXHAUSTED with the seconds to wait; the handler sends them as `retry-after` trailing metadata. */
export class RateLimitedError extends ServiceError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status.RESOURCE_EXHAUSTED, code, message);
    this.name = 'RateLimitedError';
  }
}
