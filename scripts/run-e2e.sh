#!/usr/bin/env bash
# Starts the whole app (AppHost, embedded backends, its own data folder and port), runs the user
# simulation scripts/e2e against the web front door, and stops the app again.
# E2E_SECONDS (default 30) sets the length of the generated 48 kHz 24-bit stereo test mix; CONFIGURATION
# (default Release, as `make build` builds) the build the app runs from.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${E2E_SECONDS:-30}"
configuration="${CONFIGURATION:-Release}"
port="${E2E_PORT:-18580}"
work="$(mktemp -d /tmp/aim-e2e.XXXXXX)"
mix="$work/e2e-mix.wav"
log="$work/apphost.log"

# A mix-like signal: pink noise shaped by a slow beat envelope plus a bass line, about -24 LUFS.
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "anoisesrc=color=pink:sample_rate=48000:amplitude=0.3:duration=${seconds}:seed=7" \
  -f lavfi -i "sine=frequency=55:sample_rate=48000:duration=${seconds}" \
  -filter_complex "[0]volume='0.6+0.4*abs(sin(2*PI*t))':eval=frame[n];[1]volume=0.25[b];[n][b]amix=inputs=2:normalize=0,volume=-12dB,aformat=channel_layouts=stereo" \
  -c:a pcm_s24le "$mix"

ASPIRE_ALLOW_UNSECURED_TRANSPORT=true DOTNET_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
  setsid dotnet run --no-build -c "$configuration" --project AiMastering.AppHost -- \
  Infrastructure=embedded "DataFolder=$work/data" "WebPort=$port" >"$log" 2>&1 &
apphost=$!
cleanup() {
  kill -TERM -- "-$apphost" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$apphost" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$apphost" 2>/dev/null || true
  # The services Aspire started carry our data folder in their environment: stop any left over.
  for env in /proc/[0-9]*/environ; do
    if grep -qs "$work/data" "$env"; then pid="${env#/proc/}"; kill -9 "${pid%/environ}" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -fsS -m 2 "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$apphost" 2>/dev/null; then cat "$log"; echo "The AppHost stopped."; exit 1; fi
  sleep 1
done
curl -fsS -m 2 "http://127.0.0.1:$port/api/health" >/dev/null || { tail -50 "$log"; echo "The app did not become healthy."; exit 1; }

node scripts/e2e.mjs --base "http://127.0.0.1:$port" --file "$mix" --lufs -14 --tolerance 1
