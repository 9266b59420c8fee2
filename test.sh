#!/usr/bin/env bash
# Runs every CowHealth test on a fresh Debian machine: installs what the tests need from Debian
# (PostgreSQL, Prometheus with promtool, kcat, docker-compose for config validation, binutils'
# readelf for the images' native libraries, Chromium for the herd app's browser specs, driven by
# Playwright's driver from NuGet with no browser download), then builds and tests the solution.
# Tests start their own throwaway PostgreSQL and embedded Kafka broker.
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v kcat >/dev/null 2>&1 || need+=(kcat)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v readelf >/dev/null 2>&1 || need+=(binutils)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing from Debian: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet build CowHealth.sln -c Release -warnaserror -nologo -clp:ErrorsOnly
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CowHealth.sln -c Release --no-build --nologo --logger "console;verbosity=normal" "$@" | tee "$log" || status=$?
# One plain closing line over all test assemblies, for people and CI alike.
awk '/^Total tests:/ { block = 1 } block && /^ +Passed:/ { p += $2 } block && /^ +Failed:/ { f += $2 } block && /^ +Skipped:/ { s += $2 }
     /^ Total time:/ { block = 0 } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
