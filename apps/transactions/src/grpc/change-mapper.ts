import {
  ChangeOp as OpProto,
  EntityType as EntityProto,
  type ChangeRecord,
  type SyncChange,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { ChangeLogEntry } from '../db/generated/client';
import type { ChangeOp, EntityType } from '../db/generated/enums';
import type { SyncItem } from '../use-cases/sync-changes';
import { accountToProto } from './account-mapper';
import { categoryToProto } from './category-mapper';
import { toProto } from './transaction-mapper';

const ENTITY: Record<EntityType, EntityProto> = {
  account: EntityProto.ENTITY_TYPE_ACCOUNT,
  category: EntityProto.ENTITY_TYPE_CATEGORY,
  transaction: EntityProto.ENTITY_TYPE_TRANSACTION,
};
const OP: Record<ChangeOp, OpProto> = {
  created: OpProto.CHANGE_OP_CREATED,
  updated: OpProto.CHANGE_OP_UPDATED,
  deleted: OpProto.CHANGE_OP_DELETED,
};

export function syncChangeToProto(item: SyncItem): SyncChange {
  const { change } = item;
  return {
    seq: change.seq,
    entityType: ENTITY[change.entityType],
    entityId: change.entityId,
    op: OP[change.op],
    changedAt: change.at,
    changedBy: change.actorId,
    deleted: !item.account && !item.category && !item.transaction,
    account: item.account ? accountToProto(item.account) : undefined,
    category: item.category ? categoryToProto(item.category) : undefined,
    transaction: item.transaction ? toProto(item.transaction) : undefined,
  };
}

export function changeRecordToProto(entry: ChangeLogEntry): ChangeRecord {
  return {
    seq: entry.seq,
    entityType: ENTITY[entry.entityType],
    entityId: entry.entityId,
    op: OP[entry.op],
    actorId: entry.actorId,
    at: entry.at,
    beforeJson: entry.before === null ? '' : JSON.stringify(entry.before),
    afterJson: entry.after === null ? '' : JSON.stringify(entry.after),
    requestId: entry.requestId ?? '',
  };
}
