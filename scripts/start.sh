#!/usr/bin/env bash
# One command, the whole system: installs what is missing, starts PostgreSQL, Redis and
# Kafka on loopback, migrates every database, runs all services and the gateway.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
# CASHIER_INFRA=external: PostgreSQL, Redis and Kafka are already running elsewhere
# (e.g. `docker compose -f docker-compose.infra.yml up -d`); see README.
if [ "${CASHIER_INFRA:-local}" != external ]; then bash infra/local.sh start; fi
export PATH="$root/node_modules/.bin:$PATH"
node dist/tools/migrate-all.js
exec node --enable-source-maps dist/tools/run-system.js
