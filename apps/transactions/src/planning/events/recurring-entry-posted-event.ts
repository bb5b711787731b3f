import { RecurringEntryPosted } from '@cashier/contracts/cashier/events/v1/planning';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { StoredTransaction } from '../../db/transaction-store';
import { EVENT_SOURCE } from '../../events/transaction-created-event';
import { formatIsoDate } from '../domain/civil-date';
import type { Occurrence } from '../domain/recurrence';

export function recurringEntryPostedEvent(ruleId: string, occurrence: Occurrence, entry: StoredTransaction, requestId: string): OutboxRecord {
  return outboxRecord({
    type: EventType.RecurringEntryPosted,
    source: EVENT_SOURCE,
    teamId: entry.teamId,
    requestId,
    payload: RecurringEntryPosted.encode({
      ruleId,
      teamId: entry.teamId,
      transactionId: entry.id,
      occurrenceDate: formatIsoDate(occurrence.date),
      type: entry.type,
      amount: { amountMinor: entry.amountMinor, currencyCode: entry.currencyCode },
      occurredAt: entry.occurredAt,
      createdBy: entry.createdBy,
    }).finish(),
  });
}
