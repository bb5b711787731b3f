import type { CallerContext } from '@cashier/auth-context';
import type { UserTeamStore } from '../db/user-team-store';
import { parseClientId } from '../domain/client-id';
import { assertAnAdminRemains } from '../domain/last-admin';
import { requireAdmin } from '../domain/require-admin';
import { memberNotFound } from '../domain/user-team-errors';
import { membershipChangedEvent } from '../events/membership-changed-event';
import { lockTeamAccess } from './team-access';

/** Ends a member's membership (admins only); the last admin cannot be removed. */
export async function removeMember(store: UserTeamStore, caller: CallerContext, targetUserId: string, now = new Date()): Promise<void> {
  const target = parseClientId(targetUserId);
  await store.transaction(async (repositories) => {
    const { team, member: admin } = await lockTeamAccess(repositories, caller);
    requireAdmin(admin.role);
    const subject = target ? await repositories.memberships.findActive(team.id, target) : null;
    if (!subject) throw memberNotFound();
    assertAnAdminRemains(await repositories.memberships.countAdmins(team.id), subject, null);
    await repositories.memberships.end(subject.id, now);
    await repositories.outbox.add(membershipChangedEvent(team.id, subject.userId, { change: 'removed' }, caller.requestId));
  });
}
