"""kg: a knowledge-graph builder for Chinese documents about philanthropy and environmental work.

Python API::

    import kg
    graph = kg.build(["seeds/"])          # rdflib.Graph
    rows = kg.query(graph, "funders", entity="湿地守护计划")
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"


def _import_jieba() -> None:
    """Import jieba without letting it import ``pkg_resources``: jieba uses it only to open its
    bundled dictionary files and has a plain-file fallback when the import fails, while
    importing pkg_resources costs about 0.2 s (and a deprecation warning) in every process."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail
    try:
        import jieba  # noqa: F401
    finally:
        del sys.modules["pkg_resources"]


_import_jieba()

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph


def build(paths: Any = None, **options: Any) -> Graph:
    """Build the knowledge graph of ``paths`` (files or directories; default: the seed corpus)."""
    from kg.pipeline import build_graph

    return build_graph(paths, **options).graph


def query(graph: Graph, sparql_or_name: str, **params: Any) -> list[dict[str, Any]]:
    """Run a SPARQL query or a named query on ``graph``; rows as dicts of Python values."""
    from kg.sparql import query_rows

    return query_rows(graph, sparql_or_name, **params)


__all__ = ["__version__", "build", "query"]
