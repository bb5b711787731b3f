#!/usr/bin/env bash
# Benchmarks, each printing ratios against a baseline measured in the same run.
# Usage: npm run bench [-- token-check|ledger]   (default: all). BENCH_SECONDS sets each run's length.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh >/dev/null
if [ "${CASHIER_INFRA:-local}" != external ]; then bash infra/local.sh start >/dev/null; fi
export PATH="$root/node_modules/.bin:$PATH"
node dist/tools/migrate-all.js >/dev/null
mkdir -p dist/bench
which=${1:-all}
for bench in bench/*.bench.ts; do
  name=$(basename "$bench" .bench.ts)
  [ "$which" = all ] || [ "$which" = "$name" ] || continue
  esbuild "$bench" --bundle --platform=node --target=node24 --format=cjs --packages=external \
    --tsconfig=tsconfig.json --log-level=warning --outfile="dist/bench/$name.js"
  echo "[bench] $name"
  node "dist/bench/$name.js"
done
