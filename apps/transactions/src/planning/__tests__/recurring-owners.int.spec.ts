import { MembershipChanged, TeamDeleted } from '@cashier/contracts/cashier/events/v1/userteam';
import type { ReceivedEvent } from '@cashier/events';
import { uuidv7 } from '@cashier/ids';
import { createLogger } from '@cashier/logger';
import { validateNewRecurringRule } from '../domain/new-recurring-rule';
import { recurringOwnersHandlers } from '../events/recurring-owners-consumer';
import { createRecurringRule } from '../use-cases/create-recurring-rule';
import { listRecurringRules } from '../use-cases/list-recurring-rules';
import { caller } from './support/ledger-fixtures';
import { planningTestDb, type PlanningTestDb } from './support/planning-test-db';

const log = createLogger('recurring-owners-test', 'silent');
const NOW = new Date('2026-11-26T10:00:00Z');

const dailyCoffee = () =>
  validateNewRecurringRule(
    {
      id: '',
      frequency: 'daily',
      weekday: 0,
      dayOfMonth: 0,
      month: 0,
      startDate: '2026-12-01',
      endDate: '',
      count: 0,
      timeZone: '',
      entryType: 'expense',
      amount: { amountMinor: 350n, currencyCode: 'USD' },
      description: 'coffee',
      accountId: '',
      categoryId: '',
    },
    NOW,
  );

function event(topic: string, teamId: string, payload: Uint8Array, id = uuidv7()): ReceivedEvent {
  return { id, source: '/cashier/user-team', type: topic, subject: teamId, time: NOW.toISOString(), requestid: 'req', topic, partition: 0, offset: '0', payload: Buffer.from(payload) };
}

const membershipChanged = (teamId: string, userId: string, role: string, id?: string) =>
  event('userteam.membership.changed.v1', teamId, MembershipChanged.encode({ teamId, userId, role, change: role ? 'role_changed' : 'removed' }).finish(), id);

describe('recurring rules follow their creator’s membership', () => {
  let db: PlanningTestDb;
  beforeAll(async () => {
    db = await planningTestDb('cashier_planning_owners_test');
  });
  afterAll(async () => db?.close());

  const handlers = () => recurringOwnersHandlers(db.store, () => NOW);
  const deleted = async (ruleId: string) =>
    (await db.pool.query<{ deleted: boolean; last_error: string | null }>('SELECT deleted_at IS NOT NULL AS deleted, last_error FROM recurring_rules WHERE id = $1', [ruleId])).rows[0];

  it('stops the rules of a member who left or became an observer, and only theirs; a redelivery changes nothing', async () => {
    const teamId = uuidv7();
    const leaver = caller(teamId, 'cashier');
    const demoted = caller(teamId, 'cashier');
    const stayer = caller(teamId, 'admin');
    const left = (await createRecurringRule(db.store, leaver, dailyCoffee())).rule;
    const observed = (await createRecurringRule(db.store, demoted, dailyCoffee())).rule;
    const kept = (await createRecurringRule(db.store, stayer, dailyCoffee())).rule;

    const on = handlers()['userteam.membership.changed.v1'];
    await on(membershipChanged(teamId, stayer.userId, 'admin'), log);
    const leaving = membershipChanged(teamId, leaver.userId, '');
    await on(leaving, log);
    await on(membershipChanged(teamId, demoted.userId, 'observer'), log);
    expect(await deleted(left.id)).toEqual({ deleted: true, last_error: 'stopped: its creator left the team' });
    expect(await deleted(observed.id)).toEqual({ deleted: true, last_error: 'stopped: its creator can no longer write in the team' });
    expect((await listRecurringRules(db.store, stayer)).map((rule) => rule.id)).toEqual([kept.id]);
    await on(leaving, log);
    expect((await listRecurringRules(db.store, stayer)).map((rule) => rule.id)).toEqual([kept.id]);
  });

  it('stops every rule of a deleted team and nothing of another team', async () => {
    const teamId = uuidv7();
    const other = caller(uuidv7(), 'admin');
    const mine = (await createRecurringRule(db.store, caller(teamId, 'admin'), dailyCoffee())).rule;
    const theirs = (await createRecurringRule(db.store, other, dailyCoffee())).rule;
    await handlers()['userteam.team.deleted.v1'](event('userteam.team.deleted.v1', teamId, TeamDeleted.encode({ teamId, deletedBy: uuidv7() }).finish()), log);
    expect(await deleted(mine.id)).toEqual({ deleted: true, last_error: 'stopped: the team was deleted' });
    expect(await deleted(theirs.id)).toEqual({ deleted: false, last_error: null });
  });

  it('refuses an event whose payload names another team than its subject', async () => {
    const bad = membershipChanged(uuidv7(), uuidv7(), '');
    await expect(handlers()['userteam.membership.changed.v1']({ ...bad, subject: uuidv7() }, log)).rejects.toThrow('payload team does not match');
  });
});
