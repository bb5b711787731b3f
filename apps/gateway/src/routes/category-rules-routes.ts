import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { categoryRuleJson } from './category-rule-json';
import { conditionally, ifMatchVersion, setEtag } from './etag';
import { idFromPath, ledgerFields } from './ledger-fields';

const ruleFields = {
  payee_contains: z.string().trim().min(1).max(100),
  category_id: ledgerFields.id.nullable(),
  tags: z.array(z.string().max(40)).max(10),
  position: z.number().int().min(0).max(10_000),
};

const createRuleBody = z.strictObject({
  payee_contains: ruleFields.payee_contains,
  category_id: ruleFields.category_id.optional(),
  tags: ruleFields.tags.optional(),
  position: ruleFields.position.optional(),
});

const updateRuleBody = z
  .strictObject({
    payee_contains: ruleFields.payee_contains.optional(),
    category_id: ruleFields.category_id.optional(),
    tags: ruleFields.tags.optional(),
    position: ruleFields.position.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');

const notFound = () => new Problem(404, 'TRANSACTIONS_RULE_NOT_FOUND', 'rule not found');

/** Auto-categorisation rules: "payee contains X -> category Y, tags Z", tried by position. */
export function categoryRulesRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/category-rules', TEAM_WRITE, async (req, res) => {
    const body = validate(createRuleBody, req.body ?? {});
    const { rule } = await downstream.call(
      'category-rules',
      'createCategoryRule',
      { payeeContains: body.payee_contains, categoryId: body.category_id ?? '', tags: body.tags ?? [], position: body.position ?? 0 },
      callerOf(res),
    );
    res.setHeader('Location', `/v1/category-rules/${rule!.id}`);
    setEtag(res, rule!.version);
    res.status(201).json(categoryRuleJson(rule!));
  });

  routes.route('get', '/category-rules', TEAM_READ, async (_req, res) => {
    const { rules } = await downstream.call('category-rules', 'listCategoryRules', {}, callerOf(res));
    res.json({ rules: rules.map(categoryRuleJson) });
  });

  routes.route('patch', '/category-rules/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    const body = validate(updateRuleBody, req.body ?? {});
    const { rule } = await conditionally(
      downstream.call(
        'category-rules',
        'updateCategoryRule',
        {
          id,
          updateMask: Object.keys(body),
          payeeContains: body.payee_contains ?? '',
          categoryId: body.category_id ?? '',
          tags: body.tags ?? [],
          position: body.position ?? 0,
          expectedVersion: ifMatchVersion(req) ?? 0n,
        },
        callerOf(res),
      ),
    );
    setEtag(res, rule!.version);
    res.json(categoryRuleJson(rule!));
  });

  routes.route('delete', '/category-rules/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    await downstream.call('category-rules', 'deleteCategoryRule', { id }, callerOf(res));
    res.status(204).end();
  });
}
