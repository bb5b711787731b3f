import {
  GoalKind as GoalKindMessage,
  type Contribution as ContributionMessage,
  type Goal as GoalMessage,
} from '@cashier/contracts/cashier/transactions/v1/planning';
import { formatIsoDate, fromDbDate } from '../domain/civil-date';
import type { GoalKind } from '../domain/new-goal';
import type { StoredContribution } from '../db/goal-contribution-repository';
import type { GoalView } from '../use-cases/goal-view';

export function goalKindFromProto(kind: GoalKindMessage): GoalKind | undefined {
  switch (kind) {
    case GoalKindMessage.GOAL_KIND_SAVINGS:
      return 'savings';
    case GoalKindMessage.GOAL_KIND_PAYOFF:
      return 'payoff';
    default:
      return undefined;
  }
}

export function goalToProto({ goal, progress }: GoalView): GoalMessage {
  const money = (amountMinor: bigint) => ({ amountMinor, currencyCode: goal.currencyCode });
  return {
    id: goal.id,
    teamId: goal.teamId,
    kind: goal.kind === 'savings' ? GoalKindMessage.GOAL_KIND_SAVINGS : GoalKindMessage.GOAL_KIND_PAYOFF,
    name: goal.name,
    target: money(goal.targetAmountMinor),
    startDate: formatIsoDate(fromDbDate(goal.startDate)),
    targetDate: formatIsoDate(fromDbDate(goal.targetDate)),
    createdBy: goal.createdBy,
    createdAt: goal.createdAt,
    progress: {
      saved: money(progress.savedMinor),
      remaining: money(progress.remainingMinor),
      percentBasisPoints: progress.percentBasisPoints,
      completed: progress.completed,
      projectedCompletionDate: progress.projectedCompletion ? formatIsoDate(progress.projectedCompletion) : '',
      onTrack: progress.onTrack,
    },
  };
}

export function contributionToProto(row: StoredContribution): ContributionMessage {
  return {
    id: row.id,
    goalId: row.goalId,
    amount: { amountMinor: row.amountMinor, currencyCode: row.currencyCode },
    contributedOn: formatIsoDate(fromDbDate(row.contributedOn)),
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}
