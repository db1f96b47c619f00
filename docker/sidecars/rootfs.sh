#!/usr/bin/env bash
# Builds an offline sidecar image from Debian packages (apt-get download + dpkg-deb -x, maintainer scripts
# never run): the database or cache a challenge declares under `services:` (packages/sandbox/src/docker/sidecars.ts).
#   postgres15: PostgreSQL 15 with a data directory initialised here, at build time, so a run only copies
#               it into its tmpfs and starts (initdb would cost ~1 s per run). Role `app` owns database `app`;
#               the sandbox sets app's per-run password through a local (peer) connection.
#   redis7:     redis-server 7.
# Both run as their own non-root user (postgres 999, redis 998), so their containers need no capability.
# Usage: rootfs.sh IMAGE HASH KIND   (KIND: postgres15 | redis7)
source "$(dirname "$0")/../base/common.sh"
NAME="$1"; HASH="$2"; KIND="$3"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/rootfs"; mkdir -p "$ROOT" "$WORK/debs"

case "$KIND" in
  postgres15) WANT="postgresql-15 postgresql-client-15 dash coreutils base-files tzdata" ;;
  redis7) WANT="redis-server redis-tools dash coreutils base-files" ;;
  *) echo "unknown sidecar $KIND (postgres15 | redis7)" >&2; exit 2 ;;
esac
if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then apt-get update -qq >/dev/null; fi
# Perl only serves postgresql-common's wrappers (the sandbox calls /usr/lib/postgresql/15/bin directly);
# LLVM only serves JIT, which is off (short test queries never pay back its compile time); locales-all is
# 200 MB and the cluster uses C.UTF-8, which glibc carries itself.
SKIP='^(perl|perl-base|perl-modules-.*|libperl.*|dpkg|install-info|debconf|cdebconf|ucf|adduser|passwd|init-system-helpers|libllvm.*|libz3-.*|locales|locales-all|postgresql-common|postgresql-client-common|ssl-cert|sysvinit-utils|lsb-base|usrmerge|usr-is-merged|libfile-find-rule-perl|libjson-perl|libnumber-compare-perl|libtext-glob-perl|tar|sensible-utils|libdebian-installer4|libnewt0.52|libslang2|libtextwrap1)$'
PKGS="$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $WANT | grep -E '^[a-z0-9]' | sort -u | grep -vE "$SKIP")"
echo "  $(echo "$PKGS" | wc -w) Debian packages for $KIND"
(cd "$WORK/debs" && apt-get download $PKGS >/dev/null 2>"$WORK/apt.log") ||
  { cat "$WORK/apt.log" >&2; echo "apt-get download failed" >&2; exit 1; }
for deb in "$WORK"/debs/*.deb; do dpkg-deb -x "$deb" "$ROOT"; done
ldconfig -r "$ROOT" 2>/dev/null || true
rm -rf "$ROOT/usr/share/doc" "$ROOT/usr/share/man" "$ROOT/usr/share/info" "$ROOT/usr/share/locale" "$ROOT/usr/share/lintian"
mkdir -p "$ROOT/etc" "$ROOT/tmp"; chmod 1777 "$ROOT/tmp"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$ROOT/etc/hosts"
cat >"$ROOT/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
postgres:x:999:999:PostgreSQL:/var/lib/postgresql:/bin/sh
redis:x:998:998:Redis:/var/lib/redis:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
P
printf 'root:x:0:\npostgres:x:999:\nredis:x:998:\nnogroup:x:65534:\n' >"$ROOT/etc/group"

if [ "$KIND" = postgres15 ]; then
  PGBIN=/usr/lib/postgresql/15/bin
  mkdir -p "$ROOT/var/lib/postgresql" "$ROOT/var/run/postgresql"
  chown 999:999 "$ROOT/var/lib/postgresql" "$ROOT/var/run/postgresql"
  # initdb's shell calls need /dev/null and the SCRAM secrets /dev/urandom; docker import brings its own /dev.
  mkdir -p "$ROOT/dev" && mknod -m 666 "$ROOT/dev/null" c 1 3 && mknod -m 666 "$ROOT/dev/urandom" c 1 9
  # The template cluster, initialised as the postgres user inside the rootfs (chroot: no container, no network).
  chroot --userspec=999:999 "$ROOT" $PGBIN/initdb -D /var/lib/postgresql/template -U postgres \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 --no-instructions >"$WORK/initdb.log" 2>&1 ||
    { cat "$WORK/initdb.log" >&2; exit 1; }
  # Single-user mode takes one statement per line: the app role and its database, ready for every run.
  printf 'CREATE ROLE app LOGIN\nCREATE DATABASE app OWNER app\n' |
    chroot --userspec=999:999 "$ROOT" $PGBIN/postgres --single -D /var/lib/postgresql/template postgres >"$WORK/single.log" 2>&1 ||
    { cat "$WORK/single.log" >&2; exit 1; }
  rm -rf "$ROOT/dev"
  # Peer for the sandbox's own local exec (superuser), passwords for everyone over the network.
  printf 'local all all peer\nhost all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n' \
    >"$ROOT/var/lib/postgresql/template/pg_hba.conf"
  # Starting: copy the template into the tmpfs data directory (tens of ms) and exec the server. Durability
  # settings are off: the data is thrown away with the run, and fsync costs most of a test's INSERTs.
  mkdir -p "$ROOT/usr/local/bin"
  cat >"$ROOT/usr/local/bin/start-postgres" <<'S'
#!/bin/sh
set -e
cp -a /var/lib/postgresql/template/. /var/lib/postgresql/data/
exec /usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/data \
  -c listen_addresses='*' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c jit=off \
  -c max_connections="${PG_MAX_CONNECTIONS:-50}" -c shared_buffers=32MB -c unix_socket_directories=/var/run/postgresql \
  -c log_min_messages=warning -c log_connections=off -c logging_collector=off
S
  chmod 755 "$ROOT/usr/local/bin/start-postgres"
  ln -sf $PGBIN/pg_isready "$ROOT/usr/local/bin/pg_isready"
  ln -sf $PGBIN/psql "$ROOT/usr/local/bin/psql"
  tar -C "$ROOT" -c . | docker import --change "LABEL takehome.inputs-hash=$HASH" \
    --change 'ENV PATH=/usr/local/bin:/usr/lib/postgresql/15/bin:/usr/bin:/bin' --change 'USER 999:999' \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["/usr/local/bin/start-postgres"]' - "$NAME" >/dev/null
else
  tar -C "$ROOT" -c . | docker import --change "LABEL takehome.inputs-hash=$HASH" \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' --change 'USER 998:998' \
    --change 'CMD ["redis-server", "--port", "6379", "--save", "", "--appendonly", "no", "--protected-mode", "no"]' - "$NAME" >/dev/null
fi
