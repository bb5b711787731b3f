import type { UserContext } from '@cashier/auth-context';
import type { MembershipWithTeam } from '../db/membership-repository';
import type { UserTeamStore } from '../db/user-team-store';
import { callerUserId } from '../domain/client-id';

/** The live teams the caller is an active member of, with their role in each, oldest membership first. */
export async function listMyTeams(store: UserTeamStore, caller: UserContext): Promise<MembershipWithTeam[]> {
  return store.read.memberships.listActiveInLiveTeamsOf(callerUserId(caller));
}
