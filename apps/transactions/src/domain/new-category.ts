import type { FieldViolation } from '@cashier/grpc';
import { parseId } from './client-id';
import { throwIfInvalid } from './ledger-errors';
import { TransactionsErrorCode } from './transactions-error-code';

export const CATEGORY_KINDS = ['expense', 'income'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const MAX_CATEGORY_NAME_LENGTH = 60;
/** Deep enough for "Food > Eating out > Lunch" and then some; keeps ancestor walks short. */
export const MAX_CATEGORY_DEPTH = 5;

export interface CategoryDraft {
  name: string;
  kind: CategoryKind;
  parentId: string | null;
  archived: boolean;
}

export interface NewCategory extends CategoryDraft {
  id: string | undefined;
}

export interface CategoryInput {
  name: string;
  kind: CategoryKind | undefined;
  parentId: string;
  archived?: boolean;
}

export function validateCategoryDraft(input: CategoryInput): CategoryDraft {
  const violations: FieldViolation[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_CATEGORY_NAME_LENGTH || /\p{Cc}/u.test(name)) {
    violations.push({ field: 'name', description: `must be 1 to ${MAX_CATEGORY_NAME_LENGTH} printable characters` });
  }
  if (!input.kind) violations.push({ field: 'kind', description: 'must be "expense" or "income"' });
  const parentId = input.parentId === '' ? null : parseId(input.parentId);
  if (parentId === undefined) violations.push({ field: 'parent_id', description: 'must be a UUID' });
  throwIfInvalid(TransactionsErrorCode.InvalidCategory, 'category', violations);
  return { name, kind: input.kind!, parentId: parentId ?? null, archived: input.archived ?? false };
}

export function validateNewCategory(input: CategoryInput & { id: string }): NewCategory {
  const id = input.id === '' ? undefined : parseId(input.id);
  if (input.id !== '' && !id) {
    throwIfInvalid(TransactionsErrorCode.InvalidCategory, 'category', [{ field: 'id', description: 'must be a UUID' }]);
  }
  return { id, ...validateCategoryDraft(input) };
}
