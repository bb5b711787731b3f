import { status } from '@grpc/grpc-js';
import { BudgetThresholdCrossed } from '@cashier/contracts/cashier/events/v1/planning';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { createLogger } from '@cashier/logger';
import { validateNewBudget } from '../domain/budget-settings';
import { checkBudgetsOnTransactionCreated } from '../events/budget-threshold-consumer';
import { createBudget } from '../use-cases/create-budget';
import { deleteBudget } from '../use-cases/delete-budget';
import { getBudget } from '../use-cases/get-budget';
import { listBudgets } from '../use-cases/list-budgets';
import { updateBudget } from '../use-cases/update-budget';
import { caller, createdEvent, insertCategory, insertLedgerRow } from './support/ledger-fixtures';
import { planningTestDb, type PlanningTestDb } from './support/planning-test-db';

const log = createLogger('budgets-test', 'silent');
const NOW = new Date('2026-11-26T15:00:00Z');

function budgetInput(overrides: Partial<Parameters<typeof validateNewBudget>[0]> = {}) {
  return validateNewBudget({
    id: '',
    name: 'Household',
    categoryId: '',
    period: 'month',
    amount: { amountMinor: 10_000n, currencyCode: 'USD' },
    timeZone: '',
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('budgets against PostgreSQL', () => {
  let db: PlanningTestDb;

  beforeAll(async () => {
    db = await planningTestDb('cashier_planning_budgets_test');
  });
  afterAll(async () => db?.close());

  const thresholdEvents = async (teamId: string) =>
    (
      await db.pool.query<{ payload: Buffer; request_id: string | null }>(
        `SELECT payload, request_id FROM outbox WHERE team_id = $1 AND type = 'transactions.budget.threshold_crossed.v1' ORDER BY seq`,
        [teamId],
      )
    ).rows.map((row) => ({ ...BudgetThresholdCrossed.decode(row.payload), requestId: row.request_id }));

  it('spent, remaining and percent are exact: only live expenses in its currency and local month', async () => {
    const teamId = uuidv7();
    const me = caller(teamId);
    const { view } = await createBudget(
      db.store,
      me,
      budgetInput({ amount: { amountMinor: 50_000n, currencyCode: 'USD' }, timeZone: 'America/New_York' }),
      NOW,
    );
    // November in New York: 2026-11-01T04:00Z (EDT) to 2026-12-01T05:00Z (EST).
    await insertLedgerRow(db.pool, { teamId, amountMinor: 12_025n, occurredAt: new Date('2026-11-10T12:00:00Z') });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 1n, occurredAt: new Date('2026-11-01T04:00:00Z') });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 7n, occurredAt: new Date('2026-12-01T04:59:59.999Z') });
    // Not counted: before local midnight, local December, income, another currency, deleted, another team.
    await insertLedgerRow(db.pool, { teamId, amountMinor: 999n, occurredAt: new Date('2026-11-01T03:59:59.999Z') });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 999n, occurredAt: new Date('2026-12-01T05:00:00Z') });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 999n, occurredAt: new Date('2026-11-10T12:00:00Z'), type: 'income' });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 999n, occurredAt: new Date('2026-11-10T12:00:00Z'), currencyCode: 'JPY' });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 999n, occurredAt: new Date('2026-11-10T12:00:00Z'), deleted: true });
    await insertLedgerRow(db.pool, { teamId: uuidv7(), amountMinor: 999n, occurredAt: new Date('2026-11-10T12:00:00Z') });

    const got = await getBudget(db.store, caller(teamId, 'observer'), view.budget.id, NOW);
    expect(got.progress).toEqual({ spentMinor: 12_033n, remainingMinor: 37_967n, percentBasisPoints: 2_406n });
    expect(got.period.startsAt.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(got.period.endsAt.toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect((await listBudgets(db.store, me, NOW)).map((b) => b.progress.spentMinor)).toEqual([12_033n]);
  });

  it('a category budget counts its category, the categories below it, and split parts in them', async () => {
    const teamId = uuidv7();
    const food = await insertCategory(db.pool, teamId);
    const groceries = await insertCategory(db.pool, teamId, food);
    const bakery = await insertCategory(db.pool, teamId, groceries);
    const travel = await insertCategory(db.pool, teamId);
    const at = new Date('2026-11-10T12:00:00Z');
    await insertLedgerRow(db.pool, { teamId, amountMinor: 1_000n, occurredAt: at, categoryId: food });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 200n, occurredAt: at, categoryId: groceries });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 30n, occurredAt: at, categoryId: bakery });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 4_000n, occurredAt: at, categoryId: travel });
    await insertLedgerRow(db.pool, { teamId, amountMinor: 5n, occurredAt: at, categoryId: null });
    await insertLedgerRow(db.pool, {
      teamId,
      amountMinor: 700n,
      occurredAt: at,
      splits: [
        { categoryId: bakery, amountMinor: 400n },
        { categoryId: travel, amountMinor: 300n },
      ],
    });
    const me = caller(teamId);
    const budgetOf = async (categoryId: string) =>
      (await createBudget(db.store, me, budgetInput({ categoryId, amount: { amountMinor: 100_000n, currencyCode: 'USD' } }), NOW)).view;
    expect((await budgetOf(food)).progress.spentMinor).toBe(1_630n);
    expect((await budgetOf(groceries)).progress.spentMinor).toBe(630n);
    expect((await budgetOf(travel)).progress.spentMinor).toBe(4_300n);
    const total = await createBudget(db.store, me, budgetInput(), NOW);
    expect(total.view.progress.spentMinor).toBe(5_935n);
  });

  it('refuses a category that is not an expense category of the team', async () => {
    const teamId = uuidv7();
    const income = await insertCategory(db.pool, teamId, null, 'income');
    const foreign = await insertCategory(db.pool, uuidv7());
    for (const categoryId of [income, foreign, uuidv7()]) {
      const refused = await rejection(createBudget(db.store, caller(teamId), budgetInput({ categoryId }), NOW));
      expect([refused.grpcStatus, refused.fieldViolations[0].field]).toEqual([status.INVALID_ARGUMENT, 'category_id']);
    }
  });

  it('announces 80 % and 100 % exactly once under 20 concurrent expense events and a redelivery', async () => {
    const teamId = uuidv7();
    const { view } = await createBudget(db.store, caller(teamId), budgetInput(), NOW);
    const handle = checkBudgetsOnTransactionCreated(db.store, () => NOW);
    const handleFromAnotherInstance = checkBudgetsOnTransactionCreated(db.secondStore(), () => NOW);
    const events = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const row = await insertLedgerRow(db.pool, { teamId, amountMinor: 1_000n, occurredAt: new Date(`2026-11-${String(i + 1).padStart(2, '0')}T10:00:00Z`) });
        const event = createdEvent(row);
        await (i % 2 === 0 ? handle : handleFromAnotherInstance)(event, log);
        return event;
      }),
    );
    const announced = await thresholdEvents(teamId);
    expect(announced.map((e) => e.thresholdPercent).sort()).toEqual([100, 80]);
    for (const event of announced) {
      expect(event).toMatchObject({
        budgetId: view.budget.id,
        teamId,
        period: 'month',
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
        timeZone: 'UTC',
        amount: { amountMinor: 10_000n, currencyCode: 'USD' },
      });
      expect(event.spent!.amountMinor * 100n).toBeGreaterThanOrEqual(10_000n * BigInt(event.thresholdPercent));
      expect(event.requestId).toMatch(/^req-/);
    }
    const alerts = await db.pool.query('SELECT threshold FROM budget_alerts WHERE team_id = $1 ORDER BY threshold', [teamId]);
    expect(alerts.rows).toEqual([{ threshold: 80 }, { threshold: 100 }]);

    // The same event again, and all of them at once again: nothing new.
    await handle(events[7], log);
    await Promise.all(events.map((event) => handleFromAnotherInstance(event, log)));
    // A new expense in the same period: the thresholds were already announced.
    await handle(createdEvent(await insertLedgerRow(db.pool, { teamId, amountMinor: 5_000n, occurredAt: new Date('2026-11-25T10:00:00Z') })), log);
    expect(await thresholdEvents(teamId)).toHaveLength(2);
    const inbox = await db.pool.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer_group = 'transactions.budgets' AND event_id = ANY($1::uuid[])`, [
      events.map((e) => e.id),
    ]);
    expect(inbox.rows[0].n).toBe(20);
  });

  it('announces again in the next period, and not for periods before the budget existed', async () => {
    const teamId = uuidv7();
    await createBudget(db.store, caller(teamId), budgetInput({ period: 'month' }), NOW);
    const handle = checkBudgetsOnTransactionCreated(db.store, () => NOW);
    for (const occurredAt of ['2026-10-15T10:00:00Z', '2026-11-15T10:00:00Z', '2026-12-02T10:00:00Z']) {
      await handle(createdEvent(await insertLedgerRow(db.pool, { teamId, amountMinor: 10_000n, occurredAt: new Date(occurredAt) })), log);
    }
    const announced = await thresholdEvents(teamId);
    expect(announced.map((e) => [e.periodStart, e.thresholdPercent])).toEqual([
      ['2026-11-01', 80],
      ['2026-11-01', 100],
      ['2026-12-01', 80],
      ['2026-12-01', 100],
    ]);
  });

  it('ignores income and other currencies, and refuses a payload of another team', async () => {
    const teamId = uuidv7();
    await createBudget(db.store, caller(teamId), budgetInput(), NOW);
    const handle = checkBudgetsOnTransactionCreated(db.store, () => NOW);
    const at = new Date('2026-11-15T10:00:00Z');
    await handle(createdEvent(await insertLedgerRow(db.pool, { teamId, amountMinor: 50_000n, occurredAt: at, type: 'income' })), log);
    await handle(createdEvent(await insertLedgerRow(db.pool, { teamId, amountMinor: 50_000n, occurredAt: at, currencyCode: 'EUR' })), log);
    expect(await thresholdEvents(teamId)).toEqual([]);
    const forged = { ...createdEvent(await insertLedgerRow(db.pool, { teamId, amountMinor: 1n, occurredAt: at })), subject: uuidv7() };
    await expect(handle(forged, log)).rejects.toThrow('payload team does not match');
  });

  it('a lower amount crosses in the update itself, in one transaction with its event', async () => {
    const teamId = uuidv7();
    const me = caller(teamId);
    await insertLedgerRow(db.pool, { teamId, amountMinor: 9_000n, occurredAt: new Date('2026-11-15T10:00:00Z') });
    const { view } = await createBudget(db.store, me, budgetInput({ amount: { amountMinor: 20_000n, currencyCode: 'USD' } }), NOW);
    expect(await thresholdEvents(teamId)).toEqual([]);
    const updated = await updateBudget(db.store, me, view.budget.id, { amount: { amountMinor: 9_000n, currencyCode: 'USD' } }, view.budget.version, NOW);
    expect(updated.progress).toEqual({ spentMinor: 9_000n, remainingMinor: 0n, percentBasisPoints: 10_000n });
    expect(updated.budget.version).toBe(2n);
    expect((await thresholdEvents(teamId)).map((e) => [e.thresholdPercent, e.requestId])).toEqual([
      [80, me.requestId],
      [100, me.requestId],
    ]);
  });

  it('refuses a stale version: one of two concurrent updates wins', async () => {
    const teamId = uuidv7();
    const me = caller(teamId);
    const { view } = await createBudget(db.store, me, budgetInput(), NOW);
    const results = await Promise.allSettled(
      ['A', 'B'].map((name) => updateBudget(db.store, me, view.budget.id, { name }, 1n, NOW)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as ServiceError).grpcStatus).toBe(status.ABORTED);
  });

  it('replays a create with the same client id; refuses it with other content or from another team', async () => {
    const teamId = uuidv7();
    const id = uuidv7();
    const first = await createBudget(db.store, caller(teamId), budgetInput({ id }), NOW);
    const again = await createBudget(db.store, caller(teamId), budgetInput({ id }), NOW);
    expect([first.created, again.created, again.view.budget.id]).toEqual([true, false, id]);
    expect((await rejection(createBudget(db.store, caller(teamId), budgetInput({ id, name: 'Other' }), NOW))).grpcStatus).toBe(status.ALREADY_EXISTS);
    expect((await rejection(createBudget(db.store, caller(uuidv7()), budgetInput({ id }), NOW))).grpcStatus).toBe(status.ALREADY_EXISTS);
  });

  it('observers read but never write; another team’s budget is NOT_FOUND like a missing one', async () => {
    const teamId = uuidv7();
    const { view } = await createBudget(db.store, caller(teamId), budgetInput(), NOW);
    const observer = caller(teamId, 'observer');
    await expect(getBudget(db.store, observer, view.budget.id, NOW)).resolves.toMatchObject({ budget: { id: view.budget.id } });
    for (const write of [
      createBudget(db.store, observer, budgetInput(), NOW),
      updateBudget(db.store, observer, view.budget.id, { name: 'x' }, undefined, NOW),
      deleteBudget(db.store, observer, view.budget.id),
    ]) {
      expect((await rejection(write)).grpcStatus).toBe(status.PERMISSION_DENIED);
    }
    const stranger = caller(uuidv7(), 'admin');
    for (const attempt of [
      getBudget(db.store, stranger, view.budget.id, NOW),
      updateBudget(db.store, stranger, view.budget.id, { name: 'x' }, undefined, NOW),
      deleteBudget(db.store, stranger, view.budget.id),
      getBudget(db.store, stranger, 'not-a-uuid', NOW),
    ]) {
      const refused = await rejection(attempt);
      expect([refused.grpcStatus, refused.code]).toEqual([status.NOT_FOUND, 'PLANNING_BUDGET_NOT_FOUND']);
    }
    await deleteBudget(db.store, caller(teamId), view.budget.id);
    expect((await rejection(getBudget(db.store, observer, view.budget.id, NOW))).grpcStatus).toBe(status.NOT_FOUND);
  });
});
