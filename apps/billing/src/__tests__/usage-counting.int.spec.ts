import { Pool } from 'pg';
import { TransactionCreated } from '@cashier/contracts/cashier/events/v1/transactions';
import type { ReceivedEvent } from '@cashier/events';
import { uuidv7 } from '@cashier/ids';
import { createLogger } from '@cashier/logger';
import { databaseUrl } from '@cashier/testing';
import { createPrisma } from '../db/create-prisma';
import type { BillingPrisma } from '../db/create-prisma';
import { UsageRepository } from '../db/usage-repository';
import { countTransactionCreated } from '../events/count-transaction-created';

const log = createLogger('usage-test', 'silent');

function created(teamId: string, time: string, id = uuidv7()): ReceivedEvent {
  const payload = TransactionCreated.encode({ transactionId: uuidv7(), teamId, type: 'expense', amount: undefined, occurredAt: undefined, createdBy: uuidv7() }).finish();
  return {
    id,
    source: '/cashier/transactions',
    type: 'transactions.transaction.created.v1',
    subject: teamId,
    time,
    requestid: 'req',
    topic: 'transactions.transaction.created.v1',
    partition: 0,
    offset: '0',
    payload: Buffer.from(payload),
  };
}

describe('billing counts created transactions', () => {
  let pool: Pool;
  let prisma: BillingPrisma;
  beforeAll(() => {
    pool = new Pool({ connectionString: databaseUrl('cashier_billing'), max: 4 });
    prisma = createPrisma(pool);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
  });

  it('once per event, per team and month, however often and however concurrently an event arrives', async () => {
    const teamId = uuidv7();
    const count = countTransactionCreated(prisma);
    const november = created(teamId, '2026-11-30T23:59:59Z');
    await Promise.all([count(november, log), count(november, log), count(november, log)]);
    await count(created(teamId, '2026-11-02T08:00:00Z'), log);
    await count(created(teamId, '2026-12-01T00:00:00Z'), log);
    const usage = new UsageRepository(prisma);
    expect([await usage.transactionsCreated(teamId, '2026-11'), await usage.transactionsCreated(teamId, '2026-12')]).toEqual([2n, 1n]);
    expect(await usage.transactionsCreated(uuidv7(), '2026-11')).toBe(0n);
  });

  it('refuses an event whose payload names another team than its subject', async () => {
    const event = { ...created(uuidv7(), '2026-11-02T08:00:00Z'), subject: uuidv7() };
    await expect(countTransactionCreated(prisma)(event, log)).rejects.toThrow('payload team does not match');
  });
});
