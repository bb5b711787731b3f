import {
  TeamType,
  type Invitation,
  type Member,
  type Profile,
  type Team,
} from '@cashier/contracts/cashier/userteam/v1/userteam';
import { roleFromProto } from '../identity/role-mapping';

export const TEAM_TYPES = ['family', 'company', 'institution', 'other'] as const;
export type TeamTypeName = (typeof TEAM_TYPES)[number];

export const TEAM_TYPE_TO_PROTO: Record<TeamTypeName, TeamType> = {
  family: TeamType.TEAM_TYPE_FAMILY,
  company: TeamType.TEAM_TYPE_COMPANY,
  institution: TeamType.TEAM_TYPE_INSTITUTION,
  other: TeamType.TEAM_TYPE_OTHER,
};

function teamTypeName(type: TeamType): string {
  return TEAM_TYPES.find((name) => TEAM_TYPE_TO_PROTO[name] === type) ?? 'other';
}

export function profileJson(profile: Profile) {
  return {
    user_id: profile.userId,
    phone: profile.phone,
    name: profile.name,
    email: profile.email,
    locale: profile.locale,
    time_zone: profile.timeZone,
    created_at: profile.createdAt?.toISOString(),
  };
}

export function teamJson(team: Team) {
  return {
    id: team.id,
    name: team.name,
    type: teamTypeName(team.type),
    base_currency: team.baseCurrency,
    time_zone: team.timeZone,
    created_by: team.createdBy,
    created_at: team.createdAt?.toISOString(),
    my_role: roleFromProto(team.myRole) ?? null,
  };
}

export function memberJson(member: Member) {
  return {
    user_id: member.userId,
    name: member.name,
    phone: member.phone,
    role: roleFromProto(member.role) ?? null,
    joined_at: member.joinedAt?.toISOString(),
  };
}

export function invitationJson(invitation: Invitation) {
  return {
    id: invitation.id,
    team_id: invitation.teamId,
    team_name: invitation.teamName,
    phone: invitation.phone,
    role: roleFromProto(invitation.role) ?? null,
    invited_by: invitation.invitedBy,
    created_at: invitation.createdAt?.toISOString(),
    expires_at: invitation.expiresAt?.toISOString(),
  };
}
