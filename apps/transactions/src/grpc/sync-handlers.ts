import type {
  GetAggregatesRequest,
  GetAggregatesResponse,
  ListChangesRequest,
  ListChangesResponse,
  SyncRequest,
  SyncResponse,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import { unaryHandler } from '@cashier/grpc';
import { getAggregates } from '../use-cases/get-aggregates';
import { listChanges } from '../use-cases/list-changes';
import { syncChanges } from '../use-cases/sync-changes';
import { aggregateRequestOf, bucketToProto } from './aggregate-mapper';
import { changeRecordToProto, syncChangeToProto } from './change-mapper';
import type { HandlerDeps } from './handler-deps';

/** Sync, the audit trail and aggregates: read-only views over the whole ledger. */
export function ledgerViewHandlers(deps: HandlerDeps) {
  const base = { verifier: deps.verifier, logger: deps.logger };
  return {
    sync: unaryHandler<SyncRequest, SyncResponse>({ ...base, method: 'Sync' }, async (request, { caller }) => {
      const page = await syncChanges(deps.prisma, caller, request.cursor, request.limit);
      return { changes: page.items.map(syncChangeToProto), cursor: page.cursor, hasMore: page.hasMore };
    }),
    listChanges: unaryHandler<ListChangesRequest, ListChangesResponse>({ ...base, method: 'ListChanges' }, async (request, { caller }) => {
      const page = await listChanges(deps.prisma, caller, { cursor: request.cursor, limit: request.limit, entityId: request.entityId });
      return { changes: page.changes.map(changeRecordToProto), cursor: page.cursor, hasMore: page.hasMore };
    }),
    getAggregates: unaryHandler<GetAggregatesRequest, GetAggregatesResponse>(
      { ...base, method: 'GetAggregates' },
      async (request, { caller }) => ({
        buckets: (await getAggregates(deps.prisma, caller, aggregateRequestOf(request))).map(bucketToProto),
      }),
    ),
  };
}
