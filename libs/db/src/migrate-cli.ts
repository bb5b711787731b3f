import { migrate, MigrationError } from './migrate';

// Usage: DATABASE_URL=postgresql://... node dist/tools/migrate.js <migrations-dir>
// What a service's container (or Kubernetes init container) runs before the service starts.
async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || process.argv.length > 3) throw new MigrationError('usage: migrate <migrations-dir>');
  const url = process.env.DATABASE_URL;
  if (!url) throw new MigrationError('DATABASE_URL is required but not set');
  const result = await migrate(url, dir);
  const applied = result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'up to date';
  process.stdout.write(`[migrate] ${dir}: ${applied} (${result.alreadyApplied.length} already applied)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[migrate] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
