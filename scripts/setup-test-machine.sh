#!/usr/bin/env bash
# Prepares a fresh Debian 12 machine for the full test suite: system packages, a running Docker
# engine and the sandbox images (built without a registry). Idempotent; fast when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
export DEBIAN_FRONTEND=noninteractive

need=()
for pkg in git bubblewrap slirp4netns iproute2 docker.io debootstrap busybox-static python3 jupyter-server python3-ipykernel procps; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# Docker engine and sandbox images (see scripts/setup-sandbox.sh).
$SUDO bash scripts/setup-sandbox.sh
