// Builds each service into one file, dist/apps/<app>/main.js (libs bundled in, npm
// packages left external), with its migrations beside it; and the migrate tool.
// Usage: node scripts/build.mjs [app ...]
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const all = readdirSync(join(root, 'apps')).filter((app) => existsSync(join(root, 'apps', app, 'src', 'main.ts')));
const apps = process.argv.length > 2 ? process.argv.slice(2) : all;

const OPERATOR_COMMANDS = { auth: ['rotate-signing-key'] };

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
};

await Promise.all([
  ...apps.map(async (app) => {
    const out = join(root, 'dist', 'apps', app);
    rmSync(out, { recursive: true, force: true });
    await build({ ...common, entryPoints: [join(root, 'apps', app, 'src', 'main.ts')], outfile: join(out, 'main.js') });
    // Operator commands an app ships beside its main (e.g. auth's signing-key rotation).
    for (const extra of OPERATOR_COMMANDS[app] ?? []) {
      await build({ ...common, entryPoints: [join(root, 'apps', app, 'src', `${extra}.ts`)], outfile: join(out, `${extra}.js`) });
    }
    const migrations = join(root, 'apps', app, 'prisma', 'migrations');
    if (existsSync(migrations)) cpSync(migrations, join(out, 'migrations'), { recursive: true });
  }),
  ...[
    ['libs/db/src/migrate-cli.ts', 'migrate.js'],
    ['scripts/migrate-all.ts', 'migrate-all.js'],
    ['scripts/run-system.ts', 'run-system.js'],
  ].map(([entry, out]) => build({ ...common, entryPoints: [join(root, entry)], outfile: join(root, 'dist', 'tools', out) })),
]);
console.log(`[build] ${apps.join(', ')} -> dist/apps; tools -> dist/tools`);
