#!/usr/bin/env bash
# Generates every derived source: TypeScript from proto/ and a Prisma client per service.
# Generated output is gitignored; never edit it by hand.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"

# buf ships as a prebuilt binary in an npm package (linux-x64, like the Node runtime we use).
buf="$root/node_modules/@bufbuild/buf-linux-x64/bin/buf"
rm -rf libs/contracts/src/generated
(cd proto && "$buf" generate)
echo "[generate] proto -> libs/contracts/src/generated"

# Prisma generate only reads the schema, but the CLI insists on locating a
# schema-engine binary first; any executable satisfies that check (see README, "Migrations").
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
for schema in apps/*/prisma/schema.prisma; do
  app=$(basename "$(dirname "$(dirname "$schema")")")
  (cd "apps/$app" && prisma generate --schema prisma/schema.prisma >/dev/null 2>&1) || (cd "apps/$app" && prisma generate --schema prisma/schema.prisma)
  echo "[generate] prisma client -> apps/$app/src/db/generated"
done
