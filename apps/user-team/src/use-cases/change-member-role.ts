import type { CallerContext, Role } from '@cashier/auth-context';
import type { UserTeamStore } from '../db/user-team-store';
import { parseClientId } from '../domain/client-id';
import { assertAnAdminRemains } from '../domain/last-admin';
import { requireAdmin } from '../domain/require-admin';
import { memberNotFound } from '../domain/user-team-errors';
import { membershipChangedEvent } from '../events/membership-changed-event';
import { memberView, type MemberView } from './member-view';
import { lockTeamAccess } from './team-access';

/** Gives a member another role (admins only); the team keeps at least one admin. Same role: no change, no event. */
export function changeMemberRole(
  store: UserTeamStore,
  caller: CallerContext,
  targetUserId: string,
  role: Role,
  now = new Date(),
): Promise<MemberView> {
  const target = parseClientId(targetUserId);
  return store.transaction(async (repositories) => {
    const { team, member: admin } = await lockTeamAccess(repositories, caller);
    requireAdmin(admin.role);
    let subject = target ? await repositories.memberships.findActive(team.id, target) : null;
    if (!subject) throw memberNotFound();
    if (subject.role !== role) {
      assertAnAdminRemains(await repositories.memberships.countAdmins(team.id), subject, role);
      subject = await repositories.memberships.changeRole(subject.id, role, now);
      await repositories.outbox.add(membershipChangedEvent(team.id, subject.userId, { change: 'role_changed', role }, caller.requestId));
    }
    // The caller may have just demoted themself: they see the result with the role they now have.
    const viewer = subject.userId === admin.userId ? subject : admin;
    return memberView(subject, await repositories.profiles.findByUserId(subject.userId), viewer);
  });
}
