#!/usr/bin/env bash
# A second Docker engine of its own, beside the shared one on /var/run/docker.sock, for tests that must stop,
# restart or fill an engine (the fault suite) or need two engines (multi-engine scheduling). It never touches
# the shared engine: its own socket, data root, exec root, PID file, bridge interface, no iptables rules.
#   scripts/second-engine.sh up      start it (idempotent) and load the runtime images into it once
#   scripts/second-engine.sh down    stop it (the data root, with its images, is kept for the next run)
#   scripts/second-engine.sh restart stop and start it again (the Docker-engine fault)
#   scripts/second-engine.sh env     print DOCKER_HOST for it, as a shell export
# TAKEHOME_ENGINE_NAME names the instance (default takehome-faults), so two such engines can coexist.
# TAKEHOME_ENGINE_IMAGES lists the images to copy in from the shared engine (default: the node20 runtime).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

NAME="${TAKEHOME_ENGINE_NAME:-takehome-faults}"
RUN_DIR="/run/$NAME"
SOCK="$RUN_DIR/docker.sock"
PIDFILE="$RUN_DIR/docker.pid"
EXEC_ROOT="$RUN_DIR/exec"
# Kept across runs: the images loaded once stay, so later runs skip the load.
DATA_ROOT="/var/lib/$NAME-engine"
LOG="$DATA_ROOT.log"
IMAGES="${TAKEHOME_ENGINE_IMAGES:-takehome/node20 takehome/node20-runner}"
# A private address pool, so its networks never overlap the shared engine's (172.17.0.0/12 by default).
POOL="${TAKEHOME_ENGINE_POOL:-10.213.0.0/16}"

# Its own bridge interface. Not `--bridge none`: a dockerd started with that deletes the host's docker0, which
# belongs to the shared engine (its default-network containers and its builds' RUN steps then have no network).
HASH="$(printf %s "$NAME" | sha256sum | cut -c1-8)"
BRIDGE="thb$HASH"
BRIDGE_CIDR="${TAKEHOME_ENGINE_BRIDGE_CIDR:-10.212.$((16#${HASH:0:2})).1/24}"

answers() { docker -H "unix://$SOCK" info >/dev/null 2>&1; }

ensure_bridge() {
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add name "$BRIDGE" type bridge
  ip -4 addr show dev "$BRIDGE" | grep -q "inet $BRIDGE_CIDR" || ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

start_engine() {
  if answers; then step "second engine ($NAME): already running on $SOCK"; return; fi
  command -v dockerd >/dev/null || apt_install docker.io
  mkdir -p "$RUN_DIR" "$EXEC_ROOT" "$DATA_ROOT"
  ensure_bridge
  # A PID file left by a killed engine stops dockerd from starting.
  if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then rm -f "$PIDFILE" "$SOCK"; fi
  step "second engine ($NAME): starting on $SOCK (data root $DATA_ROOT)"
  setsid dockerd --host "unix://$SOCK" --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" --pidfile "$PIDFILE" \
    --bridge "$BRIDGE" --iptables=false --ip-masq=false --default-address-pool "base=$POOL,size=24" \
    >"$LOG" 2>&1 </dev/null &
  for _ in $(seq 1 120); do answers && break; sleep 0.25; done
  answers || die "second engine did not start, see $LOG"
}

load_images() {
  for image in $IMAGES; do
    local want have
    want="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null)" || die "$image is not on the shared engine: run npm run services first"
    have="$(docker -H "unix://$SOCK" image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
    if [ "$want" = "$have" ]; then step "second engine: $image already loaded"; continue; fi
    step "second engine: loading $image (once; kept in $DATA_ROOT)"
    docker save "$image" | docker -H "unix://$SOCK" load | sed 's/^/    /'
  done
}

stop_engine() {
  [ -f "$PIDFILE" ] || { answers || return 0; die "an engine answers on $SOCK but $PIDFILE is missing"; }
  local pid; pid="$(cat "$PIDFILE")"
  if kill -0 "$pid" 2>/dev/null; then
    step "second engine ($NAME): stopping (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  # Socket, PID file, exec root and bridge are only meaningful while it runs; the data root (images) is kept.
  rm -rf "$RUN_DIR"
  ip link del "$BRIDGE" 2>/dev/null || true
}

case "${1:-up}" in
  up) start_engine; load_images ;;
  down) stop_engine ;;
  restart) stop_engine; start_engine ;;
  env) echo "export DOCKER_HOST=unix://$SOCK" ;;
  *) die "usage: scripts/second-engine.sh up|down|restart|env" ;;
esac
