#!/usr/bin/env bash
# Indexing beside the Lucene 8.8 anchor in alternating pairs: Lucene's `Bench index` on one thread, then ours
# (`--index-only --index-threads 2`), PAIRS times, each pair's docs/s and ratio printed, then the ratios' mean and
# median. Pairs, because this machine's speed drifts by 30-40 % from one minute to the next (docs/prestanda.md).
#
#   bench/index-pairs.sh CORPUS_DIR [PAIRS]
#
# Needs the anchor's compiled classes: run bench/lucene-anchor/run.sh once first (same WORK).
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "användning: $0 KORPUSMAPP [ANTAL_PAR]" >&2
  exit 2
fi
CORPUS=$(cd "$1" && pwd)
PAIRS=${2:-4}
WORK=${WORK:-/tmp/lucene-anchor}
HERE=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$WORK/classes" ] || { echo "saknar $WORK/classes: kör bench/lucene-anchor/run.sh först" >&2; exit 1; }
CP="$WORK/classes"
for m in core analyzers-common queryparser facet highlighter queries memory; do
  CP="$CP:$(ls /usr/share/java/lucene-"$m"-[0-9]*.jar | sort -V | tail -n 1)"
done
dotnet build -c Release "$HERE/bench/Kunskapsbank.Bench" >/dev/null
for i in $(seq 1 "$PAIRS"); do
  rm -rf "$WORK/index-pairs"
  java -Xms1g -Xmx2g -cp "$CP" Bench index "$CORPUS" "$WORK/index-pairs" "$WORK/index-pairs.json" 1 >/dev/null 2>&1
  lucene=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['docs_per_s']))" "$WORK/index-pairs.json")
  ours=$(dotnet run -c Release --no-build --project "$HERE/bench/Kunskapsbank.Bench" -- --corpus "$CORPUS" \
    --queries "$HERE/bench/queries.txt" --index-threads 2 --index-only | grep -oE "= [0-9]+ dok/s" | grep -oE "[0-9]+")
  ratio=$(python3 -c "print(f'{$ours / $lucene:.2f}')")
  ratios="${ratios:-} $ratio"
  echo "par $i: Lucene $lucene dok/s, vår $ours dok/s, kvot $ratio"
done
python3 -c "import statistics, sys; r = [float(x) for x in sys.argv[1:]]; print(f'kvoterna: medel {statistics.mean(r):.3f}, median {statistics.median(r):.3f}, lägst {min(r):.2f}, högst {max(r):.2f}')" $ratios
rm -rf "$WORK/index-pairs" "$WORK/index-pairs.json"
