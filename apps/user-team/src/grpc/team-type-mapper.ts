import { TeamType } from '@cashier/contracts/cashier/userteam/v1/userteam';
import type { TeamKind } from '../domain/team-kind';

export function teamKindFromProto(type: TeamType): TeamKind | undefined {
  switch (type) {
    case TeamType.TEAM_TYPE_FAMILY:
      return 'family';
    case TeamType.TEAM_TYPE_COMPANY:
      return 'company';
    case TeamType.TEAM_TYPE_INSTITUTION:
      return 'institution';
    case TeamType.TEAM_TYPE_OTHER:
      return 'other';
    default:
      return undefined;
  }
}

export function teamKindToProto(kind: TeamKind): TeamType {
  switch (kind) {
    case 'family':
      return TeamType.TEAM_TYPE_FAMILY;
    case 'company':
      return TeamType.TEAM_TYPE_COMPANY;
    case 'institution':
      return TeamType.TEAM_TYPE_INSTITUTION;
    case 'other':
      return TeamType.TEAM_TYPE_OTHER;
  }
}
