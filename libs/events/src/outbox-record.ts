import { uuidv7 } from '@cashier/ids';
import { topicOf, type EventType } from './topics';

/** The row every service's `outbox` table holds (see docs/adding-a-service.md). */
export interface OutboxRecord {
  id: string;
  topic: string;
  type: string;
  source: string;
  teamId: string;
  payload: Uint8Array<ArrayBuffer>;
  requestId: string | null;
  occurredAt: Date;
}

/**
 * Builds the outbox row for an event. Write it with the same database transaction
 * as the change it announces: both commit, or neither does.
 */
export function outboxRecord(input: {
  type: EventType;
  source: string;
  teamId: string;
  payload: Uint8Array;
  requestId?: string;
}): OutboxRecord {
  return {
    id: uuidv7(),
    topic: topicOf(input.type),
    type: input.type,
    source: input.source,
    teamId: input.teamId,
    payload: new Uint8Array(input.payload),
    requestId: input.requestId ?? null,
    occurredAt: new Date(),
  };
}
