import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { planningFields } from './planning-fields';
import { moneyFrom, idFromPath } from './ledger-fields';
import { ENTRY_TYPE_TO_PROTO, ENTRY_TYPES, FREQUENCIES, FREQUENCY_TO_PROTO, recurringRuleJson, upcomingJson } from './recurring-json';

const createRuleBody = z.strictObject({
  id: planningFields.id.optional(),
  frequency: z.enum(FREQUENCIES, { error: `must be one of ${FREQUENCIES.join(', ')}` }),
  // ISO weekday, 1 = Monday .. 7 = Sunday; default: the start date's.
  weekday: z.number().int().min(1).max(7).optional(),
  day_of_month: z.number().int().min(1).max(31).optional(),
  month: z.number().int().min(1).max(12).optional(),
  start_date: planningFields.date,
  end_date: planningFields.date.optional(),
  count: z.number().int().min(1).max(10_000).optional(),
  time_zone: planningFields.timeZone.optional(),
  type: z.enum(ENTRY_TYPES, { error: 'must be "expense" or "income"' }),
  amount: planningFields.amount,
  currency: planningFields.currency,
  description: z.string().max(500).default(''),
  account_id: planningFields.id.optional(),
  category_id: planningFields.id.optional(),
});

const upcomingQuery = z.strictObject({
  from: planningFields.date.optional(),
  to: planningFields.date.optional(),
});

const ruleNotFound = () => new Problem(404, 'PLANNING_RECURRING_RULE_NOT_FOUND', 'recurring rule not found');

export function recurringRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/recurring-rules', TEAM_WRITE, async (req, res) => {
    const body = validate(createRuleBody, req.body ?? {});
    const { rule, created } = await downstream.call(
      'planning',
      'createRecurringRule',
      {
        id: body.id ?? '',
        frequency: FREQUENCY_TO_PROTO[body.frequency],
        weekday: body.weekday ?? 0,
        dayOfMonth: body.day_of_month ?? 0,
        month: body.month ?? 0,
        startDate: body.start_date,
        endDate: body.end_date ?? '',
        count: body.count ?? 0,
        timeZone: body.time_zone ?? '',
        type: ENTRY_TYPE_TO_PROTO[body.type],
        amount: moneyFrom(body.amount, body.currency),
        description: body.description,
        accountId: body.account_id ?? '',
        categoryId: body.category_id ?? '',
      },
      callerOf(res),
    );
    res.status(created ? 201 : 200).json(recurringRuleJson(rule!));
  });

  routes.route('get', '/recurring-rules', TEAM_READ, async (_req, res) => {
    const { rules } = await downstream.call('planning', 'listRecurringRules', {}, callerOf(res));
    res.json({ rules: rules.map(recurringRuleJson) });
  });

  // The upcoming bills: occurrences not posted yet, nothing is created.
  routes.route('get', '/recurring-rules/upcoming', TEAM_READ, async (req, res) => {
    const query = validate(upcomingQuery, req.query);
    const { occurrences } = await downstream.call(
      'planning',
      'listUpcoming',
      { fromDate: query.from ?? '', toDate: query.to ?? '' },
      callerOf(res),
    );
    res.json({ occurrences: occurrences.map(upcomingJson) });
  });

  routes.route('delete', '/recurring-rules/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, ruleNotFound);
    await downstream.call('planning', 'deleteRecurringRule', { id }, callerOf(res));
    res.status(204).end();
  });
}
