#!/usr/bin/env bash
# `npm run bench`: the same set-up as `npm test`, then the platform-overhead and throughput benchmark.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
prepare_platform
node "$ROOT/tests/bench/platform-overhead.mjs"
