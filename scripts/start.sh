#!/usr/bin/env bash
# `npm start`: installs what is missing, starts PostgreSQL, Redis and Docker, migrates and seeds the database,
# builds the runtime images and the apps, then runs the API (which also serves the web app) and a worker
# until Ctrl-C. Running it again reuses everything already set up.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

prepare_platform
step "migrating the database"
node "$ROOT/scripts/db/migrate.mjs" deploy
export NODE_ENV=production
export PORT="${PORT:-3000}"
export HOST="${HOST:-127.0.0.1}"
export PUBLIC_URL="${PUBLIC_URL:-http://$HOST:$PORT}"
# The key that seals stored secrets (single sign-on client secrets): made once per install and kept out of the
# repository, so company sign-in can be configured on a local install without setting anything.
if [ -z "${SECRETS_ENCRYPTION_KEY:-}" ]; then
  key_file="$ROOT/.data/secrets/encryption.key"
  if [ ! -s "$key_file" ]; then
    mkdir -p "$(dirname "$key_file")" && chmod 700 "$(dirname "$key_file")"
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' >"$key_file")
  fi
  SECRETS_ENCRYPTION_KEY="$(cat "$key_file")"
  export SECRETS_ENCRYPTION_KEY
fi

# TAKEHOME_DEMO=off starts without the demo organization: the first visit then opens the set-up page.
case "${TAKEHOME_DEMO:-on}" in
  on|1|true|yes) demo=1 ;;
  off|0|false|no) demo= ;;
  *) die "TAKEHOME_DEMO must be on or off (got '$TAKEHOME_DEMO')" ;;
esac
if [ -n "$demo" ]; then
  step "seeding demo data"
  seed_output="$(node "$ROOT/apps/api/dist/seed/seed.js" --demo-candidate)" || die "seeding failed"
  echo "$seed_output"
  candidate_link="$(echo "$seed_output" | sed -n 's/^seed: demo candidate link //p')"
else
  step "no demo data (TAKEHOME_DEMO=off)"
fi
LOGS="$ROOT/.data/logs"
mkdir -p "$LOGS"

pids=()
stop() {
  trap - INT TERM EXIT
  step "stopping the API and the worker"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

# The worker keeps one sandbox booted ahead for each of the two run shapes used last (a practice run or a
# grading then skips creating and starting its containers); SANDBOX_WARM_SHAPES=0 boots every run's own.
SANDBOX_WARM_SHAPES="${SANDBOX_WARM_SHAPES:-2}" node "$ROOT/apps/worker/dist/main.js" >>"$LOGS/worker.log" 2>&1 &
pids+=($!)
# One API process per core (at most 4) on the same port: the API is stateless, so this is how one machine's
# cores all take requests (API_PROCESSES overrides it).
cores="$(nproc 2>/dev/null || echo 2)"
API_PROCESSES="${API_PROCESSES:-$((cores < 4 ? cores : 4))}" node "$ROOT/apps/api/dist/main.js" >>"$LOGS/api.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fsS "http://$HOST:$PORT/health" >/dev/null 2>&1 && break
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process exited during start-up; see $LOGS"; done
  sleep 0.5
done
curl -fsS "http://$HOST:$PORT/health" >/dev/null 2>&1 || die "the API did not report healthy within 60 s; see $LOGS/api.log"

cat <<INFO

  Takehome is running at $PUBLIC_URL
  API docs:  $PUBLIC_URL/api/docs      Health: $PUBLIC_URL/health
  Logs:      .data/logs/api.log, .data/logs/worker.log
INFO
if [ -n "$demo" ]; then
  cat <<INFO

  Demo logins (password: takehome-demo)
    admin       admin@demo.takehome.test
    hiring lead lead@demo.takehome.test
    reviewers   reviewer1@demo.takehome.test, reviewer2@demo.takehome.test

  Try it as a candidate (a fresh link on every start): $candidate_link
INFO
else
  cat <<INFO

  No demo data. Until an organization exists, $PUBLIC_URL opens the set-up page that creates yours and its
  first admin (or, without a browser: npm run assess -- org create --name NAME --admin-email EMAIL).
INFO
fi
cat <<INFO

  Press Ctrl-C to stop (PostgreSQL, Redis and Docker keep running; npm run services -- down stops them).

INFO
wait -n "${pids[@]}"
die "a process exited; see $LOGS"
