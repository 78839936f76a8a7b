#!/usr/bin/env bash
# Runs Kunskapsbank (API, web UI and folder watcher) on the shipped corpus/.
#   ./run.sh                         – http://127.0.0.1:5080
#   ./run.sh --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh run
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--urls "http://127.0.0.1:5080")
exec dotnet run --project Kunskapsbank.Api -c Release -- "${args[@]}"
