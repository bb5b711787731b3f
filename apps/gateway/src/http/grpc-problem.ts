import { status, type ServiceError as GrpcError } from '@grpc/grpc-js';
import { ERROR_CODE_KEY, FIELD_VIOLATIONS_KEY } from '@cashier/grpc';
import { Problem, type FieldError } from './problem';

/** gRPC status -> HTTP status (google.rpc.Code semantics). 499 is "client closed request". */
export const HTTP_STATUS_OF: Record<status, number> = {
  [status.OK]: 200,
  [status.CANCELLED]: 499,
  [status.UNKNOWN]: 500,
  [status.INVALID_ARGUMENT]: 400,
  [status.DEADLINE_EXCEEDED]: 504,
  [status.NOT_FOUND]: 404,
  [status.ALREADY_EXISTS]: 409,
  [status.PERMISSION_DENIED]: 403,
  [status.RESOURCE_EXHAUSTED]: 429,
  [status.FAILED_PRECONDITION]: 400,
  [status.ABORTED]: 409,
  [status.OUT_OF_RANGE]: 400,
  [status.UNIMPLEMENTED]: 501,
  [status.INTERNAL]: 500,
  [status.UNAVAILABLE]: 503,
  [status.DATA_LOSS]: 500,
  [status.UNAUTHENTICATED]: 401,
};

const GENERIC_DETAIL: Partial<Record<number, string>> = {
  500: 'internal error',
  501: 'not implemented yet',
  503: 'a service is unavailable; try again shortly',
  504: 'a service did not answer in time; the request may or may not have been applied',
};

export function isGrpcError(error: unknown): error is GrpcError {
  return typeof (error as GrpcError)?.code === 'number' && (error as GrpcError)?.metadata !== undefined;
}

function fieldErrors(error: GrpcError): FieldError[] {
  const raw = error.metadata.get(FIELD_VIOLATIONS_KEY)[0];
  if (typeof raw !== 'string') return [];
  try {
    return (JSON.parse(raw) as { field: string; description: string }[]).map((v) => ({
      field: v.field,
      message: v.description,
    }));
  } catch {
    return [];
  }
}

/** Maps a failed gRPC call to the problem the client sees; internals never leak. */
export function problemFromGrpc(error: GrpcError): Problem {
  const httpStatus = HTTP_STATUS_OF[error.code] ?? 500;
  const code = error.metadata.get(ERROR_CODE_KEY)[0];
  const generic = GENERIC_DETAIL[httpStatus];
  // Every 429 tells the client when to come back; a minute when the service did not say.
  const retryAfter = error.metadata.get('retry-after')[0] ?? (httpStatus === 429 ? '60' : undefined);
  return new Problem(
    httpStatus,
    typeof code === 'string' ? code : status[error.code] ?? 'UNKNOWN',
    generic ?? error.details,
    generic ? [] : fieldErrors(error),
    typeof retryAfter === 'string' && /^\d{1,6}$/.test(retryAfter) ? { 'Retry-After': retryAfter } : {},
  );
}
