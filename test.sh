#!/usr/bin/env bash
# Runs every test: unit, integration (real Lucene index folders, real pdftotext, real Kestrel) and browser tests.
# Installs what a fresh Debian machine lacks first (see scripts/ensure-deps.sh).
set -uo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh test || exit 1

log=$(mktemp)
dotnet test Kunskapsbank.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One closing line over all test projects, in the form CI readers look for.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  f += $(i+1) + 0
         if ($i == "Passed:")  p += $(i+1) + 0
         if ($i == "Skipped:") s += $(i+1) + 0
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
