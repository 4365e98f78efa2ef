#!/usr/bin/env bash
# Builds the sandbox image from the Dockerfile (needs Docker Hub and PyPI), then exports its root
# filesystem for the bubblewrap backend.
#
#   sandbox/image/build.sh [tag] [rootfs-dir]
set -euo pipefail

TAG="${1:-${MLR_SANDBOX_IMAGE:-mlr-sandbox:0.1}}"
ROOTFS="${2:-${MLR_SANDBOX_ROOTFS:-/var/lib/mlr-copilot/sandbox-rootfs}}"
HERE="$(cd "$(dirname "$0")" && pwd)"

# EXTRA_REQUIREMENTS="pkg1 pkg2" adds Python packages to the image
docker build --network host --build-arg EXTRA_REQUIREMENTS="${EXTRA_REQUIREMENTS:-}" -t "$TAG" "$HERE"

if [ "$(id -u)" = "0" ]; then
  echo "[build] exporting the root filesystem to $ROOTFS" >&2
  rm -rf "$ROOTFS.partial" && mkdir -p "$ROOTFS.partial"
  id=$(docker create --network none "$TAG" true)
  docker export "$id" | tar -C "$ROOTFS.partial" -x
  docker rm -f "$id" >/dev/null
  rm -rf "$ROOTFS" && mv "$ROOTFS.partial" "$ROOTFS" && touch "$ROOTFS/.mlr-complete"
else
  echo "[build] not root: root filesystem for bubblewrap not exported (run as root to get it)" >&2
fi
echo "[build] built $TAG" >&2
