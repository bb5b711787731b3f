import type { CallerContext } from '@cashier/auth-context';
import { uuidv7 } from '@cashier/ids';
import type { InvitationWithTeamName } from '../db/invitation-repository';
import type { UserTeamStore } from '../db/user-team-store';
import type { InvitationRequest } from '../domain/invitation-request';
import { invitationExpiresAt } from '../domain/invitation-lifetime';
import { INVITATIONS_PER_TEAM_PER_HOUR } from '../domain/limits';
import { requireAdmin } from '../domain/require-admin';
import { UserTeamErrorCode } from '../domain/user-team-error-code';
import { limitReached, phoneAlreadyMember } from '../domain/user-team-errors';
import { lockTeamAccess } from './team-access';

const HOUR_MS = 3600_000;

/**
 * Invites a phone number into the caller's team (admins only). A newer invitation for the
 * same phone replaces the pending one; an active member's phone is ALREADY_EXISTS; at most
 * INVITATIONS_PER_TEAM_PER_HOUR per team, counted under the team lock so bursts cannot slip past.
 */
export function inviteMember(
  store: UserTeamStore,
  caller: CallerContext,
  request: InvitationRequest,
  now = new Date(),
): Promise<InvitationWithTeamName> {
  return store.transaction(async (repositories) => {
    const { team, member } = await lockTeamAccess(repositories, caller);
    requireAdmin(member.role);
    const sent = await repositories.invitations.countCreatedSince(team.id, new Date(now.getTime() - HOUR_MS));
    if (sent >= INVITATIONS_PER_TEAM_PER_HOUR) {
      throw limitReached(
        UserTeamErrorCode.InvitationLimitReached,
        `at most ${INVITATIONS_PER_TEAM_PER_HOUR} invitations can be sent per team per hour`,
      );
    }
    if (await repositories.memberships.hasActiveMemberWithPhone(team.id, request.phone)) throw phoneAlreadyMember();
    await repositories.invitations.revokePending(team.id, member.userId, now, request.phone);
    return repositories.invitations.create({
      id: uuidv7(),
      teamId: team.id,
      phone: request.phone,
      role: request.role,
      invitedBy: member.userId,
      createdAt: now,
      expiresAt: invitationExpiresAt(now),
    });
  });
}
