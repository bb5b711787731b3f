import type { RuleCursor } from '../db/recurring-rule-repository';
import { occurrenceAt, type Recurrence } from '../domain/recurrence';
import { startOfLocalDay } from '../domain/zoned-time';

/** The cursor pointing at occurrence `index` of a rule: its date and the instant it falls due (start of that day in the zone). */
export function cursorAt(recurrence: Recurrence, timeZone: string, index: number): RuleCursor {
  const next = occurrenceAt(recurrence, index);
  return {
    nextIndex: index,
    nextOccurrenceDate: next ? next.date : null,
    nextDueAt: next ? startOfLocalDay(timeZone, next.date) : null,
  };
}
