"""Execute notebooks/explore.ipynb from a clean kernel with the repository root as working
directory and write an HTML copy (``make notebook-html``).

    python scripts/run_notebook.py out/explore.html
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent


def main(target: str) -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
    nb = nbformat.read(str(ROOT / "notebooks" / "explore.ipynb"), as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    body, _ = HTMLExporter().from_notebook_node(nb)
    out = Path(target)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "out" / "explore.html"))
