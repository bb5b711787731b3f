import { z } from 'zod';
import { AggregateGroupBy, AggregatePeriod, type AggregateBucket } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { formatMoney } from '@cashier/money';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { ledgerFields, queryList } from './ledger-fields';
import { TRANSACTION_TYPES, TYPE_TO_PROTO, type TransactionTypeName } from './transaction-json';

const GROUP_BY = {
  category: AggregateGroupBy.AGGREGATE_GROUP_BY_CATEGORY,
  period: AggregateGroupBy.AGGREGATE_GROUP_BY_PERIOD,
  account: AggregateGroupBy.AGGREGATE_GROUP_BY_ACCOUNT,
  member: AggregateGroupBy.AGGREGATE_GROUP_BY_MEMBER,
  cash_flow: AggregateGroupBy.AGGREGATE_GROUP_BY_CASH_FLOW,
} as const;
const PERIOD = {
  day: AggregatePeriod.AGGREGATE_PERIOD_DAY,
  week: AggregatePeriod.AGGREGATE_PERIOD_WEEK,
  month: AggregatePeriod.AGGREGATE_PERIOD_MONTH,
  year: AggregatePeriod.AGGREGATE_PERIOD_YEAR,
} as const;

const aggregatesQuery = z.strictObject({
  from: ledgerFields.dateTime,
  to: ledgerFields.dateTime,
  group_by: z.enum(Object.keys(GROUP_BY) as [keyof typeof GROUP_BY], { error: `must be one of ${Object.keys(GROUP_BY).join(', ')}` }),
  period: z.enum(Object.keys(PERIOD) as [keyof typeof PERIOD], { error: 'must be day, week, month or year' }).optional(),
  time_zone: z.string().min(1).max(64).optional(),
  type: queryList.optional(),
});

/** One group in one currency; money as decimal strings, never added across currencies. */
function bucketJson(bucket: AggregateBucket) {
  const currency = bucket.currencyCode;
  return {
    key: bucket.key || null,
    currency,
    inflow: formatMoney({ amountMinor: bucket.inflow?.amountMinor ?? 0n, currencyCode: currency }),
    outflow: formatMoney({ amountMinor: bucket.outflow?.amountMinor ?? 0n, currencyCode: currency }),
    count: Number(bucket.count),
  };
}

export function aggregatesRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('get', '/aggregates', TEAM_READ, async (req, res) => {
    const query = validate(aggregatesQuery, req.query);
    const types = query.type ?? [];
    if (types.some((type) => !(TRANSACTION_TYPES as readonly string[]).includes(type))) {
      throw new Problem(400, 'INVALID_REQUEST', 'the request is not valid', [{ field: 'type', message: `must be among ${TRANSACTION_TYPES.join(', ')}` }]);
    }
    const { buckets } = await downstream.call(
      'transactions',
      'getAggregates',
      {
        occurredFrom: new Date(query.from),
        occurredTo: new Date(query.to),
        groupBy: GROUP_BY[query.group_by],
        period: query.period ? PERIOD[query.period] : 0,
        timeZone: query.time_zone ?? '',
        types: types.map((type) => TYPE_TO_PROTO[type as TransactionTypeName]),
      },
      callerOf(res),
    );
    res.json({ group_by: query.group_by, buckets: buckets.map(bucketJson) });
  });
}
