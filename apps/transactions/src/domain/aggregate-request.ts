import type { FieldViolation } from '@cashier/grpc';
import { throwIfInvalid } from './ledger-errors';
import { isTimeZone } from './time-zone';
import type { TransactionKind } from './transaction-kind';
import { TransactionsErrorCode } from './transactions-error-code';

export const GROUP_BYS = ['category', 'period', 'account', 'member', 'cash_flow'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export interface AggregateRequest {
  from: Date;
  to: Date;
  groupBy: GroupBy;
  period: Period;
  timeZone: string;
  kinds: TransactionKind[];
}

/** The longest range one aggregate covers (about three years): bounded work per call. */
export const MAX_RANGE_DAYS = 1_100;

export function validateAggregateRequest(input: {
  from: Date | undefined;
  to: Date | undefined;
  groupBy: GroupBy | undefined;
  period: Period | undefined;
  timeZone: string;
  kinds: (TransactionKind | undefined)[];
}): AggregateRequest {
  const violations: FieldViolation[] = [];
  if (!input.from || Number.isNaN(input.from.getTime())) violations.push({ field: 'from', description: 'is required' });
  if (!input.to || Number.isNaN(input.to.getTime())) violations.push({ field: 'to', description: 'is required' });
  if (input.from && input.to) {
    const days = (input.to.getTime() - input.from.getTime()) / 86_400_000;
    if (days <= 0) violations.push({ field: 'to', description: 'must be after from' });
    if (days > MAX_RANGE_DAYS) violations.push({ field: 'to', description: `a range covers at most ${MAX_RANGE_DAYS} days` });
  }
  if (!input.groupBy) violations.push({ field: 'group_by', description: 'must be category, period, account, member or cash_flow' });
  if (input.groupBy === 'period' && !input.period) violations.push({ field: 'period', description: 'must be day, week, month or year' });
  const timeZone = input.timeZone === '' ? 'UTC' : input.timeZone;
  if (!isTimeZone(timeZone)) violations.push({ field: 'time_zone', description: 'must be an IANA time zone like "Asia/Dhaka"' });
  if (input.kinds.some((kind) => kind === undefined)) violations.push({ field: 'types', description: 'unknown transaction type' });
  throwIfInvalid(TransactionsErrorCode.InvalidQuery, 'aggregate request', violations);
  return {
    from: input.from!,
    to: input.to!,
    groupBy: input.groupBy!,
    period: input.period ?? 'month',
    timeZone,
    kinds: [...new Set(input.kinds as TransactionKind[])].sort(),
  };
}
