import type { Role } from '@cashier/auth-context';
import { lastAdmin } from './user-team-errors';

/**
 * A team always keeps an admin. `member` is about to get `newRole` (null: leave the team);
 * `adminCount` is the team's current number of admins, read while holding the team's lock
 * so that two admins demoting each other at once cannot both succeed.
 */
export function assertAnAdminRemains(adminCount: number, member: { role: Role }, newRole: Role | null): void {
  if (member.role === 'admin' && newRole !== 'admin' && adminCount <= 1) throw lastAdmin();
}
