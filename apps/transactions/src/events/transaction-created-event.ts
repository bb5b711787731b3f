import { TransactionCreated } from '@cashier/contracts/cashier/events/v1/transactions';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { StoredTransaction } from '../db/transaction-repository';

export const EVENT_SOURCE = '/cashier/transactions';

export function transactionCreatedEvent(row: StoredTransaction, requestId: string): OutboxRecord {
  return outboxRecord({
    type: EventType.TransactionCreated,
    source: EVENT_SOURCE,
    teamId: row.teamId,
    requestId,
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
