#!/usr/bin/env bash
# Build the web UI's third-party assets: install the npm packages pinned in
# frontend/package-lock.json and copy the files the pages load (Leaflet, topojson-client and the
# Natural Earth countries from world-atlas, with their licences) into
# src/fogwatch/web/static/vendor/, which is not committed. scripts/install.sh runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null; then
  echo "scripts/build_assets.sh: npm is missing; install it (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi
npm ci --prefix frontend --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
modules=frontend/node_modules
vendor=src/fogwatch/web/static/vendor
rm -rf "$vendor.tmp"
mkdir -p "$vendor.tmp/leaflet" "$vendor.tmp/topojson-client" "$vendor.tmp/world-atlas"
cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$modules/leaflet/LICENSE" "$vendor.tmp/leaflet/"
cp -r "$modules/leaflet/dist/images" "$vendor.tmp/leaflet/images"
cp "$modules/topojson-client/dist/topojson-client.min.js" "$modules/topojson-client/LICENSE" "$vendor.tmp/topojson-client/"
cp "$modules/world-atlas/countries-50m.json" "$modules/world-atlas/LICENSE" "$vendor.tmp/world-atlas/"
rm -rf "$vendor"
mv "$vendor.tmp" "$vendor"
