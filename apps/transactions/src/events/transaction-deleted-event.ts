import { TransactionDeleted } from '@cashier/contracts/cashier/events/v1/transactions';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { StoredTransaction } from '../db/transaction-store';
import { EVENT_SOURCE } from './event-source';

/** `row` is the transaction as it was just before it was deleted. */
export function transactionDeletedEvent(row: StoredTransaction, deletedBy: string, requestId: string): OutboxRecord {
  return outboxRecord({
    type: EventType.TransactionDeleted,
    source: EVENT_SOURCE,
    teamId: row.teamId,
    requestId,
    payload: TransactionDeleted.encode({
      transactionId: row.id,
      teamId: row.teamId,
      type: row.type,
      amount: { amountMinor: row.amountMinor, currencyCode: row.currencyCode },
      occurredAt: row.occurredAt,
      deletedBy,
      version: row.version,
    }).finish(),
  });
}
