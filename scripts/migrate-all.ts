// Applies every service's migrations to its own local database.
import { join } from 'node:path';
import { migrate } from '@cashier/db';
import { databaseUrl, GRPC_SERVICE_NAMES, GRPC_SERVICES, REPO_ROOT } from '@cashier/testing';

async function main(): Promise<void> {
  for (const service of GRPC_SERVICE_NAMES) {
    const result = await migrate(
      databaseUrl(GRPC_SERVICES[service].database),
      join(REPO_ROOT, 'apps', service, 'prisma', 'migrations'),
    );
    const what = result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'up to date';
    process.stdout.write(`[migrate] ${service}: ${what}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[migrate] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
