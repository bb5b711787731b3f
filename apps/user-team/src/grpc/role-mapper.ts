import type { Role as DomainRole } from '@cashier/auth-context';
import { Role } from '@cashier/contracts/cashier/userteam/v1/userteam';

/** undefined for ROLE_UNSPECIFIED and unknown values: "no role" is never a role. */
export function roleFromProto(role: Role): DomainRole | undefined {
  switch (role) {
    case Role.ROLE_ADMIN:
      return 'admin';
    case Role.ROLE_CASHIER:
      return 'cashier';
    case Role.ROLE_OBSERVER:
      return 'observer';
    default:
      return undefined;
  }
}

export function roleToProto(role: DomainRole): Role {
  switch (role) {
    case 'admin':
      return Role.ROLE_ADMIN;
    case 'cashier':
      return Role.ROLE_CASHIER;
    case 'observer':
      return Role.ROLE_OBSERVER;
  }
}
