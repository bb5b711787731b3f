import type { FieldViolation } from '@cashier/grpc';
import { parseId } from '../../domain/client-id';
import { throwIfInvalid } from '../../domain/ledger-errors';
import { checkTags } from '../../domain/tags';
import { TransactionsErrorCode } from '../../domain/transactions-error-code';

export const MAX_PATTERN_LENGTH = 100;
export const MAX_RULES_PER_TEAM = 200;

export interface CategoryRuleDraft {
  payeeContains: string;
  categoryId: string | null;
  tags: string[];
  position: number;
}

export interface CategoryRuleInput {
  payeeContains: string;
  /** Empty: none. */
  categoryId: string;
  tags: readonly string[];
  position: number;
}

/** A rule matches some text and does something: sets a category, adds tags, or both. */
export function validateCategoryRuleDraft(input: CategoryRuleInput): CategoryRuleDraft {
  const violations: FieldViolation[] = [];
  const payeeContains = input.payeeContains.trim();
  if (payeeContains.length === 0 || payeeContains.length > MAX_PATTERN_LENGTH || /\p{Cc}/u.test(payeeContains)) {
    violations.push({ field: 'payee_contains', description: `must be 1 to ${MAX_PATTERN_LENGTH} printable characters` });
  }
  const categoryId = input.categoryId === '' ? null : parseId(input.categoryId);
  if (categoryId === undefined) violations.push({ field: 'category_id', description: 'must be a UUID' });
  const tags = checkTags(input.tags, violations);
  if (!categoryId && tags.length === 0 && categoryId !== undefined) {
    violations.push({ field: 'category_id', description: 'a rule sets a category, adds tags, or both' });
  }
  if (!Number.isInteger(input.position) || input.position < 0 || input.position > 10_000) {
    violations.push({ field: 'position', description: 'must be a whole number from 0 to 10000' });
  }
  throwIfInvalid(TransactionsErrorCode.InvalidRule, 'rule', violations);
  return { payeeContains, categoryId: categoryId ?? null, tags, position: input.position };
}
