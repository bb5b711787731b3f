import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { problemFromGrpc } from '../http/grpc-problem';

function grpcError(code: status, details = 'detail', extra: Record<string, string> = {}): ServiceError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(extra)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

describe('gRPC status -> HTTP problem', () => {
  it.each([
    [status.INVALID_ARGUMENT, 400],
    [status.UNAUTHENTICATED, 401],
    [status.PERMISSION_DENIED, 403],
    [status.NOT_FOUND, 404],
    [status.ALREADY_EXISTS, 409],
    [status.ABORTED, 409],
    [status.FAILED_PRECONDITION, 400],
    [status.RESOURCE_EXHAUSTED, 429],
    [status.CANCELLED, 499],
    [status.UNIMPLEMENTED, 501],
    [status.UNAVAILABLE, 503],
    [status.DEADLINE_EXCEEDED, 504],
    [status.INTERNAL, 500],
    [status.UNKNOWN, 500],
    [status.DATA_LOSS, 500],
  ])('%s -> %s', (code, httpStatus) => {
    expect(problemFromGrpc(grpcError(code)).status).toBe(httpStatus);
  });

  it('never passes internal details of a 5xx to the client', () => {
    const problem = problemFromGrpc(grpcError(status.INTERNAL, 'relation "x" does not exist at prisma...'));
    expect(problem.detail).toBe('internal error');
  });

  it('carries the service error code, field violations and Retry-After', () => {
    const problem = problemFromGrpc(
      grpcError(status.RESOURCE_EXHAUSTED, 'slow down', {
        'x-error-code': 'AUTH_OTP_COOLDOWN',
        'retry-after': '30',
      }),
    );
    expect([problem.code, problem.headers['Retry-After']]).toEqual(['AUTH_OTP_COOLDOWN', '30']);
    const invalid = problemFromGrpc(
      grpcError(status.INVALID_ARGUMENT, 'bad', { 'x-field-violations': JSON.stringify([{ field: 'amount', description: 'too big' }]) }),
    );
    expect(invalid.errors).toEqual([{ field: 'amount', message: 'too big' }]);
  });
});
