import { status } from '@grpc/grpc-js';
import { ServiceError } from '@cashier/grpc';
import { validateBudgetChanges, validateNewBudget } from '../domain/budget-settings';
import { validateNewContribution } from '../domain/new-contribution';
import { validateNewGoal } from '../domain/new-goal';
import { validateNewRecurringRule, validateUpcomingRange, type RecurringRuleInput } from '../domain/new-recurring-rule';

const NOW = new Date('2026-11-26T10:00:00Z');
const usd = (amountMinor: bigint) => ({ amountMinor, currencyCode: 'USD' });

function violations(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError && error.grpcStatus === status.INVALID_ARGUMENT) return error.fieldViolations.map((v) => v.field);
    throw error;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

const budget = { id: '', name: 'Food', categoryId: '', period: 'month' as const, amount: usd(50_000n), timeZone: '' };

describe('budget rules', () => {
  it('defaults the zone to UTC and a missing category to a total budget', () => {
    expect(validateNewBudget(budget)).toEqual({ ...budget, id: undefined, categoryId: null, timeZone: 'UTC' });
  });

  it('lists every problem at once', () => {
    expect(
      violations(() =>
        validateNewBudget({ id: 'x', name: 'n'.repeat(101), categoryId: 'food', period: undefined, amount: usd(0n), timeZone: 'Mars/Base' }),
      ),
    ).toEqual(['id', 'name', 'category_id', 'period', 'amount', 'time_zone']);
    expect(violations(() => validateNewBudget({ ...budget, amount: { amountMinor: 1n, currencyCode: 'usd' } }))).toEqual(['currency']);
  });

  it('changes only what the mask names, and refuses unknown fields', () => {
    expect(validateBudgetChanges({ ...budget, updateMask: ['amount'], name: 'ignored' })).toEqual({ amount: usd(50_000n) });
    expect(violations(() => validateBudgetChanges({ ...budget, updateMask: ['team_id'] }))).toEqual(['update_mask']);
    expect(violations(() => validateBudgetChanges({ ...budget, updateMask: [] }))).toEqual(['update_mask']);
  });
});

describe('goal and contribution rules', () => {
  const goal = { id: '', kind: 'savings' as const, name: 'Bike', target: usd(100_000n), targetDate: '2027-06-30', startDate: '' };

  it('starts today (UTC) unless told otherwise; the target date must come after the start', () => {
    expect(validateNewGoal(goal, NOW).startDate).toEqual({ year: 2026, month: 11, day: 26 });
    expect(violations(() => validateNewGoal({ ...goal, targetDate: '2026-11-26' }, NOW))).toEqual(['target_date']);
    expect(violations(() => validateNewGoal({ ...goal, name: ' ', targetDate: '2027-02-30', target: usd(-1n) }, NOW))).toEqual([
      'name',
      'target_amount',
      'target_date',
    ]);
  });

  it('takes positive and negative contributions but not zero', () => {
    expect(validateNewContribution({ id: '', amount: usd(-500n), contributedOn: '', note: '' }, NOW)).toMatchObject({
      amount: usd(-500n),
      contributedOn: { year: 2026, month: 11, day: 26 },
    });
    expect(violations(() => validateNewContribution({ id: '', amount: usd(0n), contributedOn: '2026-13-01', note: '' }, NOW))).toEqual([
      'amount',
      'contributed_on',
    ]);
  });
});

describe('recurring rule rules', () => {
  const input: RecurringRuleInput = {
    id: '',
    frequency: 'monthly',
    weekday: 0,
    dayOfMonth: 0,
    month: 0,
    startDate: '2026-12-31',
    endDate: '',
    count: 0,
    timeZone: '',
    entryType: 'expense',
    amount: usd(120_000n),
    description: 'rent',
    accountId: '',
    categoryId: '',
  };

  it('takes the day, weekday and month from the start date when left out', () => {
    expect(validateNewRecurringRule(input, NOW).recurrence).toMatchObject({ frequency: 'monthly', dayOfMonth: 31, weekday: null, month: null });
    expect(validateNewRecurringRule({ ...input, frequency: 'weekly' }, NOW).recurrence).toMatchObject({ weekday: 4, dayOfMonth: null });
    expect(validateNewRecurringRule({ ...input, frequency: 'yearly' }, NOW).recurrence).toMatchObject({ month: 12, dayOfMonth: 31 });
    expect(validateNewRecurringRule(input, NOW)).toMatchObject({ timeZone: 'UTC', template: { accountId: null, categoryId: null } });
  });

  it('refuses settings that do not apply, days that never exist, and rules without occurrences', () => {
    expect(violations(() => validateNewRecurringRule({ ...input, frequency: 'daily', weekday: 3 }, NOW))).toEqual(['weekday']);
    expect(violations(() => validateNewRecurringRule({ ...input, frequency: 'yearly', month: 2, dayOfMonth: 30 }, NOW))).toEqual([
      'day_of_month',
    ]);
    expect(violations(() => validateNewRecurringRule({ ...input, dayOfMonth: 15, endDate: '2027-01-10', startDate: '2026-12-20' }, NOW))).toEqual([
      'end_date',
    ]);
    expect(violations(() => validateNewRecurringRule({ ...input, endDate: '2026-12-01' }, NOW))).toEqual(['end_date']);
  });

  it('back-fills at most a year', () => {
    expect(violations(() => validateNewRecurringRule({ ...input, startDate: '2025-11-24' }, NOW))).toEqual(['start_date']);
    expect(validateNewRecurringRule({ ...input, startDate: '2025-11-25' }, NOW).recurrence.startDate).toEqual({ year: 2025, month: 11, day: 25 });
  });

  it('lists upcoming occurrences for 30 days by default, at most 366', () => {
    expect(validateUpcomingRange({ fromDate: '', toDate: '' }, NOW)).toEqual({
      from: { year: 2026, month: 11, day: 26 },
      to: { year: 2026, month: 12, day: 26 },
    });
    expect(violations(() => validateUpcomingRange({ fromDate: '2026-01-01', toDate: '2027-01-03' }, NOW))).toEqual(['to']);
    expect(violations(() => validateUpcomingRange({ fromDate: '2026-01-02', toDate: '2026-01-01' }, NOW))).toEqual(['to']);
  });
});
