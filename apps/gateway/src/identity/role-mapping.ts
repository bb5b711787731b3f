import { Role as ProtoRole } from '@cashier/contracts/cashier/userteam/v1/userteam';
import type { Role } from '@cashier/auth-context';

const FROM_PROTO: Partial<Record<ProtoRole, Role>> = {
  [ProtoRole.ROLE_ADMIN]: 'admin',
  [ProtoRole.ROLE_CASHIER]: 'cashier',
  [ProtoRole.ROLE_OBSERVER]: 'observer',
};

export const ROLE_TO_PROTO: Record<Role, ProtoRole> = {
  admin: ProtoRole.ROLE_ADMIN,
  cashier: ProtoRole.ROLE_CASHIER,
  observer: ProtoRole.ROLE_OBSERVER,
};

export function roleFromProto(role: ProtoRole): Role | undefined {
  return FROM_PROTO[role];
}
