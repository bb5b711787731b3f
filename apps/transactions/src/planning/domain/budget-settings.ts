import type { Money } from '@cashier/money';
import type { BudgetPeriodKind } from './budget-period';
import { FieldChecks } from './field-checks';
import { PlanningErrorCode } from './planning-error-code';
import { parseUpdateMask } from './update-mask';

export interface BudgetSettings {
  name: string;
  /** Null: a total budget over every expense in its currency. */
  categoryId: string | null;
  period: BudgetPeriodKind;
  amount: Money;
  timeZone: string;
}

export interface NewBudget extends BudgetSettings {
  /** The client's id, if it chose one. */
  id: string | undefined;
}

export const MAX_BUDGET_NAME_LENGTH = 100;
const UPDATABLE = ['name', 'category_id', 'period', 'amount', 'time_zone'] as const;

interface BudgetInput {
  name: string;
  categoryId: string;
  period: BudgetPeriodKind | undefined;
  amount: Money | undefined;
  timeZone: string;
}

/** The rules of a new budget. Throws INVALID_ARGUMENT with every violation. */
export function validateNewBudget(input: BudgetInput & { id: string }): NewBudget {
  const checks = new FieldChecks();
  const id = checks.clientId('id', input.id);
  const budget = {
    name: checks.text('name', input.name, { max: MAX_BUDGET_NAME_LENGTH }),
    categoryId: checks.optionalUuid('category_id', input.categoryId),
    period: checks.required('period', input.period, 'must be "month" or "year"'),
    amount: checks.money('amount', 'currency', input.amount, 'positive'),
    timeZone: checks.timeZone('time_zone', input.timeZone),
  };
  checks.done(PlanningErrorCode.InvalidBudget, 'the budget is not valid');
  return { id, ...(budget as BudgetSettings) };
}

/** The fields an update changes, each checked like on creation. */
export function validateBudgetChanges(input: BudgetInput & { updateMask: readonly string[] }): Partial<BudgetSettings> {
  const mask = parseUpdateMask(input.updateMask, UPDATABLE, PlanningErrorCode.InvalidBudget);
  const checks = new FieldChecks();
  const changes: Partial<BudgetSettings> = {};
  if (mask.has('name')) changes.name = checks.text('name', input.name, { max: MAX_BUDGET_NAME_LENGTH });
  if (mask.has('category_id')) changes.categoryId = checks.optionalUuid('category_id', input.categoryId);
  if (mask.has('period')) changes.period = checks.required('period', input.period, 'must be "month" or "year"');
  if (mask.has('amount')) changes.amount = checks.money('amount', 'currency', input.amount, 'positive');
  if (mask.has('time_zone')) changes.timeZone = checks.timeZone('time_zone', input.timeZone);
  checks.done(PlanningErrorCode.InvalidBudget, 'the budget change is not valid');
  return changes;
}
