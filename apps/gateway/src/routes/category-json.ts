import { CategoryKind, type Category } from '@cashier/contracts/cashier/transactions/v1/transactions';

export const CATEGORY_KINDS = ['expense', 'income'] as const;
export type CategoryKindName = (typeof CATEGORY_KINDS)[number];

export const CATEGORY_KIND_TO_PROTO: Record<CategoryKindName, CategoryKind> = {
  expense: CategoryKind.CATEGORY_KIND_EXPENSE,
  income: CategoryKind.CATEGORY_KIND_INCOME,
};

export function categoryJson(category: Category) {
  return {
    id: category.id,
    name: category.name,
    kind: category.kind === CategoryKind.CATEGORY_KIND_INCOME ? 'income' : 'expense',
    parent_id: category.parentId || null,
    archived: category.archived,
    created_by: category.createdBy,
    created_at: category.createdAt?.toISOString(),
    updated_by: category.updatedBy,
    updated_at: category.updatedAt?.toISOString(),
    version: Number(category.version),
  };
}
