import { AccountChanged } from '@cashier/contracts/cashier/events/v1/transactions';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { StoredAccount } from '../db/account-store';
import { EVENT_SOURCE } from './event-source';

export function accountChangedEvent(row: StoredAccount, change: 'created' | 'updated', requestId: string | null): OutboxRecord {
  return outboxRecord({
    type: EventType.AccountChanged,
    source: EVENT_SOURCE,
    teamId: row.teamId,
    requestId: requestId ?? undefined,
    payload: AccountChanged.encode({
      accountId: row.id,
      teamId: row.teamId,
      change,
      name: row.name,
      kind: row.kind,
      currencyCode: row.currencyCode,
      archived: row.archived,
      version: row.version,
      changedBy: row.updatedBy,
    }).finish(),
  });
}
