import { GoalKind, type Contribution, type Goal } from '@cashier/contracts/cashier/transactions/v1/planning';
import { formatMoney } from '@cashier/money';
import { percentOf } from './planning-fields';

export const GOAL_KINDS = ['savings', 'payoff'] as const;

export const GOAL_KIND_TO_PROTO = {
  savings: GoalKind.GOAL_KIND_SAVINGS,
  payoff: GoalKind.GOAL_KIND_PAYOFF,
} as const;

/** The API representation of a goal and its progress; money as decimal strings. */
export function goalJson(goal: Goal) {
  const currency = goal.target!.currencyCode;
  const amount = (amountMinor: bigint | undefined) => formatMoney({ amountMinor: amountMinor ?? 0n, currencyCode: currency });
  const progress = goal.progress!;
  return {
    id: goal.id,
    kind: goal.kind === GoalKind.GOAL_KIND_PAYOFF ? 'payoff' : 'savings',
    name: goal.name,
    target_amount: amount(goal.target!.amountMinor),
    currency,
    start_date: goal.startDate,
    target_date: goal.targetDate,
    progress: {
      saved: amount(progress.saved?.amountMinor),
      remaining: amount(progress.remaining?.amountMinor),
      percent: percentOf(progress.percentBasisPoints),
      completed: progress.completed,
      projected_completion_date: progress.projectedCompletionDate || null,
      on_track: progress.onTrack,
    },
    created_by: goal.createdBy,
    created_at: goal.createdAt?.toISOString(),
  };
}

export function contributionJson(contribution: Contribution) {
  const money = contribution.amount!;
  return {
    id: contribution.id,
    goal_id: contribution.goalId,
    amount: formatMoney({ amountMinor: money.amountMinor, currencyCode: money.currencyCode }),
    currency: money.currencyCode,
    contributed_on: contribution.contributedOn,
    note: contribution.note,
    created_by: contribution.createdBy,
    created_at: contribution.createdAt?.toISOString(),
  };
}
