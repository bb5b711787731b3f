import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { routePolicyTable } from '@cashier/gateway/routes';
import { databaseUrl, LocalSystem, REPO_ROOT, waitFor } from '@cashier/testing';
import { Api, type Actor } from './support/api';
import { addMember, createTeam, signIn, teamOfThree, type TestTeam } from './support/people';

// Budgets, goals and recurring entries through the gateway, with every service as its own
// process: the recurring scheduler posts transactions, the relay publishes them to Kafka,
// the budgets consumer reads them back and announces thresholds through the outbox.
const system = new LocalSystem({
  portOffset: 10_000,
  logDir: join(REPO_ROOT, 'var', 'log', 'e2e-planning'),
  env: { gateway: { TRUST_PROXY_HOPS: '1' }, transactions: { RECURRING_SCAN_INTERVAL_MS: '300' } },
});
let api: Api;
let ledger: Pool;
let team: TestTeam;
let stranger: Actor;

const DAY_MS = 86_400_000;
/** US dollars from whole cents, as the API writes them (integer math: no floats near money). */
const usd = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** A new, empty team of the fixture's admin (with its cashier-less admin as the actor): for counting from zero. */
async function freshTeam(): Promise<Actor> {
  return { ...team.admin, teamId: await createTeam(api, team.admin, `planning ${randomUUID()}`) };
}

async function outboxTypes(teamId: string, type: string): Promise<number> {
  const { rows } = await ledger.query('SELECT count(*)::int AS n FROM outbox WHERE team_id = $1 AND type = $2', [teamId, type]);
  return rows[0].n;
}

beforeAll(async () => {
  await system.start();
  api = new Api(system.gatewayUrl);
  ledger = new Pool({ connectionString: databaseUrl('cashier_transactions'), max: 2 });
  team = await teamOfThree(api, system.smsSinkFile);
  const other = await signIn(api, system.smsSinkFile);
  stranger = { ...other, teamId: await createTeam(api, other, 'Other family') };
}, 120_000);

afterAll(async () => {
  await ledger?.end();
  await system.stop();
});

describe('planning routes', () => {
  it('every planning route is a team route: reads for every member, writes for cashiers and admins', () => {
    const planning = routePolicyTable().filter((route) => /^\/v1\/(budgets|goals|recurring-rules)/.test(route.path));
    expect(planning.map((route) => [route.method, route.path, route.policy]).sort()).toEqual(
      [
        ['post', '/v1/budgets', 'write'],
        ['get', '/v1/budgets', 'read'],
        ['get', '/v1/budgets/:id', 'read'],
        ['patch', '/v1/budgets/:id', 'write'],
        ['delete', '/v1/budgets/:id', 'write'],
        ['post', '/v1/goals', 'write'],
        ['get', '/v1/goals', 'read'],
        ['get', '/v1/goals/:id', 'read'],
        ['post', '/v1/goals/:id/contributions', 'write'],
        ['delete', '/v1/goals/:id/contributions/:contributionId', 'write'],
        ['delete', '/v1/goals/:id', 'write'],
        ['post', '/v1/recurring-rules', 'write'],
        ['get', '/v1/recurring-rules', 'read'],
        ['get', '/v1/recurring-rules/upcoming', 'read'],
        ['delete', '/v1/recurring-rules/:id', 'write'],
      ]
        .map(([method, path, permission]) => [method, path, { access: 'team', permission }])
        .sort(),
    );
  });
});

describe('budgets', () => {
  const body = { name: 'Groceries', period: 'month', amount: '100.00', currency: 'USD', time_zone: 'UTC' };

  it('a cashier creates, reads, changes and deletes a budget; money is exact decimal strings', async () => {
    const id = randomUUID();
    const created = await api.post('/v1/budgets', team.cashier, { ...body, id });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/budgets/${id}`);
    expect(created.body).toMatchObject({
      id,
      name: 'Groceries',
      category_id: null,
      period: 'month',
      amount: '100.00',
      currency: 'USD',
      time_zone: 'UTC',
      version: 1,
      progress: { period_start: `${isoDay().slice(0, 7)}-01`, spent: '0.00', remaining: '100.00', percent: '0.00' },
    });
    const replay = await api.post('/v1/budgets', team.cashier, { ...body, id });
    expect([replay.status, replay.body.id]).toEqual([200, id]);

    const read = await api.get(`/v1/budgets/${id}`, team.observer);
    expect([read.status, read.body.amount]).toEqual([200, '100.00']);
    const listed = await api.get('/v1/budgets', team.observer);
    expect(listed.body.budgets.map((b: { id: string }) => b.id)).toContain(id);

    const changed = await api.patch(`/v1/budgets/${id}`, team.admin, { amount: '80.50', currency: 'USD', version: 1 });
    expect([changed.status, changed.body.amount, changed.body.version]).toEqual([200, '80.50', 2]);
    const stale = await api.patch(`/v1/budgets/${id}`, team.admin, { name: 'Food', version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'PLANNING_VERSION_CONFLICT']);

    expect((await api.delete(`/v1/budgets/${id}`, team.cashier)).status).toBe(204);
    expect((await api.get(`/v1/budgets/${id}`, team.observer)).status).toBe(404);
  });

  it('refuses bad money and bad fields with 400 problems', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body, amount: 100 }, 'amount'],
      [{ ...body, amount: '1.234' }, 'amount'],
      [{ ...body, amount: '1e3' }, 'amount'],
      [{ ...body, amount: '0.00' }, 'amount'],
      [{ ...body, currency: 'usd' }, 'currency'],
      [{ ...body, currency: 'XYZ' }, 'currency'],
      [{ ...body, period: 'week' }, 'period'],
      [{ ...body, time_zone: 'Mars/Olympus' }, 'time_zone'],
      [{ ...body, team_id: randomUUID() }, 'team_id'],
    ];
    for (const [request, field] of cases) {
      const answer = await api.post('/v1/budgets', team.cashier, request);
      expect([answer.status, answer.headers.get('content-type'), answer.body.errors?.[0]?.field]).toEqual([
        400,
        expect.stringContaining('application/problem+json'),
        field,
      ]);
    }
    const created = await api.post('/v1/budgets', team.cashier, body);
    expect((await api.patch(`/v1/budgets/${created.body.id}`, team.cashier, {})).status).toBe(400);
    expect((await api.patch(`/v1/budgets/${created.body.id}`, team.cashier, { amount: '5.00' })).status).toBe(400);
  });

  it('observers cannot write (403); another team gets 404 for everything', async () => {
    const { body: budget } = await api.post('/v1/budgets', team.cashier, body);
    const observerWrites = await Promise.all([
      api.post('/v1/budgets', team.observer, body),
      api.patch(`/v1/budgets/${budget.id}`, team.observer, { name: 'mine' }),
      api.delete(`/v1/budgets/${budget.id}`, team.observer),
    ]);
    expect(observerWrites.map((r) => r.status)).toEqual([403, 403, 403]);
    const strangerCalls = await Promise.all([
      api.get(`/v1/budgets/${budget.id}`, stranger),
      api.patch(`/v1/budgets/${budget.id}`, stranger, { name: 'mine' }),
      api.delete(`/v1/budgets/${budget.id}`, stranger),
      api.get(`/v1/budgets/${budget.id}`, { ...stranger, teamId: team.teamId }),
      api.get('/v1/budgets/not-a-uuid', team.admin),
    ]);
    expect(strangerCalls.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    expect((await api.get('/v1/budgets', stranger)).body.budgets).toEqual([]);
    const after = await api.get(`/v1/budgets/${budget.id}`, team.admin);
    expect([after.body.name, after.body.version]).toEqual(['Groceries', 1]);
  });

  it('recurring expenses fill the budget; 80 % and 100 % are announced once each through Kafka', async () => {
    const owner = await freshTeam();
    const days = Math.min(new Date().getUTCDate(), 4); // daily occurrences this month, up to today
    const created = await api.post('/v1/budgets', owner, { ...body, amount: usd(1_250 * days) });
    expect(created.status).toBe(201);
    const rule = await api.post('/v1/recurring-rules', owner, {
      frequency: 'daily',
      start_date: isoDay(-(days - 1)),
      type: 'expense',
      amount: '12.50',
      currency: 'USD',
      description: 'lunch',
    });
    expect(rule.status).toBe(201);
    await waitFor('both thresholds to be announced', async () =>
      (await outboxTypes(owner.teamId!, 'transactions.budget.threshold_crossed.v1')) === 2 ? true : undefined,
    );
    const budget = await api.get(`/v1/budgets/${created.body.id}`, owner);
    expect(budget.body.progress).toMatchObject({ spent: usd(1_250 * days), remaining: '0.00', percent: '100.00' });
    // Further scheduler passes and consumed events announce nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await outboxTypes(owner.teamId!, 'transactions.budget.threshold_crossed.v1')).toBe(2);
    expect(await outboxTypes(owner.teamId!, 'transactions.recurring.entry_posted.v1')).toBe(days);
  });
});

describe('goals', () => {
  const goal = { kind: 'savings', name: 'New bike', target_amount: '1000.00', currency: 'USD', target_date: isoDay(365) };

  it('tracks contributions exactly, with a projected completion date', async () => {
    const created = await api.post('/v1/goals', team.cashier, goal);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'savings', target_amount: '1000.00', start_date: isoDay(), progress: { saved: '0.00', percent: '0.00', projected_completion_date: null } });
    const id = created.body.id;
    const first = await api.post(`/v1/goals/${id}/contributions`, team.cashier, { amount: '250.10', currency: 'USD', note: 'bonus' });
    expect(first.status).toBe(201);
    expect(first.body.contribution).toMatchObject({ amount: '250.10', currency: 'USD', note: 'bonus', contributed_on: isoDay() });
    // 250.10 on day one: the remaining 749.90 takes ceil(749.90 / 250.10) = 3 more days.
    expect(first.body.goal.progress).toMatchObject({ saved: '250.10', remaining: '749.90', percent: '25.01', projected_completion_date: isoDay(3), on_track: true });
    const withdrawal = await api.post(`/v1/goals/${id}/contributions`, team.admin, { amount: '-0.10', currency: 'USD' });
    expect(withdrawal.body.goal.progress.saved).toBe('250.00');
    const overdraw = await api.post(`/v1/goals/${id}/contributions`, team.admin, { amount: '-250.01', currency: 'USD' });
    expect([overdraw.status, overdraw.body.code]).toEqual([400, 'PLANNING_GOAL_WOULD_GO_NEGATIVE']);
    const wrongCurrency = await api.post(`/v1/goals/${id}/contributions`, team.admin, { amount: '1', currency: 'JPY' });
    expect([wrongCurrency.status, wrongCurrency.body.errors?.[0]?.field]).toEqual([400, 'currency']);

    const read = await api.get(`/v1/goals/${id}`, team.observer);
    expect(read.body.contributions.map((c: { amount: string }) => c.amount).sort()).toEqual(['-0.10', '250.10']);
    const removed = await api.delete(`/v1/goals/${id}/contributions/${withdrawal.body.contribution.id}`, team.cashier);
    expect([removed.status, removed.body.progress.saved]).toEqual([200, '250.10']);
    const listed = await api.get('/v1/goals', team.observer);
    expect(listed.body.goals.find((g: { id: string }) => g.id === id).progress.saved).toBe('250.10');
    expect((await api.delete(`/v1/goals/${id}`, team.admin)).status).toBe(204);
    expect((await api.get(`/v1/goals/${id}`, team.admin)).status).toBe(404);
  });

  it('observers cannot write (403); another team gets 404', async () => {
    const { body: created } = await api.post('/v1/goals', team.cashier, goal);
    const { body: added } = await api.post(`/v1/goals/${created.id}/contributions`, team.cashier, { amount: '5.00', currency: 'USD' });
    const contributionId = added.contribution.id;
    const observerWrites = await Promise.all([
      api.post('/v1/goals', team.observer, goal),
      api.post(`/v1/goals/${created.id}/contributions`, team.observer, { amount: '1.00', currency: 'USD' }),
      api.delete(`/v1/goals/${created.id}/contributions/${contributionId}`, team.observer),
      api.delete(`/v1/goals/${created.id}`, team.observer),
    ]);
    expect(observerWrites.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    const strangerCalls = await Promise.all([
      api.get(`/v1/goals/${created.id}`, stranger),
      api.post(`/v1/goals/${created.id}/contributions`, stranger, { amount: '1.00', currency: 'USD' }),
      api.delete(`/v1/goals/${created.id}/contributions/${contributionId}`, stranger),
      api.delete(`/v1/goals/${created.id}`, stranger),
    ]);
    expect(strangerCalls.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect((await api.get(`/v1/goals/${created.id}`, team.admin)).body.progress.saved).toBe('5.00');
  });
});

describe('recurring rules', () => {
  const rent = { frequency: 'monthly', day_of_month: 31, start_date: isoDay(1), type: 'expense', amount: '1200.00', currency: 'USD', description: 'rent', count: 3 };

  it('creates a rule, lists it and its upcoming bills without posting them, and deletes it', async () => {
    const owner = await freshTeam();
    const created = await api.post('/v1/recurring-rules', owner, rent);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ frequency: 'monthly', day_of_month: 31, count: 3, amount: '1200.00', posted_count: 0, last_error: null });
    const listed = await api.get('/v1/recurring-rules', { ...team.observer, teamId: owner.teamId });
    expect(listed.status).toBe(404); // the observer of another team
    const rules = await api.get('/v1/recurring-rules', owner);
    expect(rules.body.rules.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    const upcoming = await api.get(`/v1/recurring-rules/upcoming?from=${isoDay()}&to=${isoDay(366)}`, owner);
    expect(upcoming.status).toBe(200);
    expect(upcoming.body.occurrences).toHaveLength(3);
    expect(upcoming.body.occurrences[0]).toMatchObject({ rule_id: created.body.id, amount: '1200.00', currency: 'USD', type: 'expense' });
    expect(upcoming.body.occurrences.map((o: { date: string }) => o.date)).toEqual([...upcoming.body.occurrences.map((o: { date: string }) => o.date)].sort());
    expect(await outboxTypes(owner.teamId!, 'transactions.recurring.entry_posted.v1')).toBe(0);
    expect((await api.get(`/v1/recurring-rules/upcoming?from=${isoDay()}&to=${isoDay(400)}`, owner)).status).toBe(400);

    expect((await api.delete(`/v1/recurring-rules/${created.body.id}`, owner)).status).toBe(204);
    expect((await api.get('/v1/recurring-rules', owner)).body.rules).toEqual([]);
    expect((await api.get(`/v1/recurring-rules/upcoming`, owner)).body.occurrences).toEqual([]);
  });

  it('the scheduler posts a due occurrence once, as a ledger transaction with source "recurring"', async () => {
    const owner = await freshTeam();
    const created = await api.post('/v1/recurring-rules', owner, { ...rent, frequency: 'daily', day_of_month: undefined, count: 1, start_date: isoDay() });
    expect(created.status).toBe(201);
    await waitFor('the occurrence to be posted', async () => {
      const rules = await api.get('/v1/recurring-rules', owner);
      return rules.body.rules[0]?.posted_count === 1 ? rules.body.rules[0] : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const { rows } = await ledger.query(
      `SELECT type, amount_minor::text AS amount, source, description FROM transactions WHERE team_id = $1`,
      [owner.teamId],
    );
    expect(rows).toEqual([{ type: 'expense', amount: '120000', source: 'recurring', description: 'rent' }]);
  });

  it('a member who leaves takes their rules along: the scheduler posts nothing more in their name', async () => {
    const owner = await freshTeam();
    const helper = await addMember(api, team.admin, owner.teamId!, await signIn(api, system.smsSinkFile), 'cashier');
    const theirs = await api.post('/v1/recurring-rules', helper, { ...rent, start_date: isoDay(2) });
    const mine = await api.post('/v1/recurring-rules', owner, { ...rent, start_date: isoDay(2) });
    expect([theirs.status, mine.status]).toEqual([201, 201]);
    expect((await api.delete(`/v1/teams/${owner.teamId}/members/${helper.userId}`, owner)).status).toBe(204);
    const left = await waitFor('the leaver’s rule to stop', async () => {
      const rules = (await api.get('/v1/recurring-rules', owner)).body.rules as { id: string }[];
      return rules.length === 1 ? rules : undefined;
    });
    expect(left.map((rule) => rule.id)).toEqual([mine.body.id]);
  });

  it('refuses bad rules with 400; observers cannot write (403); another team gets 404', async () => {
    const bad = await Promise.all([
      api.post('/v1/recurring-rules', team.cashier, { ...rent, weekday: 3 }),
      api.post('/v1/recurring-rules', team.cashier, { ...rent, frequency: 'yearly', month: 2, day_of_month: 30 }),
      api.post('/v1/recurring-rules', team.cashier, { ...rent, start_date: '2026-02-30' }),
      api.post('/v1/recurring-rules', team.cashier, { ...rent, category_id: randomUUID() }),
    ]);
    expect(bad.map((r) => [r.status, r.body.errors?.[0]?.field])).toEqual([
      [400, 'weekday'],
      [400, 'day_of_month'],
      [400, 'start_date'],
      [400, 'category_id'],
    ]);
    const { body: rule } = await api.post('/v1/recurring-rules', team.cashier, rent);
    expect((await api.post('/v1/recurring-rules', team.observer, rent)).status).toBe(403);
    expect((await api.delete(`/v1/recurring-rules/${rule.id}`, team.observer)).status).toBe(403);
    expect((await api.delete(`/v1/recurring-rules/${rule.id}`, stranger)).status).toBe(404);
    const strangersUpcoming = await api.get(`/v1/recurring-rules/upcoming?from=${isoDay()}&to=${isoDay(366)}`, stranger);
    expect(strangersUpcoming.body.occurrences).toEqual([]);
    expect((await api.get('/v1/recurring-rules', team.observer)).body.rules.map((r: { id: string }) => r.id)).toContain(rule.id);
  });
});
