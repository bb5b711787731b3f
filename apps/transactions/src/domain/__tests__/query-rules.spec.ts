import { validateAggregateRequest } from '../aggregate-request';
import { containsPattern, validateFilter, type FilterInput } from '../transaction-filter';
import { serviceErrorOf } from './service-error-of';

const NONE: FilterInput = { kinds: [], categoryIds: [], includeSubcategories: false, accountIds: [], tags: [], payee: '', currencyCode: '', text: '', createdBy: [] };

describe('listing filters', () => {
  it('normalises ids, tags and text', () => {
    const id = '0190F3A0-0000-7000-8000-00000000000A';
    const filter = validateFilter({ ...NONE, categoryIds: [id, id.toLowerCase()], tags: [' b', 'a'], text: '  rice ', payee: ' ' });
    expect(filter).toMatchObject({ categoryIds: [id.toLowerCase()], tags: ['a', 'b'], text: 'rice', payee: null });
  });

  it('refuses a reversed date range, an amount range without currency, bad ids and unknown types', () => {
    const error = serviceErrorOf(() =>
      validateFilter({
        ...NONE,
        occurredFrom: new Date('2026-11-02'),
        occurredTo: new Date('2026-11-01'),
        minAmountMinor: 5n,
        maxAmountMinor: 1n,
        accountIds: ['x'],
        kinds: [undefined],
      }),
    );
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['occurred_to', 'types', 'currency', 'max_amount', 'account_id']);
  });

  it('escapes LIKE wildcards so text matches literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('aggregate requests', () => {
  const ok = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), groupBy: 'period' as const, period: 'week' as const, timeZone: '', kinds: [] };

  it('defaults the zone to UTC and accepts IANA zones', () => {
    expect(validateAggregateRequest(ok).timeZone).toBe('UTC');
    expect(validateAggregateRequest({ ...ok, timeZone: 'Africa/Nairobi' }).timeZone).toBe('Africa/Nairobi');
  });

  it('needs a range of at most about three years, a grouping, and a period to group periods by', () => {
    const error = serviceErrorOf(() =>
      validateAggregateRequest({ ...ok, to: new Date('2030-01-01T00:00:00Z'), groupBy: undefined, timeZone: 'Nowhere/City' }),
    );
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['to', 'group_by', 'time_zone']);
    expect(serviceErrorOf(() => validateAggregateRequest({ ...ok, period: undefined })).fieldViolations.map((v) => v.field)).toEqual(['period']);
  });
});
