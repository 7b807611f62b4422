"""Where graphs live: RDF files on disk, an in-memory rdflib graph, or an on-disk Oxigraph store.

A *store spec* is either a path to an RDF file (``.ttl``, ``.nt``, ``.nq``, ``.jsonld``, ``.trig``,
``.rdf``) or ``oxigraph:DIR`` for an rdflib graph backed by a persistent Oxigraph database
(the oxrdflib ``"Oxigraph"`` plugin store). Oxigraph answers SPARQL natively in Rust; the
in-memory rdflib graph needs no files and is what the build produces by default.
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import GraphLoadError
from kg.namespaces import DCTERMS, DEFAULT_BASE, KG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = [
    "OXIGRAPH_PREFIX",
    "STANDARD_PREFIXES",
    "bind_prefixes",
    "copy_graph",
    "graph_for_store",
    "is_oxigraph",
    "load_graph",
    "open_store",
    "parse_format",
]

OXIGRAPH_PREFIX = "oxigraph:"

# Prefixes every kg graph is written and queried with (sorted output is stable across runs).
STANDARD_PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "xsd": str(XSD),
    "schema": str(SCHEMA),
    "rdoc": f"{DEFAULT_BASE}doc/",
    "rorg": f"{DEFAULT_BASE}org/",
    "rperson": f"{DEFAULT_BASE}person/",
    "rproject": f"{DEFAULT_BASE}project/",
    "rplace": f"{DEFAULT_BASE}place/",
    "raward": f"{DEFAULT_BASE}award/",
    "revent": f"{DEFAULT_BASE}event/",
    "rpublication": f"{DEFAULT_BASE}publication/",
    "rstmt": f"{DEFAULT_BASE}stmt/",
}

# File suffix -> (rdflib parser name, is a quad format). rdflib's own parsers, not the faster
# oxrdflib ones: those type plain strings as xsd:string explicitly, which rdflib treats as a
# different term from the plain literal the build writes (graphs would not compare equal).
_FORMATS: dict[str, tuple[str, bool]] = {
    ".ttl": ("turtle", False),
    ".turtle": ("turtle", False),
    ".nt": ("nt", False),
    ".nq": ("nquads", True),
    ".trig": ("trig", True),
    ".jsonld": ("json-ld", False),
    ".json": ("json-ld", False),
    ".rdf": ("xml", False),
    ".owl": ("xml", False),
    ".xml": ("xml", False),
}


def parse_format(path: str | os.PathLike[str]) -> str:
    """The rdflib parser name for a graph file, chosen by its suffix."""
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        known = ", ".join(sorted(_FORMATS))
        raise GraphLoadError(
            f"{path}: unknown graph file type {suffix or '(none)'!r}; expected one of {known}"
        )
    return _FORMATS[suffix][0]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the kg prefixes (kg:, rorg:, …) on ``graph``, replacing clashing bindings."""
    for prefix, ns in STANDARD_PREFIXES.items():
        graph.bind(prefix, URIRef(ns), override=True, replace=True)
    return graph


def is_oxigraph(graph: Graph) -> bool:
    """True when ``graph`` is backed by an Oxigraph store (SPARQL then runs natively)."""
    try:
        from oxrdflib import OxigraphStore
    except ImportError:  # pragma: no cover - oxrdflib is a dependency
        return False
    return isinstance(graph.store, OxigraphStore)


def load_graph(path_or_spec: str | os.PathLike[str]) -> Graph:
    """Read a graph file (format by suffix) or open an ``oxigraph:DIR`` store.

    Quad formats (TriG, N-Quads) are flattened: the result holds the union of all their graphs.
    Raises GraphLoadError naming the file when it is missing or does not parse.
    """
    spec = os.fspath(path_or_spec)
    if spec.startswith(OXIGRAPH_PREFIX):
        return open_store(spec)
    path = Path(spec)
    fmt = parse_format(path)
    if not path.is_file():
        raise GraphLoadError(f"{path}: no such graph file")
    quads = _FORMATS[path.suffix.lower()][1]
    try:
        if quads:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graph = Graph()
            for s, p, o, _ctx in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph = Graph()
            graph.parse(path, format=fmt)
    except Exception as exc:  # parsers raise many types (SyntaxError, BadSyntax, ValueError, …)
        raise GraphLoadError(f"{path}: cannot read graph: {_first_line(exc)}") from exc
    return bind_prefixes(graph)


def open_store(spec: str | None) -> Graph:
    """A graph for ``spec``: ``oxigraph:DIR`` opens (or creates) an on-disk Oxigraph store;
    anything else (None, "", "memory") gives an empty in-memory rdflib graph.

    The Oxigraph graph is the store's default graph, so the data survives closing and
    reopening the directory (``graph.close()`` releases the database lock).
    """
    if not spec or not spec.startswith(OXIGRAPH_PREFIX):
        return bind_prefixes(Graph())
    directory = Path(spec[len(OXIGRAPH_PREFIX) :]).expanduser()
    if not str(directory) or str(directory) == ".":
        raise GraphLoadError(f"{spec}: give a directory, e.g. oxigraph:out/store")
    if directory.exists() and not directory.is_dir():
        raise GraphLoadError(f"{directory}: not a directory (an Oxigraph store is a directory)")
    graph = Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        graph.open(str(directory), create=False)
    except OSError as exc:
        raise GraphLoadError(f"{directory}: cannot open Oxigraph store: {_first_line(exc)}") from exc
    return bind_prefixes(graph)


def graph_for_store(spec: str | None) -> Graph:
    """An *empty* graph for the build to fill: in memory, or an emptied ``oxigraph:DIR`` store.

    An existing Oxigraph store is cleared so a rebuild never mixes in triples of an older build.
    """
    graph = open_store(spec)
    if is_oxigraph(graph):
        graph.store._inner.clear()  # type: ignore[attr-defined]  # pyoxigraph.Store.clear
    return graph


def copy_graph(source: Graph, target: Graph) -> Graph:
    """Add every triple of ``source`` to ``target``; bulk-loads when ``target`` is Oxigraph."""
    if is_oxigraph(target):
        from oxrdflib._converter import to_ox

        target.store._inner.bulk_extend(to_ox((s, p, o, target)) for s, p, o in source)  # type: ignore[attr-defined]
    else:
        target += source
    return target


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
