import type { UserContext } from '@cashier/auth-context';
import type { StoredInvitation } from '../db/invitation-repository';
import type { StoredTeam } from '../db/team-repository';
import type { Repositories } from '../db/user-team-store';
import { callerUserId, parseClientId } from '../domain/client-id';
import { isExpired } from '../domain/invitation-lifetime';
import { invitationExpired, invitationNotFound } from '../domain/user-team-errors';

/**
 * Inside a transaction: the pending invitation `invitationId` addressed to the caller's
 * phone, with its team locked (as for every change to a team's members). An invitation
 * to another phone, an answered or revoked one, or one of a deleted team is NOT_FOUND;
 * the caller's own expired one is FAILED_PRECONDITION.
 */
export async function lockAnswerableInvitation(
  repositories: Repositories,
  caller: UserContext,
  invitationId: string,
  now: Date,
): Promise<{ invitation: StoredInvitation; team: StoredTeam; userId: string }> {
  const userId = callerUserId(caller);
  const id = parseClientId(invitationId);
  const profile = await repositories.profiles.findByUserId(userId);
  if (!id || !profile) throw invitationNotFound();
  const seen = await repositories.invitations.findPendingFor(id, profile.phone);
  const team = seen ? await repositories.teams.lockLive(seen.teamId) : null;
  // Read again under the team lock: it may have been answered or revoked meanwhile.
  const invitation = team ? await repositories.invitations.findPendingFor(id, profile.phone) : null;
  if (!team || !invitation) throw invitationNotFound();
  if (isExpired(invitation.expiresAt, now)) throw invitationExpired();
  return { invitation, team, userId };
}
