#!/usr/bin/env python3
"""Render an explorer HTML file to a PNG with Playwright and Debian's chromium.

    python scripts/screenshot.py out/graph.html out/graph.png [--width 1400 --height 900]
        [--select NAME]

Used by ``make demo``. Without chromium (or playwright) it says so and exits 0, so a demo on
a machine without a browser still succeeds. Blocks every request that is not file: or data:.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from kg.html import CHROMIUM_ARGS, CHROMIUM_PATH


def find_chromium() -> str | None:
    if Path(CHROMIUM_PATH).exists():
        return CHROMIUM_PATH
    return shutil.which("chromium")


def screenshot(
    html_path: str | Path,
    png_path: str | Path,
    *,
    width: int = 1400,
    height: int = 900,
    select: str | None = None,
    timeout_s: float = 60.0,
) -> Path:
    """Open ``html_path`` from disk, wait for the explorer to draw, save a PNG of the viewport."""
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise FileNotFoundError("chromium not found")
    html_file = Path(html_path).resolve()
    png = Path(png_path)
    png.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort()
                ),
            )
            page.goto(html_file.as_uri())
            page.wait_for_function(
                "() => window.kgExplorer && window.kgExplorer.ready", timeout=timeout_s * 1000
            )
            if select:
                page.fill("#kg-search", select)
                page.keyboard.press("Enter")
                page.wait_for_timeout(600)  # the focus animation
                page.evaluate("document.activeElement && document.activeElement.blur()")
            page.wait_for_timeout(200)
            page.screenshot(path=str(png))
        finally:
            browser.close()
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html")
    parser.add_argument("png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--select", help="search for this name and select it before the shot")
    args = parser.parse_args(argv)
    if not Path(args.html).is_file():
        print(f"screenshot: {args.html}: no such file", file=sys.stderr)
        return 2
    if find_chromium() is None:
        print("screenshot: chromium is not installed (apt-get install chromium); no PNG written")
        return 0
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("screenshot: playwright is not installed (pip install playwright); no PNG written")
        return 0
    png = screenshot(args.html, args.png, width=args.width, height=args.height, select=args.select)
    print(f"screenshot: wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
