import type { CallerContext } from '@cashier/auth-context';
import type { TransactionsPrisma } from '../../db/create-prisma';
import { parseId } from '../../domain/client-id';
import { versionMismatch } from '../../domain/ledger-errors';
import { requirePermission } from '../../domain/require-permission';
import { parseUpdateMask } from '../../domain/update-mask';
import { findCategoryRule, rewriteCategoryRule, type StoredCategoryRule } from '../db/category-rule-store';
import { validateCategoryRuleDraft, type CategoryRuleInput } from '../domain/category-rule-draft';
import { checkRuleCategory } from './check-rule-category';
import { ruleNotFound } from './rule-errors';

export const RULE_MASK_FIELDS = ['payee_contains', 'category_id', 'tags', 'position'] as const;

export interface CategoryRuleUpdate {
  id: string;
  /** 0: no check; otherwise the version the client read. */
  expectedVersion: bigint;
  updateMask: readonly string[];
  values: CategoryRuleInput;
}

export async function updateCategoryRule(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  update: CategoryRuleUpdate,
): Promise<StoredCategoryRule> {
  requirePermission(caller, 'write');
  const mask = parseUpdateMask(update.updateMask, RULE_MASK_FIELDS);
  const id = parseId(update.id);
  if (!id) throw ruleNotFound();
  return prisma.$transaction(async (db) => {
    const current = await findCategoryRule(db, caller.teamId, id);
    if (!current) throw ruleNotFound();
    if (update.expectedVersion > 0n && current.version !== update.expectedVersion) throw versionMismatch('rule');
    const draft = validateCategoryRuleDraft({
      payeeContains: mask.has('payee_contains') ? update.values.payeeContains : current.payeeContains,
      categoryId: mask.has('category_id') ? update.values.categoryId : (current.categoryId ?? ''),
      tags: mask.has('tags') ? update.values.tags : current.tags,
      position: mask.has('position') ? update.values.position : current.position,
    });
    if (draft.categoryId !== current.categoryId) await checkRuleCategory(db, caller.teamId, draft.categoryId);
    const updated = await rewriteCategoryRule(db, caller.teamId, caller.userId, id, current.version, draft);
    if (!updated) throw versionMismatch('rule');
    return updated;
  });
}
