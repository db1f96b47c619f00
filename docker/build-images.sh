#!/usr/bin/env bash
# Builds the runtime images the sandbox runs submissions and tests in, fully offline:
#   takehome/base-node, takehome/base-python   rootfs bases made by base/*-rootfs.sh and `docker import`
#   takehome/node20, takehome/python3          submission images (supervisor in /opt/takehome), with the offered
#                                              libraries: node20's from runtimes/node20/libraries (npm lockfile),
#                                              python3's Debian packages in the base rootfs
#   takehome/node20-runner, takehome/python3-runner   test-runner images
#   takehome/base-LANG, takehome/LANG, takehome/LANG-runner   for LANG in go java17 cpp ruby: Debian toolchains
#                                              and libraries unpacked by base-lang/debian.sh (LANGS=go,ruby to
#                                              build only some; LANGS=none to skip them all)
#   takehome/postgres15, takehome/redis7       sidecars for challenges declaring `services:` (sidecars/rootfs.sh)
# Called on every `npm start`/`npm test`, so it is idempotent and fast: each image carries a label with the
# hash of its inputs and is rebuilt only when that hash changes. Where a registry is reachable, set
# TAKEHOME_NODE_BASE=node:20-slim / TAKEHOME_PYTHON_BASE=python:3.11-slim to build on public bases instead.
#   FORCE=1 docker/build-images.sh   rebuild everything
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$DIR/../scripts/lib.sh"
export DOCKER_BUILDKIT=0
LABEL=takehome.inputs-hash

docker info >/dev/null 2>&1 || die "Docker engine not answering: run scripts/services.sh up"

hash_of() { cat "$@" | sha256sum | cut -c1-16; }
files_hash() { (cd "$DIR" && find "$@" -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16; }
current_hash() { docker image inspect -f "{{index .Config.Labels \"$LABEL\"}}" "$1" 2>/dev/null || true; }
up_to_date() { [ -z "${FORCE:-}" ] && [ "$(current_hash "$1")" = "$2" ]; }

# base IMAGE HASH SCRIPT [ARGS]: imports an offline rootfs unless one with the same inputs exists.
base() {
  local name="$1" hash="$2" script="$3"; shift 3
  if up_to_date "$name" "$hash"; then step "$name up to date"; return; fi
  step "building $name (offline rootfs) ..."
  local t0=$SECONDS
  bash "$DIR/$script" "$name" "$hash" "$@" || die "building $name failed"
  step "built $name in $((SECONDS - t0)) s"
}

# runtime IMAGE DOCKERFILE_DIR BASE_IMAGE BASE_HASH
runtime() {
  local name="$1" dir="$2" from="$3" from_hash="$4"
  local hash; hash="$(printf '%s %s %s' "$from" "$from_hash" "$(files_hash "runtimes/$dir" supervisor)" | sha256sum | cut -c1-16)"
  eval "HASH_${dir//-/_}=$hash"
  if up_to_date "$name" "$hash"; then step "$name up to date"; return; fi
  step "building $name ..."
  local log t0=$SECONDS; log="$(mktemp)"
  # RUN steps on the offline bases need no network, so they get none (nor a bridge endpoint, which a host
  # without docker0 cannot give); only a public base (python3's pip install of the same versions) may fetch.
  local network=none
  [ "$from_hash" = public ] && network=default
  if ! docker build -q --network "$network" --build-arg "BASE=$from" --label "$LABEL=$hash" -t "$name" \
      -f "$DIR/runtimes/$dir/Dockerfile" "$DIR" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; die "building $name failed"
  fi
  rm -f "$log"
  step "built $name in $((SECONDS - t0)) s"
}

T0=$SECONDS
if [ -n "${TAKEHOME_NODE_BASE:-}" ]; then
  NODE_BASE="$TAKEHOME_NODE_BASE"; NODE_HASH="public"
else
  NODE_BASE=takehome/base-node
  NODE_HASH="$( (files_hash base; node -v; npm -v; readlink -f "$(command -v node)") | sha256sum | cut -c1-16)"
  base "$NODE_BASE" "$NODE_HASH" base/node-rootfs.sh
fi
if [ -n "${TAKEHOME_PYTHON_BASE:-}" ]; then
  PY_BASE="$TAKEHOME_PYTHON_BASE"; PY_HASH="public"
else
  PY_BASE=takehome/base-python
  # The candidate version changes when the mirror ships a security update: rebuild then.
  PY_HASH="$( (files_hash base; apt-cache policy python3.11 libc6 | grep Candidate) | sha256sum | cut -c1-16)"
  base "$PY_BASE" "$PY_HASH" base/python-rootfs.sh
fi

# The node20 image's libraries (express, fastify, pg, ...) come from the npm registry at the versions its
# lockfile pins, installed here with the host's npm (its registry settings and CA) and copied into the image,
# so the image build itself needs no network. Staged under docker/.vendor (git-ignored, not hashed: the
# lockfile is, as part of runtimes/node20).
vendor_node_libraries() {
  local src="$DIR/runtimes/node20/libraries" dest="$DIR/.vendor/node20"
  if cmp -s "$src/package-lock.json" "$dest/package-lock.json" && [ -d "$dest/node_modules" ]; then return; fi
  step "installing the node20 libraries from $src/package-lock.json ..."
  rm -rf "$dest"; mkdir -p "$dest"
  cp "$src/package.json" "$src/package-lock.json" "$dest/"
  (cd "$dest" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null) ||
    { rm -rf "$dest"; die "npm ci of the node20 libraries failed"; }
}
vendor_node_libraries
runtime takehome/node20 node20 "$NODE_BASE" "$NODE_HASH"
runtime takehome/node20-runner node20-runner takehome/node20 "$HASH_node20"
runtime takehome/python3 python3 "$PY_BASE" "$PY_HASH"
runtime takehome/python3-runner python3-runner takehome/python3 "$HASH_python3"

# The main package of each language: a security update on the mirror changes its candidate and rebuilds.
declare -A LANG_PKGS=([go]=golang-1.19-go [java17]=openjdk-17-jdk-headless [cpp]=g++-12 [ruby]=ruby3.1)
IFS=',' read -r -a WANT_LANGS <<<"${LANGS:-go,java17,cpp,ruby}"
for lang in "${WANT_LANGS[@]}"; do
  [ "$lang" = none ] && continue
  [ -n "${LANG_PKGS[$lang]:-}" ] || die "unknown language $lang (LANGS: go,java17,cpp,ruby)"
  hash="$( (files_hash base-lang base/common.sh; echo "$lang"; apt-cache policy "${LANG_PKGS[$lang]}" libc6 | grep Candidate) | sha256sum | cut -c1-16)"
  base "takehome/base-$lang" "$hash" base-lang/debian.sh "$lang"
  runtime "takehome/$lang" "$lang" "takehome/base-$lang" "$hash"
  eval "runner_from=\$HASH_$lang"
  runtime "takehome/$lang-runner" "$lang-runner" "takehome/$lang" "$runner_from"
done
# Sidecars a challenge may declare under `services:` (docker/sidecars/rootfs.sh); SIDECARS=none skips them.
declare -A SIDECAR_PKGS=([postgres15]=postgresql-15 [redis7]=redis-server)
if [ "${SIDECARS:-all}" != none ]; then
  for kind in postgres15 redis7; do
    hash="$( (files_hash sidecars base/common.sh; echo "$kind"; apt-cache policy "${SIDECAR_PKGS[$kind]}" libc6 | grep Candidate) | sha256sum | cut -c1-16)"
    base "takehome/$kind" "$hash" sidecars/rootfs.sh "$kind"
  done
fi
# Legacy builds leave dangling layers behind each rebuild; they are never reused.
docker image prune -f --filter "label=$LABEL" >/dev/null 2>&1 || true
step "runtime images ready ($((SECONDS - T0)) s)"
