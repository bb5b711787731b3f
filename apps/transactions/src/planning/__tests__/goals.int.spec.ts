import { status } from '@grpc/grpc-js';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { formatIsoDate } from '../domain/civil-date';
import { validateNewContribution } from '../domain/new-contribution';
import { validateNewGoal } from '../domain/new-goal';
import { addContribution } from '../use-cases/add-contribution';
import { createGoal } from '../use-cases/create-goal';
import { deleteGoal } from '../use-cases/delete-goal';
import { getGoal } from '../use-cases/get-goal';
import { listGoals } from '../use-cases/list-goals';
import { removeContribution } from '../use-cases/remove-contribution';
import { caller } from './support/ledger-fixtures';
import { planningTestDb, type PlanningTestDb } from './support/planning-test-db';

const NOW = new Date('2026-01-10T12:00:00Z');

const goalInput = (overrides: Partial<Parameters<typeof validateNewGoal>[0]> = {}) =>
  validateNewGoal(
    {
      id: '',
      kind: 'savings',
      name: 'New bike',
      target: { amountMinor: 100_000n, currencyCode: 'USD' },
      targetDate: '2026-06-30',
      startDate: '2026-01-01',
      ...overrides,
    },
    NOW,
  );

const contribution = (amountMinor: bigint, overrides: Partial<Parameters<typeof validateNewContribution>[0]> = {}) =>
  validateNewContribution({ id: '', amount: { amountMinor, currencyCode: 'USD' }, contributedOn: '', note: '', ...overrides }, NOW);

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('goals against PostgreSQL', () => {
  let db: PlanningTestDb;

  beforeAll(async () => {
    db = await planningTestDb('cashier_planning_goals_test');
  });
  afterAll(async () => db?.close());

  it('tracks saved, remaining, percent and the projected date exactly', async () => {
    const me = caller(uuidv7());
    const { view } = await createGoal(db.store, me, goalInput(), NOW);
    expect(view.progress).toMatchObject({ savedMinor: 0n, remainingMinor: 100_000n, completed: false, projectedCompletion: undefined });
    await addContribution(db.store, me, view.goal.id, contribution(7_510n), NOW);
    await addContribution(db.store, me, view.goal.id, contribution(2_500n), NOW);
    const { view: afterWithdrawal } = await addContribution(db.store, me, view.goal.id, contribution(-10n), NOW);
    // 100.00 saved in 10 days: 900.00 more takes 90 days.
    expect(afterWithdrawal.progress).toMatchObject({ savedMinor: 10_000n, remainingMinor: 90_000n, percentBasisPoints: 1_000n, onTrack: true });
    expect(formatIsoDate(afterWithdrawal.progress.projectedCompletion!)).toBe('2026-04-10');

    const { view: got, contributions } = await getGoal(db.store, caller(me.teamId, 'observer'), view.goal.id, NOW);
    expect(got.progress.savedMinor).toBe(10_000n);
    expect(contributions.map((c) => c.amountMinor).sort()).toEqual([-10n, 2_500n, 7_510n].sort());
    expect((await listGoals(db.store, me, NOW)).map((g) => [g.goal.id, g.progress.savedMinor])).toEqual([[view.goal.id, 10_000n]]);
  });

  it('never goes below zero, even with concurrent withdrawals', async () => {
    const me = caller(uuidv7());
    const { view } = await createGoal(db.store, me, goalInput(), NOW);
    await addContribution(db.store, me, view.goal.id, contribution(10_000n), NOW);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => addContribution(db.store, me, view.goal.id, contribution(-3_000n), NOW)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const failed of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect((failed.reason as ServiceError).grpcStatus).toBe(status.FAILED_PRECONDITION);
    }
    expect((await getGoal(db.store, me, view.goal.id, NOW)).view.progress.savedMinor).toBe(1_000n);
  });

  it('removes one contribution, unless the goal would go below zero', async () => {
    const me = caller(uuidv7());
    const { view } = await createGoal(db.store, me, goalInput(), NOW);
    const deposit = await addContribution(db.store, me, view.goal.id, contribution(5_000n), NOW);
    const extra = await addContribution(db.store, me, view.goal.id, contribution(1_000n), NOW);
    await addContribution(db.store, me, view.goal.id, contribution(-4_500n), NOW);
    expect((await rejection(removeContribution(db.store, me, view.goal.id, deposit.contribution.id, NOW))).grpcStatus).toBe(
      status.FAILED_PRECONDITION,
    );
    const after = await removeContribution(db.store, me, view.goal.id, extra.contribution.id, NOW);
    expect(after.progress.savedMinor).toBe(500n);
    expect((await rejection(removeContribution(db.store, me, view.goal.id, extra.contribution.id, NOW))).code).toBe(
      'PLANNING_CONTRIBUTION_NOT_FOUND',
    );
  });

  it('takes contributions only in the goal’s currency', async () => {
    const me = caller(uuidv7());
    const { view } = await createGoal(db.store, me, goalInput(), NOW);
    const refused = await rejection(
      addContribution(db.store, me, view.goal.id, validateNewContribution({ id: '', amount: { amountMinor: 1n, currencyCode: 'EUR' }, contributedOn: '', note: '' }), NOW),
    );
    expect([refused.grpcStatus, refused.fieldViolations[0].field]).toEqual([status.INVALID_ARGUMENT, 'currency']);
  });

  it('replays creates and contributions with the same client id', async () => {
    const me = caller(uuidv7());
    const goalId = uuidv7();
    const first = await createGoal(db.store, me, goalInput({ id: goalId }), NOW);
    const again = await createGoal(db.store, me, goalInput({ id: goalId }), NOW);
    expect([first.created, again.created]).toEqual([true, false]);
    expect((await rejection(createGoal(db.store, me, goalInput({ id: goalId, name: 'Car' }), NOW))).grpcStatus).toBe(status.ALREADY_EXISTS);
    const id = uuidv7();
    const added = await addContribution(db.store, me, goalId, contribution(700n, { id }), NOW);
    const replayed = await addContribution(db.store, me, goalId, contribution(700n, { id }), NOW);
    expect([added.created, replayed.created, replayed.view.progress.savedMinor]).toEqual([true, false, 700n]);
    expect((await rejection(addContribution(db.store, me, goalId, contribution(800n, { id }), NOW))).grpcStatus).toBe(status.ALREADY_EXISTS);
  });

  it('observers read but never write; another team’s goal is NOT_FOUND', async () => {
    const teamId = uuidv7();
    const { view } = await createGoal(db.store, caller(teamId), goalInput(), NOW);
    const observer = caller(teamId, 'observer');
    for (const write of [
      createGoal(db.store, observer, goalInput(), NOW),
      addContribution(db.store, observer, view.goal.id, contribution(1n), NOW),
      deleteGoal(db.store, observer, view.goal.id),
    ]) {
      expect((await rejection(write)).grpcStatus).toBe(status.PERMISSION_DENIED);
    }
    const stranger = caller(uuidv7(), 'admin');
    for (const attempt of [
      getGoal(db.store, stranger, view.goal.id, NOW),
      addContribution(db.store, stranger, view.goal.id, contribution(1n), NOW),
      removeContribution(db.store, stranger, view.goal.id, uuidv7(), NOW),
      deleteGoal(db.store, stranger, view.goal.id),
    ]) {
      expect((await rejection(attempt)).code).toBe('PLANNING_GOAL_NOT_FOUND');
    }
    await deleteGoal(db.store, caller(teamId), view.goal.id);
    expect((await rejection(getGoal(db.store, observer, view.goal.id, NOW))).grpcStatus).toBe(status.NOT_FOUND);
  });
});
