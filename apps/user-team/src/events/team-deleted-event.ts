import { TeamDeleted } from '@cashier/contracts/cashier/events/v1/userteam';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import { EVENT_SOURCE } from './event-source';

export function teamDeletedEvent(teamId: string, deletedBy: string, requestId: string): OutboxRecord {
  return outboxRecord({
    type: EventType.TeamDeleted,
    source: EVENT_SOURCE,
    teamId,
    requestId,
    payload: TeamDeleted.encode({ teamId, deletedBy }).finish(),
  });
}
