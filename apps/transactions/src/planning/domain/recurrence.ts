import {
  addDays,
  clampedDayOfMonth,
  compareDates,
  isoWeekday,
  monthIndex,
  toDayNumber,
  type CivilDate,
} from './civil-date';

export type RecurrenceFrequency = 'daily' | 'weekly' | 'monthly' | 'yearly';

/**
 * When a recurring entry happens. weekday (ISO, 1 = Monday) is used by weekly rules,
 * dayOfMonth by monthly and yearly ones, month by yearly ones; each is already filled in
 * (from the start date when the client left it out).
 */
export interface Recurrence {
  frequency: RecurrenceFrequency;
  weekday: number | null;
  dayOfMonth: number | null;
  month: number | null;
  startDate: CivilDate;
  /** Inclusive. */
  endDate: CivilDate | null;
  /** At most this many occurrences. */
  maxOccurrences: number | null;
}

export interface Occurrence {
  /** 0 for the first occurrence on or after the start date. */
  index: number;
  date: CivilDate;
}

/** The date of the first occurrence on or after the start date, ignoring the end and the count. */
function firstDate(rule: Recurrence): CivilDate {
  const start = rule.startDate;
  switch (rule.frequency) {
    case 'daily':
      return start;
    case 'weekly':
      return addDays(start, (rule.weekday! - isoWeekday(start) + 7) % 7);
    case 'monthly': {
      const inStartMonth = clampedDayOfMonth(monthIndex(start), rule.dayOfMonth!);
      return compareDates(inStartMonth, start) >= 0 ? inStartMonth : clampedDayOfMonth(monthIndex(start) + 1, rule.dayOfMonth!);
    }
    case 'yearly': {
      const inStartYear = clampedDayOfMonth(monthIndex({ year: start.year, month: rule.month! }), rule.dayOfMonth!);
      return compareDates(inStartYear, start) >= 0
        ? inStartYear
        : clampedDayOfMonth(monthIndex({ year: start.year + 1, month: rule.month! }), rule.dayOfMonth!);
    }
  }
}

/** The date of occurrence `index`, ignoring the end and the count. */
function unboundedDate(rule: Recurrence, index: number): CivilDate {
  const first = firstDate(rule);
  switch (rule.frequency) {
    case 'daily':
      return addDays(first, index);
    case 'weekly':
      return addDays(first, 7 * index);
    case 'monthly':
      return clampedDayOfMonth(monthIndex(first) + index, rule.dayOfMonth!);
    case 'yearly':
      return clampedDayOfMonth(monthIndex({ year: first.year + index, month: rule.month! }), rule.dayOfMonth!);
  }
}

/** Occurrence `index`, or undefined when the rule has ended before it (end date or count). */
export function occurrenceAt(rule: Recurrence, index: number): Occurrence | undefined {
  if (index < 0 || (rule.maxOccurrences !== null && index >= rule.maxOccurrences)) return undefined;
  const date = unboundedDate(rule, index);
  if (rule.endDate !== null && compareDates(date, rule.endDate) > 0) return undefined;
  return { index, date };
}

/** The index of the first occurrence on or after `date` (it may be past the rule's end). */
export function firstIndexOnOrAfter(rule: Recurrence, date: CivilDate): number {
  const first = firstDate(rule);
  if (compareDates(date, first) <= 0) return 0;
  let index: number;
  switch (rule.frequency) {
    case 'daily':
      return toDayNumber(date) - toDayNumber(first);
    case 'weekly':
      return Math.ceil((toDayNumber(date) - toDayNumber(first)) / 7);
    case 'monthly':
      index = monthIndex(date) - monthIndex(first);
      break;
    case 'yearly':
      index = date.year - first.year;
      break;
  }
  return compareDates(unboundedDate(rule, index), date) >= 0 ? index : index + 1;
}

/** Occurrences with dates in [from, to] (both inclusive) and index >= fromIndex, at most `limit`. */
export function occurrencesBetween(
  rule: Recurrence,
  from: CivilDate,
  to: CivilDate,
  options: { fromIndex?: number; limit?: number } = {},
): Occurrence[] {
  const found: Occurrence[] = [];
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  for (let index = Math.max(options.fromIndex ?? 0, firstIndexOnOrAfter(rule, from)); found.length < limit; index++) {
    const occurrence = occurrenceAt(rule, index);
    if (!occurrence || compareDates(occurrence.date, to) > 0) break;
    found.push(occurrence);
  }
  return found;
}

/** True when two recurrences describe the same dates (an idempotent replay of a create). */
export function isSameRecurrence(a: Recurrence, b: Recurrence): boolean {
  const sameDate = (x: CivilDate | null, y: CivilDate | null) => (x === null || y === null ? x === y : compareDates(x, y) === 0);
  return (
    a.frequency === b.frequency &&
    a.weekday === b.weekday &&
    a.dayOfMonth === b.dayOfMonth &&
    a.month === b.month &&
    sameDate(a.startDate, b.startDate) &&
    sameDate(a.endDate, b.endDate) &&
    a.maxOccurrences === b.maxOccurrences
  );
}
