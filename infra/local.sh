#!/usr/bin/env bash
# infra/local.sh - local infrastructure for CashierAI without Docker:
#   PostgreSQL 15 (Debian cluster 15/main), Redis, Apache Kafka 3.9.1 (single-node KRaft).
# Everything listens on 127.0.0.1 only. State lives in <repo>/var and <repo>/.cache (gitignored).
#
#   infra/local.sh start | status | stop | kafka-stop | kafka-start | reset | kafka-topics ARGS...
#
# See infra/README.md. Env overrides: PGPORT, REDIS_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT,
# KAFKA_HEAP_OPTS, KAFKA_READY_TIMEOUT, MAVEN_REPO_LOCAL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INFRA="$ROOT/infra"
VAR="$ROOT/var"
CACHE="$ROOT/.cache"

# ---------------------------------------------------------------- settings
PGPORT="${PGPORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"

PG_VERSION=15
PG_CLUSTER=main
PG_CONF_D="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d"
PG_CONF_FILE="$PG_CONF_D/90-cashier-local.conf"
PG_LOG="/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
PG_SOCKET_DIR=/var/run/postgresql
DB_USER=cashier
DB_PASSWORD=cashier
DATABASES=(cashier_auth cashier_user_team cashier_transactions cashier_reports
           cashier_ai_engine cashier_billing cashier_notification)

REDIS_DIR="$VAR/redis"
REDIS_PIDFILE="$REDIS_DIR/redis.pid"
REDIS_LOG="$REDIS_DIR/redis.log"

KAFKA_VERSION=3.9.1
KAFKA_LIBS="$CACHE/kafka/libs"
KAFKA_DIR="$VAR/kafka"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_PROPS="$KAFKA_DIR/server.properties"
KAFKA_PIDFILE="$KAFKA_DIR/kafka.pid"
KAFKA_LOG="$KAFKA_DIR/kafka.log"
# Fixed so that the data dir and the id always agree; only used when formatting.
KAFKA_CLUSTER_ID="${KAFKA_CLUSTER_ID:-9vS7Bf_3Tw-9PbjflcZTIQ}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}"
KAFKA_JVM_OPTS=(-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
                -XX:+ExplicitGCInvokesConcurrent -XX:MaxMetaspaceSize=128m
                -XX:ReservedCodeCacheSize=64m -Djava.awt.headless=true)
KAFKA_READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
MAVEN_REPO_LOCAL="${MAVEN_REPO_LOCAL:-$CACHE/m2}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# ---------------------------------------------------------------- helpers
log()  { printf '[infra] %s\n' "$*"; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
die()  { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
rel()  { printf '%s' "${1#"$ROOT"/}"; }          # path relative to the repo root, for messages

# Print the last lines of a log file, indented, to stderr.
show_tail() { # file [lines]
  local f="$1" n="${2:-25}"
  if [[ -s "$f" ]]; then
    printf '[infra] ---- last %s lines of %s ----\n' "$n" "$f" >&2
    tail -n "$n" "$f" | sed 's/^/[infra] | /' >&2
  else
    printf '[infra] (%s is empty or missing)\n' "$f" >&2
  fi
}

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}
# psql & co as the postgres superuser; cd / so the postgres user never trips on our cwd.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@")
  else (cd / && sudo -n -u postgres -- "$@"); fi
}
psql_admin() { # extra psql args...; SQL on stdin or via -c
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PGPORT" -U postgres -d postgres "$@"
}

port_open() { # port -> 0 if something accepts TCP on 127.0.0.1:port
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# pid from a pidfile if that process is alive and its command line contains $2.
live_pid() { # pidfile pattern
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(tr -dc '0-9' <"$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2" || return 1
  printf '%s' "$pid"
}

# Serialise mutating commands (parallel test workers calling kafka-stop/kafka-start, ...).
# fd 9 must not leak into daemons we spawn (it would hold the lock forever): every
# long-lived child below is started with 9>&-.
take_lock() {
  mkdir -p "$VAR"
  exec 9>"$VAR/.local.sh.lock"
  if ! flock -n 9; then
    log "another infra/local.sh is running; waiting for it (max 300 s)..."
    flock -w 300 9 || die "still locked after 300 s ($VAR/.local.sh.lock)"
  fi
}

# ---------------------------------------------------------------- packages
apt_lists_empty() { ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; }

apt_install() { # packages...
  local apt_log="$VAR/apt.log"
  mkdir -p "$VAR"
  log "installing: $* (apt log: $(rel "$apt_log"))"
  export DEBIAN_FRONTEND=noninteractive
  if apt_lists_empty; then
    log "apt lists are empty: apt-get update"
    as_root apt-get update >"$apt_log" 2>&1 9>&- || { show_tail "$apt_log"; die "apt-get update failed"; }
  fi
  if ! as_root apt-get install -y --no-install-recommends "$@" >>"$apt_log" 2>&1 9>&-; then
    log "install failed; retrying after apt-get update"
    as_root apt-get update >>"$apt_log" 2>&1 9>&- || { show_tail "$apt_log"; die "apt-get update failed"; }
    as_root apt-get install -y --no-install-recommends "$@" >>"$apt_log" 2>&1 9>&- \
      || { show_tail "$apt_log"; die "apt-get install $* failed"; }
  fi
}

ensure_packages() {
  local pkgs=()
  if ! have pg_ctlcluster || [[ ! -x /usr/lib/postgresql/$PG_VERSION/bin/postgres ]]; then
    pkgs+=(postgresql)           # Debian 12: postgresql = 15, pulls postgresql-common + client
  fi
  have redis-server || pkgs+=(redis-server)
  have redis-cli    || pkgs+=(redis-tools)
  have "$JAVA"      || pkgs+=(openjdk-17-jre-headless)
  if [[ ! -f "$KAFKA_LIBS/.complete" ]] && ! have mvn; then pkgs+=(maven); fi
  if ((${#pkgs[@]})); then apt_install "${pkgs[@]}"; fi
  return 0
}

# ---------------------------------------------------------------- postgres
pg_cluster_exists() { [[ -f "/etc/postgresql/$PG_VERSION/$PG_CLUSTER/postgresql.conf" ]]; }
pg_running()        { as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; }
pg_ready()          { pg_isready -q -h 127.0.0.1 -p "$PGPORT" -t 2 >/dev/null 2>&1; }

pg_wait_ready() {
  local i
  for ((i = 0; i < 60; i++)); do pg_ready && return 0; sleep 0.5; done
  show_tail "$PG_LOG"
  die "PostgreSQL not accepting connections on 127.0.0.1:$PGPORT after 30 s"
}

pg_ctl() { # start|stop|restart
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" "$1" 9>&- \
    || { show_tail "$PG_LOG"; die "pg_ctlcluster $PG_VERSION $PG_CLUSTER $1 failed"; }
}

# Write our conf.d drop-in; returns 0 if the file changed (restart needed).
pg_write_conf() {
  local tmp changed=1
  tmp="$(mktemp)"
  cat >"$tmp" <<EOF
# Managed by CashierAI infra/local.sh (local development only). Do not edit: rewritten on start.
listen_addresses = '127.0.0.1'
port = $PGPORT
max_connections = 200
EOF
  if ! as_root cmp -s "$tmp" "$PG_CONF_FILE" 2>/dev/null; then
    as_root install -m 0644 -o postgres -g postgres "$tmp" "$PG_CONF_FILE"
    changed=0
  fi
  rm -f "$tmp"
  return "$changed"
}

pg_start() {
  if ! pg_cluster_exists; then
    log "postgres: creating cluster $PG_VERSION/$PG_CLUSTER"
    as_root pg_createcluster "$PG_VERSION" "$PG_CLUSTER" >/dev/null 9>&-
  fi
  as_root mkdir -p "$PG_CONF_D"
  local conf_changed=false
  if pg_write_conf; then conf_changed=true; fi

  if pg_running; then
    if $conf_changed; then
      log "postgres: settings changed ($PG_CONF_FILE), restarting cluster $PG_VERSION/$PG_CLUSTER"
      pg_ctl restart
    fi
  else
    log "postgres: starting cluster $PG_VERSION/$PG_CLUSTER"
    pg_ctl start
  fi
  pg_wait_ready

  # Settings really in effect? (conf written by an interrupted run, or overridden elsewhere)
  local eff
  eff="$(psql_admin -At -c "SELECT current_setting('max_connections') || ' ' || current_setting('listen_addresses')")"
  if [[ "$eff" != "200 127.0.0.1" ]]; then
    log "postgres: running with max_connections/listen_addresses = '$eff', restarting to apply"
    pg_ctl restart
    pg_wait_ready
    eff="$(psql_admin -At -c "SELECT current_setting('max_connections') || ' ' || current_setting('listen_addresses')")"
    [[ "$eff" == "200 127.0.0.1" ]] \
      || warn "postgres: still '$eff' (expected '200 127.0.0.1'); check postgresql.auto.conf / ALTER SYSTEM"
  fi
  pg_ensure_role_and_dbs
}

pg_db_array_sql() { # -> ARRAY['a','b',...]
  local d out=""
  for d in "${DATABASES[@]}"; do out+="${out:+,}'$d'"; done
  printf 'ARRAY[%s]' "$out"
}

pg_ensure_role_and_dbs() {
  local arr missing
  arr="$(pg_db_array_sql)"
  missing="$(psql_admin -At -c "SELECT string_agg(d, ' ' ORDER BY d) FROM unnest($arr) d
                                  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d)")"
  psql_admin <<SQL
SELECT 'CREATE ROLE $DB_USER' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER')\gexec
-- Re-asserted every time, so a changed password/attribute is repaired.
ALTER ROLE $DB_USER WITH LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
SELECT format('CREATE DATABASE %I OWNER $DB_USER', d) FROM unnest($arr) d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d)\gexec
SELECT format('ALTER DATABASE %I OWNER TO $DB_USER', datname) FROM pg_database
 WHERE datname = ANY($arr) AND pg_get_userbyid(datdba) <> '$DB_USER'\gexec
SQL
  if [[ -n "$missing" ]]; then
    log "postgres: role '$DB_USER' ok, created databases: $missing"
  else
    log "postgres: role '$DB_USER' ok, all ${#DATABASES[@]} databases present"
  fi
}

pg_recreate_dbs() {
  local d
  for d in "${DATABASES[@]}"; do
    psql_admin -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)"
  done
  log "postgres: dropped ${#DATABASES[@]} databases"
  pg_ensure_role_and_dbs
}

pg_stop() {
  if pg_cluster_exists && pg_running; then
    pg_ctl stop
    log "postgres: stopped (cluster $PG_VERSION/$PG_CLUSTER)"
  else
    log "postgres: not running"
  fi
}

# ---------------------------------------------------------------- redis
redis_ping() { [[ "$(timeout 3 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }
redis_pid()  { live_pid "$REDIS_PIDFILE" redis-server; }

redis_start() {
  local pid i
  if redis_ping; then
    if pid="$(redis_pid)"; then log "redis: already running (pid $pid)"
    else log "redis: something already answers PING on 127.0.0.1:$REDIS_PORT (not started by us), using it"; fi
    return 0
  fi
  port_open "$REDIS_PORT" && die "redis: port $REDIS_PORT is taken by something that does not answer PING"
  mkdir -p "$REDIS_DIR"
  rm -f "$REDIS_PIDFILE"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_LOG" --dir "$REDIS_DIR" 9>&- \
    || { show_tail "$REDIS_LOG"; die "redis-server failed to start"; }
  for ((i = 0; i < 40; i++)); do
    if redis_ping; then log "redis: started (pid $(redis_pid || echo '?'))"; return 0; fi
    sleep 0.25
  done
  show_tail "$REDIS_LOG"
  die "redis: no PONG on 127.0.0.1:$REDIS_PORT after 10 s"
}

redis_stop() {
  local pid i
  if ! pid="$(redis_pid)"; then
    rm -f "$REDIS_PIDFILE"
    if redis_ping; then log "redis: 127.0.0.1:$REDIS_PORT is not ours (no live $(rel "$REDIS_PIDFILE")), left alone"
    else log "redis: not running"; fi
    return 0
  fi
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "redis: still alive after SHUTDOWN, sending SIGKILL to $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$REDIS_PIDFILE"
  log "redis: stopped"
}

# ---------------------------------------------------------------- kafka
kafka_pid() { live_pid "$KAFKA_PIDFILE" kafka.Kafka; }

kafka_ready() { # our broker answers Kafka requests
  port_open "$KAFKA_PORT" || return 1
  if have kcat; then
    timeout 10 kcat -L -b "127.0.0.1:$KAFKA_PORT" -m 5 >/dev/null 2>&1 || return 1
  fi
  return 0
}

kafka_ensure_libs() {
  local pom_sum stamp="$KAFKA_LIBS/.complete" tmp mvn_log
  pom_sum="$(sha256sum "$INFRA/kafka/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$pom_sum" ]]; then return 0; fi
  [[ -d "$KAFKA_LIBS" ]] && log "kafka: infra/kafka/pom.xml changed, re-fetching jars"
  have mvn || die "kafka: mvn not found (apt-get install maven)"
  mkdir -p "$CACHE/kafka"
  tmp="$CACHE/kafka/libs.tmp.$$"
  mvn_log="$CACHE/kafka/mvn.log"
  rm -rf "$tmp"
  log "kafka: fetching Kafka $KAFKA_VERSION jars from Maven Central (once; log: $(rel "$mvn_log"))"
  if ! mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$MAVEN_REPO_LOCAL" -f "$INFRA/kafka/pom.xml" \
        dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime >"$mvn_log" 2>&1 9>&-; then
    rm -rf "$tmp"
    show_tail "$mvn_log"
    die "kafka: Maven could not fetch the Kafka jars"
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || { rm -rf "$tmp"; die "kafka: kafka_2.13-$KAFKA_VERSION.jar missing after Maven run"; }
  printf '%s\n' "$pom_sum" >"$tmp/.complete"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  log "kafka: $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars in $(rel "$KAFKA_LIBS")"
}

kafka_render_props() {
  local esc_root
  mkdir -p "$KAFKA_DIR" "$KAFKA_DATA" "$KAFKA_DIR/logs"
  esc_root="$(printf '%s' "$ROOT" | sed 's/[&|\\]/\\&/g')"
  sed -e "s|@ROOT@|$esc_root|g" -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
      -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      "$INFRA/kafka/server.properties" >"$KAFKA_PROPS.tmp"
  mv "$KAFKA_PROPS.tmp" "$KAFKA_PROPS"
}

kafka_tool() { # main-class args...  (one-shot CLI tool on the broker classpath)
  "$JAVA" -Xmx256m -Dlog4j.configuration="file:$INFRA/kafka/tools-log4j.properties" \
    -cp "$KAFKA_LIBS/*" "$@"
}

kafka_format() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  log "kafka: formatting KRaft storage $(rel "$KAFKA_DATA") (cluster id $KAFKA_CLUSTER_ID)"
  local out
  out="$(kafka_tool kafka.tools.StorageTool format -t "$KAFKA_CLUSTER_ID" -c "$KAFKA_PROPS" --ignore-formatted 2>&1)" \
    || { printf '%s\n' "$out" >&2; die "kafka: storage format failed"; }
}

kafka_wait_ready() { # pid
  local pid="$1" deadline=$((SECONDS + KAFKA_READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$KAFKA_PIDFILE"
      show_tail "$KAFKA_LOG" 40
      die "kafka: broker process $pid exited during startup (full log: $KAFKA_LOG)"
    fi
    if grep -q 'Kafka Server started' "$KAFKA_LOG" 2>/dev/null && kafka_ready; then
      return 0
    fi
    sleep 0.5
  done
  show_tail "$KAFKA_LOG" 40
  die "kafka: not ready on 127.0.0.1:$KAFKA_PORT after ${KAFKA_READY_TIMEOUT}s (pid $pid still running; log: $KAFKA_LOG)"
}

kafka_start() {
  local pid t0=$SECONDS
  have "$JAVA" || die "kafka: java not found"
  kafka_ensure_libs
  kafka_render_props
  if pid="$(kafka_pid)"; then
    if kafka_ready; then log "kafka: already running (pid $pid)"; return 0; fi
    log "kafka: pid $pid is running but not ready yet, waiting"
    kafka_wait_ready "$pid"
    log "kafka: ready (pid $pid)"
    return 0
  fi
  rm -f "$KAFKA_PIDFILE"
  if port_open "$KAFKA_PORT"; then
    if kafka_ready && have kcat; then
      log "kafka: a broker not started by us already answers on 127.0.0.1:$KAFKA_PORT, using it"
      return 0
    fi
    die "kafka: port $KAFKA_PORT is already in use (ss -ltnp 'sport = :$KAFKA_PORT')"
  fi
  port_open "$KAFKA_CONTROLLER_PORT" && die "kafka: controller port $KAFKA_CONTROLLER_PORT is already in use"
  kafka_format

  [[ -f "$KAFKA_LOG" ]] && mv -f "$KAFKA_LOG" "$KAFKA_LOG.1"
  # shellcheck disable=SC2086  # KAFKA_HEAP_OPTS is a list of JVM flags
  setsid nohup "$JAVA" $KAFKA_HEAP_OPTS "${KAFKA_JVM_OPTS[@]}" \
    -Dkafka.logs.dir="$KAFKA_DIR/logs" \
    -Dlog4j.configuration="file:$INFRA/kafka/log4j.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS" \
    >"$KAFKA_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$KAFKA_PIDFILE"
  log "kafka: starting broker (pid $pid, heap $KAFKA_HEAP_OPTS), waiting up to ${KAFKA_READY_TIMEOUT}s..."
  kafka_wait_ready "$pid"
  log "kafka: ready in $((SECONDS - t0))s (pid $pid)"
}

kafka_stop() {
  local pid i t0=$SECONDS
  if ! pid="$(kafka_pid)"; then
    rm -f "$KAFKA_PIDFILE"
    if port_open "$KAFKA_PORT"; then log "kafka: 127.0.0.1:$KAFKA_PORT is not ours (no live $(rel "$KAFKA_PIDFILE")), left alone"
    else log "kafka: not running"; fi
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < KAFKA_STOP_TIMEOUT * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "kafka: pid $pid still alive after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$KAFKA_PIDFILE"
  log "kafka: stopped in $((SECONDS - t0))s"
}

# ---------------------------------------------------------------- commands
summary() {
  log "---------------------------------------------------------------"
  log "postgres  127.0.0.1:$PGPORT  user $DB_USER / password $DB_PASSWORD"
  log "          postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PGPORT/<db>"
  log "          dbs: ${DATABASES[*]}"
  log "redis     redis://127.0.0.1:$REDIS_PORT"
  log "kafka     127.0.0.1:$KAFKA_PORT  (KRaft controller 127.0.0.1:$KAFKA_CONTROLLER_PORT, auto-create topics OFF)"
  log "logs      $(rel "$KAFKA_LOG")  $(rel "$REDIS_LOG")  $PG_LOG"
  log "---------------------------------------------------------------"
}

cmd_start() {
  local t0=$SECONDS
  ensure_packages
  pg_start
  redis_start
  kafka_start
  summary
  log "all up in $((SECONDS - t0))s"
}

cmd_status() {
  local ok=0 pid detail
  if pg_ready; then
    printf '[infra] %-9s %-5s 127.0.0.1:%s  (cluster %s/%s)\n' postgres up "$PGPORT" "$PG_VERSION" "$PG_CLUSTER"
  else
    printf '[infra] %-9s %-5s 127.0.0.1:%s\n' postgres DOWN "$PGPORT"; ok=1
  fi
  if redis_ping; then
    if pid="$(redis_pid)"; then detail="pid $pid"; else detail="not started by local.sh"; fi
    printf '[infra] %-9s %-5s 127.0.0.1:%s  (%s)\n' redis up "$REDIS_PORT" "$detail"
  else
    printf '[infra] %-9s %-5s 127.0.0.1:%s\n' redis DOWN "$REDIS_PORT"; ok=1
  fi
  if kafka_ready; then
    if pid="$(kafka_pid)"; then detail="pid $pid"; else detail="not started by local.sh"; fi
    printf '[infra] %-9s %-5s 127.0.0.1:%s  (%s)\n' kafka up "$KAFKA_PORT" "$detail"
  else
    if pid="$(kafka_pid)"; then detail="  (pid $pid alive but not answering; see $(rel "$KAFKA_LOG"))"; else detail=""; fi
    printf '[infra] %-9s %-5s 127.0.0.1:%s%s\n' kafka DOWN "$KAFKA_PORT" "$detail"; ok=1
  fi
  return "$ok"
}

cmd_stop() {
  kafka_stop
  redis_stop
  pg_stop
}

cmd_reset() {
  log "reset: stopping Kafka and Redis, wiping their data, recreating the ${#DATABASES[@]} databases"
  kafka_stop
  redis_stop
  rm -rf "$KAFKA_DATA" "$KAFKA_PROPS" "$REDIS_DIR"/*.rdb "$REDIS_DIR"/appendonly*
  log "deleted $(rel "$KAFKA_DATA") and Redis data"
  ensure_packages
  if pg_cluster_exists && pg_running; then pg_wait_ready; else pg_start; fi
  pg_recreate_dbs
  log "clean slate. PostgreSQL is still running; Kafka and Redis are stopped."
  log "next: infra/local.sh start"
}

usage() {
  cat <<EOF
usage: infra/local.sh <command>

  start         install missing packages, start PostgreSQL, Redis, Kafka (idempotent)
  status        one line per component; exit 0 if all up, 1 otherwise
  stop          stop Kafka, Redis (ours only) and PostgreSQL
  kafka-stop    stop only the Kafka broker (simulate an outage)
  kafka-start   start only the Kafka broker and wait until it is ready
  reset         stop Kafka/Redis, delete their data, drop + recreate the databases
  kafka-topics  run Kafka's TopicCommand against the local broker, e.g.
                  infra/local.sh kafka-topics --list
                  infra/local.sh kafka-topics --create --topic t --partitions 3

env: PGPORT=$PGPORT REDIS_PORT=$REDIS_PORT KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT
EOF
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start)        take_lock; cmd_start ;;
    status)       cmd_status ;;
    stop)         take_lock; cmd_stop ;;
    kafka-stop)   take_lock; kafka_stop ;;
    kafka-start)  take_lock; kafka_start ;;
    reset)        take_lock; cmd_reset ;;
    kafka-topics)
      [[ -f "$KAFKA_LIBS/.complete" ]] || die "kafka jars not fetched yet: run infra/local.sh start"
      kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" "$@" ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
