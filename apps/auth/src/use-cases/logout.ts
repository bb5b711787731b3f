import type { UserContext } from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import { noSession } from '../domain/auth-failures';
import type { AuthDeps } from './auth-deps';
import { endOwnSession } from './end-own-session';

/** Ends the caller's current session. Idempotent: a session already ended stays ended. */
export async function logout(deps: Pick<AuthDeps, 'prisma' | 'clock'>, caller: UserContext, log: Logger): Promise<void> {
  if (!caller.sessionId) throw noSession();
  await endOwnSession(deps, caller, caller.sessionId, 'logout', log);
}
