import { status } from '@grpc/grpc-js';
import { RecurringEntryPosted } from '@cashier/contracts/cashier/events/v1/planning';
import { TransactionCreated } from '@cashier/contracts/cashier/events/v1/transactions';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { createLogger } from '@cashier/logger';
import { waitFor } from '@cashier/testing';
import { formatIsoDate, parseIsoDate } from '../domain/civil-date';
import { validateNewRecurringRule, type RecurringRuleInput } from '../domain/new-recurring-rule';
import { RecurringScheduler } from '../scheduler/recurring-scheduler';
import { createRecurringRule } from '../use-cases/create-recurring-rule';
import { deleteRecurringRule } from '../use-cases/delete-recurring-rule';
import { listRecurringRules } from '../use-cases/list-recurring-rules';
import { listUpcoming } from '../use-cases/list-upcoming';
import { caller, insertAccount, insertCategory } from './support/ledger-fixtures';
import { planningTestDb, type PlanningTestDb } from './support/planning-test-db';

const log = createLogger('recurring-test', 'silent');
const CREATED_AT = new Date('2026-11-26T10:00:00Z');

function ruleInput(overrides: Partial<RecurringRuleInput> = {}) {
  return validateNewRecurringRule(
    {
      id: '',
      frequency: 'daily',
      weekday: 0,
      dayOfMonth: 0,
      month: 0,
      startDate: '2026-11-01',
      endDate: '',
      count: 0,
      timeZone: '',
      entryType: 'expense',
      amount: { amountMinor: 1_250n, currencyCode: 'USD' },
      description: 'coffee',
      accountId: '',
      categoryId: '',
      ...overrides,
    },
    CREATED_AT,
  );
}

describe('recurring rules and their scheduler against PostgreSQL', () => {
  let db: PlanningTestDb;

  beforeAll(async () => {
    db = await planningTestDb('cashier_planning_recurring_test');
  });
  afterAll(async () => db?.close());

  const scheduler = (store = db.store, now = CREATED_AT, maxPerRule = 50) =>
    new RecurringScheduler({ store, logger: log, intervalMs: 60_000, now: () => now, limits: { maxRules: 1_000, maxPerRule } });

  const postedDates = async (teamId: string) =>
    (
      await db.pool.query<{ day: string }>(
        `SELECT to_char(o.occurrence_date, 'YYYY-MM-DD') AS day FROM recurring_occurrences o WHERE o.team_id = $1 ORDER BY 1`,
        [teamId],
      )
    ).rows.map((r) => r.day);

  it('two schedulers running at once post every due occurrence exactly once', async () => {
    const teams = Array.from({ length: 4 }, () => uuidv7());
    const rules = [];
    for (const teamId of teams) {
      const me = caller(teamId);
      rules.push((await createRecurringRule(db.store, me, ruleInput())).rule); // 26 daily (1-26 Nov, UTC)
      rules.push((await createRecurringRule(db.store, me, ruleInput({ frequency: 'weekly', weekday: 1 }))).rule); // Mondays: 2, 9, 16, 23
      rules.push((await createRecurringRule(db.store, me, ruleInput({ timeZone: 'Pacific/Kiritimati' }))).rule); // UTC+14: 27 Nov already began
    }
    const [a, b] = [scheduler(db.store, CREATED_AT, 3), scheduler(db.secondStore(), CREATED_AT, 3)];
    const passes = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    expect(passes.reduce((sum, pass) => sum + pass.posted, 0)).toBe(4 * (26 + 4 + 27));
    expect(passes.every((pass) => pass.failed === 0)).toBe(true);

    for (const teamId of teams) {
      const counts = await db.pool.query(
        `SELECT (SELECT count(*) FROM recurring_occurrences WHERE team_id = $1)::int AS occurrences,
                (SELECT count(*) FROM transactions WHERE team_id = $1 AND source = 'recurring')::int AS transactions,
                (SELECT count(*) FROM recurring_occurrences o JOIN transactions t ON t.team_id = o.team_id AND t.id = o.transaction_id
                  WHERE o.team_id = $1)::int AS matched,
                (SELECT count(*) FROM outbox WHERE team_id = $1 AND type = 'transactions.transaction.created.v1')::int AS created_events,
                (SELECT count(*) FROM outbox WHERE team_id = $1 AND type = 'transactions.recurring.entry_posted.v1')::int AS posted_events`,
        [teamId],
      );
      expect(counts.rows[0]).toEqual({ occurrences: 57, transactions: 57, matched: 57, created_events: 57, posted_events: 57 });
    }
    // Nothing more is due: further passes write nothing.
    expect((await Promise.all([a.runOnce(), b.runOnce()])).map((pass) => pass.posted)).toEqual([0, 0]);
    const rows = await listRecurringRules(db.store, caller(teams[0], 'observer'));
    expect(rows.map((r) => [r.nextIndex, r.nextOccurrenceDate && formatIsoDate({ year: r.nextOccurrenceDate.getUTCFullYear(), month: r.nextOccurrenceDate.getUTCMonth() + 1, day: r.nextOccurrenceDate.getUTCDate() })])).toEqual([
      [26, '2026-11-27'],
      [4, '2026-11-30'],
      [27, '2026-11-28'],
    ]);
  });

  it('an occurrence already recorded is never posted again, even with its rule’s cursor rewound', async () => {
    const me = caller(uuidv7());
    const { rule } = await createRecurringRule(db.store, me, ruleInput({ startDate: '2026-11-20' }));
    await scheduler().runOnce();
    expect(await postedDates(me.teamId)).toHaveLength(7);
    // As if a scheduler had read a stale cursor: back to the first occurrence.
    await db.pool.query(`UPDATE recurring_rules SET next_index = 0, next_occurrence_date = '2026-11-20', next_due_at = '2026-11-20T00:00:00Z' WHERE id = $1`, [
      rule.id,
    ]);
    await Promise.all([scheduler().runOnce(), scheduler(db.secondStore()).runOnce()]);
    const counts = await db.pool.query(
      `SELECT (SELECT count(*) FROM transactions WHERE team_id = $1)::int AS transactions,
              (SELECT count(*) FROM outbox WHERE team_id = $1)::int AS events`,
      [me.teamId],
    );
    expect(counts.rows[0]).toEqual({ transactions: 7, events: 14 });
    const [stored] = await listRecurringRules(db.store, me);
    expect(stored.nextIndex).toBe(7);
  });

  it('posts each occurrence dated at the start of its day in the rule’s zone, with both events', async () => {
    const me = caller(uuidv7());
    const { rule } = await createRecurringRule(
      db.store,
      me,
      ruleInput({ frequency: 'monthly', dayOfMonth: 31, startDate: '2026-09-01', timeZone: 'America/New_York', count: 2 }),
    );
    await scheduler(db.store, new Date('2026-11-26T00:00:00Z')).runOnce();
    const entries = await db.pool.query<{ id: string; occurred_at: Date; type: string; amount_minor: string; source: string; direction: number }>(
      'SELECT id, occurred_at, type, amount_minor, source, direction FROM transactions WHERE team_id = $1 ORDER BY occurred_at',
      [me.teamId],
    );
    // 30 September (clamped) and 31 October, at local midnight (EDT, UTC-4); then the count is used up.
    expect(entries.rows.map((r) => [r.occurred_at.toISOString(), r.type, r.amount_minor, r.source, r.direction])).toEqual([
      ['2026-09-30T04:00:00.000Z', 'expense', '1250', 'recurring', -1],
      ['2026-10-31T04:00:00.000Z', 'expense', '1250', 'recurring', -1],
    ]);
    const outbox = await db.pool.query<{ type: string; payload: Buffer }>('SELECT type, payload FROM outbox WHERE team_id = $1 ORDER BY seq', [me.teamId]);
    const posted = outbox.rows.filter((r) => r.type === 'transactions.recurring.entry_posted.v1').map((r) => RecurringEntryPosted.decode(r.payload));
    expect(posted.map((p) => [p.ruleId, p.occurrenceDate, p.transactionId])).toEqual([
      [rule.id, '2026-09-30', entries.rows[0].id],
      [rule.id, '2026-10-31', entries.rows[1].id],
    ]);
    const created = outbox.rows.filter((r) => r.type === 'transactions.transaction.created.v1').map((r) => TransactionCreated.decode(r.payload));
    expect(created.map((c) => c.transactionId)).toEqual(entries.rows.map((r) => r.id));
    const [stored] = await listRecurringRules(db.store, me);
    expect([stored.nextIndex, stored.nextOccurrenceDate, stored.nextDueAt]).toEqual([2, null, null]);
  });

  it('posts through the ledger: account legs, change log and the template’s category', async () => {
    const me = caller(uuidv7());
    const account = await insertAccount(db.pool, me.teamId);
    const category = await insertCategory(db.pool, me.teamId);
    await createRecurringRule(db.store, me, ruleInput({ startDate: '2026-11-25', accountId: account, categoryId: category }), CREATED_AT);
    await scheduler().runOnce();
    const legs = await db.pool.query('SELECT account_id, amount_minor::text AS amount FROM ledger_entries WHERE team_id = $1', [me.teamId]);
    expect(legs.rows).toEqual([
      { account_id: account, amount: '-1250' },
      { account_id: account, amount: '-1250' },
    ]);
    const log = await db.pool.query(
      `SELECT seq::int, entity_type, op, actor_id, after->>'category_id' AS category, after->>'source' AS source
         FROM change_log WHERE team_id = $1 ORDER BY seq`,
      [me.teamId],
    );
    expect(log.rows).toEqual([1, 2].map((seq) => ({ seq, entity_type: 'transaction', op: 'created', actor_id: me.userId, category, source: 'recurring' })));
  });

  it('refuses a template whose account or category is not the team’s, or does not fit', async () => {
    const me = caller(uuidv7());
    const foreignCategory = await insertCategory(db.pool, uuidv7());
    const incomeCategory = await insertCategory(db.pool, me.teamId, null, 'income');
    const yenAccount = await insertAccount(db.pool, me.teamId, 'JPY');
    for (const [template, field] of [
      [{ categoryId: foreignCategory }, 'category_id'],
      [{ categoryId: incomeCategory }, 'category_id'],
      [{ accountId: yenAccount }, 'currency'],
      [{ accountId: uuidv7() }, 'account_id'],
    ] as const) {
      const refused = await createRecurringRule(db.store, me, ruleInput(template), CREATED_AT).catch((error: ServiceError) => error);
      expect([(refused as ServiceError).grpcStatus, (refused as ServiceError).fieldViolations[0]?.field]).toEqual([status.INVALID_ARGUMENT, field]);
    }
    expect(await listRecurringRules(db.store, me)).toEqual([]);
  });

  it('a rule the ledger refuses later says why, does not hold up others, and recovers', async () => {
    const me = caller(uuidv7());
    const other = caller(uuidv7());
    const category = await insertCategory(db.pool, me.teamId);
    const { rule } = await createRecurringRule(db.store, me, ruleInput({ startDate: '2026-11-26', categoryId: category }), CREATED_AT);
    await createRecurringRule(db.store, other, ruleInput({ startDate: '2026-11-26' }), CREATED_AT);
    await db.pool.query('UPDATE categories SET archived = true WHERE id = $1', [category]);
    const pass = await scheduler().runOnce();
    expect(pass.failed).toBe(1);
    expect(await postedDates(me.teamId)).toEqual([]);
    expect(await postedDates(other.teamId)).toEqual(['2026-11-26']);
    const [failing] = await listRecurringRules(db.store, me);
    expect(failing.lastError).toMatch(/^TRANSACTIONS_INVALID: .*category_id: the category is archived/);
    expect(failing.nextIndex).toBe(0);

    await db.pool.query('UPDATE categories SET archived = false WHERE id = $1', [category]);
    await scheduler().runOnce();
    expect(await postedDates(me.teamId)).toEqual(['2026-11-26']);
    const [recovered] = await listRecurringRules(db.store, me);
    expect([recovered.id, recovered.lastError, recovered.lastErrorAt]).toEqual([rule.id, null, null]);
  });

  it('does not post what is not due yet, nor anything of a deleted rule', async () => {
    const me = caller(uuidv7());
    const { rule } = await createRecurringRule(db.store, me, ruleInput({ startDate: '2026-11-26', timeZone: 'Asia/Dhaka' }));
    // 26 November starts in Dhaka at 25 November 18:00Z.
    await scheduler(db.store, new Date('2026-11-25T17:59:59Z')).runOnce();
    expect(await postedDates(me.teamId)).toEqual([]);
    await scheduler(db.store, new Date('2026-11-25T18:00:00Z')).runOnce();
    expect(await postedDates(me.teamId)).toEqual(['2026-11-26']);
    await deleteRecurringRule(db.store, me, rule.id);
    await scheduler(db.store, new Date('2026-11-27T00:00:00Z')).runOnce(); // 27 November would have been due in Dhaka
    expect(await postedDates(me.teamId)).toEqual(['2026-11-26']);
    expect(await listRecurringRules(db.store, me)).toEqual([]);
  });

  it('lists upcoming occurrences that are not posted yet, creating nothing', async () => {
    const me = caller(uuidv7());
    const rent = (await createRecurringRule(db.store, me, ruleInput({ frequency: 'monthly', dayOfMonth: 31, startDate: '2026-11-01', description: 'rent' }))).rule;
    const gym = (await createRecurringRule(db.store, me, ruleInput({ frequency: 'weekly', weekday: 5, startDate: '2026-11-01', count: 5, description: 'gym' }))).rule;
    await scheduler(db.store, new Date('2026-11-10T00:00:00Z')).runOnce(); // posts gym on 6 November
    const upcoming = await listUpcoming(db.store, caller(me.teamId, 'observer'), { from: parseIsoDate('2026-11-01')!, to: parseIsoDate('2027-02-28')! });
    expect(upcoming.map((u) => [formatIsoDate(u.occurrence.date), u.rule.description])).toEqual([
      ['2026-11-13', 'gym'],
      ['2026-11-20', 'gym'],
      ['2026-11-27', 'gym'],
      ['2026-11-30', 'rent'],
      ['2026-12-04', 'gym'],
      ['2026-12-31', 'rent'],
      ['2027-01-31', 'rent'],
      ['2027-02-28', 'rent'],
    ]);
    expect(upcoming[0].dueAt.toISOString()).toBe('2026-11-13T00:00:00.000Z');
    expect(await postedDates(me.teamId)).toEqual(['2026-11-06']);
    expect([rent.id, gym.id]).toHaveLength(2);
  });

  it('the loop starts, posts, and stops', async () => {
    const me = caller(uuidv7());
    await createRecurringRule(db.store, me, ruleInput({ startDate: '2026-11-20' }));
    const loop = new RecurringScheduler({ store: db.store, logger: log, intervalMs: 50, now: () => CREATED_AT });
    loop.start();
    await waitFor('the loop to post', async () => ((await postedDates(me.teamId)).length === 7 ? true : undefined));
    await loop.stop();
  });

  it('replays a create with the same client id; observers cannot create; another team’s rule is NOT_FOUND', async () => {
    const teamId = uuidv7();
    const id = uuidv7();
    const first = await createRecurringRule(db.store, caller(teamId), ruleInput({ id }));
    const again = await createRecurringRule(db.store, caller(teamId), ruleInput({ id }));
    expect([first.created, again.created]).toEqual([true, false]);
    await expect(createRecurringRule(db.store, caller(teamId), ruleInput({ id, description: 'tea' }))).rejects.toMatchObject({
      grpcStatus: status.ALREADY_EXISTS,
    });
    await expect(createRecurringRule(db.store, caller(teamId, 'observer'), ruleInput())).rejects.toMatchObject({
      grpcStatus: status.PERMISSION_DENIED,
    });
    const refused = await deleteRecurringRule(db.store, caller(uuidv7(), 'admin'), id).catch((error: ServiceError) => error);
    expect((refused as ServiceError).code).toBe('PLANNING_RECURRING_RULE_NOT_FOUND');
  });
});
