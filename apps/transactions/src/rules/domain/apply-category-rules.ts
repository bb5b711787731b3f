import type { TransactionDraft } from '../../domain/new-transaction';
import { MAX_TAGS } from '../../domain/tags';
import { categoryKindFor } from '../../domain/transaction-kind';

/** A rule as matching needs it: its category's kind, and whether that category may still be used. */
export interface MatchableRule {
  payeeContains: string;
  categoryId: string | null;
  categoryKind: 'expense' | 'income' | null;
  categoryArchived: boolean;
  tags: readonly string[];
}

/** Whether any rule could match the draft: only expenses and incomes with a payee are categorised. */
export function mayMatchRules(draft: Pick<TransactionDraft, 'kind' | 'payee'>): boolean {
  return categoryKindFor(draft.kind) !== undefined && draft.payee !== '';
}

/**
 * The first rule (in the order given: by position) whose text is in the payee and whose
 * category, if any, has the transaction's kind. Only expenses and incomes are categorised.
 */
export function firstMatchingRule(rules: readonly MatchableRule[], draft: Pick<TransactionDraft, 'kind' | 'payee'>): MatchableRule | undefined {
  if (!mayMatchRules(draft)) return undefined;
  const kind = categoryKindFor(draft.kind);
  const payee = draft.payee.toLowerCase();
  return rules.find(
    (rule) => payee.includes(rule.payeeContains.toLowerCase()) && (rule.categoryKind === null || rule.categoryKind === kind),
  );
}

/**
 * Fills in what the client left open: the rule's category when the draft has neither a
 * category nor splits (an archived one is skipped), and the rule's tags after the
 * draft's own (never beyond the tag limit). A draft no rule matches is returned as is.
 */
export function applyCategoryRules<D extends TransactionDraft>(rules: readonly MatchableRule[], draft: D): D {
  const rule = firstMatchingRule(rules, draft);
  if (!rule) return draft;
  const setsCategory = rule.categoryId !== null && !rule.categoryArchived && draft.categoryId === null && draft.splits.length === 0;
  const tags = [...draft.tags];
  for (const tag of rule.tags) if (!tags.includes(tag) && tags.length < MAX_TAGS) tags.push(tag);
  return { ...draft, categoryId: setsCategory ? rule.categoryId : draft.categoryId, tags };
}
