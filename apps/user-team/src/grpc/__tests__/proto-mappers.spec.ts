import { Role, TeamType } from '@cashier/contracts/cashier/userteam/v1/userteam';
import { ROLES } from '@cashier/auth-context';
import { roleFromProto, roleToProto } from '../role-mapper';
import { teamKindFromProto, teamKindToProto } from '../team-type-mapper';

describe('proto mappers', () => {
  it('maps every role both ways; unspecified and unknown are no role', () => {
    for (const role of ROLES) expect(roleFromProto(roleToProto(role))).toBe(role);
    expect(roleFromProto(Role.ROLE_UNSPECIFIED)).toBeUndefined();
    expect(roleFromProto(Role.UNRECOGNIZED)).toBeUndefined();
    expect(roleFromProto(42 as Role)).toBeUndefined();
  });

  it('maps every team type both ways; unspecified and unknown are no type', () => {
    for (const kind of ['family', 'company', 'institution', 'other'] as const) expect(teamKindFromProto(teamKindToProto(kind))).toBe(kind);
    expect(teamKindFromProto(TeamType.TEAM_TYPE_UNSPECIFIED)).toBeUndefined();
    expect(teamKindFromProto(7 as TeamType)).toBeUndefined();
  });
});
