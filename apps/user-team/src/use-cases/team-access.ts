import type { CallerContext } from '@cashier/auth-context';
import type { StoredMembership } from '../db/membership-repository';
import type { StoredTeam } from '../db/team-repository';
import type { Repositories } from '../db/user-team-store';
import { callerUserId, parseClientId } from '../domain/client-id';
import { teamNotFound } from '../domain/user-team-errors';

/** The caller's team and their membership in it, as this service's own database has them. */
export interface TeamAccess {
  team: StoredTeam;
  member: StoredMembership;
}

// The gateway put the team and role in the token after checking membership, but that check
// may be stale by up to its cache time; these helpers re-check against the database, and
// the role they return (not the token's) is the one every decision uses.

/** For reads: the live team and the caller's active membership, or NOT_FOUND. */
export async function readTeamAccess(repositories: Repositories, caller: CallerContext): Promise<TeamAccess> {
  const teamId = parseClientId(caller.teamId);
  const userId = callerUserId(caller);
  const found = teamId ? await repositories.memberships.findActiveInLiveTeam(teamId, userId) : null;
  if (!found) throw teamNotFound();
  const { team, ...member } = found;
  return { team, member };
}

/**
 * For changes, inside a transaction: locks the team row first (see TeamRepository.lockLive),
 * then reads the caller's membership, so the role checked is the one that holds until commit.
 */
export async function lockTeamAccess(repositories: Repositories, caller: CallerContext): Promise<TeamAccess> {
  const teamId = parseClientId(caller.teamId);
  const userId = callerUserId(caller);
  const team = teamId ? await repositories.teams.lockLive(teamId) : null;
  const member = team ? await repositories.memberships.findActive(team.id, userId) : null;
  if (!team || !member) throw teamNotFound();
  return { team, member };
}
