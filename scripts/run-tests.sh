#!/usr/bin/env bash
# Runs every test: the .NET unit tests (AiMastering.UnitTests, in process), the .NET integration tests
# (AiMastering.Tests: contracts against real RabbitMQ and Ceph RGW, ffmpeg, real music, the AppHost
# through Aspire.Hosting.Testing, the browser in Chromium), the Angular unit tests,
# and the user simulation scripts/e2e against the running app. Prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NG_CLI_ANALYTICS=false
results="$(mktemp -d /tmp/aim-tests.XXXXXX)"
status=0

step() { echo; echo "==> $*"; }

# The tests run from the Debug build (ServiceProcess and the AppHost tests start services from bin/Debug).
step "Building"
scripts/build-web.sh || exit 1
dotnet build AiMastering.slnx -warnaserror || exit 1

if [[ -x scripts/fetch-test-music.sh ]]; then
  step "Test music (Debian fretsonfire-songs-muldjord)"
  scripts/fetch-test-music.sh || exit 1
fi

if [[ -x scripts/test-services.sh ]]; then
  step "Starting real test services (RabbitMQ, Ceph RGW)"
  scripts/test-services.sh start || exit 1
  trap 'scripts/test-services.sh stop >/dev/null 2>&1 || true' EXIT
  set -a; source .test-services/env; set +a
fi

step ".NET unit tests"
dotnet test --project AiMastering.UnitTests --no-build 2>&1 | tee "$results/unit.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1

step ".NET integration tests"
dotnet test --project AiMastering.Tests --no-build 2>&1 | tee "$results/dotnet.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1

step "Angular unit tests"
if [[ -f AiMastering.Web/ClientApp/package.json ]]; then
  (cd AiMastering.Web/ClientApp && CHROME_BIN=/usr/bin/chromium npm test 2>&1) | tee "$results/web.log"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
fi

step "User simulation (scripts/e2e) against the running app"
CONFIGURATION=Debug scripts/run-e2e.sh 2>&1 | tee "$results/e2e.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1

# One closing line for every suite together (ANSI colours stripped before counting).
count() { sed 's/\x1b\[[0-9;]*m//g' "$1" 2>/dev/null | grep -Eo "$2" | tail -1 | grep -Eo '[0-9]+' | head -1 || true; }
dn_ok=$(count "$results/dotnet.log" 'succeeded: *[0-9]+'); dn_fail=$(count "$results/dotnet.log" 'failed: *[0-9]+')
dn_skip=$(count "$results/dotnet.log" 'skipped: *[0-9]+')
unit_ok=$(count "$results/unit.log" 'succeeded: *[0-9]+'); unit_fail=$(count "$results/unit.log" 'failed: *[0-9]+')
unit_skip=$(count "$results/unit.log" 'skipped: *[0-9]+')
web_line=$(sed 's/\x1b\[[0-9;]*m//g' "$results/web.log" 2>/dev/null | grep -E '^ *Tests ' | tail -1)
web_ok=$(grep -Eo '[0-9]+ passed' <<<"$web_line" | grep -Eo '[0-9]+'); web_fail=$(grep -Eo '[0-9]+ failed' <<<"$web_line" | grep -Eo '[0-9]+')
e2e_ok=$(sed -n 's/.*e2e: \([0-9]*\) passed.*/\1/p' "$results/e2e.log" | tail -1)
e2e_fail=$(sed -n 's/.*e2e: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$results/e2e.log" | tail -1)
dn_ok=${dn_ok:-0}; dn_fail=${dn_fail:-0}; dn_skip=${dn_skip:-0}; unit_ok=${unit_ok:-0}; unit_fail=${unit_fail:-0}
unit_skip=${unit_skip:-0}; web_ok=${web_ok:-0}; web_fail=${web_fail:-0}
e2e_ok=${e2e_ok:-0}; e2e_fail=${e2e_fail:-1}
passed=$((unit_ok + dn_ok + web_ok + e2e_ok))
failed=$((unit_fail + dn_fail + web_fail + e2e_fail))
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
rm -rf "$results"
echo
echo "$passed passed, $failed failed, $((unit_skip + dn_skip)) skipped"
exit $status
