#!/usr/bin/env bash
# Installs what running and testing AI Mastering needs on a fresh Debian machine, skipping what
# is already there: ffmpeg (FLAC decoding, resampled previews, the loudness oracle in tests), LAME
# and libmpg123 (the MP3 preview's encoder and decoder, run in the worker's process), Chromium
# (browser tests), docker-compose (validates docker-compose.yml; no engine needed) and Prometheus (promtool
# checks deploy/prometheus; a real server scrapes the app in a test), and the Angular app's node modules.
# Usage: scripts/install-deps.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-run}"

need=()
command -v ffmpeg >/dev/null || need+=(ffmpeg)
# ffmpeg brings both on Debian/Ubuntu; named so the preview never silently falls back to ffmpeg processes.
for lib in libmp3lame0:libmp3lame.so.0 libmpg123-0:libmpg123.so.0; do
  ldconfig -p 2>/dev/null | grep -q "${lib#*:}" || need+=("${lib%%:*}")
done
if [[ "$purpose" == "test" ]]; then
  command -v chromium >/dev/null || need+=(chromium)
  command -v docker-compose >/dev/null || need+=(docker-compose)
  command -v promtool >/dev/null || need+=(prometheus)
fi

if ((${#need[@]})); then
  echo "Installing: ${need[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi

client=AiMastering.Web/ClientApp
if [[ -f "$client/package.json" ]]; then
  if [[ ! -d "$client/node_modules" || "$client/package-lock.json" -nt "$client/node_modules/.package-lock.json" ]]; then
    (cd "$client" && npm ci --no-audit --no-fund)
  fi
fi
