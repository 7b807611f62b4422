from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def seed_build():
    """The seed corpus built once per test session (about 10 s)."""
    from kg.pipeline import build_graph

    return build_graph(None)
