import type { RequestHandler } from 'express';
import { roleAllows, type Permission } from '@cashier/auth-context';
import { isUuid } from '@cashier/ids';
import type { MembershipResolver } from '../identity/membership-resolver';
import { userOf } from './caller';
import { Problem } from './problem';

const teamNotFound = () => new Problem(404, 'USERTEAM_TEAM_NOT_FOUND', 'team not found');

/**
 * Resolves the team of the request (the `:teamId` path parameter, else the X-Team-Id
 * header), requires the user to be a member (a non-member gets 404, as for a team that
 * does not exist) whose role allows `permission` (403 otherwise); sets res.locals.caller.
 */
export function teamAccess(memberships: MembershipResolver, permission: Permission): RequestHandler {
  return async (req, res, next) => {
    try {
      const raw = (req.params.teamId as string | undefined) ?? req.header('x-team-id');
      if (raw === undefined) throw new Problem(400, 'TEAM_REQUIRED', 'send the X-Team-Id header with the id of one of your teams');
      const teamId = raw.toLowerCase();
      if (!isUuid(teamId)) throw teamNotFound();
      const user = userOf(res);
      const role = await memberships.roleOf(user, teamId);
      if (role === null) throw teamNotFound();
      if (!roleAllows(role, permission)) {
        throw new Problem(403, 'FORBIDDEN', `the ${role} role cannot ${permission} here`);
      }
      res.locals.caller = { ...user, teamId, role };
      next();
    } catch (error) {
      next(error);
    }
  };
}
