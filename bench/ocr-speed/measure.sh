#!/usr/bin/env bash
# OCR speed in pages per second: scans two real bills the way tests/data/pdf/make/make.sh makes its scan (200 dpi,
# bilevel, no text layer), then runs `kunskapsbank index` on them, which waits for the background OCR and prints
# "OCR klar på N s: 2 filer, M sidor lästa". Everything is made in a temp folder.
#   bench/ocr-speed/measure.sh            (needs pdftoppm, ImageMagick convert, tiff2pdf, tesseract-ocr-swe)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
for bill in prop-2012-13-144-sjofartsstodet dir-2014-158-fondregelverket; do
  mkdir -p "$work/$bill"
  pdftoppm -r 200 -gray -png "tests/data/documents/real-swedish/$bill.pdf" "$work/$bill/page"
  for page in "$work/$bill"/page-*.png; do
    convert "$page" -threshold 55% -type bilevel "${page%.png}.tif"
  done
  convert "$work/$bill"/page-*.tif -compress Group4 -density 200 -units PixelsPerInch "$work/$bill/scan.tif"
  tiff2pdf -o "$work/corpus/$bill-skannad.pdf" "$work/$bill/scan.tif"
done
dotnet build Kunskapsbank.Indexer -c Release -v q -nologo >/dev/null
echo "Processorer: $(nproc); last före: $(cut -d' ' -f1-3 /proc/loadavg)"
# Processor time of the run and its OCR child processes: the figure that does not depend on what else runs beside it.
TIMEFORMAT='Tid: %R s vägg, %U s användare + %S s system (processortid, OCR-processerna inräknade)'
time dotnet Kunskapsbank.Indexer/bin/Release/net10.0/kunskapsbank.dll index "$work/corpus" --index "$work/index" --tyst
echo "Last efter: $(cut -d' ' -f1-3 /proc/loadavg)"
