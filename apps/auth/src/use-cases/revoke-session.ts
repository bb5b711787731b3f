import type { UserContext } from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import { sessionNotFound } from '../domain/auth-failures';
import type { AuthDeps } from './auth-deps';
import { endOwnSession } from './end-own-session';

/** RevokeSession: ends one live session of the caller; anything else is NOT_FOUND. */
export async function revokeSession(
  deps: Pick<AuthDeps, 'prisma' | 'clock'>,
  caller: UserContext,
  sessionId: string,
  log: Logger,
): Promise<void> {
  if (!(await endOwnSession(deps, caller, sessionId, 'revoked', log))) throw sessionNotFound();
}
