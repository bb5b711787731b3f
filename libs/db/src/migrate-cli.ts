import { migrate, MigrationError } from './migrate';

// Usage: node dist/tools/migrate.js <migrations-dir> [<migrations-dir> ...]
// The database is DATABASE_URL, or MIGRATE_DATABASE_URL_<DIR-NAME> per directory when several are given.
async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) throw new MigrationError('usage: migrate <migrations-dir> [...]');
  for (const dir of dirs) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new MigrationError('DATABASE_URL is required but not set');
    const result = await migrate(url, dir);
    const applied = result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'up to date';
    process.stdout.write(`[migrate] ${dir}: ${applied} (${result.alreadyApplied.length} already applied)\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[migrate] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
