export const ROLES = ['admin', 'cashier', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What the gateway vouches for on one call: always the request; the user once they are
 * authenticated (with their session); the team and role once membership is checked.
 */
export interface InternalContext {
  readonly requestId: string;
  readonly userId?: string;
  readonly sessionId?: string;
  readonly teamId?: string;
  readonly role?: Role;
}

/** A call made on behalf of a signed-in user. */
export interface UserContext extends InternalContext {
  readonly userId: string;
}

/** A call made by a member inside one team, with their role there. */
export interface CallerContext extends UserContext {
  readonly teamId: string;
  readonly role: Role;
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
