import type { Money } from '@cashier/money';
import { utcToday, type CivilDate } from './civil-date';
import { FieldChecks } from './field-checks';
import { PlanningErrorCode } from './planning-error-code';

export interface NewContribution {
  id: string | undefined;
  /** Positive adds to the goal, negative takes out. */
  amount: Money;
  contributedOn: CivilDate;
  note: string;
}

export const MAX_NOTE_LENGTH = 200;

/** The rules of a contribution on its own; the goal's currency and balance are checked with the goal. */
export function validateNewContribution(
  input: { id: string; amount: Money | undefined; contributedOn: string; note: string },
  now: Date = new Date(),
): NewContribution {
  const checks = new FieldChecks();
  const contribution = {
    id: checks.clientId('id', input.id),
    amount: checks.money('amount', 'currency', input.amount, 'not-zero'),
    contributedOn: checks.optionalDate('contributed_on', input.contributedOn, utcToday(now)),
    note: checks.text('note', input.note, { max: MAX_NOTE_LENGTH }),
  };
  checks.done(PlanningErrorCode.InvalidContribution, 'the contribution is not valid');
  return contribution as NewContribution;
}
