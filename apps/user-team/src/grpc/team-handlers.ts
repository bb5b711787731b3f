import type {
  DeleteTeamRequest,
  DeleteTeamResponse,
  GetTeamRequest,
  GetTeamResponse,
  UpdateTeamRequest,
  UpdateTeamResponse,
  UserTeamServiceServer,
} from '@cashier/contracts/cashier/userteam/v1/userteam';
import { unaryHandler } from '@cashier/grpc';
import { validateTeamChanges } from '../domain/team-settings';
import { deleteTeam } from '../use-cases/delete-team';
import { getTeam } from '../use-cases/get-team';
import { updateTeam } from '../use-cases/update-team';
import type { UserTeamHandlerDeps } from './handler-deps';
import { teamToProto } from './team-mapper';
import { teamKindFromProto } from './team-type-mapper';

type TeamHandlers = Pick<UserTeamServiceServer, 'getTeam' | 'updateTeam' | 'deleteTeam'>;

/** Calls on the token's team; the use cases re-check membership and role in the database. */
export function teamHandlers({ store, verifier, logger }: UserTeamHandlerDeps): TeamHandlers {
  const base = { verifier, logger };
  return {
    getTeam: unaryHandler<GetTeamRequest, GetTeamResponse>({ ...base, method: 'GetTeam' }, async (_request, { caller }) => {
      const { team, member } = await getTeam(store, caller);
      return { team: teamToProto(team, member.role) };
    }),
    updateTeam: unaryHandler<UpdateTeamRequest, UpdateTeamResponse>(
      { ...base, method: 'UpdateTeam' },
      async (request, { caller, log }) => {
        const changes = validateTeamChanges({
          updateMask: request.updateMask,
          name: request.name,
          kind: teamKindFromProto(request.type),
          baseCurrency: request.baseCurrency,
          timeZone: request.timeZone,
        });
        const { team, member } = await updateTeam(store, caller, changes);
        log.info({ fields: Object.keys(changes) }, 'team updated');
        return { team: teamToProto(team, member.role) };
      },
    ),
    deleteTeam: unaryHandler<DeleteTeamRequest, DeleteTeamResponse>({ ...base, method: 'DeleteTeam' }, async (_request, { caller, log }) => {
      await deleteTeam(store, caller);
      log.info('team deleted');
      return {};
    }),
  };
}
