import { join } from 'node:path';
import type { Pool } from 'pg';
import { createPool, migrate } from '@cashier/db';
import { databaseUrl, REPO_ROOT, scratchDatabase } from '@cashier/testing';
import { createPrisma, type TransactionsPrisma } from '../../../db/create-prisma';
import { PlanningStore } from '../../db/planning-store';

export interface PlanningTestDb {
  pool: Pool;
  prisma: TransactionsPrisma;
  store: PlanningStore;
  /** Another client on its own pool: a second service instance. */
  secondStore(): PlanningStore;
  close(): Promise<void>;
}

/**
 * A scratch database of the transactions service with every migration applied, for one
 * test file: the scheduler works across teams, so its tests need a database of their own.
 */
export async function planningTestDb(name: string): Promise<PlanningTestDb> {
  const bootstrap = await scratchDatabase(name, 'SELECT 1');
  await bootstrap.end();
  await migrate(databaseUrl(name), join(REPO_ROOT, 'apps', 'transactions', 'prisma', 'migrations'));
  const pools: Pool[] = [];
  const clients: TransactionsPrisma[] = [];
  const open = () => {
    const pool = createPool({ url: databaseUrl(name), applicationName: 'planning-test', max: 12 });
    const prisma = createPrisma(pool);
    pools.push(pool);
    clients.push(prisma);
    return { pool, prisma };
  };
  const { pool, prisma } = open();
  return {
    pool,
    prisma,
    store: new PlanningStore(prisma),
    secondStore: () => new PlanningStore(open().prisma),
    close: async () => {
      await Promise.all(clients.map((client) => client.$disconnect()));
      await Promise.all(pools.map((p) => p.end()));
    },
  };
}
