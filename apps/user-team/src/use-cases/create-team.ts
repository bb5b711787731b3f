import type { UserContext } from '@cashier/auth-context';
import { uuidv7 } from '@cashier/ids';
import type { MembershipWithTeam } from '../db/membership-repository';
import type { UserTeamStore } from '../db/user-team-store';
import { callerUserId } from '../domain/client-id';
import { TEAMS_PER_USER_PER_DAY } from '../domain/limits';
import type { TeamSettings } from '../domain/team-settings';
import { UserTeamErrorCode } from '../domain/user-team-error-code';
import { limitReached } from '../domain/user-team-errors';
import { membershipChangedEvent } from '../events/membership-changed-event';
import { teamCreatedEvent } from '../events/team-created-event';

const DAY_MS = 24 * 3600_000;

/**
 * Creates a team with the caller as its first admin, and announces both, in one transaction.
 * At most TEAMS_PER_USER_PER_DAY per user in any 24 hours (deleted teams included).
 */
export async function createTeam(
  store: UserTeamStore,
  caller: UserContext,
  settings: TeamSettings,
  now = new Date(),
): Promise<MembershipWithTeam> {
  const userId = callerUserId(caller);
  return store.transaction(async (repositories) => {
    await repositories.teams.lockCreationsBy(userId);
    const recent = await repositories.teams.countCreatedBySince(userId, new Date(now.getTime() - DAY_MS));
    if (recent >= TEAMS_PER_USER_PER_DAY) {
      throw limitReached(UserTeamErrorCode.TeamLimitReached, `at most ${TEAMS_PER_USER_PER_DAY} teams can be created per day`);
    }
    const team = await repositories.teams.create(uuidv7(), settings, userId, now);
    const member = await repositories.memberships.add(team.id, userId, 'admin', now);
    await repositories.outbox.add(
      teamCreatedEvent(team, caller.requestId),
      membershipChangedEvent(team.id, userId, { change: 'added', role: 'admin' }, caller.requestId),
    );
    return { ...member, team };
  });
}
