import type { Role, UserContext } from '@cashier/auth-context';
import type { UserTeamStore } from '../db/user-team-store';
import { callerUserId, parseClientId } from '../domain/client-id';
import { teamNotFound } from '../domain/user-team-errors';

/** The caller's role in a live team; NOT_FOUND when they are not an active member (or there is no such team). */
export async function getMembership(store: UserTeamStore, caller: UserContext, teamIdInput: string): Promise<{ teamId: string; role: Role }> {
  const teamId = parseClientId(teamIdInput);
  const userId = callerUserId(caller);
  const role = teamId ? await store.read.memberships.roleInLiveTeam(teamId, userId) : null;
  if (!teamId || !role) throw teamNotFound();
  return { teamId, role };
}
