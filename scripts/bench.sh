#!/usr/bin/env bash
# `npm run bench`: the same set-up as `npm test`, then the platform-overhead and throughput benchmark, and the
# pipeline benchmark (a 1,000-row CSV import and the dashboard over it), autosave at 200 candidates, and grading
# (single, burst of 50 and practice turnaround against their host floors; BENCH_ROUNDS and BENCH_BURST shrink it),
# and a grading with PostgreSQL and Redis sidecars against the same grading without them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
prepare_platform
node "$ROOT/tests/bench/platform-overhead.mjs"
node "$ROOT/tests/bench/pipeline.mjs"
node "$ROOT/tests/bench/autosave.mjs"
node "$ROOT/tests/bench/grading.mjs"
node "$ROOT/tests/bench/sidecars.mjs"
