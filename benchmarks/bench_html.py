"""HTML explorer timings: rendering in Python and loading in headless Chromium.

    .venv/bin/python benchmarks/bench_html.py                 # sample graph and 5,000 nodes
    .venv/bin/python benchmarks/bench_html.py --nodes 1000 5000 --repeat 3

For each graph: entities, relations, file size, ``render_html`` time (data + layout + page),
then, with Debian's /usr/bin/chromium, the time from navigation to the first drawn frame
(``kgExplorer.readyAt``, measured by the page itself), the wall time until the page reports
ready, and the time to search and select an entity that is not in the initial view. Graphs
are the sample graph of the tests and the synthetic graphs of tests/test_html.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from rdflib import Graph

from kg.html import CHROMIUM_ARGS, CHROMIUM_PATH, explorer_data, render_html
from kg.io import atomic_write

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(CHROMIUM_PATH)


def helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_test_html_helpers", ROOT / "tests" / "test_html.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def browser_times(browser: Any, path: Path, probe: str | None) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    start = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.kgExplorer && window.kgExplorer.ready", timeout=120_000)
    wall = time.perf_counter() - start
    out = {"first frame (page clock)": page.evaluate("kgExplorer.readyAt") / 1000, "ready (wall)": wall}
    if probe:
        start = time.perf_counter()
        page.locator("#kg-search").fill(probe)
        page.wait_for_function("() => kgExplorer.selected() !== null", timeout=60_000)
        out["search + select"] = time.perf_counter() - start
    page.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, nargs="*", default=[5000], help="synthetic graph sizes")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measure (median reported)")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    h = helpers()

    graphs: list[tuple[str, Graph]] = [("sample graph", h.sample_graph())]
    for n in args.nodes:
        start = time.perf_counter()
        g = h.synthetic_graph(n)
        print(
            f"(built synthetic graph of {n} entities, {len(g)} triples, in {time.perf_counter() - start:.1f}s)"
        )
        graphs.append((f"synthetic {n}", g))

    browser = None
    pw = None
    if not args.no_browser:
        if not CHROMIUM.exists():
            print("chromium not installed: browser timings skipped")
        else:
            from playwright.sync_api import sync_playwright

            pw = sync_playwright().start()
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))

    with tempfile.TemporaryDirectory() as tmp:
        for name, graph in graphs:
            renders = []
            html = ""
            for _ in range(args.repeat):
                start = time.perf_counter()
                html = render_html(graph)
                renders.append(time.perf_counter() - start)
            data = explorer_data(graph)
            path = atomic_write(Path(tmp) / f"{name.replace(' ', '_')}.html", html)
            print(f"\n{name}: {len(data['nodes'])} entities, {len(data['edges'])} relations")
            print(f"  file size              {path.stat().st_size / 1e6:8.2f} MB")
            print(f"  render_html            {statistics.median(renders):8.2f} s")
            if browser is not None:
                initial = set(data["initial"])
                outside = [n for i, n in enumerate(data["nodes"]) if i not in initial and n["aliases"]]
                probe = (outside or data["nodes"])[-1]["aliases"][0] if data["nodes"] else None
                runs = [browser_times(browser, path, probe) for _ in range(args.repeat)]
                for key in runs[0]:
                    print(f"  {key:<22} {statistics.median(r[key] for r in runs):8.2f} s")
    if browser is not None:
        browser.close()
    if pw is not None:
        pw.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
