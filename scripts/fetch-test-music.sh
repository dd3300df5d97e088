#!/usr/bin/env bash
# Fetches real music for the loudness oracle tests: Debian's fretsonfire-songs-muldjord (OGG stems of rock
# songs, GPL-compatible) extracted into .test-data/music/. Idempotent: does nothing when already extracted.
# The .deb is kept in .test-data/cache/ (or $AIMASTER_TEST_CACHE); an existing copy in /tmp or the apt
# archive is reused instead of downloading.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="fretsonfire-songs-muldjord"
cache="${AIMASTER_TEST_CACHE:-$root/.test-data/cache}"
dest="$root/.test-data/music"
marker="$dest/.extracted"

if [[ -f "$marker" ]]; then
  echo "test music already in $dest"
  exit 0
fi

mkdir -p "$cache"
deb="$(ls "$cache"/${package}_*.deb 2>/dev/null | head -n 1 || true)"
if [[ -z "$deb" ]]; then
  for dir in /tmp /var/cache/apt/archives; do
    found="$(ls "$dir"/${package}_*.deb 2>/dev/null | head -n 1 || true)"
    if [[ -n "$found" ]]; then
      cp "$found" "$cache/"
      deb="$cache/$(basename "$found")"
      break
    fi
  done
fi
if [[ -z "$deb" ]]; then
  (cd "$cache" && apt-get download "$package")
  deb="$(ls "$cache"/${package}_*.deb | head -n 1)"
fi

rm -rf "$dest"
mkdir -p "$dest"
dpkg-deb -x "$deb" "$dest"
touch "$marker"
echo "extracted $(basename "$deb") into $dest"
