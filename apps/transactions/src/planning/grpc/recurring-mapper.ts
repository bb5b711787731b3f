import {
  RecurrenceFrequency as FrequencyMessage,
  RecurringEntryType as EntryTypeMessage,
  type RecurringRule as RecurringRuleMessage,
  type UpcomingOccurrence as UpcomingOccurrenceMessage,
} from '@cashier/contracts/cashier/transactions/v1/planning';
import type { StoredRecurringRule } from '../db/recurring-rule-repository';
import { formatIsoDate, fromDbDate } from '../domain/civil-date';
import type { RecurringEntryType } from '../domain/new-recurring-rule';
import type { RecurrenceFrequency } from '../domain/recurrence';
import type { UpcomingOccurrence } from '../use-cases/list-upcoming';

const FREQUENCIES: [FrequencyMessage, RecurrenceFrequency][] = [
  [FrequencyMessage.RECURRENCE_FREQUENCY_DAILY, 'daily'],
  [FrequencyMessage.RECURRENCE_FREQUENCY_WEEKLY, 'weekly'],
  [FrequencyMessage.RECURRENCE_FREQUENCY_MONTHLY, 'monthly'],
  [FrequencyMessage.RECURRENCE_FREQUENCY_YEARLY, 'yearly'],
];

export function frequencyFromProto(frequency: FrequencyMessage): RecurrenceFrequency | undefined {
  return FREQUENCIES.find(([message]) => message === frequency)?.[1];
}

function frequencyToProto(frequency: RecurrenceFrequency): FrequencyMessage {
  return FREQUENCIES.find(([, kind]) => kind === frequency)![0];
}

export function entryTypeFromProto(type: EntryTypeMessage): RecurringEntryType | undefined {
  switch (type) {
    case EntryTypeMessage.RECURRING_ENTRY_TYPE_EXPENSE:
      return 'expense';
    case EntryTypeMessage.RECURRING_ENTRY_TYPE_INCOME:
      return 'income';
    default:
      return undefined;
  }
}

function entryTypeToProto(type: RecurringEntryType): EntryTypeMessage {
  return type === 'expense' ? EntryTypeMessage.RECURRING_ENTRY_TYPE_EXPENSE : EntryTypeMessage.RECURRING_ENTRY_TYPE_INCOME;
}

const isoDateOrEmpty = (value: Date | null) => (value ? formatIsoDate(fromDbDate(value)) : '');

export function recurringRuleToProto(rule: StoredRecurringRule): RecurringRuleMessage {
  return {
    id: rule.id,
    teamId: rule.teamId,
    frequency: frequencyToProto(rule.frequency),
    weekday: rule.weekday ?? 0,
    dayOfMonth: rule.dayOfMonth ?? 0,
    month: rule.month ?? 0,
    startDate: isoDateOrEmpty(rule.startDate),
    endDate: isoDateOrEmpty(rule.endDate),
    count: rule.maxOccurrences ?? 0,
    timeZone: rule.timeZone,
    type: entryTypeToProto(rule.entryType),
    amount: { amountMinor: rule.amountMinor, currencyCode: rule.currencyCode },
    description: rule.description,
    accountId: rule.accountId ?? '',
    categoryId: rule.categoryId ?? '',
    nextOccurrenceDate: isoDateOrEmpty(rule.nextOccurrenceDate),
    postedCount: rule.nextIndex,
    createdBy: rule.createdBy,
    createdAt: rule.createdAt,
    lastError: rule.lastError ?? '',
    lastErrorAt: rule.lastErrorAt ?? undefined,
  };
}

export function upcomingToProto({ rule, occurrence, dueAt }: UpcomingOccurrence): UpcomingOccurrenceMessage {
  return {
    ruleId: rule.id,
    occurrenceDate: formatIsoDate(occurrence.date),
    dueAt,
    type: entryTypeToProto(rule.entryType),
    amount: { amountMinor: rule.amountMinor, currencyCode: rule.currencyCode },
    description: rule.description,
    accountId: rule.accountId ?? '',
    categoryId: rule.categoryId ?? '',
  };
}
