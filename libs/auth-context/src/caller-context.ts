export const ROLES = ['admin', 'cashier', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, for which team, as vouched for by the gateway. */
export interface CallerContext {
  readonly userId: string;
  readonly teamId: string;
  readonly role: Role;
  readonly requestId: string;
}

export type Permission = 'read' | 'write' | 'manage';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['read', 'write', 'manage'],
  cashier: ['read', 'write'],
  observer: ['read'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
