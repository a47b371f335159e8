#!/usr/bin/env bash
# Runs a command in a network namespace of its own with only a loopback and a LAN adapter that leads nowhere, when
# this machine allows it (root + unshare). Tests may talk to loopback only; in here nothing else
# is reachable, so a test whose defaults reach out fails instead of phoning home.
#
# The veth adapter (its peer answers nobody) gives the local-network probe a realistic picture (an address, a default
# route) without a path anywhere: packets to the default route vanish.
set -euo pipefail

if [ "${OUTLOOK_DOKTOR_OFFLINE:-}" = "1" ]; then
  exec "$@"
fi

if command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
  exec unshare -n -- bash -c '
    set -e
    ip link set lo up
    ip link add eth0 type veth peer name od-gw0
    echo 1 > /proc/sys/net/ipv6/conf/od-gw0/disable_ipv6
    ip link set od-gw0 up
    ip link set eth0 up
    ip addr add 192.0.2.10/24 dev eth0
    ip -6 addr add 2001:db8::10/64 dev eth0 nodad
    ip route add default via 192.0.2.1
    export OUTLOOK_DOKTOR_OFFLINE=1
    exec "$@"
  ' offline "$@"
fi

if [ "${CI:-}" = "true" ]; then
  echo "offline.sh: cannot create a network namespace (need root and unshare); CI must be able to." >&2
  exit 1
fi
echo "offline.sh: no network namespace available (not root?): running without isolation." >&2
exec "$@"
