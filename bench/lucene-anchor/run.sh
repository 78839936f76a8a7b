#!/usr/bin/env bash
# Lucene performance anchor: index a Markdown corpus with SwedishAnalyzer, then measure
# search latency (p50/p95/p99), facets, highlighting and QPS on 1 and 2 threads.
#
#   bench/lucene-anchor/run.sh CORPUS_DIR QUERIES_FILE
#
# Needs: Debian packages liblucene8-java (installed here if missing and running as root),
# a JDK (javac), /usr/bin/time (package `time`), python3 (merges the JSON).
# Environment (all optional):
#   WORK=/tmp/lucene-anchor     build output, indexes and raw logs (never inside the repo)
#   JAVA_OPTS="-Xms1g -Xmx2g"   JVM flags for both phases
#   BENCH_OPTS=""               extra -Dbench.* properties, e.g. "-Dbench.reps=5"
#   INDEX_2T=1                  also time a 2-thread indexing run (throw-away index)
#   RUNS=1                      repeat everything; the JSON then holds medians over runs
#   RESULTS=$WORK/results-<N>.json   where the merged JSON goes
#   HITS=$WORK/hits-<N>.tsv          per-query exact hit counts + top hit
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 CORPUS_DIR QUERIES_FILE" >&2
  exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=$(cd "$1" && pwd)
QUERIES=$(readlink -f "$2")
WORK=${WORK:-/tmp/lucene-anchor}
JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx2g"}
BENCH_OPTS=${BENCH_OPTS:-}
INDEX_2T=${INDEX_2T:-1}
RUNS=${RUNS:-1}

JARDIR=/usr/share/java
MODULES="core analyzers-common queryparser facet highlighter queries memory"
jar_for() { ls "$JARDIR"/lucene-"$1"-[0-9]*.jar 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(jar_for core)" ] && [ "$(id -u)" = 0 ]; then
  echo "installing liblucene8-java ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends liblucene8-java time >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends liblucene8-java time >/dev/null; }
fi
CP=""
for m in $MODULES; do
  j=$(jar_for "$m")
  [ -n "$j" ] || { echo "missing $JARDIR/lucene-$m-*.jar (apt-get install liblucene8-java)" >&2; exit 1; }
  CP="$CP:$j"
done
CP=${CP#:}
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 1; }

mkdir -p "$WORK/classes"
javac -encoding UTF-8 -nowarn -d "$WORK/classes" -cp "$CP" "$HERE/Bench.java"
CP="$WORK/classes:$CP"

N=$(find "$CORPUS" -name '*.md' -type f | wc -l)
RESULTS=${RESULTS:-$WORK/results-$N.json}
HITS=${HITS:-$WORK/hits-$N.tsv}
INDEX="$WORK/index-$N"
LOGS="$WORK/logs-$N"
rm -rf "$LOGS"
DEB_VERSION=$(dpkg-query -W -f='${Version}' liblucene8-java 2>/dev/null || echo unknown)
echo "corpus $CORPUS ($N docs), queries $QUERIES, JAVA_OPTS=$JAVA_OPTS, liblucene8-java $DEB_VERSION, runs $RUNS" >&2

for r in $(seq 1 "$RUNS"); do
  L="$LOGS/run-$r"
  mkdir -p "$L"
  echo "--- run $r/$RUNS" >&2
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$L/time-index.txt" \
    java $JAVA_OPTS $BENCH_OPTS -cp "$CP" Bench index "$CORPUS" "$INDEX" "$L/index.json" 1
  if [ "$INDEX_2T" = 1 ]; then
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$L/time-index2.txt" \
      java $JAVA_OPTS $BENCH_OPTS -cp "$CP" Bench index "$CORPUS" "$WORK/index-$N-2t" "$L/index2.json" 2
    rm -rf "$WORK/index-$N-2t"
  fi
  sync
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$L/time-search.txt" \
    java $JAVA_OPTS $BENCH_OPTS -cp "$CP" Bench search "$INDEX" "$QUERIES" "$L/search.json" "$HITS"
done

python3 - "$LOGS" "$RESULTS" "$CORPUS" "$DEB_VERSION" "$RUNS" <<'PY'
import copy, json, os, platform, re, statistics, sys
logs, out, corpus, deb, runs = sys.argv[1:6]
runs = int(runs)

def rss_kb(path):
    if not os.path.exists(path):
        return None
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    return int(m.group(1)) if m else None

def load(path):
    return json.load(open(path)) if os.path.exists(path) else None

per_run = []
for r in range(1, runs + 1):
    d = os.path.join(logs, f"run-{r}")
    idx, idx2, srch = (load(os.path.join(d, n)) for n in ("index.json", "index2.json", "search.json"))
    idx["peak_rss_kb"] = rss_kb(os.path.join(d, "time-index.txt"))
    if idx2:
        idx2["peak_rss_kb"] = rss_kb(os.path.join(d, "time-index2.txt"))
    srch["peak_rss_kb"] = rss_kb(os.path.join(d, "time-search.txt"))
    per_run.append({"index": idx, "index_2_threads": idx2, "search": srch})

def median_of(objs):
    """Element-wise median of numeric leaves; other leaves from the first run."""
    first = objs[0]
    if isinstance(first, bool) or first is None:
        return first
    if isinstance(first, (int, float)):
        vals = [o for o in objs if isinstance(o, (int, float))]
        m = statistics.median(vals)
        if all(isinstance(v, int) for v in vals):
            return int(round(m))
        return round(m, 3)
    if isinstance(first, dict):
        return {k: median_of([o.get(k) if isinstance(o, dict) else None for o in objs]) for k in first}
    return copy.deepcopy(first)

med = median_of(per_run)
idx, idx2, srch = med["index"], med["index_2_threads"], med["search"]
cpu = ""
try:
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
except (OSError, StopIteration):
    pass
mem_kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
manifest = load(os.path.join(corpus, "manifest.json"))
res = {
    "engine": "Apache Lucene " + idx["lucene_version"],
    "debian_package": "liblucene8-java " + deb,
    "java": idx["java_version"],
    "jvm_args": idx["jvm_args"],
    "machine": {"cpus": os.cpu_count(), "cpu_model": cpu, "mem_gib": round(mem_kb / 2**20, 1),
                "kernel": platform.release()},
    "corpus": {"dir": corpus, "docs": idx["docs"], "input_bytes": idx["input_bytes"],
               "manifest": manifest},
    "runs": runs,
    "note": "index/index_2_threads/search hold the median over runs of every number; per_run has each run",
    "index": idx, "index_2_threads": idx2, "search": srch,
    "per_run": per_run,
}
with open(out, "w", encoding="utf-8") as f:
    json.dump(res, f, ensure_ascii=False, indent=2)
    f.write("\n")

L, Q = srch["latency"], srch["qps"]
mb = lambda b: b / 1e6
rng = lambda get: "" if runs == 1 else " [%s]" % " ".join(f"{get(p):.0f}" for p in per_run)
print()
print(f"== Lucene anchor: {res['engine']} ({res['debian_package']}), Java {res['java']}, JVM {res['jvm_args']}")
print(f"   machine: {res['machine']['cpus']} cpus, {res['machine']['mem_gib']} GiB, {cpu}; "
      + ("single run" if runs == 1 else f"median of {runs} runs, per-run values in []"))
print(f"   corpus: {idx['docs']} docs, {mb(idx['input_bytes']):.1f} MB"
      + (f", source={manifest['source']}, seed={manifest['seed']}" if manifest else ""))
print(f"index 1 thread : {idx['docs_per_s']:.0f} docs/s{rng(lambda p: p['index']['docs_per_s'])}, {idx['mb_per_s']:.2f} MB/s,"
      f" {idx['wall_s_to_commit']:.1f} s to commit ({idx['segments_at_commit']} seg, {mb(idx['index_bytes_at_commit']):.1f} MB);"
      f" forceMerge {idx['force_merge_s']:.1f} s -> {mb(idx['index_bytes_final']):.1f} MB ({idx['index_to_input_ratio']:.2f} x input);"
      f" peak RSS {idx['peak_rss_kb']/1024:.0f} MiB")
if idx2:
    print(f"index 2 threads: {idx2['docs_per_s']:.0f} docs/s{rng(lambda p: p['index_2_threads']['docs_per_s'])}, {idx2['mb_per_s']:.2f} MB/s,"
          f" {idx2['wall_s_to_commit']:.1f} s to commit; peak RSS {idx2['peak_rss_kb']/1024:.0f} MiB")
print(f"search: {srch['queries']} queries x {srch['reps']} reps, {srch['queries_with_no_hits']} with no hits;"
      f" open {srch['open_ms']:.0f} ms, facet state {srch['facet_state_ms']:.0f} ms; peak RSS {srch['peak_rss_kb']/1024:.0f} MiB,"
      f" heap after GC {srch['heap_used_after_gc_mb']:.0f} MiB")
print(f"  {'mode':<10}{'p50 us':>10}{'p95 us':>10}{'p99 us':>10}{'QPS 1t':>10}{'QPS 2t':>10}")
for m, s in L.items():
    print(f"  {m:<10}{s['p50_us']:>10.0f}{s['p95_us']:>10.0f}{s['p99_us']:>10.0f}"
          f"{Q[m]['1_thread']:>10.0f}{Q[m]['2_threads']:>10.0f}"
          + rng(lambda p: p['search']['latency'][m]['p50_us']))
print(f"results: {out}")
PY
