#!/usr/bin/env bash
# Builds the sandbox image without a container registry: a Debian minbase root filesystem made by
# debootstrap with Debian's Python scientific stack, imported with `docker import`.
# The same root filesystem is kept for the bubblewrap backend.
#
#   sandbox/image/build-offline.sh [tag] [rootfs-dir]
#
# Needs root, debootstrap and (for the image) a running Docker engine. Idempotent: an existing
# root filesystem is reused; an existing image is replaced.
set -euo pipefail

TAG="${1:-${MLR_SANDBOX_IMAGE:-mlr-sandbox:0.1}}"
DEFAULT_ROOTFS=/var/lib/mlr-copilot/sandbox-rootfs
ROOTFS="${2:-${MLR_SANDBOX_ROOTFS:-$DEFAULT_ROOTFS}}"
SUITE="${MLR_SANDBOX_SUITE:-bookworm}"
MIRROR="${MLR_SANDBOX_MIRROR:-http://deb.debian.org/debian}"
PACKAGES="python3,python3-numpy,python3-scipy,python3-pandas,python3-sklearn,python3-matplotlib,ca-certificates"
if [ "${MLR_SANDBOX_TORCH:-false}" = "true" ]; then PACKAGES="$PACKAGES,python3-torch"; fi

log() { echo "[build-offline] $*" >&2; }

if [ "$(id -u)" != "0" ]; then
  log "debootstrap needs root; run: sudo $0 $*"
  exit 2
fi
command -v debootstrap >/dev/null || { log "debootstrap is missing; run: apt-get install -y debootstrap"; exit 2; }

if [ ! -f "$ROOTFS/.mlr-complete" ]; then
  log "debootstrap $SUITE into $ROOTFS (a few minutes)"
  rm -rf "$ROOTFS.partial"
  mkdir -p "$(dirname "$ROOTFS")"
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOTFS.partial" "$MIRROR" >&2
  chroot "$ROOTFS.partial" apt-get clean
  rm -rf "$ROOTFS.partial"/var/lib/apt/lists/* "$ROOTFS.partial"/var/cache/apt/*.bin
  mkdir -p "$ROOTFS.partial/workspace"
  chown 65534:65534 "$ROOTFS.partial/workspace"
  # matplotlib must never try to open a display; its cache goes to /tmp
  mkdir -p "$ROOTFS.partial/etc/matplotlibrc.d"
  echo "backend: Agg" > "$ROOTFS.partial/etc/matplotlibrc"
  rm -rf "$ROOTFS"
  mv "$ROOTFS.partial" "$ROOTFS"
  touch "$ROOTFS/.mlr-complete"
else
  log "reusing root filesystem $ROOTFS"
fi

if ! command -v docker >/dev/null || ! docker info >/dev/null 2>&1; then
  log "no Docker engine reachable: root filesystem ready for the bubblewrap backend, image not imported"
  exit 0
fi

log "importing $TAG"
tar -C "$ROOTFS" --exclude=./.mlr-complete -c . | docker import \
  --change 'USER 65534:65534' \
  --change 'WORKDIR /workspace' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV HOME=/tmp MPLBACKEND=Agg MPLCONFIGDIR=/tmp PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 LANG=C.UTF-8' \
  --change 'LABEL org.mlrcopilot.sandbox.recipe=offline' \
  --change 'CMD ["python3"]' \
  - "$TAG" >&2
log "built $TAG"
