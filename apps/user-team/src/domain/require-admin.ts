import { roleAllows, type Role } from '@cashier/auth-context';
import { adminOnly } from './user-team-errors';

/** `role` is the caller's role as read from the database in this call, never the one in the token. */
export function requireAdmin(role: Role): void {
  if (!roleAllows(role, 'manage')) throw adminOnly();
}
