import { TeamCreated } from '@cashier/contracts/cashier/events/v1/userteam';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { StoredTeam } from '../db/team-repository';
import { EVENT_SOURCE } from './event-source';

export function teamCreatedEvent(team: StoredTeam, requestId: string): OutboxRecord {
  return outboxRecord({
    type: EventType.TeamCreated,
    source: EVENT_SOURCE,
    teamId: team.id,
    requestId,
    payload: TeamCreated.encode({
      teamId: team.id,
      name: team.name,
      type: team.type,
      baseCurrency: team.baseCurrency,
      timeZone: team.timeZone,
      createdBy: team.createdBy,
      createdAt: team.createdAt,
    }).finish(),
  });
}
