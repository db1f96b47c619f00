# Shared helpers for the project's shell scripts. Sourced, never run.
step() { printf '\033[1;34m▸\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m!\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m✗\033[0m %s\n' "$*" >&2; exit 1; }

apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "$* is missing and this is not a root Debian machine where it could be installed: install $* (or, for a server, set its *_URL variable)"
  fi
  step "installing $* from Debian"
  if [ ! -f "$ROOT/.data/.apt-updated" ]; then
    apt-get update -qq >/dev/null && mkdir -p "$ROOT/.data" && touch "$ROOT/.data/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Installs dependencies when node_modules is missing or older than the lockfile.
ensure_dependencies() {
  local stamp="$ROOT/node_modules/.takehome-lock-hash"
  local want; want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  # `npm install` honours the committed lockfile like `npm ci`, but tolerates an optional dependency that the
  # registry no longer serves (vite lists one), where `npm ci` refuses the whole install.
  step "installing npm dependencies (from package-lock.json)"
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error) || die "npm install failed"
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  echo "$want" >"$stamp"
}

# Everything both `npm start` and `npm test` need before any app runs.
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

prepare_platform() {
  ensure_dependencies
  bash "$ROOT/scripts/services.sh" up
  eval "$(bash "$ROOT/scripts/services.sh" env)"
  bash "$ROOT/scripts/db-generate.sh"
  step "building the monorepo (turbo)"
  (cd "$ROOT" && npx turbo run build --output-logs=errors-only) || die "build failed"
}
