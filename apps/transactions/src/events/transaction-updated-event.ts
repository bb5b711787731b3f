import { TransactionUpdated } from '@cashier/contracts/cashier/events/v1/transactions';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { StoredTransaction } from '../db/transaction-store';
import { EVENT_SOURCE } from './event-source';

export function transactionUpdatedEvent(before: StoredTransaction, after: StoredTransaction, requestId: string): OutboxRecord {
  return outboxRecord({
    type: EventType.TransactionUpdated,
    source: EVENT_SOURCE,
    teamId: after.teamId,
    requestId,
    payload: TransactionUpdated.encode({
      transactionId: after.id,
      teamId: after.teamId,
      type: after.type,
      amount: { amountMinor: after.amountMinor, currencyCode: after.currencyCode },
      occurredAt: after.occurredAt,
      updatedBy: after.updatedBy,
      version: after.version,
      previousAmount: { amountMinor: before.amountMinor, currencyCode: before.currencyCode },
      previousOccurredAt: before.occurredAt,
    }).finish(),
  });
}
