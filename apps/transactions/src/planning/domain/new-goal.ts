import type { Money } from '@cashier/money';
import { compareDates, utcToday, type CivilDate } from './civil-date';
import { FieldChecks } from './field-checks';
import { PlanningErrorCode } from './planning-error-code';

export type GoalKind = 'savings' | 'payoff';

export interface NewGoal {
  id: string | undefined;
  kind: GoalKind;
  name: string;
  target: Money;
  startDate: CivilDate;
  targetDate: CivilDate;
}

export const MAX_GOAL_NAME_LENGTH = 100;

/** The rules of a new savings or pay-off goal. Throws INVALID_ARGUMENT with every violation. */
export function validateNewGoal(
  input: { id: string; kind: GoalKind | undefined; name: string; target: Money | undefined; targetDate: string; startDate: string },
  now: Date = new Date(),
): NewGoal {
  const checks = new FieldChecks();
  const goal = {
    id: checks.clientId('id', input.id),
    kind: checks.required('kind', input.kind, 'must be "savings" or "payoff"'),
    name: checks.text('name', input.name, { max: MAX_GOAL_NAME_LENGTH, required: true }),
    target: checks.money('target_amount', 'currency', input.target, 'positive'),
    startDate: checks.optionalDate('start_date', input.startDate, utcToday(now)),
    targetDate: checks.date('target_date', input.targetDate),
  };
  if (goal.startDate && goal.targetDate && compareDates(goal.targetDate, goal.startDate) <= 0) {
    checks.refuse('target_date', 'must be after the start date');
  }
  checks.done(PlanningErrorCode.InvalidGoal, 'the goal is not valid');
  return goal as NewGoal;
}
