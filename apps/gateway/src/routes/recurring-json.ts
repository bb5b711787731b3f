import {
  RecurrenceFrequency,
  RecurringEntryType,
  type RecurringRule,
  type UpcomingOccurrence,
} from '@cashier/contracts/cashier/transactions/v1/planning';
import { formatMoney } from '@cashier/money';

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export const ENTRY_TYPES = ['expense', 'income'] as const;

export const FREQUENCY_TO_PROTO = {
  daily: RecurrenceFrequency.RECURRENCE_FREQUENCY_DAILY,
  weekly: RecurrenceFrequency.RECURRENCE_FREQUENCY_WEEKLY,
  monthly: RecurrenceFrequency.RECURRENCE_FREQUENCY_MONTHLY,
  yearly: RecurrenceFrequency.RECURRENCE_FREQUENCY_YEARLY,
} as const;

export const ENTRY_TYPE_TO_PROTO = {
  expense: RecurringEntryType.RECURRING_ENTRY_TYPE_EXPENSE,
  income: RecurringEntryType.RECURRING_ENTRY_TYPE_INCOME,
} as const;

const frequencyName = (frequency: RecurrenceFrequency) =>
  FREQUENCIES.find((name) => FREQUENCY_TO_PROTO[name] === frequency) ?? 'unknown';
const entryTypeName = (type: RecurringEntryType) => (type === RecurringEntryType.RECURRING_ENTRY_TYPE_INCOME ? 'income' : 'expense');
const orNull = <T>(value: T, none: T) => (value === none ? null : value);

export function recurringRuleJson(rule: RecurringRule) {
  const money = rule.amount!;
  return {
    id: rule.id,
    frequency: frequencyName(rule.frequency),
    weekday: orNull(rule.weekday, 0),
    day_of_month: orNull(rule.dayOfMonth, 0),
    month: orNull(rule.month, 0),
    start_date: rule.startDate,
    end_date: orNull(rule.endDate, ''),
    count: orNull(rule.count, 0),
    time_zone: rule.timeZone,
    type: entryTypeName(rule.type),
    amount: formatMoney({ amountMinor: money.amountMinor, currencyCode: money.currencyCode }),
    currency: money.currencyCode,
    description: rule.description,
    account_id: orNull(rule.accountId, ''),
    category_id: orNull(rule.categoryId, ''),
    next_occurrence_date: orNull(rule.nextOccurrenceDate, ''),
    posted_count: rule.postedCount,
    last_error: orNull(rule.lastError, ''),
    last_error_at: rule.lastErrorAt?.toISOString() ?? null,
    created_by: rule.createdBy,
    created_at: rule.createdAt?.toISOString(),
  };
}

export function upcomingJson(occurrence: UpcomingOccurrence) {
  const money = occurrence.amount!;
  return {
    rule_id: occurrence.ruleId,
    date: occurrence.occurrenceDate,
    due_at: occurrence.dueAt?.toISOString(),
    type: entryTypeName(occurrence.type),
    amount: formatMoney({ amountMinor: money.amountMinor, currencyCode: money.currencyCode }),
    currency: money.currencyCode,
    description: occurrence.description,
    account_id: orNull(occurrence.accountId, ''),
    category_id: orNull(occurrence.categoryId, ''),
  };
}
