import type { StoredGoal } from '../db/goal-repository';
import { fromDbDate, utcToday } from '../domain/civil-date';
import { goalProgress, type GoalProgressFigures } from '../domain/goal-progress';

/** A goal with its progress as of today (UTC). */
export interface GoalView {
  goal: StoredGoal;
  progress: GoalProgressFigures;
}

export function viewGoal(goal: StoredGoal, savedMinor: bigint, now: Date): GoalView {
  return {
    goal,
    progress: goalProgress({
      targetMinor: goal.targetAmountMinor,
      savedMinor,
      startDate: fromDbDate(goal.startDate),
      targetDate: fromDbDate(goal.targetDate),
      today: utcToday(now),
    }),
  };
}
