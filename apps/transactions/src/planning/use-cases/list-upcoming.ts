import type { CallerContext } from '@cashier/auth-context';
import { requirePermission } from '../../domain/require-permission';
import type { PlanningStore } from '../db/planning-store';
import { recurrenceOf, RecurringRuleRepository, type StoredRecurringRule } from '../db/recurring-rule-repository';
import { compareDates, type CivilDate } from '../domain/civil-date';
import { occurrencesBetween, type Occurrence } from '../domain/recurrence';
import { startOfLocalDay } from '../domain/zoned-time';

export interface UpcomingOccurrence {
  rule: StoredRecurringRule;
  occurrence: Occurrence;
  dueAt: Date;
}

/** The most occurrences one answer lists. */
export const MAX_UPCOMING = 1_000;

/**
 * The occurrences of the team's active rules dated within [from, to] that are not posted
 * yet, by date then rule id. Nothing is created.
 */
export async function listUpcoming(
  store: PlanningStore,
  caller: CallerContext,
  range: { from: CivilDate; to: CivilDate },
): Promise<UpcomingOccurrence[]> {
  requirePermission(caller, 'read');
  const rules = await new RecurringRuleRepository(store.prisma).listActive(caller.teamId);
  const upcoming = rules
    .filter((rule) => rule.nextOccurrenceDate !== null)
    .flatMap((rule) =>
      occurrencesBetween(recurrenceOf(rule), range.from, range.to, { fromIndex: rule.nextIndex, limit: MAX_UPCOMING }).map(
        (occurrence) => ({ rule, occurrence, dueAt: startOfLocalDay(rule.timeZone, occurrence.date) }),
      ),
    );
  upcoming.sort((a, b) => compareDates(a.occurrence.date, b.occurrence.date) || a.rule.id.localeCompare(b.rule.id));
  return upcoming.slice(0, MAX_UPCOMING);
}
