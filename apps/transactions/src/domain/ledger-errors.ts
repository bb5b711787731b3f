import { status } from '@grpc/grpc-js';
import { ServiceError, type FieldViolation } from '@cashier/grpc';
import { TransactionsErrorCode } from './transactions-error-code';

/** The state of the ledger forbids the change (FAILED_PRECONDITION); the request itself was well-formed. */
export function failedPrecondition(code: TransactionsErrorCode, message: string): ServiceError {
  return new ServiceError(status.FAILED_PRECONDITION, code, message);
}

/** The optimistic-concurrency check failed: someone changed the entity since the caller read it. */
export function versionMismatch(what: string): ServiceError {
  return failedPrecondition(
    TransactionsErrorCode.VersionMismatch,
    `the ${what} was changed by someone else; read it again and retry`,
  );
}

/** Throws INVALID_ARGUMENT listing every violation, if there are any. */
export function throwIfInvalid(code: TransactionsErrorCode, what: string, violations: FieldViolation[]): void {
  if (violations.length > 0) throw ServiceError.invalid(code, `the ${what} is not valid`, violations);
}

export function transactionNotFound(): ServiceError {
  return ServiceError.notFound(TransactionsErrorCode.TransactionNotFound, 'transaction not found');
}

export function accountNotFound(): ServiceError {
  return ServiceError.notFound(TransactionsErrorCode.AccountNotFound, 'account not found');
}

export function categoryNotFound(): ServiceError {
  return ServiceError.notFound(TransactionsErrorCode.CategoryNotFound, 'category not found');
}
