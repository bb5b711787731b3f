import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { contributionJson, GOAL_KIND_TO_PROTO, GOAL_KINDS, goalJson } from './goal-json';
import { planningFields } from './planning-fields';
import { moneyFrom, idFromPath } from './ledger-fields';

const createGoalBody = z.strictObject({
  id: planningFields.id.optional(),
  kind: z.enum(GOAL_KINDS, { error: 'must be "savings" or "payoff"' }),
  name: z.string().trim().min(1).max(100),
  target_amount: planningFields.amount,
  currency: planningFields.currency,
  target_date: planningFields.date,
  start_date: planningFields.date.optional(),
});

const contributionBody = z.strictObject({
  id: planningFields.id.optional(),
  // Negative takes money out of the goal: "-20.00".
  amount: planningFields.amount,
  currency: planningFields.currency,
  contributed_on: planningFields.date.optional(),
  note: z.string().max(200).default(''),
});

const goalNotFound = () => new Problem(404, 'PLANNING_GOAL_NOT_FOUND', 'goal not found');
const contributionNotFound = () => new Problem(404, 'PLANNING_CONTRIBUTION_NOT_FOUND', 'contribution not found');

export function goalsRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/goals', TEAM_WRITE, async (req, res) => {
    const body = validate(createGoalBody, req.body ?? {});
    const { goal, created } = await downstream.call(
      'planning',
      'createGoal',
      {
        id: body.id ?? '',
        kind: GOAL_KIND_TO_PROTO[body.kind],
        name: body.name,
        target: moneyFrom(body.target_amount, body.currency, { amount: 'target_amount', currency: 'currency' }),
        targetDate: body.target_date,
        startDate: body.start_date ?? '',
      },
      callerOf(res),
    );
    res.setHeader('Location', `/v1/goals/${goal!.id}`);
    res.status(created ? 201 : 200).json(goalJson(goal!));
  });

  routes.route('get', '/goals', TEAM_READ, async (_req, res) => {
    const { goals } = await downstream.call('planning', 'listGoals', {}, callerOf(res));
    res.json({ goals: goals.map(goalJson) });
  });

  routes.route('get', '/goals/:id', TEAM_READ, async (req, res) => {
    const id = idFromPath(req.params.id, goalNotFound);
    const { goal, contributions } = await downstream.call('planning', 'getGoal', { id }, callerOf(res));
    res.json({ ...goalJson(goal!), contributions: contributions.map(contributionJson) });
  });

  routes.route('post', '/goals/:id/contributions', TEAM_WRITE, async (req, res) => {
    const goalId = idFromPath(req.params.id, goalNotFound);
    const body = validate(contributionBody, req.body ?? {});
    const { contribution, goal, created } = await downstream.call(
      'planning',
      'addContribution',
      {
        goalId,
        id: body.id ?? '',
        amount: moneyFrom(body.amount, body.currency),
        contributedOn: body.contributed_on ?? '',
        note: body.note,
      },
      callerOf(res),
    );
    res.status(created ? 201 : 200).json({ contribution: contributionJson(contribution!), goal: goalJson(goal!) });
  });

  routes.route('delete', '/goals/:id/contributions/:contributionId', TEAM_WRITE, async (req, res) => {
    const goalId = idFromPath(req.params.id, goalNotFound);
    const contributionId = idFromPath(req.params.contributionId, contributionNotFound);
    const { goal } = await downstream.call('planning', 'removeContribution', { goalId, contributionId }, callerOf(res));
    res.json(goalJson(goal!));
  });

  routes.route('delete', '/goals/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, goalNotFound);
    await downstream.call('planning', 'deleteGoal', { id }, callerOf(res));
    res.status(204).end();
  });
}
