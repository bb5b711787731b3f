import { status } from '@grpc/grpc-js';
import { uuidv7 } from '@cashier/ids';
import { runTeamWrite } from '../db/team-write';
import { validateNewTransaction } from '../domain/new-transaction';
import { createTransaction } from '../use-cases/create-transaction';
import { getTransaction } from '../use-cases/get-transaction';
import { recordTransaction } from '../use-cases/record-transaction';
import { caller, LedgerTestKit, rejection } from './support/ledger-test-kit';

function input(overrides: Partial<Parameters<typeof validateNewTransaction>[0]> = {}) {
  return validateNewTransaction({
    id: '',
    kind: 'expense',
    amount: { amountMinor: 1250n, currencyCode: 'USD' },
    occurredAt: new Date('2026-11-20T10:00:00Z'),
    description: 'groceries',
    ...overrides,
  });
}

describe('createTransaction against PostgreSQL', () => {
  let kit: LedgerTestKit;

  beforeAll(() => {
    kit = new LedgerTestKit(4);
  });
  afterAll(() => kit.close());

  const outboxCount = (teamId: string) => kit.count('SELECT count(*) FROM outbox WHERE team_id = $1', [teamId]);

  it('writes the row and exactly one outbox event with the request id', async () => {
    const me = caller(uuidv7());
    const { transaction, created } = await createTransaction(kit.prisma, me, input());
    expect(created).toBe(true);
    expect(transaction.row).toMatchObject({ teamId: me.teamId, amountMinor: 1250n, currencyCode: 'USD', createdBy: me.userId, version: 1n });
    const events = await kit.pool.query('SELECT type, topic, request_id FROM outbox WHERE team_id = $1', [me.teamId]);
    expect(events.rows).toEqual([
      { type: 'transactions.transaction.created.v1', topic: 'transactions.transaction.created.v1', request_id: me.requestId },
    ]);
  });

  it('keeps exact minor units at the edges of the range', async () => {
    const me = caller(uuidv7());
    for (const amountMinor of [1n, 10n ** 15n]) {
      const { transaction } = await createTransaction(kit.prisma, me, input({ amount: { amountMinor, currencyCode: 'KWD' } }));
      expect((await getTransaction(kit.prisma, me, transaction.row.id)).row.amountMinor).toBe(amountMinor);
    }
  });

  it('replays a retry with the same client id and content, creating nothing new', async () => {
    const me = caller(uuidv7());
    const id = uuidv7();
    const first = await createTransaction(kit.prisma, me, input({ id }));
    const again = await createTransaction(kit.prisma, me, input({ id }));
    expect(again).toEqual({ transaction: first.transaction, created: false });
    expect(await outboxCount(me.teamId)).toBe(1);
  });

  it('refuses a client id reused with different content, or by another team', async () => {
    const me = caller(uuidv7());
    const id = uuidv7();
    await createTransaction(kit.prisma, me, input({ id }));
    const changed = await rejection(createTransaction(kit.prisma, me, input({ id, description: 'other' })));
    expect(changed.grpcStatus).toBe(status.ALREADY_EXISTS);
    const otherTeam = caller(uuidv7());
    const stolen = await rejection(createTransaction(kit.prisma, otherTeam, input({ id })));
    expect(stolen.grpcStatus).toBe(status.ALREADY_EXISTS);
    expect(await outboxCount(otherTeam.teamId)).toBe(0);
  });

  it('answers NOT_FOUND for another team’s transaction, exactly as for a missing one', async () => {
    const owner = caller(uuidv7());
    const { transaction } = await createTransaction(kit.prisma, owner, input());
    const intruder = caller(uuidv7(), 'admin');
    const foreign = await rejection(getTransaction(kit.prisma, intruder, transaction.row.id));
    const missing = await rejection(getTransaction(kit.prisma, intruder, uuidv7()));
    expect([foreign.grpcStatus, foreign.code, foreign.message]).toEqual([missing.grpcStatus, missing.code, missing.message]);
    expect(foreign.grpcStatus).toBe(status.NOT_FOUND);
  });

  it('lets an observer read but not write', async () => {
    const teamId = uuidv7();
    const { transaction } = await createTransaction(kit.prisma, caller(teamId), input());
    const observer = caller(teamId, 'observer');
    await expect(getTransaction(kit.prisma, observer, transaction.row.id)).resolves.toMatchObject({ row: { id: transaction.row.id } });
    const denied = await rejection(createTransaction(kit.prisma, observer, input()));
    expect(denied.grpcStatus).toBe(status.PERMISSION_DENIED);
    expect(await outboxCount(teamId)).toBe(1);
  });

  it('writes neither the row, its change-log entry nor the event when anything after the insert fails', async () => {
    const me = caller(uuidv7());
    await expect(
      runTeamWrite(kit.prisma, { teamId: me.teamId, actorId: me.userId, requestId: me.requestId }, async (write) => {
        await recordTransaction(write, uuidv7(), input());
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await kit.count('SELECT count(*) FROM transactions WHERE team_id = $1', [me.teamId])).toBe(0);
    expect(await kit.count('SELECT count(*) FROM change_log WHERE team_id = $1', [me.teamId])).toBe(0);
    expect(await outboxCount(me.teamId)).toBe(0);
  });
});
