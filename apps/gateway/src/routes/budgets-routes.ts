import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { BUDGET_PERIOD_TO_PROTO, BUDGET_PERIODS, budgetJson } from './budget-json';
import { planningFields } from './planning-fields';
import { moneyFrom, idFromPath } from './ledger-fields';

const budgetFields = {
  name: z.string().max(100),
  category_id: planningFields.id.nullable(),
  period: z.enum(BUDGET_PERIODS, { error: 'must be "month" or "year"' }),
  amount: planningFields.amount,
  currency: planningFields.currency,
  time_zone: planningFields.timeZone,
};

const createBudgetBody = z.strictObject({
  id: planningFields.id.optional(),
  name: budgetFields.name.default(''),
  category_id: budgetFields.category_id.optional(),
  period: budgetFields.period,
  amount: budgetFields.amount,
  currency: budgetFields.currency,
  time_zone: budgetFields.time_zone.optional(),
});

const updateBudgetBody = z
  .strictObject({
    name: budgetFields.name.optional(),
    category_id: budgetFields.category_id.optional(),
    period: budgetFields.period.optional(),
    amount: budgetFields.amount.optional(),
    currency: budgetFields.currency.optional(),
    time_zone: budgetFields.time_zone.optional(),
    // Optimistic concurrency: the version the client last read; a stale one is a 409.
    version: z.number().int().positive().optional(),
  })
  .refine((body) => (body.amount === undefined) === (body.currency === undefined), {
    message: 'send amount and currency together',
    path: ['amount'],
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), 'send at least one field to change');

const budgetNotFound = () => new Problem(404, 'PLANNING_BUDGET_NOT_FOUND', 'budget not found');

export function budgetsRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/budgets', TEAM_WRITE, async (req, res) => {
    const body = validate(createBudgetBody, req.body ?? {});
    const { budget, created } = await downstream.call(
      'planning',
      'createBudget',
      {
        id: body.id ?? '',
        name: body.name,
        categoryId: body.category_id ?? '',
        period: BUDGET_PERIOD_TO_PROTO[body.period],
        amount: moneyFrom(body.amount, body.currency),
        timeZone: body.time_zone ?? '',
      },
      callerOf(res),
    );
    res.setHeader('Location', `/v1/budgets/${budget!.id}`);
    res.status(created ? 201 : 200).json(budgetJson(budget!));
  });

  routes.route('get', '/budgets', TEAM_READ, async (_req, res) => {
    const { budgets } = await downstream.call('planning', 'listBudgets', {}, callerOf(res));
    res.json({ budgets: budgets.map(budgetJson) });
  });

  routes.route('get', '/budgets/:id', TEAM_READ, async (req, res) => {
    const id = idFromPath(req.params.id, budgetNotFound);
    const { budget } = await downstream.call('planning', 'getBudget', { id }, callerOf(res));
    res.json(budgetJson(budget!));
  });

  routes.route('patch', '/budgets/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, budgetNotFound);
    const body = validate(updateBudgetBody, req.body ?? {});
    const mask = Object.keys(body).filter((key) => key !== 'version' && key !== 'currency');
    const { budget } = await downstream.call(
      'planning',
      'updateBudget',
      {
        id,
        updateMask: mask,
        name: body.name ?? '',
        categoryId: body.category_id ?? '',
        period: body.period ? BUDGET_PERIOD_TO_PROTO[body.period] : 0,
        amount: body.amount !== undefined ? moneyFrom(body.amount, body.currency!) : undefined,
        timeZone: body.time_zone ?? '',
        expectedVersion: BigInt(body.version ?? 0),
      },
      callerOf(res),
    );
    res.json(budgetJson(budget!));
  });

  routes.route('delete', '/budgets/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, budgetNotFound);
    await downstream.call('planning', 'deleteBudget', { id }, callerOf(res));
    res.status(204).end();
  });
}
