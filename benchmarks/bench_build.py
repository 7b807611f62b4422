"""Build benchmark: time, MB/s, time per stage, peak RSS, and ratios measured in one run.

    python benchmarks/bench_build.py                 # 1 MB and 10 MB corpora
    python benchmarks/bench_build.py --sizes 1 10 50 --repeat 3

For each corpus: the time of ``jieba.lcut`` over the same text (the reference), a full build
with one worker (median of --repeat runs, each in a fresh process with an empty cache), a
build with two workers (output compared byte for byte), and an incremental rebuild after
adding one document (compared with a clean build of the same files). Every build runs as
``kg build`` in a child process so that its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import ensure

RUNNER = r"""
import json, resource, sys, time
from kg.pipeline import build_graph, write_outputs
args = json.loads(sys.argv[1])
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu0 = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
t = time.perf_counter()
res = build_graph([args["src"]], shacl=args.get("shacl", False), workers=args["workers"], cache_dir=args["cache"])
write_outputs(res, args["out"], html=args.get("html", False))
wall = time.perf_counter() - t
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime - cpu0
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"wall": wall, "cpu": cpu, "timings": res.timings, "rss_mb": rss / 1024, "triples": res.triples,
                  "cached": res.cached_files}))
"""


def run_build(
    src: Path, out: Path, workers: int = 1, cache: Path | None = None, shacl: bool = False, html: bool = False
) -> dict:
    args = {
        "html": html,
        "src": str(src),
        "out": str(out),
        "workers": workers,
        "cache": str(cache) if cache else None,
        "shacl": shacl,
    }
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps(args)], capture_output=True, text=True, check=True
    )
    process_wall = time.perf_counter() - t  # with interpreter start and imports, as `kg build`
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "process_wall": process_wall}


def jieba_time(src: Path) -> tuple[float, float, float]:
    """Seconds of jieba.lcut (HMM on) over all text of ``src`` (wall and CPU), and the corpus
    size in MB."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(src.glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t, c = time.perf_counter(), time.process_time()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - t, time.process_time() - c, mb


def load() -> float:
    """The 1-minute load average (other work on the machine skews wall times)."""
    return round(os.getloadavg()[0], 2)


def median(runs: list[dict], key: str = "wall") -> dict:
    return sorted(runs, key=lambda r: r[key])[len(runs) // 2]


def rss_only(size: float, tmp: Path, workers: int) -> dict:
    src = ensure(size)
    before = load()
    r = run_build(src, tmp / "rss", workers)
    return {
        "load_average (before, after)": (before, load()),
        "build_s": round(r["wall"], 1),
        "peak_rss_mb": round(r["rss_mb"]),
        "triples": r["triples"],
        "workers": workers,
    }


def bench(size: float, repeat: int, tmp: Path, with_shacl: bool = False) -> dict:
    src = ensure(size)
    load_before = load()
    jieba_s, jieba_cpu, mb = jieba_time(src)
    one = median([run_build(src, tmp / f"one{i}", 1) for i in range(repeat)])
    two = median([run_build(src, tmp / f"two{i}", 2) for i in range(repeat)])
    same_parallel = (tmp / "one0" / "graph.ttl").read_bytes() == (tmp / "two0" / "graph.ttl").read_bytes()
    # incremental: a cached full build, then each run adds one new document (a different one
    # each time, the previous one removed), so that every run extracts exactly one document
    inc_src = tmp / "inc_src"
    shutil.copytree(src, inc_src)
    cache = tmp / "cache"
    run_build(inc_src, tmp / "inc", 1, cache)
    extra = sorted(src.glob("*.txt"))[0].read_text(encoding="utf-8")
    inc_runs = []
    for i in range(repeat):
        (inc_src / "zz_added.txt").write_text(
            f"近日，新成立的北辰湿地保护基金会第{i + 1}分会发起了“候鸟守望计划”。\n\n" + extra, encoding="utf-8"
        )
        inc_runs.append(run_build(inc_src, tmp / "inc", 1, cache))
    inc = median(inc_runs)
    assert all(r["cached"] == len(list(inc_src.glob("*.txt"))) - 1 for r in inc_runs)
    clean = run_build(inc_src, tmp / "clean", 1)
    last_inc = (tmp / "inc" / "graph.ttl").read_bytes(), (tmp / "inc" / "graph.jsonld").read_bytes()
    same_incremental = last_inc == ((tmp / "clean" / "graph.ttl").read_bytes(), (tmp / "clean" / "graph.jsonld").read_bytes())
    shacl = run_build(src, tmp / "shacl", 1, cache, shacl=True) if with_shacl else None
    # what a user's plain `kg build` does on a rebuild: the same +1 document, with SHACL and HTML
    (inc_src / "zz_added.txt").write_text("近日，新成立的南溪湿地保护基金会发起了“白鹭守望计划”。\n\n" + extra, encoding="utf-8")
    defaults = run_build(inc_src, tmp / "inc_defaults", 1, cache, shacl=True, html=True)
    return {
        "corpus_mb": round(mb, 2),
        "documents": len(list(src.glob("*.txt"))),
        "load_average (before, after)": (load_before, load()),
        "jieba_lcut_s (wall, cpu)": (round(jieba_s, 2), round(jieba_cpu, 2)),
        "build_1_worker_s (wall, cpu)": (round(one["wall"], 2), round(one["cpu"], 2)),
        "mb_per_s": round(mb / one["wall"], 3),
        "ratio_to_jieba (wall, cpu)": (round(one["wall"] / jieba_s, 2), round(one["cpu"] / jieba_cpu, 2)),
        "stages_s": {k: round(v, 2) for k, v in one["timings"].items()},
        "peak_rss_mb": round(one["rss_mb"]),
        "triples": one["triples"],
        "build_2_workers_s": round(two["wall"], 2),
        "speedup_2_workers": round(one["wall"] / two["wall"], 2),
        "parallel_output_identical": same_parallel,
        "incremental_s (wall, cpu)": (round(inc["wall"], 2), round(inc["cpu"], 2)),
        "clean_build_same_files_s (wall, cpu)": (round(clean["wall"], 2), round(clean["cpu"], 2)),
        "incremental_ratio (to clean: wall, cpu; to median 1-worker build: wall)": (
            round(inc["wall"] / clean["wall"], 3),
            round(inc["cpu"] / clean["cpu"], 3),
            round(inc["wall"] / one["wall"], 3),
        ),
        "incremental_ratio, whole processes (with start-up and imports; wall)": round(
            inc["process_wall"] / clean["process_wall"], 3
        ),
        "incremental_output_identical (ttl + jsonld)": same_incremental,
        "incremental_stages_s": {k: round(v, 2) for k, v in inc["timings"].items()},
        "incremental with kg build defaults (SHACL + HTML): process wall s, stages": (
            round(defaults["process_wall"], 2),
            {k: round(v, 2) for k, v in defaults["timings"].items()},
        ),
        "shacl_s (cached build, measured separately)": round(shacl["timings"]["shacl"], 2)
        if shacl
        else "not run",
        "runs": repeat,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="*", default=[1, 10])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--rss-sizes",
        type=float,
        nargs="*",
        default=[50],
        help="corpora built once (2 workers) only for time and peak RSS",
    )
    ap.add_argument("--shacl-size", type=float, default=10, help="corpus whose SHACL time is measured")
    args = ap.parse_args()
    results = {}
    print("builds run with shacl=False (as `kg build --no-shacl`); SHACL is timed separately")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            results[f"{size:g}MB"] = bench(size, args.repeat, Path(tmp), with_shacl=size == args.shacl_size)
        if not args.json:
            r = results[f"{size:g}MB"]
            print(f"== {size:g} MB corpus ({r['documents']} documents, {r['triples']} triples)")
            for k, v in r.items():
                print(f"  {k:<30} {v}")
    for size in args.rss_sizes:
        with tempfile.TemporaryDirectory() as tmp:
            results[f"{size:g}MB (RSS)"] = rss_only(size, Path(tmp), 2)
        if not args.json:
            print(f"== {size:g} MB corpus, one build: {results[f'{size:g}MB (RSS)']}")
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
