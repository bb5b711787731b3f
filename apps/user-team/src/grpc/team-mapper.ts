import type { Role } from '@cashier/auth-context';
import type { Team as TeamMessage } from '@cashier/contracts/cashier/userteam/v1/userteam';
import type { StoredTeam } from '../db/team-repository';
import { roleToProto } from './role-mapper';
import { teamKindToProto } from './team-type-mapper';

export function teamToProto(team: StoredTeam, myRole: Role): TeamMessage {
  return {
    id: team.id,
    name: team.name,
    type: teamKindToProto(team.type),
    baseCurrency: team.baseCurrency,
    timeZone: team.timeZone,
    createdBy: team.createdBy,
    createdAt: team.createdAt,
    myRole: roleToProto(myRole),
  };
}
