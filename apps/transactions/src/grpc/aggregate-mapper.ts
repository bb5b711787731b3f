import {
  AggregateGroupBy,
  AggregatePeriod,
  type AggregateBucket,
  type GetAggregatesRequest,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { AggregateRow } from '../db/aggregate-queries';
import { validateAggregateRequest, type AggregateRequest, type GroupBy, type Period } from '../domain/aggregate-request';
import { kindFromProto } from './transaction-mapper';

const GROUP_BY: Partial<Record<AggregateGroupBy, GroupBy>> = {
  [AggregateGroupBy.AGGREGATE_GROUP_BY_CATEGORY]: 'category',
  [AggregateGroupBy.AGGREGATE_GROUP_BY_PERIOD]: 'period',
  [AggregateGroupBy.AGGREGATE_GROUP_BY_ACCOUNT]: 'account',
  [AggregateGroupBy.AGGREGATE_GROUP_BY_MEMBER]: 'member',
  [AggregateGroupBy.AGGREGATE_GROUP_BY_CASH_FLOW]: 'cash_flow',
};
const PERIOD: Partial<Record<AggregatePeriod, Period>> = {
  [AggregatePeriod.AGGREGATE_PERIOD_DAY]: 'day',
  [AggregatePeriod.AGGREGATE_PERIOD_WEEK]: 'week',
  [AggregatePeriod.AGGREGATE_PERIOD_MONTH]: 'month',
  [AggregatePeriod.AGGREGATE_PERIOD_YEAR]: 'year',
};

export function aggregateRequestOf(request: GetAggregatesRequest): AggregateRequest {
  return validateAggregateRequest({
    from: request.occurredFrom,
    to: request.occurredTo,
    groupBy: GROUP_BY[request.groupBy],
    period: PERIOD[request.period],
    timeZone: request.timeZone,
    kinds: request.types.map(kindFromProto),
  });
}

export function bucketToProto(row: AggregateRow): AggregateBucket {
  return {
    key: row.key ?? '',
    currencyCode: row.currency,
    inflow: { amountMinor: row.inflow, currencyCode: row.currency },
    outflow: { amountMinor: row.outflow, currencyCode: row.currency },
    count: row.count,
  };
}
