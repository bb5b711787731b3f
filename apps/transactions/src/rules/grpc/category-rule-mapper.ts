import type { CategoryRule } from '@cashier/contracts/cashier/transactions/v1/category_rules';
import type { StoredCategoryRule } from '../db/category-rule-store';

export function categoryRuleToProto(rule: StoredCategoryRule): CategoryRule {
  return {
    id: rule.id,
    teamId: rule.teamId,
    payeeContains: rule.payeeContains,
    categoryId: rule.categoryId ?? '',
    tags: rule.tags,
    position: rule.position,
    createdBy: rule.createdBy,
    createdAt: rule.createdAt,
    updatedBy: rule.updatedBy,
    updatedAt: rule.updatedAt,
    version: rule.version,
  };
}
