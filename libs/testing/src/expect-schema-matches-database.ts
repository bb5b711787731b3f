import { Pool } from 'pg';
import { databaseUrl } from './infra-settings';

type Delegate = { findFirst: (args?: unknown) => Promise<unknown> };
interface PrismaLike {
  $disconnect(): Promise<void>;
}

/**
 * Drift check between a service's schema.prisma and its hand-written migrations: every
 * model is queried with all its columns on the migrated database, so a missing table or
 * column, or an incompatible type, fails here rather than in production.
 */
export async function expectSchemaMatchesDatabase<P extends PrismaLike>(
  database: string,
  createPrisma: (pool: Pool) => P,
  modelNames: Record<string, string>,
): Promise<string[]> {
  const pool = new Pool({ connectionString: databaseUrl(database), max: 2 });
  const prisma = createPrisma(pool);
  const checked: string[] = [];
  try {
    for (const model of Object.values(modelNames)) {
      const delegate = (prisma as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)];
      await delegate.findFirst();
      checked.push(model);
    }
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
  return checked;
}
