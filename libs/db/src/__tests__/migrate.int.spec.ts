import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { databaseUrl, scratchDatabase } from '@cashier/testing';
import { migrate, MigrationError } from '../migrate';

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migrate', () => {
  const database = 'cashier_test_migrate';
  const url = databaseUrl(database);
  let pool: Pool;

  beforeEach(async () => {
    await pool?.end();
    pool = await scratchDatabase(database, 'SELECT 1');
  });
  afterAll(() => pool.end());

  it('applies pending migrations in name order, once, with Prisma-compatible bookkeeping', async () => {
    const dir = migrationsDir({
      '20260101000000_a': 'CREATE TABLE a (id int);',
      '20260102000000_b': 'ALTER TABLE a ADD COLUMN b text;',
    });
    expect(await migrate(url, dir)).toEqual({ applied: ['20260101000000_a', '20260102000000_b'], alreadyApplied: [] });
    expect(await migrate(url, dir)).toEqual({ applied: [], alreadyApplied: ['20260101000000_a', '20260102000000_b'] });
    const { rows } = await pool.query(
      'SELECT migration_name, length(checksum) AS len, finished_at IS NOT NULL AS done, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows).toEqual([
      { migration_name: '20260101000000_a', len: 64, done: true, applied_steps_count: 1 },
      { migration_name: '20260102000000_b', len: 64, done: true, applied_steps_count: 1 },
    ]);
  });

  it('rolls back a failing migration entirely and records nothing for it', async () => {
    const dir = migrationsDir({
      '1_ok': 'CREATE TABLE ok (id int);',
      '2_bad': 'CREATE TABLE half (id int); SELECT no_such_function();',
    });
    await expect(migrate(url, dir)).rejects.toThrow(/2_bad failed and was rolled back/);
    const tables = await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(['_prisma_migrations', 'ok']);
  });

  it('refuses to run past a migration edited after it was applied', async () => {
    const dir = migrationsDir({ '1_a': 'CREATE TABLE a (id int);' });
    await migrate(url, dir);
    writeFileSync(join(dir, '1_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    await expect(migrate(url, dir)).rejects.toBeInstanceOf(MigrationError);
  });

  it('lets two concurrent runs apply each migration exactly once', async () => {
    const dir = migrationsDir({ '1_a': 'CREATE TABLE a (id int);', '2_b': 'CREATE TABLE b (id int);' });
    const [first, second] = await Promise.all([migrate(url, dir), migrate(url, dir)]);
    expect([...first.applied, ...second.applied].sort()).toEqual(['1_a', '2_b']);
  });
});
