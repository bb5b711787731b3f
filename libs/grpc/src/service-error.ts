import { status } from '@grpc/grpc-js';

export interface FieldViolation {
  field: string;
  description: string;
}

/**
 * A failure a service reports on purpose: a stable machine code (from the service's
 * own error-code enum), the gRPC status it maps to, a message safe to show a client,
 * and optional per-field violations.
 */
export class ServiceError extends Error {
  constructor(
    readonly grpcStatus: status,
    readonly code: string,
    message: string,
    readonly fieldViolations: FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  static invalid(code: string, message: string, fieldViolations: FieldViolation[] = []): ServiceError {
    return new ServiceError(status.INVALID_ARGUMENT, code, message, fieldViolations);
  }

  static notFound(code: string, message: string): ServiceError {
    return new ServiceError(status.NOT_FOUND, code, message);
  }

  static denied(code: string, message: string): ServiceError {
    return new ServiceError(status.PERMISSION_DENIED, code, message);
  }

  static unauthenticated(code: string, message: string): ServiceError {
    return new ServiceError(status.UNAUTHENTICATED, code, message);
  }

  static conflict(code: string, message: string): ServiceError {
    return new ServiceError(status.ALREADY_EXISTS, code, message);
  }
}
