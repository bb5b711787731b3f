import { addDays, compareDates, MAX_YEAR, toDayNumber, type CivilDate } from './civil-date';

export interface GoalProgressFigures {
  savedMinor: bigint;
  /** target - saved, never below zero. */
  remainingMinor: bigint;
  percentBasisPoints: bigint;
  completed: boolean;
  /** At the average daily rate since the start; undefined when completed or nothing is saved. */
  projectedCompletion: CivilDate | undefined;
  onTrack: boolean;
}

const LAST_DAY = toDayNumber({ year: MAX_YEAR, month: 12, day: 31 });

/**
 * Progress of a goal. The projection assumes the average rate since the goal started
 * (saved over the days from the start date through today, both counted) goes on:
 * days still needed = ceil(remaining * elapsed days / saved). Integer math only.
 */
export function goalProgress(input: {
  targetMinor: bigint;
  savedMinor: bigint;
  startDate: CivilDate;
  targetDate: CivilDate;
  today: CivilDate;
}): GoalProgressFigures {
  const { targetMinor, savedMinor } = input;
  const remainingMinor = savedMinor >= targetMinor ? 0n : targetMinor - savedMinor;
  const percentBasisPoints = (savedMinor * 10_000n) / targetMinor;
  const completed = remainingMinor === 0n;
  let projectedCompletion: CivilDate | undefined;
  if (!completed && savedMinor > 0n) {
    const elapsedDays = BigInt(Math.max(1, toDayNumber(input.today) - toDayNumber(input.startDate) + 1));
    const daysNeeded = (remainingMinor * elapsedDays + savedMinor - 1n) / savedMinor;
    if (daysNeeded <= BigInt(LAST_DAY - toDayNumber(input.today))) {
      projectedCompletion = addDays(input.today, Number(daysNeeded));
    }
  }
  const onTrack = completed || (projectedCompletion !== undefined && compareDates(projectedCompletion, input.targetDate) <= 0);
  return { savedMinor, remainingMinor, percentBasisPoints, completed, projectedCompletion, onTrack };
}
