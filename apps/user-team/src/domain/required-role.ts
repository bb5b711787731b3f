import type { Role } from '@cashier/auth-context';
import { ServiceError } from '@cashier/grpc';
import { UserTeamErrorCode } from './user-team-error-code';

/** The role a member is to get; there is no "no role" (removal is its own call). */
export function requireRole(role: Role | undefined): Role {
  if (!role) {
    throw ServiceError.invalid(UserTeamErrorCode.InvalidMemberChange, 'the new role is not valid', [
      { field: 'role', description: 'must be admin, cashier or observer' },
    ]);
  }
  return role;
}
