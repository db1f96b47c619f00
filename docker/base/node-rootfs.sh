#!/usr/bin/env bash
# Builds the offline Node.js base image from the host's own node: the binary, the shared libraries
# ldd lists, npm (copied from the host installation) and dash as /bin/sh for `npm start` scripts.
# Usage: node-rootfs.sh IMAGE HASH
source "$(dirname "$0")/common.sh"
NAME="$1"; HASH="$2"
ROOT="$(mktemp -d)"; trap 'rm -rf "$ROOT"' EXIT

copy_with_libs() {
  local bin="$1" dest="$2"
  install -D -m 0755 "$bin" "$ROOT$dest"
  # ldd prints "name => /path (addr)" or "/path (addr)"; copy each real path keeping its location.
  ldd "$bin" | grep -oE '/[^ ]+' | while read -r lib; do
    [ -e "$ROOT$lib" ] || install -D -m 0755 "$(readlink -f "$lib")" "$ROOT$lib"
  done
}

NODE="$(readlink -f "$(command -v node)")"
copy_with_libs "$NODE" /usr/local/bin/node
copy_with_libs "$(readlink -f /bin/sh)" /bin/sh

NPM_DIR="$(dirname "$NODE")/../lib/node_modules/npm"
[ -d "$NPM_DIR" ] || NPM_DIR="$(dirname "$(readlink -f "$(command -v npm)")")/.."
mkdir -p "$ROOT/usr/local/lib/node_modules"
cp -a "$(readlink -f "$NPM_DIR")" "$ROOT/usr/local/lib/node_modules/npm"
printf '#!/bin/sh\nexec /usr/local/bin/node /usr/local/lib/node_modules/npm/bin/npm-cli.js "$@"\n' \
  >"$ROOT/usr/local/bin/npm"
chmod 0755 "$ROOT/usr/local/bin/npm"
ln -s /usr/local/bin/node "$ROOT/usr/local/bin/nodejs"
# npm wants a writable HOME for its cache and a CA bundle location it never uses offline.
add_minimal_etc "$ROOT"
import_rootfs "$ROOT" "$NAME" "$HASH"
