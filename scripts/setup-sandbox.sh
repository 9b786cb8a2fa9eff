#!/usr/bin/env bash
# Prepares a Debian 12 machine (as root) for the sandbox runtimes and their tests:
#   - bubblewrap (LocalRuntime isolation), docker.io (DockerRuntime), debootstrap + busybox-static (images), git;
#   - a running Docker engine, started without systemd when `docker info` fails;
#   - two images built without any registry:
#       openhands-sandbox:busybox   busybox only: no bash, no glibc (negative tests: the runtime must refuse it)
#       openhands-sandbox:bookworm  Debian minbase + git, python3, ca-certificates, procps (glibc + bash)
# Idempotent and quick when everything is already there. Override the engine flags with DOCKERD_ARGS
# (the default has no bridge network: test containers use NetworkMode none).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive GIT_TERMINAL_PROMPT=0

if [ "$(id -u)" != 0 ]; then
  echo "setup-sandbox.sh must run as root (it installs packages and starts dockerd)" >&2
  exit 1
fi

log() { printf '[setup-sandbox] %s\n' "$*" >&2; }

# --- packages -------------------------------------------------------------------------------------
need_install=0
for cmd in dockerd bwrap debootstrap git; do
  command -v "$cmd" >/dev/null 2>&1 || need_install=1
done
[ -x /bin/busybox ] || need_install=1
if [ "$need_install" = 1 ]; then
  log "installing docker.io bubblewrap debootstrap busybox-static git"
  apt-get update -q
  apt-get install -y -q docker.io bubblewrap debootstrap busybox-static git
else
  log "packages already installed"
fi

# --- engine ---------------------------------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (no systemd)"
  # shellcheck disable=SC2086 # DOCKERD_ARGS is a list of flags
  nohup dockerd ${DOCKERD_ARGS:---bridge=none --iptables=false} >/var/log/openhands-dockerd.log 2>&1 &
  for _ in $(seq 1 300); do
    docker info >/dev/null 2>&1 && break
    sleep 0.2
  done
  if ! docker info >/dev/null 2>&1; then
    log "dockerd did not answer within 60 s; see /var/log/openhands-dockerd.log"
    tail -n 20 /var/log/openhands-dockerd.log >&2 || true
    exit 1
  fi
else
  log "docker engine already answers"
fi

# --- images ---------------------------------------------------------------------------------------
if ! docker image inspect openhands-sandbox:busybox >/dev/null 2>&1; then
  log "building openhands-sandbox:busybox"
  d=$(mktemp -d)
  mkdir -p "$d/bin" "$d/tmp" "$d/workspace"
  chmod 1777 "$d/tmp"
  cp /bin/busybox "$d/bin/"
  for a in sh echo cat ls mkdir rm cp mv grep sed awk head tail wc env sleep true false id printf test find xargs tar; do
    ln -s busybox "$d/bin/$a"
  done
  tar -C "$d" -c . | docker import -c 'CMD ["/bin/sh"]' - openhands-sandbox:busybox >/dev/null
  rm -rf "$d"
fi

if ! docker image inspect openhands-sandbox:bookworm >/dev/null 2>&1; then
  # Reuse apt's own mirror so this works wherever apt works (mirrors, proxies, snapshots).
  mirror=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
    mirror=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
  fi
  if [ -z "$mirror" ]; then
    log "no Debian mirror found in apt's sources; configure apt first"
    exit 1
  fi
  log "building openhands-sandbox:bookworm with debootstrap from apt's mirror (about 40 s)"
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase --include=git,python3-minimal,ca-certificates,procps bookworm "$rootfs" "$mirror" >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import -c 'CMD ["/bin/bash"]' -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - openhands-sandbox:bookworm >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi
log "ready: $(docker image ls --format '{{.Repository}}:{{.Tag}}' openhands-sandbox | tr '\n' ' ')"
