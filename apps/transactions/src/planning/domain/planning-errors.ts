import { status } from '@grpc/grpc-js';
import { ServiceError } from '@cashier/grpc';
import { PlanningErrorCode } from './planning-error-code';

export const budgetNotFound = () => ServiceError.notFound(PlanningErrorCode.BudgetNotFound, 'budget not found');
export const goalNotFound = () => ServiceError.notFound(PlanningErrorCode.GoalNotFound, 'goal not found');
export const contributionNotFound = () => ServiceError.notFound(PlanningErrorCode.ContributionNotFound, 'contribution not found');
export const recurringRuleNotFound = () => ServiceError.notFound(PlanningErrorCode.RecurringRuleNotFound, 'recurring rule not found');

export const idConflict = (what: string) =>
  ServiceError.conflict(PlanningErrorCode.IdConflict, `this id is already used by a different ${what}`);

/** The record changed since the client read it (optimistic concurrency): ABORTED, HTTP 409. */
export const versionConflict = () =>
  new ServiceError(status.ABORTED, PlanningErrorCode.VersionConflict, 'the budget was changed by someone else; read it again');

/** The goal's saved amount would drop below zero: FAILED_PRECONDITION. */
export const goalWouldGoNegative = () =>
  new ServiceError(status.FAILED_PRECONDITION, PlanningErrorCode.GoalWouldGoNegative, 'a goal cannot have less than zero saved');
