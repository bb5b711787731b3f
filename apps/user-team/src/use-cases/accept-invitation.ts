import type { UserContext } from '@cashier/auth-context';
import type { MembershipWithTeam } from '../db/membership-repository';
import type { UserTeamStore } from '../db/user-team-store';
import { alreadyMember } from '../domain/user-team-errors';
import { membershipChangedEvent } from '../events/membership-changed-event';
import { lockAnswerableInvitation } from './answerable-invitation';

/** Joins the team with the invited role, if the invitation is the caller's, pending and unexpired. */
export function acceptInvitation(
  store: UserTeamStore,
  caller: UserContext,
  invitationId: string,
  now = new Date(),
): Promise<MembershipWithTeam> {
  return store.transaction(async (repositories) => {
    const { invitation, team, userId } = await lockAnswerableInvitation(repositories, caller, invitationId, now);
    if (await repositories.memberships.findActive(team.id, userId)) throw alreadyMember();
    const member = await repositories.memberships.add(team.id, userId, invitation.role, now);
    await repositories.invitations.close(invitation.id, 'accepted', userId, now);
    await repositories.outbox.add(membershipChangedEvent(team.id, userId, { change: 'added', role: member.role }, caller.requestId));
    return { ...member, team };
  });
}
