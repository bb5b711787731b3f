import type { CallerContext } from '@cashier/auth-context';
import type { UserTeamStore } from '../db/user-team-store';
import { assertAnAdminRemains } from '../domain/last-admin';
import { membershipChangedEvent } from '../events/membership-changed-event';
import { lockTeamAccess } from './team-access';

/** Ends the caller's own membership; the last admin must hand over (or delete the team) first. */
export async function leaveTeam(store: UserTeamStore, caller: CallerContext, now = new Date()): Promise<void> {
  await store.transaction(async (repositories) => {
    const { team, member } = await lockTeamAccess(repositories, caller);
    assertAnAdminRemains(await repositories.memberships.countAdmins(team.id), member, null);
    await repositories.memberships.end(member.id, now);
    await repositories.outbox.add(membershipChangedEvent(team.id, member.userId, { change: 'removed' }, caller.requestId));
  });
}
