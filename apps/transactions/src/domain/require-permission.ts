import { roleAllows, type CallerContext, type Permission } from '@cashier/auth-context';
import { ServiceError } from '@cashier/grpc';
import { TransactionsErrorCode } from './transactions-error-code';

export function requirePermission(caller: CallerContext, permission: Permission): void {
  if (!roleAllows(caller.role, permission)) {
    throw ServiceError.denied(TransactionsErrorCode.ReadOnlyRole, `the ${caller.role} role cannot ${permission} transactions`);
  }
}
