"""kg: a knowledge-graph builder for Chinese documents about philanthropy and environmental work.

Python API::

    import kg
    graph = kg.build(["seeds/"])          # rdflib.Graph
    rows = kg.query(graph, "funders", entity="湿地守护计划")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

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
