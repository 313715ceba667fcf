#!/usr/bin/env bash
# Install the system packages the test suite drives for real: Debian's PostgreSQL server (the
# store tests start a throwaway cluster), Chromium (the browser tests) and npm (the web UI's
# Leaflet and basemap assets). Only what is missing
# is installed; needs root (CI runs as root) or an image that already has them.
set -euo pipefail
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v runuser >/dev/null || missing+=(util-linux)
command -v npm >/dev/null || missing+=(npm)  # the web UI's map assets (scripts/build_assets.sh)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/system.sh: missing system packages: ${missing[*]}; install them as root:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
