import type { UserTeamServiceServer } from '@cashier/contracts/cashier/userteam/v1/userteam';
import type { UserTeamHandlerDeps } from './handler-deps';
import { invitationHandlers } from './invitation-handlers';
import { meHandlers } from './me-handlers';
import { memberHandlers } from './member-handlers';
import { teamHandlers } from './team-handlers';

/** Every RPC of cashier.userteam.v1.UserTeamService: each parses, calls one use case, maps the result. */
export function userTeamHandlers(deps: UserTeamHandlerDeps): UserTeamServiceServer {
  return { ...meHandlers(deps), ...teamHandlers(deps), ...memberHandlers(deps), ...invitationHandlers(deps) };
}
