import { parseMoney } from '@cashier/money';
import type { TransactionDraft } from '../../domain/new-transaction';
import { applyCategoryRules, type MatchableRule } from '../domain/apply-category-rules';
import { validateCategoryRuleDraft } from '../domain/category-rule-draft';

const FOOD = '0190a000-0000-7000-8000-000000000001';
const SALARY = '0190a000-0000-7000-8000-000000000002';
const OTHER = '0190a000-0000-7000-8000-000000000003';

function draft(overrides: Partial<TransactionDraft> = {}): TransactionDraft {
  return {
    kind: 'expense',
    amount: parseMoney('12.50', 'USD'),
    occurredAt: new Date('2026-11-20T10:00:00Z'),
    description: '',
    accountId: null,
    categoryId: null,
    payee: 'Shwapno Supermarket Gulshan',
    tags: [],
    source: 'manual',
    attachmentRef: '',
    splits: [],
    toAccountId: null,
    toAmount: null,
    dueDate: null,
    loanId: null,
    ...overrides,
  };
}

function rule(payeeContains: string, overrides: Partial<MatchableRule> = {}): MatchableRule {
  return { payeeContains, categoryId: FOOD, categoryKind: 'expense', categoryArchived: false, tags: [], ...overrides };
}

describe('applyCategoryRules', () => {
  it('sets the category of the first rule whose text is in the payee, ignoring case, and adds its tags', () => {
    const rules = [rule('uber'), rule('SHWAPNO', { tags: ['groceries'] }), rule('super', { categoryId: OTHER })];
    expect(applyCategoryRules(rules, draft({ tags: ['family'] }))).toMatchObject({ categoryId: FOOD, tags: ['family', 'groceries'] });
  });

  it('keeps a category or splits the client chose, but still adds the tags', () => {
    const rules = [rule('shwapno', { tags: ['groceries'] })];
    expect(applyCategoryRules(rules, draft({ categoryId: OTHER }))).toMatchObject({ categoryId: OTHER, tags: ['groceries'] });
    const split = draft({ splits: [{ categoryId: OTHER, amountMinor: 1250n, description: '' }] });
    expect(applyCategoryRules(rules, split)).toMatchObject({ categoryId: null, tags: ['groceries'] });
  });

  it('skips rules whose category has the other kind, and never categorises transfers or loans', () => {
    const rules = [rule('acme', { categoryId: SALARY, categoryKind: 'income' }), rule('acme', { categoryId: FOOD })];
    expect(applyCategoryRules(rules, draft({ payee: 'ACME Ltd' })).categoryId).toBe(FOOD);
    expect(applyCategoryRules(rules, draft({ payee: 'ACME Ltd', kind: 'income' })).categoryId).toBe(SALARY);
    expect(applyCategoryRules(rules, draft({ payee: 'ACME Ltd', kind: 'loan_given' }))).toEqual(draft({ payee: 'ACME Ltd', kind: 'loan_given' }));
  });

  it('does not set an archived category, and never grows tags past the limit', () => {
    const many = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const result = applyCategoryRules([rule('shwapno', { categoryArchived: true, tags: ['groceries'] })], draft({ tags: many }));
    expect(result.categoryId).toBeNull();
    expect(result.tags).toEqual(many);
  });

  it('leaves a draft without a payee, or that no rule matches, as it is', () => {
    const rules = [rule('uber')];
    const input = draft();
    expect(applyCategoryRules(rules, input)).toBe(input);
    expect(applyCategoryRules([rule('')], draft({ payee: '' })).categoryId).toBeNull();
  });
});

describe('validateCategoryRuleDraft', () => {
  it('refuses a rule that matches nothing or does nothing', () => {
    expect(() => validateCategoryRuleDraft({ payeeContains: '  ', categoryId: FOOD, tags: [], position: 0 })).toThrow('rule is not valid');
    expect(() => validateCategoryRuleDraft({ payeeContains: 'uber', categoryId: '', tags: [], position: 0 })).toThrow('rule is not valid');
    expect(() => validateCategoryRuleDraft({ payeeContains: 'uber', categoryId: 'x', tags: [], position: 0 })).toThrow('rule is not valid');
    expect(() => validateCategoryRuleDraft({ payeeContains: 'uber', categoryId: FOOD, tags: [], position: -1 })).toThrow('rule is not valid');
    expect(validateCategoryRuleDraft({ payeeContains: ' Uber ', categoryId: '', tags: ['ride'], position: 3 })).toEqual({
      payeeContains: 'Uber',
      categoryId: null,
      tags: ['ride'],
      position: 3,
    });
  });
});
