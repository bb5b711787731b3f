import type {
  CreateTeamRequest,
  CreateTeamResponse,
  GetMembershipRequest,
  GetMembershipResponse,
  GetMeRequest,
  GetMeResponse,
  ListMyTeamsRequest,
  ListMyTeamsResponse,
  UpdateMeRequest,
  UpdateMeResponse,
  UserTeamServiceServer,
} from '@cashier/contracts/cashier/userteam/v1/userteam';
import { userUnaryHandler } from '@cashier/grpc';
import { validateProfileChanges } from '../domain/profile-changes';
import { validateNewTeam } from '../domain/team-settings';
import { createTeam } from '../use-cases/create-team';
import { getMe } from '../use-cases/get-me';
import { getMembership } from '../use-cases/get-membership';
import { listMyTeams } from '../use-cases/list-my-teams';
import { updateMe } from '../use-cases/update-me';
import type { UserTeamHandlerDeps } from './handler-deps';
import { profileToProto } from './profile-mapper';
import { roleToProto } from './role-mapper';
import { teamToProto } from './team-mapper';
import { teamKindFromProto } from './team-type-mapper';

type MeHandlers = Pick<UserTeamServiceServer, 'getMe' | 'updateMe' | 'listMyTeams' | 'createTeam' | 'getMembership'>;

/** Calls on behalf of a signed-in user, outside any one team. */
export function meHandlers({ store, verifier, logger }: UserTeamHandlerDeps): MeHandlers {
  const base = { verifier, logger };
  return {
    getMe: userUnaryHandler<GetMeRequest, GetMeResponse>({ ...base, method: 'GetMe' }, async (_request, { caller }) => ({
      profile: profileToProto(await getMe(store, caller)),
    })),
    updateMe: userUnaryHandler<UpdateMeRequest, UpdateMeResponse>({ ...base, method: 'UpdateMe' }, async (request, { caller, log }) => {
      const changes = validateProfileChanges(request);
      const profile = await updateMe(store, caller, changes);
      log.info({ fields: Object.keys(changes) }, 'profile updated');
      return { profile: profileToProto(profile) };
    }),
    listMyTeams: userUnaryHandler<ListMyTeamsRequest, ListMyTeamsResponse>(
      { ...base, method: 'ListMyTeams' },
      async (_request, { caller }) => ({
        teams: (await listMyTeams(store, caller)).map((membership) => teamToProto(membership.team, membership.role)),
      }),
    ),
    createTeam: userUnaryHandler<CreateTeamRequest, CreateTeamResponse>(
      { ...base, method: 'CreateTeam' },
      async (request, { caller, log }) => {
        const settings = validateNewTeam({
          name: request.name,
          kind: teamKindFromProto(request.type),
          baseCurrency: request.baseCurrency,
          timeZone: request.timeZone,
        });
        const membership = await createTeam(store, caller, settings);
        log.info({ teamId: membership.team.id }, 'team created');
        return { team: teamToProto(membership.team, membership.role) };
      },
    ),
    getMembership: userUnaryHandler<GetMembershipRequest, GetMembershipResponse>(
      { ...base, method: 'GetMembership' },
      async (request, { caller }) => {
        const { teamId, role } = await getMembership(store, caller, request.teamId);
        return { teamId, userId: caller.userId, role: roleToProto(role) };
      },
    ),
  };
}
