import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { SessionRevoked } from '@cashier/contracts/cashier/events/v1/auth';
import { MembershipChanged, TeamDeleted } from '@cashier/contracts/cashier/events/v1/userteam';
import { EventType, topicOf, type EventConsumerOptions } from '@cashier/events';
import type { MembershipCache } from './membership-cache';
import type { SessionDenylist } from './session-denylist';

/**
 * Every gateway instance must see every identity event, so each has its own consumer
 * group; they share one dead-letter topic.
 */
export function identityEventConsumer(
  cache: MembershipCache,
  denylist: SessionDenylist,
): Omit<EventConsumerOptions, 'kafka' | 'logger'> {
  return {
    groupId: `gateway.identity.${hostname()}.${randomUUID().slice(0, 8)}`,
    deadLetterTopic: 'dlt.gateway.identity',
    handlers: {
      [topicOf(EventType.SessionRevoked)]: async (event) => {
        denylist.revoke(SessionRevoked.decode(event.payload).sessionId, Date.parse(event.time));
      },
      [topicOf(EventType.MembershipChanged)]: async (event) => {
        const change = MembershipChanged.decode(event.payload);
        cache.drop(change.userId, change.teamId);
      },
      [topicOf(EventType.TeamDeleted)]: async (event) => {
        cache.dropTeam(TeamDeleted.decode(event.payload).teamId);
      },
    },
  };
}
