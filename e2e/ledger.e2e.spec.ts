import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LocalSystem, REPO_ROOT, waitFor } from '@cashier/testing';
import { Api, type Actor } from './support/api';
import { LedgerChecksum } from './support/ledger-checksum';
import { signIn, teamOfThree, type TestTeam } from './support/people';

const system = new LocalSystem({
  portOffset: 10_000,
  logDir: join(REPO_ROOT, 'var', 'log', 'e2e-ledger'),
  env: { gateway: { TRUST_PROXY_HOPS: '1' } },
});
let api: Api;
let ledger: LedgerChecksum;
let team: TestTeam;

beforeAll(async () => {
  await system.start();
  api = new Api(system.gatewayUrl);
  ledger = new LedgerChecksum();
  team = await teamOfThree(api, system.smsSinkFile);
}, 180_000);

afterAll(async () => {
  await ledger?.close();
  await system.stop();
});

interface Category {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
}

async function account(who: Actor, body: Record<string, unknown>): Promise<string> {
  const created = await api.post('/v1/accounts', who, { name: 'Cash', kind: 'cash', currency: 'USD', ...body });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function entry(who: Actor, body: Record<string, unknown>) {
  const created = await api.post('/v1/transactions', who, {
    type: 'expense',
    amount: '10.00',
    currency: 'USD',
    occurred_at: '2026-11-20T10:00:00Z',
    ...body,
  });
  expect({ status: created.status, body: created.body }).toEqual({ status: 201, body: expect.objectContaining({ id: expect.any(String) }) });
  return created.body;
}

const balanceOf = async (who: Actor, id: string) => (await api.get(`/v1/accounts/${id}`, who)).body.balance;

describe('categories', () => {
  it('a new team gets the default categories (from the TeamCreated event), nested and of both kinds', async () => {
    const categories = await waitFor('the default categories', async () => {
      const listed = await api.get('/v1/categories', team.observer);
      return listed.body.categories?.length > 10 ? (listed.body.categories as Category[]) : undefined;
    });
    expect(new Set(categories.map((c) => c.kind))).toEqual(new Set(['expense', 'income']));
    const groceries = categories.find((c) => c.name === 'Groceries')!;
    expect(categories.find((c) => c.id === groceries.parent_id)?.name).toBe('Food & dining');
  });

  it('creates, renames, moves (never into a cycle), archives, and deletes only unused ones', async () => {
    const parent = await api.post('/v1/categories', team.cashier, { name: 'Pets', kind: 'expense' });
    expect([parent.status, parent.headers.get('etag')]).toEqual([201, '"v1"']);
    const child = await api.post('/v1/categories', team.cashier, { name: 'Vet', kind: 'expense', parent_id: parent.body.id });
    expect(child.body.parent_id).toBe(parent.body.id);
    const cycle = await api.patch(`/v1/categories/${parent.body.id}`, team.cashier, { parent_id: child.body.id });
    expect([cycle.status, cycle.body.errors?.[0]?.field]).toEqual([400, 'parent_id']);
    const wrongKind = await api.post('/v1/categories', team.cashier, { name: 'Tips', kind: 'income', parent_id: parent.body.id });
    expect(wrongKind.status).toBe(400);
    const renamed = await api.patch(`/v1/categories/${child.body.id}`, team.cashier, { name: 'Vet bills' }, { 'if-match': '"v1"' });
    expect([renamed.status, renamed.body.name, renamed.headers.get('etag')]).toEqual([200, 'Vet bills', '"v2"']);
    const stale = await api.patch(`/v1/categories/${child.body.id}`, team.cashier, { name: 'Vet' }, { 'if-match': '"v1"' });
    expect([stale.status, stale.body.code]).toEqual([412, 'TRANSACTIONS_VERSION_MISMATCH']);

    await entry(team.cashier, { category_id: child.body.id });
    const inUse = await api.delete(`/v1/categories/${child.body.id}`, team.cashier);
    expect([inUse.status, inUse.body.code]).toEqual([400, 'TRANSACTIONS_CATEGORY_IN_USE']);
    const archived = await api.patch(`/v1/categories/${child.body.id}`, team.cashier, { archived: true });
    expect(archived.body.archived).toBe(true);
    const listed = await api.get('/v1/categories', team.cashier);
    expect(listed.body.categories.map((c: Category) => c.id)).not.toContain(child.body.id);
    const withArchived = await api.get('/v1/categories?include_archived=true', team.cashier);
    expect(withArchived.body.categories.map((c: Category) => c.id)).toContain(child.body.id);

    const unused = await api.post('/v1/categories', team.cashier, { name: 'Temporary', kind: 'income' });
    expect((await api.delete(`/v1/categories/${unused.body.id}`, team.cashier)).status).toBe(204);
    expect((await api.get(`/v1/categories/${unused.body.id}`, team.cashier)).status).toBe(404);
  });
});

describe('accounts and balances', () => {
  it('opens accounts of every kind with exact opening balances; the balance is opening plus entries', async () => {
    const bkash = await api.post('/v1/accounts', team.cashier, {
      name: 'bKash',
      kind: 'mobile_money',
      provider: 'bKash',
      currency: 'BDT',
      opening_balance: '1500.50',
    });
    expect(bkash.status).toBe(201);
    expect(bkash.body).toMatchObject({ kind: 'mobile_money', provider: 'bKash', currency: 'BDT', opening_balance: '1500.50', balance: '1500.50' });
    expect(bkash.headers.get('location')).toBe(`/v1/accounts/${bkash.body.id}`);
    for (const kind of ['bank', 'card', 'savings', 'credit']) await account(team.cashier, { name: kind, kind });

    const wallet = await account(team.cashier, { opening_balance: '100.00' });
    await entry(team.cashier, { account_id: wallet, amount: '12.50' });
    await entry(team.cashier, { account_id: wallet, type: 'income', amount: '0.10' });
    expect(await balanceOf(team.observer, wallet)).toBe('87.60');

    const listed = await api.get('/v1/accounts', team.observer);
    expect(listed.body.accounts.find((a: { id: string }) => a.id === wallet).balance).toBe('87.60');
  });

  it('takes the client’s own id: a retry is a replay (200), different content a conflict (409)', async () => {
    const id = randomUUID();
    const body = { id, name: 'Offline purse', kind: 'cash', currency: 'JPY', opening_balance: '500' };
    expect((await api.post('/v1/accounts', team.cashier, body)).status).toBe(201);
    const again = await api.post('/v1/accounts', team.cashier, body);
    expect([again.status, again.body.id]).toEqual([200, id]);
    expect((await api.post('/v1/accounts', team.cashier, { ...body, name: 'Other' })).status).toBe(409);
  });

  it('refuses money as a JSON number, too many decimals, and a currency change', async () => {
    const id = await account(team.cashier, {});
    expect((await api.post('/v1/accounts', team.cashier, { name: 'x', kind: 'cash', currency: 'USD', opening_balance: 10.5 })).status).toBe(400);
    expect((await api.post('/v1/accounts', team.cashier, { name: 'x', kind: 'cash', currency: 'KWD', opening_balance: '1.2345' })).status).toBe(400);
    const currency = await api.patch(`/v1/accounts/${id}`, team.cashier, { opening_balance: '5.00', currency: 'EUR' });
    expect([currency.status, currency.body.errors?.[0]?.field]).toEqual([400, 'currency']);
    const renamed = await api.patch(`/v1/accounts/${id}`, team.cashier, { name: 'Pocket', archived: true }, { 'if-match': '"v1"' });
    expect([renamed.status, renamed.body.name, renamed.body.archived, renamed.headers.get('etag')]).toEqual([200, 'Pocket', true, '"v2"']);
    const stale = await api.patch(`/v1/accounts/${id}`, team.cashier, { name: 'Again' }, { 'if-match': '"v1"' });
    expect(stale.status).toBe(412);
    const onArchived = await api.post('/v1/transactions', team.cashier, {
      type: 'expense',
      amount: '1.00',
      currency: 'USD',
      occurred_at: '2026-11-20T10:00:00Z',
      account_id: id,
    });
    expect([onArchived.status, onArchived.body.errors?.[0]?.field]).toEqual([400, 'account_id']);
  });
});

describe('transactions of every type', () => {
  it('splits a payment exactly across categories, or refuses it', async () => {
    const [a, b] = await Promise.all([
      api.post('/v1/categories', team.cashier, { name: 'Split A', kind: 'expense' }),
      api.post('/v1/categories', team.cashier, { name: 'Split B', kind: 'expense' }),
    ]);
    const split = await entry(team.cashier, {
      amount: '100.01',
      splits: [
        { category_id: a.body.id, amount: '33.34' },
        { category_id: b.body.id, amount: '66.67', description: 'soap' },
      ],
    });
    expect(split.splits).toEqual([
      { category_id: a.body.id, amount: '33.34', description: '' },
      { category_id: b.body.id, amount: '66.67', description: 'soap' },
    ]);
    const uneven = await api.post('/v1/transactions', team.cashier, {
      type: 'expense',
      amount: '100.00',
      currency: 'USD',
      occurred_at: '2026-11-20T10:00:00Z',
      splits: [
        { category_id: a.body.id, amount: '33.33' },
        { category_id: b.body.id, amount: '66.66' },
      ],
    });
    expect([uneven.status, uneven.body.errors?.[0]?.field]).toEqual([400, 'splits']);
  });

  it('transfers between accounts keep the money; across currencies both amounts are needed', async () => {
    const bank = await account(team.cashier, { name: 'Bank', kind: 'bank', opening_balance: '1000.00' });
    const nagad = await account(team.cashier, { name: 'Nagad', kind: 'mobile_money', provider: 'Nagad', currency: 'BDT' });
    const missing = await api.post('/v1/transactions', team.cashier, {
      type: 'transfer',
      amount: '10.00',
      currency: 'USD',
      occurred_at: '2026-11-20T10:00:00Z',
      account_id: bank,
      to_account_id: nagad,
    });
    expect([missing.status, missing.body.errors?.[0]?.field]).toEqual([400, 'to_amount']);
    const transfer = await entry(team.cashier, { type: 'transfer', account_id: bank, to_account_id: nagad, to_amount: '1220.50', to_currency: 'BDT' });
    expect(transfer).toMatchObject({ type: 'transfer', amount: '10.00', to_amount: '1220.50', to_currency: 'BDT' });
    expect([await balanceOf(team.cashier, bank), await balanceOf(team.cashier, nagad)]).toEqual(['990.00', '1220.50']);
  });

  it('loans and debts: repayments reduce what is outstanding, exactly', async () => {
    const cash = await account(team.cashier, { opening_balance: '500.00' });
    const loan = await entry(team.cashier, { type: 'loan_given', account_id: cash, amount: '100.00', payee: 'Karim', due_date: '2027-01-31' });
    expect(loan).toMatchObject({ outstanding: '100.00', due_date: '2027-01-31', payee: 'Karim' });
    await entry(team.cashier, { type: 'repayment', loan_id: loan.id, account_id: cash, amount: '33.33' });
    expect((await api.get(`/v1/transactions/${loan.id}`, team.observer)).body.outstanding).toBe('66.67');
    const over = await api.post('/v1/transactions', team.cashier, {
      type: 'repayment',
      amount: '66.68',
      currency: 'USD',
      occurred_at: '2026-11-21T10:00:00Z',
      loan_id: loan.id,
    });
    expect([over.status, over.body.code]).toEqual([400, 'TRANSACTIONS_REPAYMENT_EXCEEDS_OUTSTANDING']);
    expect(await balanceOf(team.cashier, cash)).toBe('433.33');
    const debt = await entry(team.cashier, { type: 'debt', amount: '20.00', payee: 'Grocer' });
    const taken = await entry(team.cashier, { type: 'loan_taken', account_id: cash, amount: '50.00', payee: 'Bank' });
    expect([debt.outstanding, taken.outstanding, await balanceOf(team.cashier, cash)]).toEqual(['20.00', '50.00', '483.33']);
  });

  it('keeps the fields it carries and refuses what a client may not set', async () => {
    const created = await entry(team.cashier, {
      type: 'income',
      amount: '1500',
      currency: 'JPY',
      payee: 'Shop',
      description: 'refund',
      tags: ['refund', 'shop'],
      source: 'receipt',
      attachment_ref: 'receipts/abc.jpg',
    });
    expect(created).toMatchObject({ amount: '1500', currency: 'JPY', tags: ['refund', 'shop'], source: 'receipt', attachment_ref: 'receipts/abc.jpg' });
    for (const extra of [{ team_id: randomUUID() }, { created_by: randomUUID() }, { version: 7 }, { tags: Array(11).fill('t') }]) {
      const refused = await api.post('/v1/transactions', team.cashier, {
        type: 'expense',
        amount: '1.00',
        currency: 'USD',
        occurred_at: '2026-11-20T10:00:00Z',
        ...extra,
      });
      expect({ extra, status: refused.status }).toEqual({ extra, status: 400 });
    }
  });
});

describe('reading, changing and deleting a transaction', () => {
  it('GET carries an ETag; PATCH needs If-Match (428), a stale one is 412; DELETE makes it gone', async () => {
    const created = await entry(team.cashier, { description: 'lunch' });
    const read = await api.get(`/v1/transactions/${created.id}`, team.observer);
    expect([read.status, read.headers.get('etag')]).toEqual([200, '"v1"']);

    const noIfMatch = await api.patch(`/v1/transactions/${created.id}`, team.cashier, { description: 'dinner' });
    expect([noIfMatch.status, noIfMatch.body.code]).toEqual([428, 'PRECONDITION_REQUIRED']);
    const massAssignment = await api.patch(`/v1/transactions/${created.id}`, team.cashier, { team_id: randomUUID() }, { 'if-match': '"v1"' });
    expect(massAssignment.status).toBe(400);
    for (const field of ['created_by', 'version', 'id']) {
      expect((await api.patch(`/v1/transactions/${created.id}`, team.cashier, { [field]: 1 }, { 'if-match': '"v1"' })).status).toBe(400);
    }

    const [left, right] = await Promise.all([
      api.patch(`/v1/transactions/${created.id}`, team.cashier, { description: 'left' }, { 'if-match': '"v1"' }),
      api.patch(`/v1/transactions/${created.id}`, team.admin, { description: 'right' }, { 'if-match': '"v1"' }),
    ]);
    expect([left.status, right.status].sort()).toEqual([200, 412]);
    const winner = left.status === 200 ? left : right;
    expect(winner.headers.get('etag')).toBe('"v2"');

    const changed = await api.patch(
      `/v1/transactions/${created.id}`,
      team.cashier,
      { amount: '7.25', currency: 'USD', tags: ['food'] },
      { 'if-match': '"v2"' },
    );
    expect([changed.status, changed.body.amount, changed.body.version, changed.body.created_by]).toEqual([200, '7.25', 3, team.cashier.userId]);
    const tooPrecise = await api.patch(`/v1/transactions/${created.id}`, team.cashier, { amount: '7.255', currency: 'USD' }, { 'if-match': '"v3"' });
    expect(tooPrecise.status).toBe(400);

    expect((await api.delete(`/v1/transactions/${created.id}`, team.cashier, { 'if-match': '"v2"' })).status).toBe(412);
    expect((await api.delete(`/v1/transactions/${created.id}`, team.cashier, { 'if-match': '"v3"' })).status).toBe(204);
    expect((await api.get(`/v1/transactions/${created.id}`, team.cashier)).status).toBe(404);
    expect((await api.delete(`/v1/transactions/${created.id}`, team.cashier)).status).toBe(404);
  });

  it('announces created, updated and deleted through the outbox (and the new team’s categories)', async () => {
    const fresh = await teamOfThree(api, system.smsSinkFile);
    await waitFor('the default categories', async () => ((await api.get('/v1/categories', fresh.cashier)).body.categories?.length > 0 ? true : undefined));
    const created = await entry(fresh.cashier, {});
    await api.patch(`/v1/transactions/${created.id}`, fresh.cashier, { description: 'x' }, { 'if-match': '"v1"' });
    await api.delete(`/v1/transactions/${created.id}`, fresh.cashier);
    const types = await ledger.outboxTypes(fresh.teamId);
    expect(types.filter((type) => type === 'transactions.category.changed.v1').length).toBeGreaterThan(10); // the default categories
    expect(types.filter((type) => type.startsWith('transactions.transaction.'))).toEqual([
      'transactions.transaction.created.v1',
      'transactions.transaction.updated.v1',
      'transactions.transaction.deleted.v1',
    ]);
  });
});

describe('listing', () => {
  it('filters, sorts, and pages with an opaque cursor; a huge limit is clamped', async () => {
    const fresh = await teamOfThree(api, system.smsSinkFile);
    const cat = (await api.post('/v1/categories', fresh.cashier, { name: 'Books', kind: 'expense' })).body.id;
    const made: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const row = await entry(fresh.cashier, {
        amount: `${i}.00`,
        occurred_at: `2026-11-0${i}T10:00:00Z`,
        category_id: i % 2 ? cat : null,
        tags: i === 3 ? ['gift'] : [],
        payee: i === 5 ? '100% Books_Shop' : '',
      });
      made.push(row.id);
    }
    const all = await api.get('/v1/transactions?limit=100000', fresh.observer);
    expect([all.status, all.body.transactions.length, all.body.next_cursor]).toEqual([200, 7, null]);

    const pages: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { body: { transactions: { id: string }[]; next_cursor: string | null } } = await api.get(
        `/v1/transactions?limit=3&sort=amount_desc${cursor ? `&cursor=${cursor}` : ''}`,
        fresh.observer,
      );
      pages.push(...page.body.transactions.map((t) => t.id));
      cursor = page.body.next_cursor;
    }
    expect(pages).toEqual([...made].reverse());

    const filtered = async (query: string) => (await api.get(`/v1/transactions?${query}`, fresh.observer)).body.transactions.map((t: { id: string }) => t.id);
    expect(await filtered(`category_id=${cat}`)).toEqual([made[6], made[4], made[2], made[0]]);
    expect(await filtered('tag=gift')).toEqual([made[2]]);
    expect(await filtered(`q=${encodeURIComponent('0% b')}`)).toEqual([made[4]]);
    expect(await filtered('q=_')).toEqual([made[4]]);
    expect(await filtered('currency=USD&min_amount=2.00&max_amount=3.00&sort=amount_asc')).toEqual([made[1], made[2]]);
    expect(await filtered('from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z')).toEqual([made[2], made[1]]);
    expect(await filtered(`created_by=${fresh.cashier.userId}&type=expense,income`)).toHaveLength(7);
    expect((await api.get('/v1/transactions?min_amount=1.00', fresh.observer)).status).toBe(400);
    expect((await api.get('/v1/transactions?cursor=bogus', fresh.observer)).status).toBe(400);
    expect((await api.get('/v1/transactions?colour=red', fresh.observer)).status).toBe(400);
  });
});

describe('offline sync and the audit trail', () => {
  it('returns every change since the cursor, deletions as tombstones, and converges', async () => {
    const fresh = await teamOfThree(api, system.smsSinkFile);
    await waitFor('the default categories', async () => ((await api.get('/v1/categories', fresh.cashier)).body.categories?.length > 0 ? true : undefined));
    const first = await api.get('/v1/sync?limit=1000', fresh.cashier);
    expect(first.status).toBe(200);
    const cursor = first.body.cursor as string;

    const offlineId = randomUUID();
    const body = { id: offlineId, type: 'expense', amount: '3.00', currency: 'USD', occurred_at: '2026-11-22T10:00:00Z' };
    expect((await api.post('/v1/transactions', fresh.cashier, body)).status).toBe(201);
    expect((await api.post('/v1/transactions', fresh.cashier, body)).status).toBe(200);
    const gone = await entry(fresh.admin, {});
    await api.delete(`/v1/transactions/${gone.id}`, fresh.admin);

    const since = await api.get(`/v1/sync?cursor=${cursor}&limit=1`, fresh.observer);
    expect([since.body.changes.length, since.body.has_more]).toEqual([1, true]);
    const rest = await api.get(`/v1/sync?cursor=${since.body.cursor}`, fresh.observer);
    const changes = [...since.body.changes, ...rest.body.changes];
    expect(changes.map((c: { entity_id: string; deleted: boolean; op: string }) => [c.entity_id, c.op, c.deleted])).toEqual([
      [offlineId, 'created', false],
      [gone.id, 'deleted', true],
    ]);
    expect(changes[0].data).toMatchObject({ id: offlineId, amount: '3.00' });
    expect(changes[1].data).toBeNull();
    const idle = await api.get(`/v1/sync?cursor=${rest.body.cursor}`, fresh.observer);
    expect([idle.body.changes, idle.body.has_more]).toEqual([[], false]);
    expect((await api.get('/v1/sync?cursor=!!', fresh.observer)).status).toBe(400);
  });

  it('two clients edit offline, sync, and converge; the stale edit gets 412 and is redone on the fresh version', async () => {
    const fresh = await teamOfThree(api, system.smsSinkFile);
    await waitFor('the default categories', async () => ((await api.get('/v1/categories', fresh.cashier)).body.categories?.length > 0 ? true : undefined));
    const shared = await entry(fresh.admin, { description: 'groceries' });

    /** A device's replica of the team: entities by id, kept current from /v1/sync. */
    class Device {
      readonly entities = new Map<string, unknown>();
      cursor = '';
      constructor(readonly who: Actor) {}
      async sync(): Promise<void> {
        for (;;) {
          const page = await api.get(`/v1/sync?limit=50${this.cursor ? `&cursor=${this.cursor}` : ''}`, this.who);
          expect(page.status).toBe(200);
          for (const change of page.body.changes as { entity_id: string; deleted: boolean; data: unknown }[]) {
            if (change.deleted) this.entities.delete(change.entity_id);
            else this.entities.set(change.entity_id, change.data);
          }
          this.cursor = page.body.cursor;
          if (!page.body.has_more) return;
        }
      }
    }
    const phone = new Device(fresh.cashier);
    const tablet = new Device(fresh.admin);
    await Promise.all([phone.sync(), tablet.sync()]);

    // Offline, each device records its own entry (its own ids) and edits the shared one from version 1.
    const fromPhone = { id: randomUUID(), type: 'expense', amount: '4.20', currency: 'USD', occurred_at: '2026-11-23T08:00:00Z' };
    const fromTablet = { id: randomUUID(), type: 'income', amount: '50.00', currency: 'USD', occurred_at: '2026-11-23T09:00:00Z' };
    // Back online: the phone's queue goes first, then the tablet's.
    expect((await api.post('/v1/transactions', fresh.cashier, fromPhone)).status).toBe(201);
    expect((await api.patch(`/v1/transactions/${shared.id}`, fresh.cashier, { description: 'groceries, milk' }, { 'if-match': '"v1"' })).status).toBe(200);
    expect((await api.post('/v1/transactions', fresh.admin, fromTablet)).status).toBe(201);
    const stale = await api.patch(`/v1/transactions/${shared.id}`, fresh.admin, { amount: '12.00', currency: 'USD' }, { 'if-match': '"v1"' });
    expect(stale.status).toBe(412);
    // The tablet syncs, sees version 2, and redoes its edit on it.
    await tablet.sync();
    expect(tablet.entities.get(shared.id)).toMatchObject({ description: 'groceries, milk', version: 2 });
    expect((await api.patch(`/v1/transactions/${shared.id}`, fresh.admin, { amount: '12.00', currency: 'USD' }, { 'if-match': '"v2"' })).status).toBe(200);

    await Promise.all([phone.sync(), tablet.sync()]);
    expect(phone.entities).toEqual(tablet.entities);
    expect(phone.entities.get(shared.id)).toMatchObject({ description: 'groceries, milk', amount: '12.00', version: 3 });
    expect(phone.entities.get(fromPhone.id)).toMatchObject({ amount: '4.20' });
    expect(phone.entities.get(fromTablet.id)).toMatchObject({ amount: '50.00' });
    const server = (await api.get('/v1/transactions?limit=200', fresh.observer)).body.transactions as { id: string }[];
    const replicaTransactions = [...phone.entities.keys()].filter((id) => server.some((t) => t.id === id));
    expect(replicaTransactions.sort()).toEqual(server.map((t) => t.id).sort());
  });

  it('the change log is the audit trail for admins: who, when, before and after', async () => {
    const created = await entry(team.cashier, { amount: '1.00' });
    await api.patch(`/v1/transactions/${created.id}`, team.admin, { amount: '2.00', currency: 'USD' }, { 'if-match': '"v1"' });
    const trail = await api.get(`/v1/changes?entity_id=${created.id}`, team.admin);
    expect(trail.body.changes.map((c: { op: string; actor_id: string }) => [c.op, c.actor_id])).toEqual([
      ['created', team.cashier.userId],
      ['updated', team.admin.userId],
    ]);
    expect(trail.body.changes[1]).toMatchObject({ before: { amount_minor: '100' }, after: { amount_minor: '200' } });
    expect((await api.get('/v1/changes', team.cashier)).status).toBe(403);
  });
});

describe('aggregates', () => {
  it('totals per category, period, account, member and cash flow — per currency, never summed across', async () => {
    const fresh = await teamOfThree(api, system.smsSinkFile);
    const usd = await account(fresh.cashier, { opening_balance: '0' });
    await entry(fresh.cashier, { account_id: usd, amount: '10.00', occurred_at: '2026-11-30T20:30:00Z' });
    await entry(fresh.cashier, { amount: '500', currency: 'JPY', occurred_at: '2026-11-10T10:00:00Z' });
    await entry(fresh.admin, { type: 'income', account_id: usd, amount: '25.00', occurred_at: '2026-11-10T10:00:00Z' });
    const get = (query: string) => api.get(`/v1/aggregates?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z&${query}`, fresh.observer);

    const flow = await get('group_by=cash_flow');
    expect(flow.body.buckets).toEqual([
      { key: null, currency: 'JPY', inflow: '0', outflow: '500', count: 1 },
      { key: null, currency: 'USD', inflow: '25.00', outflow: '10.00', count: 2 },
    ]);
    const monthly = await get('group_by=period&period=month&time_zone=Asia/Dhaka');
    expect(monthly.body.buckets.map((b: { key: string; currency: string }) => `${b.key} ${b.currency}`)).toEqual([
      '2026-11-01 JPY',
      '2026-11-01 USD',
      '2026-12-01 USD',
    ]);
    const byMember = await get('group_by=member&type=income');
    expect(byMember.body.buckets).toEqual([{ key: fresh.admin.userId, currency: 'USD', inflow: '25.00', outflow: '0.00', count: 1 }]);
    const byAccount = await get('group_by=account');
    expect(byAccount.body.buckets).toEqual([{ key: usd, currency: 'USD', inflow: '25.00', outflow: '10.00', count: 2 }]);
    expect((await get('group_by=category')).status).toBe(200);
    expect((await get('group_by=colour')).status).toBe(400);
    expect((await api.get('/v1/aggregates?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&group_by=category', fresh.observer)).status).toBe(400);
  });
});

describe('roles and tenants', () => {
  it('an observer reads every ledger resource but writes none of them', async () => {
    const id = await account(team.cashier, {});
    const tx = await entry(team.cashier, {});
    const cat = (await api.post('/v1/categories', team.cashier, { name: 'Observed', kind: 'expense' })).body.id;
    const before = await ledger.of(team.teamId);
    const writes = [
      api.post('/v1/accounts', team.observer, { name: 'x', kind: 'cash', currency: 'USD' }),
      api.patch(`/v1/accounts/${id}`, team.observer, { name: 'x' }),
      api.post('/v1/categories', team.observer, { name: 'x', kind: 'expense' }),
      api.patch(`/v1/categories/${cat}`, team.observer, { name: 'x' }),
      api.delete(`/v1/categories/${cat}`, team.observer),
      api.post('/v1/transactions', team.observer, { type: 'expense', amount: '1.00', currency: 'USD', occurred_at: '2026-11-20T10:00:00Z' }),
      api.patch(`/v1/transactions/${tx.id}`, team.observer, { description: 'x' }, { 'if-match': '"v1"' }),
      api.delete(`/v1/transactions/${tx.id}`, team.observer),
    ];
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(writes.length).fill(403));
    expect(await ledger.of(team.teamId)).toBe(before);
    const reads = await Promise.all(
      ['/v1/accounts', `/v1/accounts/${id}`, '/v1/categories', `/v1/categories/${cat}`, '/v1/transactions', `/v1/transactions/${tx.id}`, '/v1/sync'].map(
        (path) => api.get(path, team.observer),
      ),
    );
    expect(reads.map((r) => r.status)).toEqual(Array(reads.length).fill(200));
  });

  it('another team’s ids are 404 — like ids that do not exist — and its ledger stays byte for byte the same', async () => {
    const other = await teamOfThree(api, system.smsSinkFile);
    const bAccount = await account(other.cashier, {});
    const bCategory = (await api.post('/v1/categories', other.cashier, { name: 'B', kind: 'expense' })).body.id;
    const bTx = await entry(other.cashier, { account_id: bAccount, category_id: bCategory });
    const before = await ledger.of(other.teamId);
    const intruder = team.admin;
    const probes = [
      api.get(`/v1/transactions/${bTx.id}`, intruder),
      api.patch(`/v1/transactions/${bTx.id}`, intruder, { description: 'mine' }, { 'if-match': '"v1"' }),
      api.delete(`/v1/transactions/${bTx.id}`, intruder),
      api.get(`/v1/accounts/${bAccount}`, intruder),
      api.patch(`/v1/accounts/${bAccount}`, intruder, { name: 'mine' }),
      api.get(`/v1/categories/${bCategory}`, intruder),
      api.patch(`/v1/categories/${bCategory}`, intruder, { name: 'mine' }),
      api.delete(`/v1/categories/${bCategory}`, intruder),
      // With B's team id in the header: not a member, so the team itself is not found.
      api.get('/v1/transactions', { ...intruder, teamId: other.teamId }),
      api.get('/v1/sync', { ...intruder, teamId: other.teamId }),
      api.post('/v1/accounts', { ...intruder, teamId: other.teamId }, { name: 'x', kind: 'cash', currency: 'USD' }),
    ];
    expect((await Promise.all(probes)).map((r) => r.status)).toEqual(Array(probes.length).fill(404));
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    const foreign = await api.get(`/v1/accounts/${bAccount}`, intruder);
    const missing = await api.get(`/v1/accounts/${randomUUID()}`, intruder);
    expect(strip(foreign.body)).toEqual(strip(missing.body));

    const referencing = await api.post('/v1/transactions', intruder, {
      type: 'expense',
      amount: '1.00',
      currency: 'USD',
      occurred_at: '2026-11-20T10:00:00Z',
      account_id: bAccount,
      category_id: bCategory,
    });
    expect([referencing.status, referencing.body.errors.map((e: { field: string }) => e.field).sort()]).toEqual([400, ['account_id', 'category_id']]);
    expect(await ledger.of(other.teamId)).toBe(before);
  });

  it('a stranger gets 401 and a signed-in outsider 404 on every ledger route', async () => {
    const outsider = await signIn(api, system.smsSinkFile);
    for (const path of ['/v1/accounts', '/v1/categories', '/v1/transactions', '/v1/sync', '/v1/changes']) {
      expect({ path, status: (await api.get(path, undefined)).status }).toEqual({ path, status: 401 });
      expect({ path, status: (await api.get(path, { ...outsider, teamId: team.teamId })).status }).toEqual({ path, status: 404 });
    }
  });
});
