#!/usr/bin/env bash
# Every test: types and lint, unit tests, integration tests against real PostgreSQL,
# Redis and Kafka, and end-to-end tests with every service as its own process.
# Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
bash infra/local.sh start
export PATH="$root/node_modules/.bin:$PATH"
node dist/tools/migrate-all.js
echo "[test] typecheck + lint"
tsc -p tsconfig.json --noEmit
eslint --max-warnings 0 .
(cd proto && buf lint)
echo "[test] jest"
exec jest --runInBand "$@"
