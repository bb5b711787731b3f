import { validateAccountDraft, validateNewAccount } from '../new-account';
import { validateCategoryDraft, validateNewCategory } from '../new-category';
import { serviceErrorOf } from './service-error-of';

const base = { name: 'bKash', kind: 'mobile_money' as const, provider: 'bKash', openingBalance: { amountMinor: 150050n, currencyCode: 'BDT' }, allowNegative: true };

describe('account rules', () => {
  it('trims the name, keeps the currency of the opening balance, allows a negative opening balance (credit)', () => {
    expect(validateAccountDraft({ ...base, name: '  bKash  ' })).toMatchObject({ name: 'bKash', archived: false });
    expect(validateAccountDraft({ ...base, kind: 'credit', openingBalance: { amountMinor: -5000n, currencyCode: 'USD' } }).openingBalance.amountMinor).toBe(-5000n);
  });

  it('refuses an empty name, no kind, an unknown currency and a bad client id', () => {
    const error = serviceErrorOf(() => validateAccountDraft({ ...base, name: ' ', kind: undefined, openingBalance: { amountMinor: 1n, currencyCode: 'bdt' } }));
    expect([error.code, error.fieldViolations.map((v) => v.field)]).toEqual(['TRANSACTIONS_ACCOUNT_INVALID', ['name', 'kind', 'currency']]);
    expect(serviceErrorOf(() => validateNewAccount({ ...base, id: 'x' })).fieldViolations).toEqual([{ field: 'id', description: 'must be a UUID' }]);
  });
});

describe('category rules', () => {
  it('reads an empty parent as top level and refuses a malformed one', () => {
    expect(validateCategoryDraft({ name: 'Food', kind: 'expense', parentId: '' }).parentId).toBeNull();
    expect(serviceErrorOf(() => validateCategoryDraft({ name: 'Food', kind: 'expense', parentId: 'nope' })).fieldViolations[0].field).toBe('parent_id');
    expect(serviceErrorOf(() => validateNewCategory({ id: '1', name: '', kind: undefined, parentId: '' })).fieldViolations).toEqual([
      { field: 'id', description: 'must be a UUID' },
    ]);
    expect(serviceErrorOf(() => validateCategoryDraft({ name: 'x'.repeat(61), kind: undefined, parentId: '' })).fieldViolations.map((v) => v.field)).toEqual([
      'name',
      'kind',
    ]);
  });
});
