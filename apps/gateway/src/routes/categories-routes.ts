import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { CATEGORY_KIND_TO_PROTO, CATEGORY_KINDS, categoryJson } from './category-json';
import { conditionally, ifMatchVersion, setEtag } from './etag';
import { idFromPath, ledgerFields } from './ledger-fields';

const name = z.string().trim().min(1).max(60);

const createCategoryBody = z.strictObject({
  id: ledgerFields.id.optional(),
  name,
  kind: z.enum(CATEGORY_KINDS, { error: 'must be "expense" or "income"' }),
  parent_id: ledgerFields.id.nullable().optional(),
});

const updateCategoryBody = z
  .strictObject({
    name: name.optional(),
    parent_id: ledgerFields.id.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');

const listCategoriesQuery = z.strictObject({ include_archived: ledgerFields.flag.optional() });

const notFound = () => new Problem(404, 'TRANSACTIONS_CATEGORY_NOT_FOUND', 'category not found');

export function categoriesRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/categories', TEAM_WRITE, async (req, res) => {
    const body = validate(createCategoryBody, req.body ?? {});
    const { category, created } = await downstream.call(
      'transactions',
      'createCategory',
      { id: body.id ?? '', name: body.name, kind: CATEGORY_KIND_TO_PROTO[body.kind], parentId: body.parent_id ?? '' },
      callerOf(res),
    );
    res.setHeader('Location', `/v1/categories/${category!.id}`);
    setEtag(res, category!.version);
    res.status(created ? 201 : 200).json(categoryJson(category!));
  });

  routes.route('get', '/categories', TEAM_READ, async (req, res) => {
    const query = validate(listCategoriesQuery, req.query);
    const { categories } = await downstream.call(
      'transactions',
      'listCategories',
      { includeArchived: query.include_archived ?? false },
      callerOf(res),
    );
    res.json({ categories: categories.map(categoryJson) });
  });

  routes.route('get', '/categories/:id', TEAM_READ, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    const { category } = await downstream.call('transactions', 'getCategory', { id }, callerOf(res));
    setEtag(res, category!.version);
    res.json(categoryJson(category!));
  });

  routes.route('patch', '/categories/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    const body = validate(updateCategoryBody, req.body ?? {});
    const version = ifMatchVersion(req) ?? 0n;
    const { category } = await conditionally(
      downstream.call(
        'transactions',
        'updateCategory',
        {
          updateMask: Object.keys(body),
          category: {
            id,
            teamId: '',
            name: body.name ?? '',
            kind: 0,
            parentId: body.parent_id ?? '',
            archived: body.archived ?? false,
            createdBy: '',
            createdAt: undefined,
            updatedBy: '',
            updatedAt: undefined,
            version,
          },
        },
        callerOf(res),
      ),
    );
    setEtag(res, category!.version);
    res.json(categoryJson(category!));
  });

  // Only an unused category; one in use answers 400 TRANSACTIONS_CATEGORY_IN_USE (archive it instead).
  routes.route('delete', '/categories/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    await downstream.call('transactions', 'deleteCategory', { id }, callerOf(res));
    res.status(204).end();
  });
}
