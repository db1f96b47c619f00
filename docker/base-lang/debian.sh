#!/usr/bin/env bash
# Builds an offline base image for one language from Debian packages (fetched with apt-get download,
# unpacked with dpkg-deb -x, maintainer scripts never run) plus python3.11, which the runtime images
# use for the takehome supervisor. Lives beside docker/base/ rather than in it because build-images.sh
# hashes docker/base/ into the node and python images' labels: a file added there would rebuild them.
# Usage: debian.sh IMAGE HASH LANG   (LANG: go | java17 | cpp | ruby; packages and links below)
source "$(dirname "$0")/../base/common.sh"
NAME="$1"; HASH="$2"; LANG_ID="$3"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/rootfs"; mkdir -p "$ROOT" "$WORK/debs"
source "$(dirname "$0")/packages.sh"
WANT="python3.11 dash coreutils sed grep findutils base-files tzdata $(packages_for "$LANG_ID")"

if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then apt-get update -qq >/dev/null; fi
# Perl, dpkg and debconf only serve maintainer scripts; ca-certificates-java needs a running JVM to set up
# and a sandbox without network has no use for a CA store.
SKIP='^(perl|perl-base|perl-modules-.*|libperl.*|dpkg|dpkg-dev|install-info|mailcap|debconf|debianutils|ca-certificates-java|java-common|ucf|adduser|passwd|init-system-helpers|libpam.*|login|util-linux.*)$'
PKGS="$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $WANT | grep -E '^[a-z0-9]' | sort -u | grep -vE "$SKIP")"
echo "  $(echo "$PKGS" | wc -w) Debian packages for $LANG_ID"
(cd "$WORK/debs" && apt-get download $PKGS >/dev/null 2>"$WORK/apt.log") ||
  { cat "$WORK/apt.log" >&2; echo "apt-get download failed" >&2; exit 1; }
for deb in "$WORK"/debs/*.deb; do dpkg-deb -x "$deb" "$ROOT"; done

ln -sf python3.11 "$ROOT/usr/bin/python3"
links_for "$LANG_ID" "$ROOT"
# Libraries in non-default folders are found through ld.so.cache, which ldconfig would build on install.
ldconfig -r "$ROOT" 2>/dev/null || true
# Documentation and man pages are a third of some toolchains and nobody reads them in a sandbox.
rm -rf "$ROOT/usr/share/doc" "$ROOT/usr/share/man" "$ROOT/usr/share/info" "$ROOT/usr/share/locale" "$ROOT/usr/share/lintian"
add_minimal_etc "$ROOT"
import_rootfs "$ROOT" "$NAME" "$HASH"
