import type { Money } from '@cashier/money';
import { addDays, compareDates, daysInMonth, isoWeekday, utcToday, type CivilDate } from './civil-date';
import { FieldChecks } from './field-checks';
import { PlanningErrorCode } from './planning-error-code';
import { occurrenceAt, type Recurrence, type RecurrenceFrequency } from './recurrence';

export type RecurringEntryType = 'expense' | 'income';

/** The transaction each occurrence of a rule becomes. */
export interface EntryTemplate {
  entryType: RecurringEntryType;
  amount: Money;
  description: string;
  /** Opaque ids of the ledger's account and category, if any. */
  accountId: string | null;
  categoryId: string | null;
}

export interface NewRecurringRule {
  id: string | undefined;
  recurrence: Recurrence;
  timeZone: string;
  template: EntryTemplate;
}

export const MAX_OCCURRENCES = 10_000;
export const MAX_ENTRY_DESCRIPTION_LENGTH = 500;
/** How far back a start date may lie: the scheduler posts every occurrence since it, at most a year's worth. */
export const MAX_BACKFILL_DAYS = 366;

export interface RecurringRuleInput {
  id: string;
  frequency: RecurrenceFrequency | undefined;
  weekday: number;
  dayOfMonth: number;
  month: number;
  startDate: string;
  endDate: string;
  count: number;
  timeZone: string;
  entryType: RecurringEntryType | undefined;
  amount: Money | undefined;
  description: string;
  accountId: string;
  categoryId: string;
}

function onlyFor(checks: FieldChecks, field: string, given: number, frequency: RecurrenceFrequency | undefined, allowed: RecurrenceFrequency[]) {
  if (given !== 0 && frequency && !allowed.includes(frequency)) checks.refuse(field, `applies only to ${allowed.join(' and ')} rules`);
}

/** The rules of a new recurring entry; weekday/day/month default to those of the start date. */
export function validateNewRecurringRule(input: RecurringRuleInput, now: Date = new Date()): NewRecurringRule {
  const checks = new FieldChecks();
  const id = checks.clientId('id', input.id);
  const frequency = checks.required('frequency', input.frequency, 'must be one of daily, weekly, monthly, yearly');
  const startDate = checks.date('start_date', input.startDate);
  checks.notBefore('start_date', startDate, addDays(utcToday(now), -MAX_BACKFILL_DAYS), `must be at most ${MAX_BACKFILL_DAYS} days ago`);
  const endDate = checks.optionalDate('end_date', input.endDate, null);
  checks.notBefore('end_date', endDate, startDate, 'must not be before the start date');
  onlyFor(checks, 'weekday', input.weekday, frequency, ['weekly']);
  onlyFor(checks, 'day_of_month', input.dayOfMonth, frequency, ['monthly', 'yearly']);
  onlyFor(checks, 'month', input.month, frequency, ['yearly']);
  const weekday = checks.optionalInt('weekday', input.weekday, 1, 7);
  const dayOfMonth = checks.optionalInt('day_of_month', input.dayOfMonth, 1, 31);
  const month = checks.optionalInt('month', input.month, 1, 12);
  const count = checks.optionalInt('count', input.count, 1, MAX_OCCURRENCES);
  const template = {
    entryType: checks.required('type', input.entryType, 'must be "expense" or "income"'),
    amount: checks.money('amount', 'currency', input.amount, 'positive'),
    description: checks.text('description', input.description, { max: MAX_ENTRY_DESCRIPTION_LENGTH }),
    accountId: checks.optionalUuid('account_id', input.accountId),
    categoryId: checks.optionalUuid('category_id', input.categoryId),
  };
  const timeZone = checks.timeZone('time_zone', input.timeZone);

  let recurrence: Recurrence | undefined;
  if (frequency && startDate && endDate !== undefined) {
    recurrence = {
      frequency,
      weekday: frequency === 'weekly' ? (weekday ?? isoWeekday(startDate)) : null,
      dayOfMonth: frequency === 'monthly' || frequency === 'yearly' ? (dayOfMonth ?? startDate.day) : null,
      month: frequency === 'yearly' ? (month ?? startDate.month) : null,
      startDate,
      endDate,
      maxOccurrences: count ?? null,
    };
    // A yearly day must exist in that month in some year: 29 February yes, 30 February no.
    if (recurrence.month !== null && recurrence.dayOfMonth! > daysInMonth(2000, recurrence.month)) {
      checks.refuse('day_of_month', 'does not exist in that month');
    } else if ((!endDate || compareDates(endDate, startDate) >= 0) && !occurrenceAt(recurrence, 0)) {
      checks.refuse('end_date', 'leaves the rule without any occurrence');
    }
  }
  checks.done(PlanningErrorCode.InvalidRecurringRule, 'the recurring rule is not valid');
  return { id, recurrence: recurrence!, timeZone: timeZone!, template: template as EntryTemplate };
}

/** The dates ListUpcoming looks at: from defaults to today (UTC), to to 30 days later; at most 366 days. */
export function validateUpcomingRange(input: { fromDate: string; toDate: string }, now: Date = new Date()): { from: CivilDate; to: CivilDate } {
  const checks = new FieldChecks();
  const from = checks.optionalDate('from', input.fromDate, utcToday(now));
  const to = from ? checks.optionalDate('to', input.toDate, addDays(from, 30)) : undefined;
  if (from && to) {
    if (compareDates(to, from) < 0) checks.refuse('to', 'must not be before from');
    else if (compareDates(to, addDays(from, MAX_BACKFILL_DAYS)) > 0) checks.refuse('to', `must be at most ${MAX_BACKFILL_DAYS} days after from`);
  }
  checks.done(PlanningErrorCode.InvalidDateRange, 'the date range is not valid');
  return { from: from!, to: to! };
}
