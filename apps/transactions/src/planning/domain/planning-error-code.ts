/** Stable error codes of PlanningService (budgets, goals, recurring rules); clients may branch on them. Do not rename. */
export enum PlanningErrorCode {
  InvalidBudget = 'PLANNING_INVALID_BUDGET',
  BudgetNotFound = 'PLANNING_BUDGET_NOT_FOUND',
  InvalidGoal = 'PLANNING_INVALID_GOAL',
  GoalNotFound = 'PLANNING_GOAL_NOT_FOUND',
  InvalidContribution = 'PLANNING_INVALID_CONTRIBUTION',
  ContributionNotFound = 'PLANNING_CONTRIBUTION_NOT_FOUND',
  GoalWouldGoNegative = 'PLANNING_GOAL_WOULD_GO_NEGATIVE',
  InvalidRecurringRule = 'PLANNING_INVALID_RECURRING_RULE',
  RecurringRuleNotFound = 'PLANNING_RECURRING_RULE_NOT_FOUND',
  InvalidDateRange = 'PLANNING_INVALID_DATE_RANGE',
  IdConflict = 'PLANNING_ID_CONFLICT',
  VersionConflict = 'PLANNING_VERSION_CONFLICT',
}
