import type { CallerContext } from '@cashier/auth-context';
import type { UserTeamStore } from '../db/user-team-store';
import { requireAdmin } from '../domain/require-admin';
import type { TeamSettings } from '../domain/team-settings';
import { lockTeamAccess, type TeamAccess } from './team-access';

/** Changes the team's settings (validated with validateTeamChanges); admins only. */
export function updateTeam(
  store: UserTeamStore,
  caller: CallerContext,
  changes: Partial<TeamSettings>,
  now = new Date(),
): Promise<TeamAccess> {
  return store.transaction(async (repositories) => {
    const { team, member } = await lockTeamAccess(repositories, caller);
    requireAdmin(member.role);
    return { team: await repositories.teams.update(team.id, changes, now), member };
  });
}
