# Shared by scripts/backup.sh and scripts/restore.sh. Sourced, never run.

# DATABASE_URL as given, or the project-local PostgreSQL (started if it is not running).
use_database() {
  if [ -z "${DATABASE_URL:-}" ]; then
    bash "$ROOT/scripts/services.sh" database
    eval "$(bash "$ROOT/scripts/services.sh" env)"
  fi
}

# The newest installed PostgreSQL client tool; Debian's postgresql package installs them under /usr/lib.
pg_tool() {
  local bin; bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$bin" ] && [ -x "$bin/$1" ]; then echo "$bin/$1"; return; fi
  command -v "$1" >/dev/null || die "$1 is missing: install PostgreSQL's client tools (apt-get install postgresql-client)"
  command -v "$1"
}

# libpq refuses Prisma's own URL parameters (schema=…), which a DATABASE_URL may carry.
libpq_url() { node -e 'const u = new URL(process.argv[1]); u.searchParams.delete("schema"); console.log(u.toString())' "$1"; }

# Where the API writes emails when no SMTP server is configured (MAIL_DIR in the API's configuration).
mail_dir() { echo "${MAIL_DIR:-$ROOT/.data/mail}"; }
