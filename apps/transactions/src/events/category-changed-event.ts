import { CategoryChanged } from '@cashier/contracts/cashier/events/v1/transactions';
import { EventType, outboxRecord, type OutboxRecord } from '@cashier/events';
import type { StoredCategory } from '../db/category-store';
import { EVENT_SOURCE } from './event-source';

/** `row` is the category after the change, or as it was before a deletion. */
export function categoryChangedEvent(
  row: StoredCategory,
  change: 'created' | 'updated' | 'deleted',
  changedBy: string,
  requestId: string | null,
): OutboxRecord {
  return outboxRecord({
    type: EventType.CategoryChanged,
    source: EVENT_SOURCE,
    teamId: row.teamId,
    requestId: requestId ?? undefined,
    payload: CategoryChanged.encode({
      categoryId: row.id,
      teamId: row.teamId,
      change,
      name: row.name,
      kind: row.kind,
      parentId: row.parentId ?? '',
      archived: row.archived,
      version: row.version,
      changedBy,
    }).finish(),
  });
}
