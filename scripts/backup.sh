#!/usr/bin/env bash
# `npm run backup [-- FILE]`: writes one file holding everything an install needs to come back: a consistent
# snapshot of the database (pg_dump's own snapshot, taken while the platform keeps running) and the files the
# API keeps on disk (written emails in MAIL_DIR). `npm run restore -- FILE` brings an empty install back to it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
source "$ROOT/scripts/db/backup-lib.sh"

out="${1:-$ROOT/.data/backups/takehome-$(date -u +%Y%m%dT%H%M%SZ).tar.gz}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
[ -e "$out" ] && die "$out already exists; name a new file"
mkdir -p "$(dirname "$out")"

use_database
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step "dumping the database"
"$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --file="$work/database.dump" --dbname="$(libpq_url "$DATABASE_URL")" ||
  die "pg_dump failed for DATABASE_URL (see its message above)"
step "database: $(du -h "$work/database.dump" | cut -f1)"

mail_dir="$(mail_dir)"
mkdir -p "$work/mail"
if [ -d "$mail_dir" ]; then
  cp -R "$mail_dir/." "$work/mail/"
fi
mails="$(find "$work/mail" -type f | wc -l)"
step "mail: $mails file(s) from $mail_dir"

migrations="$(cd "$ROOT/prisma/migrations" && ls -d */ | tr -d / | paste -sd, -)"
cat >"$work/manifest.json" <<JSON
{ "format": "takehome-backup", "version": 1, "createdAt": "$(date -u +%FT%TZ)",
  "migrations": "$migrations", "mailFiles": $mails }
JSON

tar -C "$work" -czf "$out.partial" manifest.json database.dump mail
mv "$out.partial" "$out"
step "backup written to $out ($(du -h "$out" | cut -f1))"
