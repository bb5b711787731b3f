import type { Pool } from 'pg';
import { status } from '@grpc/grpc-js';
import type { CallerContext } from '@cashier/auth-context';
import { createPool } from '@cashier/db';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { databaseUrl } from '@cashier/testing';
import { createPrisma, type TransactionsPrisma } from '../db/create-prisma';
import { TransactionRepository } from '../db/transaction-repository';
import { validateNewTransaction } from '../domain/new-transaction';
import { createTransaction } from '../use-cases/create-transaction';
import { getTransaction } from '../use-cases/get-transaction';

function caller(teamId: string, role: CallerContext['role'] = 'cashier', userId = uuidv7()): CallerContext {
  return { userId, teamId, role, requestId: `req-${uuidv7()}` };
}

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

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('createTransaction against PostgreSQL', () => {
  let pool: Pool;
  let prisma: TransactionsPrisma;
  let repository: TransactionRepository;

  beforeAll(() => {
    pool = createPool({ url: databaseUrl('cashier_transactions'), applicationName: 'test', max: 4 });
    prisma = createPrisma(pool);
    repository = new TransactionRepository(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
  });

  const outboxCount = async (teamId: string) =>
    Number((await pool.query('SELECT count(*) FROM outbox WHERE team_id = $1', [teamId])).rows[0].count);

  it('writes the row and exactly one outbox event with the request id', async () => {
    const me = caller(uuidv7());
    const { transaction, created } = await createTransaction(repository, me, input());
    expect(created).toBe(true);
    expect(transaction).toMatchObject({ teamId: me.teamId, amountMinor: 1250n, currencyCode: 'USD', createdBy: me.userId });
    const events = await pool.query('SELECT type, topic, request_id FROM outbox WHERE team_id = $1', [me.teamId]);
    expect(events.rows).toEqual([
      { type: 'transactions.transaction.created.v1', topic: 'transactions.transaction.created.v1', request_id: me.requestId },
    ]);
  });

  it('keeps exact minor units at the edges of the range', async () => {
    const me = caller(uuidv7());
    for (const amountMinor of [1n, 10n ** 15n]) {
      const { transaction } = await createTransaction(repository, me, input({ amount: { amountMinor, currencyCode: 'KWD' } }));
      expect((await getTransaction(repository, me, transaction.id)).amountMinor).toBe(amountMinor);
    }
  });

  it('replays a retry with the same client id and content, creating nothing new', async () => {
    const me = caller(uuidv7());
    const id = uuidv7();
    const first = await createTransaction(repository, me, input({ id }));
    const again = await createTransaction(repository, me, input({ id }));
    expect(again).toEqual({ transaction: first.transaction, created: false });
    expect(await outboxCount(me.teamId)).toBe(1);
  });

  it('refuses a client id reused with different content, or by another team', async () => {
    const me = caller(uuidv7());
    const id = uuidv7();
    await createTransaction(repository, me, input({ id }));
    const changed = await rejection(createTransaction(repository, me, input({ id, description: 'other' })));
    expect(changed.grpcStatus).toBe(status.ALREADY_EXISTS);
    const otherTeam = caller(uuidv7());
    const stolen = await rejection(createTransaction(repository, otherTeam, input({ id })));
    expect(stolen.grpcStatus).toBe(status.ALREADY_EXISTS);
    expect(await outboxCount(otherTeam.teamId)).toBe(0);
  });

  it('answers NOT_FOUND for another team’s transaction, exactly as for a missing one', async () => {
    const owner = caller(uuidv7());
    const { transaction } = await createTransaction(repository, owner, input());
    const intruder = caller(uuidv7(), 'admin');
    const foreign = await rejection(getTransaction(repository, intruder, transaction.id));
    const missing = await rejection(getTransaction(repository, intruder, uuidv7()));
    expect([foreign.grpcStatus, foreign.code, foreign.message]).toEqual([missing.grpcStatus, missing.code, missing.message]);
    expect(foreign.grpcStatus).toBe(status.NOT_FOUND);
  });

  it('lets an observer read but not write', async () => {
    const teamId = uuidv7();
    const { transaction } = await createTransaction(repository, caller(teamId), input());
    const observer = caller(teamId, 'observer');
    await expect(getTransaction(repository, observer, transaction.id)).resolves.toMatchObject({ id: transaction.id });
    const denied = await rejection(createTransaction(repository, observer, input()));
    expect(denied.grpcStatus).toBe(status.PERMISSION_DENIED);
    expect(await outboxCount(teamId)).toBe(1);
  });

  it('writes neither the row nor the event when building the event fails', async () => {
    const me = caller(uuidv7());
    await expect(
      repository.insertWithEvent(me.teamId, me.userId, input(), () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await pool.query('SELECT count(*) FROM transactions WHERE team_id = $1', [me.teamId]);
    expect(Number(rows.rows[0].count)).toBe(0);
    expect(await outboxCount(me.teamId)).toBe(0);
  });
});
