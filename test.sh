#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite, real pdftotext, real Kestrel) and browser tests.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh test
dotnet test Kunskapsbank.sln -c Release "$@"
