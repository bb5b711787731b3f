import { ChangeOp, EntityType, type ChangeRecord, type SyncChange } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { accountJson } from './account-json';
import { categoryJson } from './category-json';
import { transactionJson } from './transaction-json';

const ENTITY: Partial<Record<EntityType, string>> = {
  [EntityType.ENTITY_TYPE_ACCOUNT]: 'account',
  [EntityType.ENTITY_TYPE_CATEGORY]: 'category',
  [EntityType.ENTITY_TYPE_TRANSACTION]: 'transaction',
};
const OP: Partial<Record<ChangeOp, string>> = {
  [ChangeOp.CHANGE_OP_CREATED]: 'created',
  [ChangeOp.CHANGE_OP_UPDATED]: 'updated',
  [ChangeOp.CHANGE_OP_DELETED]: 'deleted',
};

/** One changed entity with its current state, or a tombstone (`deleted: true`, no data). */
export function syncChangeJson(change: SyncChange) {
  const data = change.account
    ? accountJson(change.account)
    : change.category
      ? categoryJson(change.category)
      : change.transaction
        ? transactionJson(change.transaction)
        : null;
  return {
    seq: Number(change.seq),
    entity_type: ENTITY[change.entityType] ?? 'unknown',
    entity_id: change.entityId,
    op: OP[change.op] ?? 'unknown',
    changed_at: change.changedAt?.toISOString(),
    changed_by: change.changedBy,
    deleted: change.deleted,
    data,
  };
}

/** One audit-trail entry: before and after are the JSON images the service logged. */
export function changeRecordJson(record: ChangeRecord) {
  return {
    seq: Number(record.seq),
    entity_type: ENTITY[record.entityType] ?? 'unknown',
    entity_id: record.entityId,
    op: OP[record.op] ?? 'unknown',
    actor_id: record.actorId,
    at: record.at?.toISOString(),
    before: record.beforeJson ? (JSON.parse(record.beforeJson) as unknown) : null,
    after: record.afterJson ? (JSON.parse(record.afterJson) as unknown) : null,
    request_id: record.requestId || null,
  };
}
