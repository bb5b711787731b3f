import type {
  ChangeMemberRoleRequest,
  ChangeMemberRoleResponse,
  InviteMemberRequest,
  InviteMemberResponse,
  LeaveTeamRequest,
  LeaveTeamResponse,
  ListMembersRequest,
  ListMembersResponse,
  RemoveMemberRequest,
  RemoveMemberResponse,
  UserTeamServiceServer,
} from '@cashier/contracts/cashier/userteam/v1/userteam';
import { unaryHandler } from '@cashier/grpc';
import { validateInvitationRequest } from '../domain/invitation-request';
import { requireRole } from '../domain/required-role';
import { changeMemberRole } from '../use-cases/change-member-role';
import { inviteMember } from '../use-cases/invite-member';
import { leaveTeam } from '../use-cases/leave-team';
import { listMembers } from '../use-cases/list-members';
import { removeMember } from '../use-cases/remove-member';
import type { UserTeamHandlerDeps } from './handler-deps';
import { invitationToProto } from './invitation-mapper';
import { memberToProto } from './member-mapper';
import { roleFromProto } from './role-mapper';

type MemberHandlers = Pick<UserTeamServiceServer, 'listMembers' | 'inviteMember' | 'changeMemberRole' | 'removeMember' | 'leaveTeam'>;

/** Calls on the token's team's members; the use cases re-check membership and role in the database. */
export function memberHandlers({ store, verifier, logger }: UserTeamHandlerDeps): MemberHandlers {
  const base = { verifier, logger };
  return {
    listMembers: unaryHandler<ListMembersRequest, ListMembersResponse>({ ...base, method: 'ListMembers' }, async (_request, { caller }) => {
      const { members, invitations } = await listMembers(store, caller);
      return { members: members.map(memberToProto), invitations: invitations.map(invitationToProto) };
    }),
    inviteMember: unaryHandler<InviteMemberRequest, InviteMemberResponse>(
      { ...base, method: 'InviteMember' },
      async (request, { caller, log }) => {
        const invitation = await inviteMember(
          store,
          caller,
          validateInvitationRequest({ phone: request.phone, defaultRegion: request.defaultRegion, role: roleFromProto(request.role) }),
        );
        log.info({ invitationId: invitation.id }, 'member invited');
        return { invitation: invitationToProto(invitation) };
      },
    ),
    changeMemberRole: unaryHandler<ChangeMemberRoleRequest, ChangeMemberRoleResponse>(
      { ...base, method: 'ChangeMemberRole' },
      async (request, { caller, log }) => {
        const member = await changeMemberRole(store, caller, request.userId, requireRole(roleFromProto(request.role)));
        log.info({ memberId: member.userId, role: member.role }, 'member role set');
        return { member: memberToProto(member) };
      },
    ),
    removeMember: unaryHandler<RemoveMemberRequest, RemoveMemberResponse>(
      { ...base, method: 'RemoveMember' },
      async (request, { caller, log }) => {
        await removeMember(store, caller, request.userId);
        log.info({ memberId: request.userId }, 'member removed');
        return {};
      },
    ),
    leaveTeam: unaryHandler<LeaveTeamRequest, LeaveTeamResponse>({ ...base, method: 'LeaveTeam' }, async (_request, { caller, log }) => {
      await leaveTeam(store, caller);
      log.info('left the team');
      return {};
    }),
  };
}
