import type { CategoryRule } from '@cashier/contracts/cashier/transactions/v1/category_rules';

export function categoryRuleJson(rule: CategoryRule) {
  return {
    id: rule.id,
    payee_contains: rule.payeeContains,
    category_id: rule.categoryId || null,
    tags: rule.tags,
    position: rule.position,
    created_by: rule.createdBy,
    created_at: rule.createdAt?.toISOString(),
    updated_by: rule.updatedBy,
    updated_at: rule.updatedAt?.toISOString(),
    version: Number(rule.version),
  };
}
