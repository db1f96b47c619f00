#!/usr/bin/env bash
# `npm test`: the same set-up as `npm start` (dependencies, services, images, build), then every suite against
# the real PostgreSQL, Redis and Docker engines it started. Extra arguments go to vitest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

prepare_platform
# Browser suites drive Debian's Chromium; Playwright's own browser download is not reachable here.
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || apt_install chromium
export NODE_ENV=test TZ=UTC
# Each test worker gets its own database cloned from a migrated template (see tests/support/global-setup.ts).
export TAKEHOME_TEST_DATABASE_URL="$DATABASE_URL"
step "running the test suites"
cd "$ROOT"
npx vitest run "$@"
