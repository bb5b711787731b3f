import type { CallerContext } from '@cashier/auth-context';
import type { InvitationWithTeamName } from '../db/invitation-repository';
import type { UserTeamStore } from '../db/user-team-store';
import { memberView, type MemberView } from './member-view';
import { readTeamAccess } from './team-access';

/**
 * The team's active members for any member, phones masked unless the caller is an admin
 * or it is their own row; the pending invitations for admins only.
 */
export async function listMembers(
  store: UserTeamStore,
  caller: CallerContext,
  now = new Date(),
): Promise<{ members: MemberView[]; invitations: InvitationWithTeamName[] }> {
  const { team, member: viewer } = await readTeamAccess(store.read, caller);
  const memberships = await store.read.memberships.listActive(team.id);
  const profiles = new Map(
    (await store.read.profiles.findByUserIds(memberships.map((m) => m.userId))).map((p) => [p.userId, p]),
  );
  const members = memberships.map((m) => memberView(m, profiles.get(m.userId), viewer));
  const invitations = viewer.role === 'admin' ? await store.read.invitations.listOpenForTeam(team.id, now) : [];
  return { members, invitations };
}
