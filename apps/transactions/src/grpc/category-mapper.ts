import { CategoryKind as KindProto, type Category as CategoryMessage } from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { StoredCategory } from '../db/category-store';
import type { CategoryKind } from '../domain/new-category';

export function categoryKindFromProto(kind: KindProto): CategoryKind | undefined {
  if (kind === KindProto.CATEGORY_KIND_EXPENSE) return 'expense';
  if (kind === KindProto.CATEGORY_KIND_INCOME) return 'income';
  return undefined;
}

export function categoryToProto(category: StoredCategory): CategoryMessage {
  return {
    id: category.id,
    teamId: category.teamId,
    name: category.name,
    kind: category.kind === 'expense' ? KindProto.CATEGORY_KIND_EXPENSE : KindProto.CATEGORY_KIND_INCOME,
    parentId: category.parentId ?? '',
    archived: category.archived,
    createdBy: category.createdBy,
    createdAt: category.createdAt,
    updatedBy: category.updatedBy,
    updatedAt: category.updatedAt,
    version: category.version,
  };
}
