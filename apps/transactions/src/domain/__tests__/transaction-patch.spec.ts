import { validateTransactionDraft } from '../new-transaction';
import { isSameDraft } from '../same-transaction';
import { applyTransactionMask } from '../transaction-patch';

const FOOD = '0190f3a0-0000-7000-8000-0000000000c1';

describe('partial updates and replays', () => {
  const stored = validateTransactionDraft({
    kind: 'expense',
    amount: { amountMinor: 500n, currencyCode: 'USD' },
    occurredAt: new Date('2026-11-20T10:00:00Z'),
    description: 'lunch',
    categoryId: FOOD,
    tags: ['food'],
  });

  it('takes only the masked fields from the request', () => {
    const merged = applyTransactionMask(stored, new Set(['description', 'tags'] as const), {
      kind: 'income',
      amount: { amountMinor: 1n, currencyCode: 'EUR' },
      occurredAt: new Date(0),
      description: 'dinner',
      tags: [],
      categoryId: '',
    });
    expect(validateTransactionDraft(merged)).toEqual({ ...stored, description: 'dinner', tags: [] });
  });

  it('recognises the same content, whatever the field order, and a same-currency transfer with an explicit equal amount', () => {
    expect(isSameDraft(stored, { ...stored })).toBe(true);
    expect(isSameDraft(stored, { ...stored, amount: { amountMinor: 501n, currencyCode: 'USD' } })).toBe(false);
    expect(isSameDraft(stored, { ...stored, occurredAt: new Date('2026-11-20T10:00:00.001Z') })).toBe(false);
    const transfer = { ...stored, kind: 'transfer' as const, categoryId: null, accountId: 'a', toAccountId: 'b' };
    expect(isSameDraft(transfer, { ...transfer, toAmount: { amountMinor: 500n, currencyCode: 'USD' } })).toBe(true);
  });
});
