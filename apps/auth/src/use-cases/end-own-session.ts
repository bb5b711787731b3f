import type { UserContext } from '@cashier/auth-context';
import { isUuid } from '@cashier/ids';
import type { Logger } from '@cashier/logger';
import { SessionRepository, type RevokeReason } from '../db/session-repository';
import { inTransaction } from '../db/transaction';
import { publishInTransaction } from '../events/publish-outbox';
import { sessionRevokedEvent } from '../events/session-revoked-event';
import type { AuthDeps } from './auth-deps';

/**
 * Ends one of the caller's own live sessions and publishes SessionRevoked with it, so the
 * gateway can refuse that session's access tokens before they expire. False when the
 * caller has no such live session (another user's session counts as none).
 */
export async function endOwnSession(
  deps: Pick<AuthDeps, 'prisma' | 'clock'>,
  caller: UserContext,
  sessionId: string,
  reason: RevokeReason,
  log: Logger,
): Promise<boolean> {
  const id = sessionId.toLowerCase();
  if (!isUuid(id)) return false;
  const now = deps.clock();
  const revoked = await inTransaction(deps.prisma, async (tx) => {
    if (!(await SessionRepository.revoke(tx, { id, userId: caller.userId }, reason, now))) return false;
    await publishInTransaction(tx, sessionRevokedEvent({ id, userId: caller.userId }, reason, caller.requestId));
    return true;
  });
  if (revoked) log.info({ sessionId: id, reason }, 'session revoked');
  return revoked;
}
