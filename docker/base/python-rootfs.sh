#!/usr/bin/env bash
# Builds the offline Python base image: a real Debian bookworm userland (python3.11 with its stdlib,
# dash, coreutils, and the offered libraries) unpacked from Debian packages fetched through apt. Maintainer scripts never run, so
# only what they would have linked by hand (python3 -> python3.11) is done here.
# Usage: python-rootfs.sh IMAGE HASH
source "$(dirname "$0")/common.sh"
NAME="$1"; HASH="$2"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/rootfs"; mkdir -p "$ROOT" "$WORK/debs"

# A new machine may never have fetched Debian's package lists; apt-get download needs them.
if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then apt-get update -qq >/dev/null; fi

# The offered libraries are Debian's own packages (versions in packages/contracts' RUNTIME_OFFERINGS):
# Flask, FastAPI with uvicorn, psycopg 3, redis, and pytest with httpx (FastAPI's TestClient) for own tests.
LIBRARIES="python3-flask python3-fastapi python3-uvicorn python3-psycopg python3-redis python3-pytest python3-httpx"
WANT="python3.11 dash coreutils libc-bin base-files tzdata $LIBRARIES"
# Perl and dpkg only serve maintainer scripts and mailcap; an image that never runs apt doesn't need them.
SKIP='^(perl|perl-base|perl-modules-.*|libperl.*|dpkg|install-info|mailcap|debconf|tar|debianutils)$'
PKGS="$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $WANT | grep -E '^[a-z0-9]' | sort -u | grep -vE "$SKIP")"
(cd "$WORK/debs" && apt-get download $PKGS >/dev/null 2>"$WORK/apt.log") ||
  { cat "$WORK/apt.log" >&2; echo "apt-get download failed" >&2; exit 1; }
for deb in "$WORK"/debs/*.deb; do dpkg-deb -x "$deb" "$ROOT"; done

ln -sf python3.11 "$ROOT/usr/bin/python3"
ln -sf python3 "$ROOT/usr/bin/python"
# psycopg finds libpq through ctypes.util.find_library, which reads the ld.so.cache ldconfig builds.
ldconfig -r "$ROOT" 2>/dev/null || true
add_minimal_etc "$ROOT"
import_rootfs "$ROOT" "$NAME" "$HASH"
