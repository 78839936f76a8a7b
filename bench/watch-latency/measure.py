#!/usr/bin/env python3
"""Near-real-time check for the running service: how long from a file being completely written into the corpus
folder until search finds it, and whether a burst of copied files is indexed exactly once.

    python3 bench/watch-latency/measure.py --url http://127.0.0.1:5080 --corpus corpus/ [--files 50] [--burst 1000]

Writes its files under <corpus>/_matning-<time>/ and deletes them at the end. Needs a service with rate limiting off
or generous (Kunskapsbank__RateLimit__Enabled=false), since it polls search.
"""
import argparse, json, os, shutil, statistics, tempfile, time, urllib.request

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:5080")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--burst", type=int, default=1000)
    a = ap.parse_args()
    stamp = str(int(time.time()))
    folder = os.path.join(a.corpus, "_matning-" + stamp)
    os.makedirs(folder)

    def total(term):
        with urllib.request.urlopen(f"{a.url}/api/search?pageSize=1&q={term}") as r:
            return json.load(r)["total"]

    def indexed():
        with urllib.request.urlopen(f"{a.url}/health/ready") as r:
            return json.load(r)["sync"]["totals"]["indexed"]

    def wait(cond, limit):
        start = time.time()
        while not cond():
            if time.time() - start > limit:
                return None
            time.sleep(0.01)
        return time.time() - start

    latencies = []
    for i in range(a.files):
        path = os.path.join(folder, f"enkel{i}.md")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(f"# Mätning {i}\n\nOrdet matord{stamp}n{i} finns bara här.\n")
        os.rename(path + ".tmp", path)  # the file is completely written at this instant
        took = wait(lambda: total(f"matord{stamp}n{i}") == 1, 10)
        latencies.append(took * 1000 if took is not None else float("inf"))
    latencies.sort()
    print(f"single files: median {statistics.median(latencies):.0f} ms, p90 {latencies[int(len(latencies) * 0.9)]:.0f} ms, "
          f"max {latencies[-1]:.0f} ms over {len(latencies)} files")

    if a.burst > 0:
        stage = tempfile.mkdtemp(prefix="kunskapsbank-skur-")
        for i in range(a.burst):
            with open(os.path.join(stage, f"fil{i}.md"), "w", encoding="utf-8") as f:
                f.write(f"# Skur {i}\n\nOrdet skurord{stamp} och numret {i}.\n")
        before = indexed()
        start = time.time()
        shutil.copytree(stage, os.path.join(folder, "skur"))
        took = wait(lambda: total(f"skurord{stamp}") == a.burst, 120)
        time.sleep(2)
        print(f"burst: {a.burst} files copied, all searchable after {took * 1000 if took else float('inf'):.0f} ms, "
              f"indexed {indexed() - before} times (expected {a.burst})")
        shutil.rmtree(stage)

    shutil.rmtree(folder)

if __name__ == "__main__":
    main()
