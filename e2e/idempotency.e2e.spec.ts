import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LocalSystem, REPO_ROOT } from '@cashier/testing';
import { Api, expense, type Actor } from './support/api';
import { teamOfThree, type TestTeam } from './support/people';

const system = new LocalSystem({
  portOffset: 10_000,
  logDir: join(REPO_ROOT, 'var', 'log', 'e2e-idempotency'),
  env: { gateway: { TRUST_PROXY_HOPS: '1' } },
});
let api: Api;
let team: TestTeam;

beforeAll(async () => {
  await system.start();
  api = new Api(system.gatewayUrl);
  team = await teamOfThree(api, system.smsSinkFile);
}, 180_000);

afterAll(async () => {
  await system.stop();
});

/** A fresh account, so that each test counts only its own transactions. */
async function freshAccount(): Promise<string> {
  const created = await api.post('/v1/accounts', team.admin, { name: 'Offline wallet', kind: 'cash', currency: 'USD' });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function transactionsIn(accountId: string): Promise<unknown[]> {
  const listed = await api.get(`/v1/transactions?account_id=${accountId}`, team.admin);
  expect(listed.status).toBe(200);
  return listed.body.transactions;
}

const withKey = (key: string) => ({ 'idempotency-key': key });
const postTransaction = (who: Actor, body: unknown, key?: string) =>
  api.post('/v1/transactions', who, body, key === undefined ? {} : withKey(key));

describe('Idempotency-Key on POST /v1/transactions', () => {
  it('a retry with the same key gets the same 201 and body, marked as replayed, and writes nothing more', async () => {
    const account = await freshAccount();
    const key = randomUUID();
    const body = expense({ account_id: account });
    const first = await postTransaction(team.cashier, body, key);
    const retry = await postTransaction(team.cashier, body, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect([retry.headers.get('location'), retry.headers.get('etag')]).toEqual([first.headers.get('location'), first.headers.get('etag')]);
    expect([first.headers.get('idempotent-replayed'), retry.headers.get('idempotent-replayed')]).toEqual([null, 'true']);
    expect(await transactionsIn(account)).toHaveLength(1);
  });

  it('the same key with a different body is a 422 and writes nothing', async () => {
    const account = await freshAccount();
    const key = randomUUID();
    expect((await postTransaction(team.cashier, expense({ account_id: account }), key)).status).toBe(201);
    const other = await postTransaction(team.cashier, expense({ account_id: account, amount: '99.00' }), key);
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await transactionsIn(account)).toHaveLength(1);
  });

  it('two concurrent identical requests with one key write one row: one 201, the other a 409 or a replay', async () => {
    const account = await freshAccount();
    const key = randomUUID();
    const body = expense({ account_id: account });
    const answers = await Promise.all([postTransaction(team.cashier, body, key), postTransaction(team.cashier, body, key)]);
    const fresh = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null);
    const others = answers.filter((a) => !fresh.includes(a));
    expect(fresh).toHaveLength(1);
    expect(others).toHaveLength(1);
    const [other] = others;
    if (other.status === 409) {
      expect([other.body.code, other.headers.get('retry-after')]).toEqual(['IDEMPOTENCY_KEY_IN_USE', '1']);
    } else {
      expect([other.status, other.headers.get('idempotent-replayed'), other.body]).toEqual([201, 'true', fresh[0].body]);
    }
    expect(await transactionsIn(account)).toHaveLength(1);
  });

  it('replays a 4xx validation error too', async () => {
    const key = randomUUID();
    const invalid = expense({ amount: 12.5 });
    const first = await postTransaction(team.cashier, invalid, key);
    const retry = await postTransaction(team.cashier, invalid, key);
    expect(first.status).toBe(400);
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([400, 'true']);
    expect(retry.body).toEqual(first.body);
  });

  it('the same key of another user is independent', async () => {
    const account = await freshAccount();
    const key = randomUUID();
    const body = expense({ account_id: account });
    const mine = await postTransaction(team.cashier, body, key);
    const theirs = await postTransaction(team.admin, body, key);
    expect([mine.status, theirs.status, theirs.headers.get('idempotent-replayed')]).toEqual([201, 201, null]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect((await postTransaction(team.cashier, body, key)).body).toEqual(mine.body);
    expect(await transactionsIn(account)).toHaveLength(2);
  });

  it('without the header nothing changes: each request writes', async () => {
    const account = await freshAccount();
    const body = expense({ account_id: account });
    const answers = [await postTransaction(team.cashier, body), await postTransaction(team.cashier, body)];
    expect(answers.map((a) => [a.status, a.headers.get('idempotent-replayed')])).toEqual([
      [201, null],
      [201, null],
    ]);
    expect(await transactionsIn(account)).toHaveLength(2);
  });

  it('refuses a malformed key with 400 and writes nothing; a refused caller is never remembered', async () => {
    const account = await freshAccount();
    const body = expense({ account_id: account });
    const malformed = await postTransaction(team.cashier, body, 'x'.repeat(256));
    expect([malformed.status, malformed.body.code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
    const key = randomUUID();
    const forbidden = await postTransaction(team.observer, body, key);
    expect(forbidden.status).toBe(403);
    expect((await postTransaction(team.observer, body, key)).headers.get('idempotent-replayed')).toBeNull();
    expect(await transactionsIn(account)).toHaveLength(0);
  });
});

describe('Idempotency-Key on other writes', () => {
  it('a retried DELETE replays its 204 instead of answering 404', async () => {
    const created = await postTransaction(team.cashier, expense());
    const key = randomUUID();
    const first = await api.delete(`/v1/transactions/${created.body.id}`, team.cashier, withKey(key));
    const retry = await api.delete(`/v1/transactions/${created.body.id}`, team.cashier, withKey(key));
    expect([first.status, retry.status, retry.headers.get('idempotent-replayed')]).toEqual([204, 204, 'true']);
    expect((await api.delete(`/v1/transactions/${created.body.id}`, team.cashier)).status).toBe(404);
  });

  it('is ignored on public routes (sign-in)', async () => {
    const key = randomUUID();
    const answers = [
      await api.post('/v1/auth/refresh', { accessToken: '', ip: team.cashier.ip }, { refresh_token: 'x'.repeat(40) }, withKey(key)),
      await api.post('/v1/auth/refresh', { accessToken: '', ip: team.cashier.ip }, { refresh_token: 'x'.repeat(40) }, withKey(key)),
    ];
    expect(answers.map((a) => a.headers.get('idempotent-replayed'))).toEqual([null, null]);
  });
});
