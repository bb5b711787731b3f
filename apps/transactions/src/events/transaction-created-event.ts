import { TransactionCreated } from '@cashier/contracts/cashier/events/v1/transactions';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { Transaction } from '../db/generated/client';
import { EVENT_SOURCE } from './event-source';

export { EVENT_SOURCE } from './event-source';

export function transactionCreatedEvent(row: Transaction, requestId: string | null): OutboxRecord {
  return outboxRecord({
    type: EventType.TransactionCreated,
    source: EVENT_SOURCE,
    teamId: row.teamId,
    requestId: requestId ?? undefined,
    payload: TransactionCreated.encode({
      transactionId: row.id,
      teamId: row.teamId,
      type: row.type,
      amount: { amountMinor: row.amountMinor, currencyCode: row.currencyCode },
      occurredAt: row.occurredAt,
      createdBy: row.createdBy,
    }).finish(),
  });
}
