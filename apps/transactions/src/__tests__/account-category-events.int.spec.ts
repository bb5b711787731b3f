import { AccountChanged, CategoryChanged } from '@cashier/contracts/cashier/events/v1/transactions';
import { EventType } from '@cashier/events';
import { deleteCategory } from '../use-cases/delete-category';
import { updateAccount } from '../use-cases/update-account';
import { updateCategory } from '../use-cases/update-category';
import { addCategory, LedgerTestKit, newTeam, openAccount } from './support/ledger-test-kit';

describe('account and category events', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(2);
  });
  afterAll(() => kit.close());

  async function outbox(teamId: string, type: string): Promise<Buffer[]> {
    const { rows } = await kit.pool.query<{ payload: Buffer }>('SELECT payload FROM outbox WHERE team_id = $1 AND type = $2 ORDER BY seq', [teamId, type]);
    return rows.map((row) => row.payload);
  }

  it('every account change is announced with the account as it now is', async () => {
    const team = newTeam();
    const id = await openAccount(kit, team.cashier, '5', 'BDT', { kind: 'mobile_money', name: 'bKash' });
    await updateAccount(kit.prisma, team.admin, {
      id,
      expectedVersion: 1n,
      updateMask: ['archived'],
      values: { name: '', kind: undefined, provider: '', openingBalance: undefined, archived: true, allowNegative: true },
    });
    const events = (await outbox(team.teamId, EventType.AccountChanged)).map((payload) => AccountChanged.decode(payload));
    expect(events).toEqual([
      expect.objectContaining({ accountId: id, change: 'created', name: 'bKash', kind: 'mobile_money', currencyCode: 'BDT', archived: false, version: 1n, changedBy: team.cashier.userId }),
      expect.objectContaining({ accountId: id, change: 'updated', archived: true, version: 2n, changedBy: team.admin.userId }),
    ]);
  });

  it('categories: created, renamed and deleted, each once, in the same transaction as the change', async () => {
    const team = newTeam();
    const id = await addCategory(kit, team.cashier, 'Snacks');
    await updateCategory(kit.prisma, team.cashier, { id, expectedVersion: 0n, updateMask: ['name'], values: { name: 'Treats', parentId: '', archived: false } });
    await deleteCategory(kit.prisma, team.admin, id);
    const events = (await outbox(team.teamId, EventType.CategoryChanged)).map((payload) => CategoryChanged.decode(payload));
    expect(events.map((e) => [e.change, e.name, e.changedBy])).toEqual([
      ['created', 'Snacks', team.cashier.userId],
      ['updated', 'Treats', team.cashier.userId],
      ['deleted', 'Treats', team.admin.userId],
    ]);
  });
});
