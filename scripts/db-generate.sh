#!/usr/bin/env bash
# Generates the Prisma client into packages/db/src/generated (not committed).
# Prisma's CLI wants its native schema engine at start-up and would try to download it; `generate` only needs
# the WebAssembly parts it ships, so any existing file satisfies the check.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
out="$ROOT/packages/db/src/generated"
hash="$(cat "$ROOT/prisma/schema.prisma" "$ROOT/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ -f "$out/.schema-hash" ] && [ "$(cat "$out/.schema-hash")" = "$hash" ]; then exit 0; fi
step "generating the Prisma client"
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$ROOT/package.json}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
log="$(cd "$ROOT" && npx prisma generate --schema prisma/schema.prisma 2>&1)" || { echo "$log" >&2; die "prisma generate failed"; }
echo "$hash" >"$out/.schema-hash"
