import type { CallerContext } from '@cashier/auth-context';
import { sqlStateOf } from '@cashier/db';
import { ServiceError } from '@cashier/grpc';
import { aggregate, type AggregateRow } from '../db/aggregate-queries';
import type { TransactionsPrisma } from '../db/create-prisma';
import type { AggregateRequest } from '../domain/aggregate-request';
import { requirePermission } from '../domain/require-permission';
import { TransactionsErrorCode } from '../domain/transactions-error-code';

/** PostgreSQL's "invalid parameter value": here, a zone this runtime knows but the database's tzdata does not. */
function isUnknownZone(error: unknown): boolean {
  return sqlStateOf(error) === '22023';
}

/** Totals per group and currency for reports and the AI; never summed across currencies. */
export async function getAggregates(prisma: TransactionsPrisma, caller: CallerContext, request: AggregateRequest): Promise<AggregateRow[]> {
  requirePermission(caller, 'read');
  try {
    return await aggregate(prisma, caller.teamId, request);
  } catch (error) {
    if (!isUnknownZone(error)) throw error;
    throw ServiceError.invalid(TransactionsErrorCode.InvalidQuery, 'the aggregate request is not valid', [
      { field: 'time_zone', description: 'this time zone is not known here; use an IANA zone like "Asia/Dhaka"' },
    ]);
  }
}
