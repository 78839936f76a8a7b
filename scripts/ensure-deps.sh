#!/usr/bin/env bash
# Installs the Debian packages Kunskapsbank needs, or names them exactly when we are not root.
#   scripts/ensure-deps.sh run    – what the service needs (pdftotext/pdfinfo/pdftoppm, catdoc for .doc, tesseract with
#                                   its Swedish model for scanned PDF pages)
#   scripts/ensure-deps.sh test   – plus what the tests need (chromium for the browser tests, qpdf)
set -euo pipefail
mode="${1:-run}"

need=()
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
command -v catdoc >/dev/null 2>&1 || need+=(catdoc)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx swe; } || need+=(tesseract-ocr-swe)
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "Kunskapsbank behöver .NET SDK 10. Installera det först: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installerar: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Dessa Debian-paket saknas: ${need[*]}" >&2
    echo "Installera dem med:  sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi
