import { SessionRevoked } from '@cashier/contracts/cashier/events/v1/auth';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { RevokeReason } from '../db/session-repository';
import { AUTH_EVENT_SOURCE } from './auth-event-source';

/** Subject (and Kafka key) is the user id, as for every identity event. */
export function sessionRevokedEvent(
  session: { id: string; userId: string },
  reason: RevokeReason,
  requestId: string,
): OutboxRecord {
  return outboxRecord({
    type: EventType.SessionRevoked,
    source: AUTH_EVENT_SOURCE,
    teamId: session.userId,
    requestId,
    payload: SessionRevoked.encode({ userId: session.userId, sessionId: session.id, reason }).finish(),
  });
}
