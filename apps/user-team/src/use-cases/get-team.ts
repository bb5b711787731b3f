import type { CallerContext } from '@cashier/auth-context';
import type { UserTeamStore } from '../db/user-team-store';
import { readTeamAccess, type TeamAccess } from './team-access';

/** The caller's team, for any member; another team, or a deleted one, is NOT_FOUND. */
export function getTeam(store: UserTeamStore, caller: CallerContext): Promise<TeamAccess> {
  return readTeamAccess(store.read, caller);
}
