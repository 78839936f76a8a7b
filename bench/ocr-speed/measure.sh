#!/usr/bin/env bash
# OCR speed in pages per second, through the real path: `kunskapsbank index` on a folder holding the two scanned bills
# of tests/data (2 + 5 pages, no text layer) hands them to the background OCR queue (one file at a time, tools under
# nice -n 19), waits for it and prints "OCR klar på N s: 2 filer, 7 sidor lästa". Wall time depends on what else runs;
# the processor time (the run and its OCR child processes) does not, so both are printed with the load average.
#   bench/ocr-speed/measure.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
cp tests/data/documents/problematic/scanned-no-text-layer-prop-1991-92-43.pdf \
   tests/data/documents/problematic/scanned-no-text-layer-prop-2008-09-5-bilaga1.pdf "$work/corpus/"
dotnet build Kunskapsbank.Indexer -c Release -v q -nologo >/dev/null
echo "Processorer: $(nproc); last före: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='Tid: %R s vägg, %U s användare + %S s system (processortid, OCR-processerna inräknade)'
time dotnet Kunskapsbank.Indexer/bin/Release/net10.0/kunskapsbank.dll index "$work/corpus" --index "$work/index" --tyst
echo "Last efter: $(cut -d' ' -f1-3 /proc/loadavg)"
