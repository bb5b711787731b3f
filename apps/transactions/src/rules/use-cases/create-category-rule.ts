import type { CallerContext } from '@cashier/auth-context';
import { uuidv7 } from '@cashier/ids';
import type { TransactionsPrisma } from '../../db/create-prisma';
import { failedPrecondition } from '../../domain/ledger-errors';
import { requirePermission } from '../../domain/require-permission';
import { TransactionsErrorCode } from '../../domain/transactions-error-code';
import { countCategoryRules, insertCategoryRule, type StoredCategoryRule } from '../db/category-rule-store';
import { MAX_RULES_PER_TEAM, type CategoryRuleDraft } from '../domain/category-rule-draft';
import { checkRuleCategory } from './check-rule-category';

export async function createCategoryRule(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  draft: CategoryRuleDraft,
): Promise<StoredCategoryRule> {
  requirePermission(caller, 'write');
  return prisma.$transaction(async (db) => {
    await checkRuleCategory(db, caller.teamId, draft.categoryId);
    if ((await countCategoryRules(db, caller.teamId)) >= MAX_RULES_PER_TEAM) {
      throw failedPrecondition(TransactionsErrorCode.RuleLimitReached, `a team has at most ${MAX_RULES_PER_TEAM} rules`);
    }
    return insertCategoryRule(db, caller.teamId, caller.userId, uuidv7(), draft);
  });
}
