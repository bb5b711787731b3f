import { UserRegistered } from '@cashier/contracts/cashier/events/v1/auth';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { StoredUser } from '../db/user-repository';
import { AUTH_EVENT_SOURCE } from './auth-event-source';

/**
 * Identity events belong to no team: their subject (and Kafka key) is the user id, so one
 * user's events stay in order.
 */
export function userRegisteredEvent(user: StoredUser, requestId: string): OutboxRecord {
  return outboxRecord({
    type: EventType.UserRegistered,
    source: AUTH_EVENT_SOURCE,
    teamId: user.id,
    requestId,
    payload: UserRegistered.encode({ userId: user.id, phone: user.phone, registeredAt: user.createdAt }).finish(),
  });
}
