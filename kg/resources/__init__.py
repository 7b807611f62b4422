"""Data files the extractor reads: suffix lists, trigger words, gazetteers.

Each file starts with ``#`` comment lines naming its source; blank lines and comments are
ignored. Columns are tab-separated.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a resource file, stripped."""
    text = (resources.files(__name__) / name).read_text(encoding="utf-8")
    return tuple(s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#"))


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource file."""
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in load_lines(name))
