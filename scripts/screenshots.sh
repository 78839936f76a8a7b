#!/usr/bin/env bash
# Refreshes the README's screenshots in docs/screenshots/ (a normal test run writes them to a temp folder instead,
# so `git status` stays clean after ./test.sh). Runs the screenshot tests against the real service and chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh test
KUNSKAPSBANK_SCREENSHOTS="$PWD/docs/screenshots" \
  dotnet test tests/Kunskapsbank.Web.Tests -c Release --filter "FullyQualifiedName~ScreenshotTests"
echo "Skärmbilderna i docs/screenshots/ är uppdaterade:"
ls -l docs/screenshots/*.png
