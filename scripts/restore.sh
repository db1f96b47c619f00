#!/usr/bin/env bash
# `npm run restore -- FILE [--force]`: brings an install back to a file `npm run backup` wrote. It refuses a
# database that already holds an organization unless --force, because a restore replaces everything in it.
# The restore runs in one transaction: a file that fails halfway leaves the database as it was.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
source "$ROOT/scripts/db/backup-lib.sh"

file="" force=""
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -*) die "unknown option $arg (use: npm run restore -- FILE [--force])" ;;
    *) [ -z "$file" ] || die "name one backup file"; file="$arg" ;;
  esac
done
[ -n "$file" ] || die "name the backup file: npm run restore -- FILE"
[ -f "$file" ] || die "$file: no such file"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$file" manifest.json database.dump mail 2>/dev/null ||
  die "$file is not a Takehome backup (expected manifest.json, database.dump and mail/ inside)"
grep -q '"format": "takehome-backup"' "$work/manifest.json" || die "$file: manifest.json is not a Takehome backup manifest"

use_database
url="$(libpq_url "$DATABASE_URL")"
psql_q() { "$(pg_tool psql)" --no-psqlrc -v ON_ERROR_STOP=1 -qtA --dbname="$url" -c "$1"; }
organizations=0
if [ "$(psql_q "SELECT to_regclass('public.\"Organization\"') IS NOT NULL")" = t ]; then
  organizations="$(psql_q 'SELECT count(*) FROM "Organization"')"
fi
if [ "$organizations" != 0 ] && [ -z "$force" ]; then
  die "the database already holds $organizations organization(s); restoring replaces all of it: add --force to do so"
fi

step "restoring the database from $file"
# Everything in the public schema goes first, so the dump's tables, types and migration history come back
# exactly (a later version's extra tables included); the drop and the restore run as one transaction, so a
# restore that fails halfway leaves the database as it was.
{
  echo 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'
  "$(pg_tool pg_restore)" --no-owner --no-privileges --file=- "$work/database.dump"
} | PGOPTIONS="-c client_min_messages=warning" "$(pg_tool psql)" --no-psqlrc -v ON_ERROR_STOP=1 -q --single-transaction --dbname="$url" >/dev/null ||
  die "the restore failed and was rolled back; the database is as it was before"

mail_dir="$(mail_dir)"
mkdir -p "$mail_dir"
cp -R "$work/mail/." "$mail_dir/"
step "mail: $(find "$work/mail" -type f | wc -l) file(s) into $mail_dir"

# A backup from an older version gets this version's later migrations.
node "$ROOT/scripts/db/migrate.mjs" deploy
step "restored: $(psql_q 'SELECT count(*) FROM "Organization"') organization(s), $(psql_q 'SELECT count(*) FROM "Submission"') submission(s), $(psql_q 'SELECT count(*) FROM "Review"') review(s)"
