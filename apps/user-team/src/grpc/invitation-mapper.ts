import type { Invitation as InvitationMessage } from '@cashier/contracts/cashier/userteam/v1/userteam';
import type { InvitationWithTeamName } from '../db/invitation-repository';
import { roleToProto } from './role-mapper';

/** The phone is in full: only the inviting team's admins and the invitee ever receive an invitation. */
export function invitationToProto(invitation: InvitationWithTeamName): InvitationMessage {
  return {
    id: invitation.id,
    teamId: invitation.teamId,
    teamName: invitation.team.name,
    phone: invitation.phone,
    role: roleToProto(invitation.role),
    invitedBy: invitation.invitedBy,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}
