/**
 * A calendar date with no time and no zone ("2026-11-26"). Arithmetic is done on day
 * numbers (days since 1970-01-01), integers only.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Years this service accepts anywhere a date is given. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function civilDate(year: number, month: number, day: number): CivilDate {
  return { year, month, day };
}

/** Parses a strict "YYYY-MM-DD" between years 1900 and 9999; undefined for anything else. */
export function parseIsoDate(text: string): CivilDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

export function formatIsoDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function toDayNumber(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** ISO 8601 weekday: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  const sundayZero = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** Months since year 0, for month arithmetic: (year, month) <-> one integer. */
export function monthIndex(date: Pick<CivilDate, 'year' | 'month'>): number {
  return date.year * 12 + (date.month - 1);
}

/** The given day of the month at `index` (see monthIndex), moved back to the month's last day if it has fewer days. */
export function clampedDayOfMonth(index: number, day: number): CivilDate {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

/** The first day of the next month. */
export function startOfNextMonth(date: CivilDate): CivilDate {
  return date.month === 12 ? { year: date.year + 1, month: 1, day: 1 } : { year: date.year, month: date.month + 1, day: 1 };
}

/** How a DATE column travels through Prisma: midnight UTC of that day. */
export function toDbDate(date: CivilDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

export function fromDbDate(value: Date): CivilDate {
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

/** Today's date in UTC. */
export function utcToday(now: Date): CivilDate {
  return fromDbDate(now);
}
