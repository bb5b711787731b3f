import { Client, Pool } from 'pg';
import { databaseUrl } from './infra-settings';

/**
 * A database of its own for one test file, created (or emptied) on demand and
 * initialised with `sql`. The cashier role has CREATEDB locally and in CI.
 */
export async function scratchDatabase(name: string, sql: string): Promise<Pool> {
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const pool = new Pool({ connectionString: databaseUrl(name), max: 6 });
  await pool.query(sql);
  return pool;
}
