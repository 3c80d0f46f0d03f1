#!/usr/bin/env bash
# Installs Debian's chromium and a CJK font when missing (needs root); says what to do otherwise.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: missing ${need[*]}; install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
fi
echo "system-deps: installing ${need[*]} from Debian"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
