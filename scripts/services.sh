#!/usr/bin/env bash
# Starts what the platform runs on: PostgreSQL, Redis and a Docker engine, and the runtime images.
# Idempotent: whatever already answers is reused; stale PID files and half-made data folders are repaired.
#   scripts/services.sh up      start everything (default)
#   scripts/services.sh database  start only PostgreSQL (backup and restore need nothing else)
#   scripts/services.sh down    stop the project-local PostgreSQL and Redis (Docker is left running)
#   scripts/services.sh env     print the environment the apps should use, as shell exports
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

DATA="$ROOT/.data"
PG_PORT="${TAKEHOME_PG_PORT:-55432}"
REDIS_PORT="${TAKEHOME_REDIS_PORT:-56379}"
# PostgreSQL's server runs as the `postgres` user, which cannot enter a checkout in a private folder (root's
# home and `mktemp -d` folders are mode 700). So when running as root its cluster lives outside the checkout,
# in a folder of its own per checkout under /var/lib/takehome; a cluster an earlier version made in
# .data/postgres is kept where it is. TAKEHOME_PG_DATA chooses the folder explicitly.
pg_data_dir() {
  if [ -n "${TAKEHOME_PG_DATA:-}" ]; then echo "$TAKEHOME_PG_DATA"; return; fi
  if [ -f "$DATA/postgres/PG_VERSION" ] || [ "$(id -u)" != 0 ]; then echo "$DATA/postgres"; return; fi
  echo "/var/lib/takehome/$(basename "$ROOT" | tr -cd 'A-Za-z0-9_.-')-$(printf '%s' "$ROOT" | sha256sum | cut -c1-8)/postgres"
}
PG_DATA="$(pg_data_dir)"
REDIS_DIR="$DATA/redis"
PG_USER=takehome
PG_PASSWORD=takehome
DEFAULT_DATABASE_URL="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/takehome"
DEFAULT_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then step "PostgreSQL: using DATABASE_URL"; return; fi
  [ -x "$(pg_bin)/postgres" ] || apt_install postgresql
  local bin; bin="$(pg_bin)"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi
  mkdir -p "$DATA" "$(dirname "$PG_DATA")"
  # Every folder above the cluster must be enterable by `postgres`, whatever the caller's umask.
  case "$PG_DATA" in /var/lib/takehome/*) chmod 755 /var/lib/takehome "$(dirname "$PG_DATA")" ;; esac
  if [ -d "$PG_DATA" ] && [ ! -f "$PG_DATA/PG_VERSION" ]; then
    warn "PostgreSQL data folder is half-made; recreating it"
    rm -rf "$PG_DATA"
  fi
  if [ ! -d "$PG_DATA" ]; then
    step "PostgreSQL: creating a cluster in $PG_DATA"
    mkdir -p "$PG_DATA"
    local pwfile; pwfile="$(mktemp)"; echo "$PG_PASSWORD" >"$pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA" "$pwfile"
    run_as_postgres "$bin/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$DATA/initdb.log" 2>&1 || { rm -rf "$PG_DATA"; die "initdb failed, see .data/initdb.log"; }
    rm -f "$pwfile"
  fi
  [ "$(id -u)" = 0 ] && chown -R postgres "$PG_DATA"
  if run_as_postgres "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    step "PostgreSQL: already running on port $PG_PORT"
  else
    # A PID file left by a killed server stops pg_ctl from starting a new one.
    rm -f "$PG_DATA/postmaster.pid"
    step "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
    run_as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${TAKEHOME_PG_FSYNC:-on}" \
      start >/dev/null || die "PostgreSQL did not start, see $PG_DATA/server.log"
  fi
  PGPASSWORD="$PG_PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='takehome'" | grep -q 1 ||
    PGPASSWORD="$PG_PASSWORD" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" takehome
}

# As root the server runs as `postgres` (it refuses to run as root); otherwise as the calling user.
run_as_postgres() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}

start_redis() {
  if [ -n "${REDIS_URL:-}" ]; then step "Redis: using REDIS_URL"; return; fi
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$REDIS_DIR"
  local reply; reply="$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null || true)"
  if [ "$reply" = PONG ]; then
    step "Redis: already running on port $REDIS_PORT"
    return
  fi
  if [ -n "$reply" ]; then
    # Something on the project's own port answers but is unusable (e.g. its data folder was deleted): replace it.
    warn "Redis on port $REDIS_PORT answers \"${reply:0:80}\"; restarting it"
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    sleep 0.5
  fi
  rm -f "$REDIS_DIR/redis.pid"
  step "Redis: starting on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --appendonly yes --save '' \
    --maxmemory-policy noeviction >/dev/null
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return; sleep 0.1; done
  die "Redis did not start, see .data/redis/redis.log"
}

start_docker() {
  if docker info >/dev/null 2>&1; then step "Docker: engine answering${DOCKER_HOST:+ at $DOCKER_HOST}"; return; fi
  [ -n "${DOCKER_HOST:-}" ] && die "DOCKER_HOST=$DOCKER_HOST does not answer (docker info failed)"
  command -v dockerd >/dev/null || apt_install docker.io
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  if ! pgrep -x dockerd >/dev/null; then
    step "Docker: starting dockerd"
    mkdir -p "$DATA"
    setsid dockerd --host unix:///var/run/docker.sock >"$DATA/dockerd.log" 2>&1 </dev/null &
  fi
  for _ in $(seq 1 120); do docker info >/dev/null 2>&1 && { step "Docker: engine up"; return; }; sleep 0.5; done
  die "Docker engine did not answer within 60 s, see .data/dockerd.log"
}

build_images() {
  bash "$ROOT/docker/build-images.sh"
}

print_env() {
  echo "export DATABASE_URL=${DATABASE_URL:-$DEFAULT_DATABASE_URL}"
  echo "export REDIS_URL=${REDIS_URL:-$DEFAULT_REDIS_URL}"
}

case "${1:-up}" in
  up)
    start_postgres
    start_redis
    start_docker
    build_images
    ;;
  database) start_postgres ;;
  down)
    [ -d "$PG_DATA" ] && run_as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" stop -m fast >/dev/null 2>&1 || true
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    step "stopped PostgreSQL and Redis"
    ;;
  env) print_env ;;
  *) die "unknown command '$1' (use up, database, down or env)" ;;
esac
