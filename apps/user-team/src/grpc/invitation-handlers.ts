import type {
  AcceptInvitationRequest,
  AcceptInvitationResponse,
  DeclineInvitationRequest,
  DeclineInvitationResponse,
  ListMyInvitationsRequest,
  ListMyInvitationsResponse,
  UserTeamServiceServer,
} from '@cashier/contracts/cashier/userteam/v1/userteam';
import { userUnaryHandler } from '@cashier/grpc';
import { acceptInvitation } from '../use-cases/accept-invitation';
import { declineInvitation } from '../use-cases/decline-invitation';
import { listMyInvitations } from '../use-cases/list-my-invitations';
import type { UserTeamHandlerDeps } from './handler-deps';
import { invitationToProto } from './invitation-mapper';
import { teamToProto } from './team-mapper';

type InvitationHandlers = Pick<UserTeamServiceServer, 'listMyInvitations' | 'acceptInvitation' | 'declineInvitation'>;

/** The invitee's side: invitations are matched to the caller by their profile's phone. */
export function invitationHandlers({ store, verifier, logger }: UserTeamHandlerDeps): InvitationHandlers {
  const base = { verifier, logger };
  return {
    listMyInvitations: userUnaryHandler<ListMyInvitationsRequest, ListMyInvitationsResponse>(
      { ...base, method: 'ListMyInvitations' },
      async (_request, { caller }) => ({ invitations: (await listMyInvitations(store, caller)).map(invitationToProto) }),
    ),
    acceptInvitation: userUnaryHandler<AcceptInvitationRequest, AcceptInvitationResponse>(
      { ...base, method: 'AcceptInvitation' },
      async (request, { caller, log }) => {
        const membership = await acceptInvitation(store, caller, request.invitationId);
        log.info({ invitationId: request.invitationId, teamId: membership.team.id }, 'invitation accepted');
        return { team: teamToProto(membership.team, membership.role) };
      },
    ),
    declineInvitation: userUnaryHandler<DeclineInvitationRequest, DeclineInvitationResponse>(
      { ...base, method: 'DeclineInvitation' },
      async (request, { caller, log }) => {
        await declineInvitation(store, caller, request.invitationId);
        log.info({ invitationId: request.invitationId }, 'invitation declined');
        return {};
      },
    ),
  };
}
