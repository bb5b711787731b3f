import type { Role } from '@cashier/auth-context';
import { MembershipChanged } from '@cashier/contracts/cashier/events/v1/userteam';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import { EVENT_SOURCE } from './event-source';

export type MembershipChange =
  | { change: 'added'; role: Role }
  | { change: 'role_changed'; role: Role }
  | { change: 'removed' };

/** Published for every membership change; the gateway drops its cached membership on it. */
export function membershipChangedEvent(teamId: string, userId: string, what: MembershipChange, requestId: string): OutboxRecord {
  return outboxRecord({
    type: EventType.MembershipChanged,
    source: EVENT_SOURCE,
    teamId,
    requestId,
    payload: MembershipChanged.encode({
      teamId,
      userId,
      role: what.change === 'removed' ? '' : what.role,
      change: what.change,
    }).finish(),
  });
}
