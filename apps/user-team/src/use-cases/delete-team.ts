import type { CallerContext } from '@cashier/auth-context';
import type { UserTeamStore } from '../db/user-team-store';
import { requireAdmin } from '../domain/require-admin';
import { membershipChangedEvent } from '../events/membership-changed-event';
import { teamDeletedEvent } from '../events/team-deleted-event';
import { lockTeamAccess } from './team-access';

/**
 * Soft-deletes the team (admins only): every membership ends, pending invitations are
 * revoked, and from then on the team is NOT_FOUND everywhere. One MembershipChanged per
 * member goes out with TeamDeleted, so caches keyed by membership drop it too.
 */
export async function deleteTeam(store: UserTeamStore, caller: CallerContext, now = new Date()): Promise<void> {
  await store.transaction(async (repositories) => {
    const { team, member } = await lockTeamAccess(repositories, caller);
    requireAdmin(member.role);
    const ended = await repositories.memberships.endAll(team.id, now);
    await repositories.invitations.revokePending(team.id, member.userId, now);
    await repositories.teams.markDeleted(team.id, member.userId, now);
    await repositories.outbox.add(
      ...ended.map((membership) => membershipChangedEvent(team.id, membership.userId, { change: 'removed' }, caller.requestId)),
      teamDeletedEvent(team.id, member.userId, caller.requestId),
    );
  });
}
