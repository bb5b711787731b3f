import type { RequestHandler } from 'express';
import { ROLES, type Role } from '@cashier/auth-context';
import { isUuid } from '@cashier/ids';
import { Problem } from './problem';

/**
 * TEMPORARY, until the identity issue lands: trusts X-Placeholder-User-Id, X-Team-Id and
 * X-Placeholder-Role. Only mounted when PLACEHOLDER_IDENTITY=true (local development and
 * tests). Everything behind it — the signed internal context token, the services' own
 * role checks and team scoping — is already the real mechanism.
 */
export const placeholderIdentity: RequestHandler = (req, res, next) => {
  const userId = req.header('x-placeholder-user-id')?.toLowerCase();
  const teamId = req.header('x-team-id')?.toLowerCase();
  const role = (req.header('x-placeholder-role') ?? 'cashier') as Role;
  if (!userId || !isUuid(userId)) {
    next(new Problem(401, 'UNAUTHENTICATED', 'X-Placeholder-User-Id must be a UUID'));
    return;
  }
  if (!teamId || !isUuid(teamId)) {
    next(new Problem(400, 'TEAM_REQUIRED', 'X-Team-Id must be the UUID of one of your teams'));
    return;
  }
  if (!ROLES.includes(role)) {
    next(new Problem(400, 'BAD_ROLE', `X-Placeholder-Role must be one of ${ROLES.join(', ')}`));
    return;
  }
  res.locals.caller = { userId, teamId, role, requestId: res.locals.requestId as string };
  next();
};
