import { addDays, compareDates, toDayNumber, type CivilDate } from './civil-date';

// The IANA zones this runtime knows; 'UTC' is added because some ICU builds list only "Etc/UTC".
const TIME_ZONES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export function isTimeZone(zone: string): boolean {
  return TIME_ZONES.has(zone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

interface LocalDateTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

function localDateTimeAt(zone: string, epochMs: number): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC at an instant, in milliseconds (local = UTC + offset). */
function offsetMsAt(zone: string, epochMs: number): number {
  const local = localDateTimeAt(zone, epochMs);
  const localAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return localAsUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** The calendar date an instant falls on in a zone. */
export function localDateOf(zone: string, instant: Date): CivilDate {
  const { year, month, day } = localDateTimeAt(zone, instant.getTime());
  return { year, month, day };
}

/**
 * The first instant of a local calendar day. Usually local midnight; where midnight is
 * skipped by a daylight-saving jump, the moment the day begins after the jump; where
 * midnight happens twice, the earlier one. Assumes at most one offset change within
 * 36 hours of the day, which holds for every real zone.
 */
export function startOfLocalDay(zone: string, date: CivilDate): Date {
  const wallClockAsUtc = toDayNumber(date) * 86_400_000;
  const hours36 = 36 * 3_600_000;
  const candidates = [...new Set([offsetMsAt(zone, wallClockAsUtc - hours36), offsetMsAt(zone, wallClockAsUtc + hours36)])].map(
    (offset) => wallClockAsUtc - offset,
  );
  const onThatDay = candidates.filter((instant) => compareDates(localDateOf(zone, new Date(instant)), date) === 0);
  const atMidnight = onThatDay.filter((instant) => {
    const local = localDateTimeAt(zone, instant);
    return local.hour === 0 && local.minute === 0 && local.second === 0;
  });
  const pick = atMidnight.length > 0 ? atMidnight : onThatDay;
  if (pick.length === 0) {
    // Not reachable for real zones; fall back to the end of the previous local day.
    return new Date(Math.max(...candidates));
  }
  return new Date(Math.min(...pick));
}

/** [start, end) of a local calendar day as instants. */
export function localDayBounds(zone: string, date: CivilDate): { startsAt: Date; endsAt: Date } {
  return { startsAt: startOfLocalDay(zone, date), endsAt: startOfLocalDay(zone, addDays(date, 1)) };
}
