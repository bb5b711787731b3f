import { uuidv7 } from '@cashier/ids';
import type { CallerContext } from '@cashier/auth-context';
import { validateNewTransaction } from '../domain/new-transaction';
import { createTransaction } from '../use-cases/create-transaction';
import { deleteCategory } from '../use-cases/delete-category';
import { deleteTransaction } from '../use-cases/delete-transaction';
import { listChanges } from '../use-cases/list-changes';
import { syncChanges, type SyncItem } from '../use-cases/sync-changes';
import { updateTransaction } from '../use-cases/update-transaction';
import { addCategory, LedgerTestKit, money, newTeam, openAccount, record, rejection } from './support/ledger-test-kit';

/** A phone's local copy of the team's ledger, kept up to date only through Sync. */
class Replica {
  readonly entities = new Map<string, { type: string; version: bigint; state: string }>();
  cursor = '';

  constructor(
    private readonly kit: LedgerTestKit,
    readonly who: CallerContext,
  ) {}

  apply(item: SyncItem): void {
    const key = `${item.change.entityType}:${item.change.entityId}`;
    const state = item.account?.account ?? item.category ?? item.transaction?.row;
    if (!state) {
      this.entities.delete(key);
      return;
    }
    this.entities.set(key, {
      type: item.change.entityType,
      version: state.version,
      state: JSON.stringify(state, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    });
  }

  async sync(pageSize = 3): Promise<number> {
    let pages = 0;
    for (;;) {
      const page = await syncChanges(this.kit.prisma, this.who, this.cursor, pageSize);
      page.items.forEach((item) => this.apply(item));
      this.cursor = page.cursor;
      pages++;
      if (!page.hasMore) return pages;
    }
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.entities].map(([key, value]) => [key, value.state]));
  }
}

describe('offline sync through the change log', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(6);
  });
  afterAll(() => kit.close());

  it('two clients create offline with their own ids, push, sync, and converge; deletions arrive as tombstones', async () => {
    const team = newTeam();
    const phoneA = new Replica(kit, team.cashier);
    const phoneB = new Replica(kit, team.admin);
    await openAccount(kit, team.admin, '10.00', 'USD');
    await phoneA.sync();
    await phoneB.sync();

    // Offline, each phone prepares entities with ids of its own; then pushes, one retry included.
    const walletId = uuidv7();
    const offlineA = validateNewTransaction({
      id: uuidv7(),
      kind: 'expense',
      amount: money('4.20', 'USD'),
      occurredAt: new Date('2026-11-21T08:00:00Z'),
      description: 'bread',
    });
    await addCategory(kit, team.cashier, 'Groceries');
    const wallet = await openAccount(kit, team.admin, '0', 'BDT', { id: walletId, kind: 'mobile_money' });
    expect(wallet).toBe(walletId);
    await createTransaction(kit.prisma, team.cashier, offlineA);
    const retried = await createTransaction(kit.prisma, team.cashier, offlineA);
    expect(retried.created).toBe(false);
    const offlineB = await record(kit, team.admin, { id: uuidv7(), accountId: wallet, amount: money('50.00', 'BDT') });

    // A edits B's transaction.
    await updateTransaction(kit.prisma, team.cashier, {
      id: offlineB.id,
      expectedVersion: 1n,
      updateMask: ['description'],
      values: { kind: undefined, amount: undefined, occurredAt: undefined, description: 'rice' },
    });
    // B, offline, edited the same transaction from version 1: refused, then B syncs and retries on the new version.
    const conflict = await rejection(
      updateTransaction(kit.prisma, team.admin, {
        id: offlineB.id,
        expectedVersion: 1n,
        updateMask: ['payee'],
        values: { kind: undefined, amount: undefined, occurredAt: undefined, description: '', payee: 'Shop' },
      }),
    );
    expect(conflict.code).toBe('TRANSACTIONS_VERSION_MISMATCH');
    await phoneB.sync();
    const seen = phoneB.entities.get(`transaction:${offlineB.id}`)!;
    await updateTransaction(kit.prisma, team.admin, {
      id: offlineB.id,
      expectedVersion: seen.version,
      updateMask: ['payee'],
      values: { kind: undefined, amount: undefined, occurredAt: undefined, description: '', payee: 'Shop' },
    });
    const unused = await addCategory(kit, team.admin, 'Temporary');
    await deleteCategory(kit.prisma, team.admin, unused);
    await deleteTransaction(kit.prisma, team.cashier, offlineA.id!, null);

    const pagesA = await phoneA.sync();
    await phoneB.sync();
    expect(pagesA).toBeGreaterThan(1);
    expect(phoneA.snapshot()).toEqual(phoneB.snapshot());
    expect(phoneA.entities.has(`transaction:${offlineA.id}`)).toBe(false);
    expect(phoneA.entities.has(`category:${unused}`)).toBe(false);
    expect(JSON.parse(phoneA.snapshot()[`transaction:${offlineB.id}`])).toMatchObject({ description: 'rice', payee: 'Shop', version: '3' });

    // A fresh install converges to the same state from the beginning.
    const fresh = new Replica(kit, team.observer);
    await fresh.sync(1000);
    expect(fresh.snapshot()).toEqual(phoneA.snapshot());
    // Nothing new: the cursor stays and the page is empty.
    const idle = await syncChanges(kit.prisma, team.cashier, phoneA.cursor, 10);
    expect([idle.items, idle.cursor, idle.hasMore]).toEqual([[], phoneA.cursor, false]);
  });

  it('never skips a change committed while a client syncs (team writes commit in seq order)', async () => {
    const team = newTeam();
    const replica = new Replica(kit, team.cashier);
    const writers = Array.from({ length: 40 }, (_, i) => record(kit, team.cashier, { amount: money(`${i + 1}.00`, 'USD') }));
    const syncing = (async () => {
      for (let i = 0; i < 10; i++) await replica.sync(5);
    })();
    await Promise.all([...writers, syncing]);
    await replica.sync(5);
    expect(replica.entities.size).toBe(40);
    const seqs = (await kit.pool.query('SELECT seq FROM change_log WHERE team_id = $1 ORDER BY seq', [team.teamId])).rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('the change log is the audit trail: who, when, before and after (admins only)', async () => {
    const team = newTeam();
    const row = await record(kit, team.cashier, { amount: money('1.00', 'USD') });
    await updateTransaction(kit.prisma, team.admin, {
      id: row.id,
      expectedVersion: 1n,
      updateMask: ['amount'],
      values: { kind: undefined, amount: money('2.00', 'USD'), occurredAt: undefined, description: '' },
    });
    const trail = await listChanges(kit.prisma, team.admin, { cursor: '', limit: 10, entityId: row.id });
    expect(trail.changes.map((c) => [c.op, c.actorId])).toEqual([
      ['created', team.cashier.userId],
      ['updated', team.admin.userId],
    ]);
    expect(trail.changes[1].before).toMatchObject({ amount_minor: '100' });
    expect(trail.changes[1].after).toMatchObject({ amount_minor: '200', version: '2' });
    expect((await rejection(listChanges(kit.prisma, team.cashier, { cursor: '', limit: 10, entityId: '' }))).code).toBe(
      'TRANSACTIONS_READ_ONLY_ROLE',
    );
  });
});
