#!/usr/bin/env bash
# Every test: types and lint, unit tests, integration tests against real PostgreSQL,
# Redis and Kafka, and end-to-end tests with every service as its own process.
# Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
# CASHIER_INFRA=external: PostgreSQL, Redis and Kafka are already running elsewhere
# (e.g. `docker compose -f docker-compose.infra.yml up -d`); see README.
if [ "${CASHIER_INFRA:-local}" != external ]; then bash infra/local.sh start; fi
export PATH="$root/node_modules/.bin:$PATH"
node dist/tools/migrate-all.js
echo "[test] typecheck + lint"
tsc -p tsconfig.json --noEmit
# The module-boundary lint rule reads Nx's project graph; compute it first.
NX_DAEMON=false nx show projects >/dev/null
eslint --max-warnings 0 .
(cd proto && "$root/node_modules/@bufbuild/buf-linux-x64/bin/buf" lint)
echo "[test] jest"
exec jest --runInBand "$@"
