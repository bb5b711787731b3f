import { startOfNextMonth, type CivilDate } from './civil-date';
import { localDateOf, startOfLocalDay } from './zoned-time';

export type BudgetPeriodKind = 'month' | 'year';

/** One month or year of a budget, as local dates in its zone and as the instants that bound it. */
export interface BudgetPeriod {
  kind: BudgetPeriodKind;
  /** First local day, inclusive. */
  start: CivilDate;
  /** First local day of the next period, exclusive. */
  end: CivilDate;
  startsAt: Date;
  endsAt: Date;
}

/** The month or year, in the zone, that an instant falls in. */
export function periodContaining(kind: BudgetPeriodKind, zone: string, instant: Date): BudgetPeriod {
  const local = localDateOf(zone, instant);
  const start: CivilDate = kind === 'month' ? { year: local.year, month: local.month, day: 1 } : { year: local.year, month: 1, day: 1 };
  const end: CivilDate = kind === 'month' ? startOfNextMonth(start) : { year: start.year + 1, month: 1, day: 1 };
  return { kind, start, end, startsAt: startOfLocalDay(zone, start), endsAt: startOfLocalDay(zone, end) };
}
