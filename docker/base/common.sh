# Helpers shared by the rootfs builders. Sourced, never run.
set -euo pipefail

# Minimal /etc every runtime needs: a non-root "runner" (uid 10001) so containers never run as root,
# and /tmp + /workspace mount points (the sandbox mounts size-limited tmpfs over them).
add_minimal_etc() {
  local root="$1"
  mkdir -p "$root/etc" "$root/tmp" "$root/workspace" "$root/home/runner" "$root/opt/takehome"
  chmod 1777 "$root/tmp"
  cat >"$root/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
runner:x:10001:10001:runner:/home/runner:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
P
  cat >"$root/etc/group" <<'G'
root:x:0:
runner:x:10001:
nogroup:x:65534:
G
  chown 10001:10001 "$root/home/runner" "$root/workspace"
  # Sandboxes have no network; a hosts file keeps resolvers from stalling on lookups of "localhost".
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"
}

# Imports ROOTFS as NAME; the hash label lets build-images.sh skip identical rebuilds.
import_rootfs() {
  local root="$1" name="$2" hash="$3"
  tar -C "$root" -c . | docker import --change "LABEL takehome.inputs-hash=$hash" \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - "$name" >/dev/null
}
