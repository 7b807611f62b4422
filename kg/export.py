"""Exports of a kg graph for the linked-data and network-analysis ecosystems.

RDF: Turtle, N-Triples, JSON-LD (compacted with ``ontology/context.jsonld``) and TriG. Network
tools: GraphML and GEXF (one node per entity, one edge per relation, Gephi-ready) and a pair of
CSV files. HTML is delegated to ``kg.html``. ``push_graph`` loads a graph into any SPARQL 1.1
store with the Graph Store HTTP Protocol.

Turtle, N-Triples and TriG are deterministic: the same triples give byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.plugins.stores.memory import Memory

from kg.errors import KGError
from kg.graph import StatementText, TextIndex, TextTerm, statement_triples
from kg.io import atomic_write
from kg.model import ENTITY_TYPES, ORG_SUBTYPES, PREDICATES
from kg.namespaces import DCTERMS, DEFAULT_BASE, KG, PROV, RDF, RDFS, SKOS, XSD
from kg.store import STANDARD_PREFIXES, bind_prefixes

if TYPE_CHECKING:  # networkx and the SPARQL module load in ~1 s; `kg build` needs neither
    import networkx as nx

__all__ = [
    "DEFAULT_GRAPH_IRI",
    "EXPORT_FORMATS",
    "export_graph",
    "filter_types",
    "jsonld_context",
    "jsonld_fast",
    "jsonld_rdflib",
    "push_graph",
    "serialize_jsonld",
    "serialize_ntriples",
    "serialize_trig",
    "serialize_turtle",
    "to_networkx",
    "turtle_fast",
    "turtle_oxigraph",
    "turtle_rdflib",
    "write_csv",
]

EXPORT_FORMATS = ("turtle", "nt", "jsonld", "trig", "graphml", "gexf", "csv", "html")
SUFFIXES = {
    "turtle": ".ttl",
    "nt": ".nt",
    "jsonld": ".jsonld",
    "trig": ".trig",
    "graphml": ".graphml",
    "gexf": ".gexf",
    "csv": "",
    "html": ".html",
}
DEFAULT_GRAPH_IRI = f"{DEFAULT_BASE}graph"

_ENTITY_CLASSES = {KG[t]: t for t in ENTITY_TYPES}
_SUBTYPE_CLASSES = {KG[t]: t for t in ORG_SUBTYPES}
_RELATIONS = {KG[p]: p for p in PREDICATES}


# --- deterministic RDF ----------------------------------------------------------------------


def _stable(graph: Graph) -> Graph:
    """``graph`` itself, or a canonical relabelling when it has blank nodes (whose ids are random
    per parse), so that serialising the same triples always gives the same bytes."""
    for triple in graph:
        if any(isinstance(term, BNode) for term in triple):
            return to_canonical_graph(graph)
    return graph


def _to_ox(term: Any) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _sort_key(triple: tuple[Any, Any, Any]) -> tuple[str, ...]:
    s, p, o = triple
    if isinstance(o, Literal):
        okey = ("2", str(o), o.language or "", str(o.datatype or ""))
    else:
        okey = ("0" if isinstance(o, URIRef) else "1", str(o), "", "")
    return ("0" if isinstance(s, URIRef) else "1", str(s), str(p), *okey)


def _sorted_ox_triples(graph: Graph) -> list[ox.Triple]:
    return [ox.Triple(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in sorted(_stable(graph), key=_sort_key)]


def _used_prefixes(graph: Graph) -> dict[str, str]:
    """The standard prefixes (kg:, rorg:, …) that occur in ``graph``, in a fixed order."""
    namespaces = list(STANDARD_PREFIXES.items())
    used: set[str] = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) or (isinstance(term, Literal) and term.datatype):
                iri = str(term if isinstance(term, URIRef) else term.datatype)
                for prefix, ns in namespaces:
                    if prefix not in used and iri.startswith(ns):
                        used.add(prefix)
        if len(used) == len(namespaces):
            break
    return {p: ns for p, ns in namespaces if p in used}


def turtle_oxigraph(graph: Graph) -> bytes:
    """Turtle from pyoxigraph's serializer over the triples sorted by subject, predicate, object
    (sorted input lets it group ``;`` and ``,`` runs, so the output is compact and stable)."""
    return ox.serialize(_sorted_ox_triples(graph), format=ox.RdfFormat.TURTLE, prefixes=_used_prefixes(graph))


def turtle_rdflib(graph: Graph) -> bytes:
    """Turtle from rdflib's serializer (sorted subjects/predicates/objects) with the kg prefixes."""
    copy = Graph(bind_namespaces="none")
    for prefix, ns in _used_prefixes(graph).items():
        copy.bind(prefix, ns)
    copy += _stable(graph)
    return copy.serialize(format="turtle", encoding="utf-8")


def serialize_turtle(graph: Graph | TextIndex) -> bytes:
    """Deterministic Turtle (UTF-8): byte-identical for the same triples, run after run.

    Uses the dedicated writer ``turtle_fast`` (about 3 s per million triples; pyoxigraph on
    sorted triples takes ~10x, rdflib's writer more; see benchmarks/bench_write.py). A
    ``kg.graph.TextIndex`` (what ``kg build`` produces) is written without rdflib terms.
    """
    if isinstance(graph, TextIndex):
        return _turtle_text_index(graph)
    return turtle_fast(graph)


def serialize_ntriples(graph: Graph) -> bytes:
    """Sorted N-Triples (one triple per line, stable order)."""
    return ox.serialize(_sorted_ox_triples(graph), format=ox.RdfFormat.N_TRIPLES)


def serialize_trig(graph: Graph, graph_iri: str = DEFAULT_GRAPH_IRI) -> bytes:
    """TriG with all triples in the named graph ``graph_iri`` (stable order)."""
    name = ox.NamedNode(graph_iri)
    quads = [ox.Quad(t.subject, t.predicate, t.object, name) for t in _sorted_ox_triples(graph)]
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_used_prefixes(graph))


@cache
def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context of kg graphs (``ontology/context.jsonld``), the object under @context."""
    text = (resources.files("kg.ontology_data") / "context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def serialize_jsonld(graph: Graph | TextIndex) -> bytes:
    """JSON-LD compacted with the kg context; the context is embedded so that readers need no
    network access to expand it (it is the same object as ontology/context.jsonld). Deterministic:
    nodes sorted by ``@id``, keys and values sorted. Accepts a ``kg.graph.TextIndex`` too."""
    if isinstance(graph, TextIndex):
        return _jsonld_text_index(graph)
    return jsonld_fast(graph)


def jsonld_rdflib(graph: Graph) -> bytes:
    """JSON-LD from rdflib's serializer with the kg context (slower; node order not stable)."""
    copy = Graph(bind_namespaces="none")
    copy += graph
    text = copy.serialize(format="json-ld", context=jsonld_context(), indent=2, ensure_ascii=False)
    return text.encode("utf-8")


# --- fast deterministic Turtle / JSON-LD writers --------------------------------------------

# Turtle escapes: the four characters a quoted string may not hold raw, and the other controls
_LITERAL_ESCAPES = str.maketrans(
    {
        **{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
        "\\": "\\\\",
        '"': '\\"',
        "\n": "\\n",
        "\r": "\\r",
        "\t": "\\t",
    }
)
# characters an IRIREF may not hold raw (written as \\u escapes, which both parsers decode)
_IRI_ESCAPES = str.maketrans({chr(c): f"\\u{c:04X}" for c in (*range(0x21), *b'<>"{}|^`\\')})
# a PN_LOCAL made only of the characters Turtle allows without backslash escapes (and no ':')
_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS = _PN_CHARS_BASE + "_0-9\\-\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = "%[0-9A-Fa-f]{2}"
_PN_LOCAL = re.compile(
    f"(?:[{_PN_CHARS_BASE}_0-9]|{_PLX})(?:(?:[{_PN_CHARS}.]|{_PLX})*(?:[{_PN_CHARS}]|{_PLX}))?"
)
_XSD_STRING = XSD.string
_INTEGER, _DECIMAL = str(XSD.integer), str(XSD.decimal)
_BNODE_LABEL = re.compile("[A-Za-z0-9_]+")


def _split_iri(iri: str) -> tuple[str, str]:
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    return iri[:cut], iri[cut:]


class _TurtleTerms:
    """Renders rdflib terms as Turtle, compacting IRIs with the standard prefixes and recording
    which prefixes were used (IRI renderings are cached: the same IRIs recur constantly)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.by_namespace = {ns: prefix for prefix, ns in prefixes.items()}
        self.prefixes = prefixes
        self.used: set[str] = set()
        self.iris: dict[str, str] = {}
        self.bnodes: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        out = self.iris.get(iri)
        if out is None:
            ns, local = _split_iri(iri)
            prefix = self.by_namespace.get(ns)
            if prefix is not None and _PN_LOCAL.fullmatch(local):
                self.used.add(prefix)
                out = f"{prefix}:{local}"
            else:
                out = f"<{iri.translate(_IRI_ESCAPES)}>"
            self.iris[iri] = out
        return out

    def bnode(self, label: str) -> str:
        out = self.bnodes.get(label)
        if out is None:
            safe = label if _BNODE_LABEL.fullmatch(label) else "b" + hashlib.sha1(label.encode()).hexdigest()
            out = self.bnodes[label] = f"_:{safe}"
        return out

    def term(self, term: Any) -> str:
        if isinstance(term, URIRef):
            return self.iri(term)
        if isinstance(term, Literal):
            text = f'"{str.translate(term, _LITERAL_ESCAPES)}"'
            if term.language:
                return f"{text}@{term.language}"
            if term.datatype is not None and term.datatype != _XSD_STRING:  # RDF 1.1: the same term
                return f"{text}^^{self.iri(term.datatype)}"
            return text
        if isinstance(term, BNode):
            return self.bnode(term)
        raise TypeError(f"cannot write {type(term).__name__} {term!r} as Turtle")


def _by_subject(graph: Graph) -> Iterable[tuple[Any, dict[Any, Any]]]:
    """(subject, {predicate: objects}) for every subject of ``graph``.

    A plain graph on rdflib's in-memory store that holds nothing but its own triples is read
    from the store's subject index directly (no per-triple context lookups: about 3x faster than
    iterating the graph); anything else is grouped while iterating.
    """
    store = graph.store
    if type(graph) is Graph and type(store) is Memory and hasattr(store, "_Memory__spo"):
        by_context = getattr(store, "_Memory__contextTriples", {})
        own = store._Memory__ctx_to_str(graph)  # type: ignore[attr-defined]
        if set(by_context) <= {None, own} and len(by_context.get(None, ())) == len(by_context.get(own, ())):
            return store._Memory__spo.items()
    groups: dict[Any, dict[Any, list[Any]]] = {}
    for s, p, o in graph:
        groups.setdefault(s, {}).setdefault(p, []).append(o)
    return groups.items()


def turtle_fast(graph: Graph, *, _canonical: bool = False) -> bytes:
    """Deterministic Turtle from a dedicated writer: subjects sorted (IRIs, then blank nodes, by
    their text), ``rdf:type`` first as ``a``, then predicates and objects sorted by their Turtle
    text; the kg prefixes that occur are declared. Blank nodes get canonical labels first."""
    terms = _TurtleTerms(STANDARD_PREFIXES)
    render, iri, iris = terms.term, terms.iri, terms.iris
    escapes = _LITERAL_ESCAPES
    blocks: list[tuple[tuple[bool, str], str]] = []
    for s, po in _by_subject(graph):
        rows = []
        for p, objects in po.items():
            ptext = iris.get(p) or iri(p)
            texts = []
            for o in objects:
                kind = type(o)
                if kind is URIRef:
                    text = iris.get(o) or iri(o)
                elif kind is Literal:
                    text = f'"{str.translate(o, escapes)}"'
                    lang = o.language
                    if lang:
                        text = f"{text}@{lang}"
                    else:
                        dt = o.datatype
                        if dt is not None and dt != _XSD_STRING:
                            text = f"{text}^^{iris.get(dt) or iri(dt)}"
                else:
                    text = render(o)
                texts.append(text)
            texts.sort()
            if ptext == "rdf:type":
                rows.append((False, "a", texts))
            else:
                rows.append((True, ptext, texts))
        rows.sort()
        lines = [iri(s) if type(s) is URIRef else render(s)]
        for n, (_, ptext, texts) in enumerate(rows):
            lines.append(f"{' ;' if n else ''}\n    {ptext} " if n else f" {ptext} ")
            lines.append(" ,\n        ".join(texts))
        lines.append(" .\n")
        blocks.append(((type(s) is not URIRef, str(s)), "".join(lines)))
    if terms.bnodes and not _canonical:  # blank node ids are random per parse: relabel, write again
        return turtle_fast(to_canonical_graph(graph), _canonical=True)
    blocks.sort(key=lambda b: b[0])
    header = [f"@prefix {p}: <{ns}> .\n" for p, ns in STANDARD_PREFIXES.items() if p in terms.used]
    body = "\n".join(b for _, b in blocks)
    return "".join([*header, "\n" if header else "", body]).encode("utf-8")


@cache
def _jsonld_terms() -> tuple[dict[str, str], dict[tuple[str, str | None], str], dict[str, str]]:
    """From the kg context: prefixes (namespace -> prefix), property terms keyed by (property IRI,
    coercion: "@id", a datatype IRI or None) and class terms (class IRI -> term)."""
    context = jsonld_context()
    prefixes = {v: k for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))}

    def expand(value: str) -> str:
        prefix, _, local = value.partition(":")
        ns = context.get(prefix)
        return (
            ns + local
            if isinstance(ns, str) and ns.endswith(("/", "#")) and not local.startswith("//")
            else value
        )

    properties: dict[tuple[str, str | None], str] = {}
    classes: dict[str, str] = {}
    for term, value in sorted(context.items()):
        if term.startswith("@"):
            continue
        if isinstance(value, str):
            if not value.endswith(("/", "#")):
                classes.setdefault(expand(value), term)
        elif (
            isinstance(value, dict)
            and "@id" in value
            and "@language" not in value
            and "@container" not in value
        ):
            coercion = value.get("@type")
            key = (expand(value["@id"]), coercion if coercion in (None, "@id") else expand(coercion))
            properties.setdefault(key, term)
    return prefixes, properties, classes


def jsonld_fast(graph: Graph, *, _canonical: bool = False) -> bytes:
    """JSON-LD compacted with the kg context (embedded) from a dedicated writer: one flat node
    object per subject in ``@graph`` (sorted by ``@id``), keys and values sorted, terms of the
    context for properties, classes and typed values, compact IRIs elsewhere."""
    prefixes, properties, classes = _jsonld_terms()
    bnodes: list[Any] = []
    compacted: dict[str, str] = {}

    def compact(iri: str) -> str:
        out = compacted.get(iri)
        if out is None:
            ns, local = _split_iri(iri)
            prefix = prefixes.get(ns)
            out = f"{prefix}:{local}" if prefix and local and not local.startswith("//") else str(iri)
            compacted[iri] = out
        return out

    def node_id(node: Any) -> str:
        if isinstance(node, URIRef):
            return compact(node)
        bnodes.append(node)
        return f"_:{node}"

    keys: dict[tuple[Any, str | None], str] = {}

    def key_for(p: Any, coercion: str | None) -> str | None:
        k = (p, coercion)
        out = keys.get(k)
        if out is None:
            out = keys[k] = properties.get((str(p), coercion), "")
        return out or None

    rdf_type = RDF.type
    # per predicate (by identity: the same term objects recur): is it rdf:type, its key for
    # plain and language-tagged literals, for IRIs, and the fallback compact IRI
    by_predicate: dict[int, tuple[Any, bool, str, str | None, str]] = {}
    typed_keys: dict[tuple[int, str], str | None] = {}
    nodes = []
    for s, po in _by_subject(graph):
        node: dict[str, list[Any]] = {}
        types: list[str] = []
        for p, objects in po.items():
            info = by_predicate.get(id(p))
            if info is None:
                fallback = compact(p)
                info = by_predicate[id(p)] = (
                    p,
                    p == rdf_type,
                    key_for(p, None) or fallback,
                    key_for(p, "@id"),
                    fallback,
                )
            _, is_type, plain_key, id_key, fallback = info
            for o in objects:
                kind = type(o)
                if is_type and kind is URIRef:
                    types.append(classes.get(str(o)) or compact(o))
                    continue
                if kind is Literal or isinstance(o, Literal):
                    lang = o.language
                    if lang:
                        key, value = plain_key, {"@language": lang, "@value": str(o)}
                    else:
                        dt = o.datatype
                        if dt is not None and dt != _XSD_STRING:
                            tk = (id(p), dt)
                            if tk in typed_keys:
                                typed = typed_keys[tk]
                            else:
                                typed = typed_keys[tk] = key_for(p, str(dt))
                            if typed:
                                key, value = typed, str(o)
                            else:
                                key, value = plain_key, {"@type": compact(dt), "@value": str(o)}
                        else:
                            key, value = plain_key, str(o)
                elif id_key:
                    key, value = id_key, node_id(o)
                else:
                    key, value = plain_key, {"@id": node_id(o)}
                values = node.get(key)
                if values is None:
                    node[key] = [value]
                else:
                    values.append(value)
        out: dict[str, Any] = {"@id": node_id(s)}
        if types:
            types.sort()
            out["@type"] = types[0] if len(types) == 1 else types
        for key in sorted(node):
            values = node[key]
            if len(values) == 1:
                out[key] = values[0]
            else:
                values.sort(key=_json_sort_key)
                out[key] = values
        nodes.append(out)
    if bnodes and not _canonical:
        return jsonld_fast(to_canonical_graph(graph), _canonical=True)
    nodes.sort(key=lambda n: n["@id"])
    return _json_graph(nodes)


_json_string = json.encoder.encode_basestring  # type: ignore[attr-defined]  # C-accelerated


def _json_indented(value: Any, pad: str = "\n") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, byte for byte, several times faster:
    with ``indent`` the json module falls back to its pure-Python encoder, while the shallow
    node objects of kg graphs only need the C string encoder and joins."""
    enc = _json_string
    if isinstance(value, str):
        return enc(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = pad + "  "
        items = [
            f"{enc(k)}: {enc(v) if type(v) is str else _json_indented(v, inner)}" for k, v in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = pad + "  "
        items = [enc(v) if type(v) is str else _json_indented(v, inner) for v in value]
        return "[" + inner + ("," + inner).join(items) + pad + "]"
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", pad)


_json_node = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode  # C encoder


def _json_graph(nodes: list[dict[str, Any]]) -> bytes:
    """The JSON-LD document: the context indented, then one node object per line.

    One line per node keeps a large graph greppable and diffable, and lets the C encoder write
    every node (the json module's indented output is pure Python: most of the writing time)."""
    context = _json_indented(jsonld_context(), "\n  ")
    body = ",\n    ".join(map(_json_node, nodes))
    graph = f"[\n    {body}\n  ]" if nodes else "[]"
    return f'{{\n  "@context": {context},\n  "@graph": {graph}\n}}'.encode()


def _json_sort_key(value: Any) -> tuple[str, str, str]:
    if isinstance(value, str):
        return ("", value, "")
    return (value.get("@id", ""), value.get("@value", ""), value.get("@language", value.get("@type", "")))

# --- writers over a kg.graph.TextIndex (what `kg build` writes from) -----------------------
# Same output, byte for byte, as turtle_fast / jsonld_fast over the rdflib graph of the same
# triples (tests/test_export.py compares them), with plain strings instead of rdflib terms.


def _turtle_text_index(index: TextIndex) -> bytes:
    terms = _TurtleTerms(STANDARD_PREFIXES)
    iri, iris = terms.iri, terms.iris
    escapes, xsd_string = _LITERAL_ESCAPES, str(_XSD_STRING)
    blocks: list[tuple[str, str]] = []
    for s, po in index.items():
        rows = []
        for p, objects in po.items():
            texts = []
            for o in objects:
                if type(o) is str:
                    text = iris.get(o) or iri(o)
                else:
                    lex, lang, dt = o
                    text = f'"{lex.translate(escapes)}"'
                    if lang:
                        text = f"{text}@{lang}"
                    elif dt and dt != xsd_string:
                        text = f"{text}^^{iris.get(dt) or iri(dt)}"
                texts.append(text)
            texts.sort()
            ptext = iris.get(p) or iri(p)
            if ptext == "rdf:type":
                rows.append((False, "a", texts))
            else:
                rows.append((True, ptext, texts))
        rows.sort()
        lines = [iris.get(s) or iri(s)]
        for n, (_, ptext, texts) in enumerate(rows):
            lines.append(f" ;\n    {ptext} " if n else f" {ptext} ")
            lines.append(" ,\n        ".join(texts))
        lines.append(" .\n")
        blocks.append((s, "".join(lines)))
    if index.statements:
        blocks.extend(_turtle_statements(index.statements, terms))
    blocks.sort(key=lambda b: b[0])
    header = [f"@prefix {p}: <{ns}> .\n" for p, ns in STANDARD_PREFIXES.items() if p in terms.used]
    body = "\n".join(b for _, b in blocks)
    return "".join([*header, "\n" if header else "", body]).encode("utf-8")


def _turtle_statements(rows: list[StatementText], terms: _TurtleTerms) -> Iterator[tuple[str, str]]:
    """(subject, Turtle block) of each statement row: the block ``_turtle_text_index`` writes
    for the same triples (``a`` first, then predicates and objects sorted by their text)."""
    iri, iris, escapes = terms.iri, terms.iris, _LITERAL_ESCAPES
    first = next(iter(statement_triples(rows[0])))
    head = f" a {iri(first[2])}"
    integer, decimal = f"^^{iri(str(XSD.integer))}", f"^^{iri(str(XSD.decimal))}"
    # the nine predicates every row has (as in statement_triples), in the order their text sorts
    ptexts = [iri(p) for _s, p, _o in list(statement_triples(rows[0]))[1:10]]
    plan = sorted((ptext, i) for i, ptext in enumerate(ptexts))
    plan_texts = [(f" ;\n    {ptext} ", i) for ptext, i in plan]
    for row in rows:
        # start, end and confidence are digits: nothing to escape
        values = (
            iris.get(row.subject) or iri(row.subject),
            iris.get(row.predicate) or iri(row.predicate),
            iris.get(row.object) or iri(row.object),
            iris.get(row.document) or iri(row.document),
            f'"{row.evidence.translate(escapes)}"@zh',
            f'"{row.start}"{integer}',
            f'"{row.end}"{integer}',
            f'"{row.rule.translate(escapes)}"',
            f'"{row.confidence}"{decimal}',
        )
        if not row.qualifiers:
            body = "".join([pre + values[i] for pre, i in plan_texts])
        else:
            grouped: dict[str, set[str]] = {ptext: {values[i]} for ptext, i in plan}
            for p, (lex, lang, dt) in row.qualifiers:
                value = f'"{lex.translate(escapes)}"'
                if lang:
                    value = f"{value}@{lang}"
                elif dt and dt != str(_XSD_STRING):
                    value = f"{value}^^{iris.get(dt) or iri(dt)}"
                grouped.setdefault(iris.get(p) or iri(p), set()).add(value)
            body = "".join(
                f" ;\n    {ptext} " + " ,\n        ".join(sorted(grouped[ptext])) for ptext in sorted(grouped)
            )
        yield row.iri, f"{iris.get(row.iri) or iri(row.iri)}{head}{body} .\n"


def _jsonld_text_index(index: TextIndex) -> bytes:
    prefixes, properties, classes = _jsonld_terms()
    compacted: dict[str, str] = {}

    def compact(iri: str) -> str:
        out = compacted.get(iri)
        if out is None:
            ns, local = _split_iri(iri)
            prefix = prefixes.get(ns)
            out = f"{prefix}:{local}" if prefix and local and not local.startswith("//") else iri
            compacted[iri] = out
        return out

    rdf_type, xsd_string = str(RDF.type), str(_XSD_STRING)
    by_predicate: dict[str, tuple[str, str | None]] = {}
    typed_keys: dict[tuple[str, str], str | None] = {}

    def entry(p: str, o: TextTerm) -> tuple[str, Any]:
        """The node key and value of one (predicate, object) other than rdf:type."""
        info = by_predicate.get(p)
        if info is None:
            info = by_predicate[p] = (properties.get((p, None)) or compact(p), properties.get((p, "@id")))
        plain_key, id_key = info
        if type(o) is str:
            return (id_key, compact(o)) if id_key else (plain_key, {"@id": compact(o)})
        lex, lang, dt = o
        if lang:
            return plain_key, {"@language": lang, "@value": lex}
        if dt and dt != xsd_string:
            tk = (p, dt)
            if tk in typed_keys:
                typed = typed_keys[tk]
            else:
                typed = typed_keys[tk] = properties.get(tk)
            return (typed, lex) if typed else (plain_key, {"@type": compact(dt), "@value": lex})
        return plain_key, lex

    def node_object(s: str, types: list[str], node: dict[str, list[Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {"@id": compact(s)}
        if types:
            types.sort()
            out["@type"] = types[0] if len(types) == 1 else types
        for key in sorted(node):
            values = node[key]
            if len(values) == 1:
                out[key] = values[0]
            else:
                values.sort(key=_json_sort_key)
                out[key] = values
        return out

    nodes = []
    for s, po in index.items():
        node: dict[str, list[Any]] = {}
        types: list[str] = []
        for p, objects in po.items():
            if p == rdf_type:
                types.extend(classes.get(o) or compact(o) for o in objects if type(o) is str)
                objects = [o for o in objects if type(o) is not str]
            for o in objects:
                key, value = entry(p, o)
                values = node.get(key)
                if values is None:
                    node[key] = [value]
                else:
                    values.append(value)
        nodes.append(node_object(s, types, node))
    rows = index.statements
    if rows:
        # every row has the same nine predicates with the same kinds of object: their keys, in
        # sorted order, are those of the first row; a row with qualifiers is merged generically
        fixed = list(statement_triples(rows[0]))
        statement_type = classes.get(fixed[0][2]) or compact(fixed[0][2])
        preds = [p for _s, p, _o in fixed[1:10]]
        keys = [entry(p, o)[0] for _s, p, o in fixed[1:10]]
        order = sorted(range(9), key=keys.__getitem__)
        ordered_keys = [keys[i] for i in order]
        for row in rows:
            values = (row.subject, row.predicate, row.object, row.document, (row.evidence, "zh", ""),
                      (row.start, "", _INTEGER), (row.end, "", _INTEGER), (row.rule, "", ""),
                      (row.confidence, "", _DECIMAL))
            if not row.qualifiers:
                out = {"@id": compact(row.iri), "@type": statement_type}
                for key, i in zip(ordered_keys, order, strict=True):
                    out[key] = entry(preds[i], values[i])[1]
                nodes.append(out)
                continue
            node = {}
            for p, o in zip(preds, values, strict=True):
                node[entry(p, o)[0]] = [entry(p, o)[1]]
            for p, o in dict.fromkeys(row.qualifiers):
                key, value = entry(p, o)
                node.setdefault(key, []).append(value)
            nodes.append(node_object(row.iri, [statement_type], node))
    nodes.sort(key=lambda n: n["@id"])
    return _json_graph(nodes)


# --- type filter ----------------------------------------------------------------------------


def _entity_types(graph: Graph) -> dict[Any, tuple[str, str]]:
    """entity node -> (type, subtype or "")."""
    out: dict[Any, tuple[str, str]] = {}
    for cls, name in _ENTITY_CLASSES.items():
        for node in graph.subjects(RDF.type, cls):
            out.setdefault(node, (name, ""))
    for cls, name in _SUBTYPE_CLASSES.items():
        for node in graph.subjects(RDF.type, cls):
            if node in out and not out[node][1]:
                out[node] = (out[node][0], name)
    return out


def _check_types(types: Iterable[str] | None) -> set[str] | None:
    if types is None:
        return None
    wanted = {t.strip() for t in types if t and t.strip()}
    if not wanted:
        return None
    known = {t.lower(): t for t in (*ENTITY_TYPES, *ORG_SUBTYPES)}
    unknown = sorted(t for t in wanted if t.lower() not in known)
    if unknown:
        raise KGError(f"unknown entity type {', '.join(unknown)}; known: {', '.join(known.values())}")
    return {known[t.lower()] for t in wanted}


def _included(types: set[str] | None, kinds: dict[Any, tuple[str, str]]) -> set[Any]:
    if types is None:
        return set(kinds)
    return {node for node, (kind, sub) in kinds.items() if kind in types or sub in types}


def filter_types(graph: Graph, types: Iterable[str] | None) -> Graph:
    """The part of ``graph`` about entities of ``types`` (main types or organisation subtypes):
    their descriptions, the relations (and reified statements) among them, and the documents."""
    wanted = _check_types(types)
    if wanted is None:
        return graph
    kinds = _entity_types(graph)
    keep = _included(wanted, kinds)
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    out = bind_prefixes(Graph())
    for s, p, o in graph:
        if s in kinds:
            if s in keep and (o not in kinds or o in keep):
                out.add((s, p, o))
        elif s in statements:
            if graph.value(s, RDF.subject) in keep and graph.value(s, RDF.object) in keep:
                out.add((s, p, o))
        else:
            out.add((s, p, o))
    return out


# --- networks -------------------------------------------------------------------------------


def _first(graph: Graph, node: Any, *predicates: Any) -> str:
    for predicate in predicates:
        values = sorted(str(v) for v in graph.objects(node, predicate))
        if values:
            return values[0]
    return ""


def to_networkx(graph: Graph, include_types: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """One node per entity (label, type, subtype, aliases, iri, mentions) and one edge per
    relation triple (predicate, evidence, confidence, statements), keyed by predicate."""
    wanted = _check_types(include_types)
    kinds = _entity_types(graph)
    keep = _included(wanted, kinds)
    import networkx as nx

    net = nx.MultiDiGraph()
    for node in sorted(keep, key=str):
        kind, sub = kinds[node]
        net.add_node(
            str(node),
            label=_first(graph, node, SKOS.prefLabel, RDFS.label) or str(node),
            type=kind,
            subtype=sub,
            aliases="|".join(sorted({str(a) for a in graph.objects(node, SKOS.altLabel)})),
            iri=str(node),
            mentions=len(set(graph.objects(node, KG.mentionedIn))),
        )
    support: dict[tuple[Any, Any, Any], list[tuple[str, float, str]]] = defaultdict(list)
    for st in graph.subjects(RDF.type, RDF.Statement):
        key = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        confidence = graph.value(st, KG.confidence)
        doc = graph.value(st, PROV.wasDerivedFrom)
        support[key].append(
            (
                _first(graph, st, KG.evidence),
                float(confidence.toPython()) if isinstance(confidence, Literal) else 0.0,
                _first(graph, doc, DCTERMS.title) if doc is not None else "",
            )
        )
    edges = [(s, p, o) for p in _RELATIONS for s, o in graph.subject_objects(p) if s in keep and o in keep]
    for s, p, o in sorted(edges, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        stated = sorted(support.get((s, p, o), []), key=lambda x: (-x[1], x[0]))
        net.add_edge(
            str(s),
            str(o),
            key=_RELATIONS[p],
            label=_RELATIONS[p],
            predicate=_RELATIONS[p],
            evidence=stated[0][0] if stated else "",
            confidence=stated[0][1] if stated else 0.0,
            statements=len(stated),
            weight=float(max(1, len(stated))),
            documents="|".join(sorted({d for _, _, d in stated if d})),
        )
    return net


def write_csv(
    graph: Graph, path: str | os.PathLike[str], include_types: Iterable[str] | None = None
) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv``.

    ``path`` is a directory (existing, ending in a separator, or without suffix) that receives
    ``nodes.csv`` and ``edges.csv``, or a file name such as ``out/graph.csv`` used as a prefix
    (``out/graph.nodes.csv``, ``out/graph.edges.csv``). Text cells that a spreadsheet would run
    as a formula (starting with = + - @) get a leading single quote.
    """
    target = Path(path)
    if target.is_dir() or str(path).endswith(("/", os.sep)) or not target.suffix:
        nodes_path, edges_path = target / "nodes.csv", target / "edges.csv"
    else:
        stem = target.with_suffix("") if target.suffix.lower() == ".csv" else target
        nodes_path, edges_path = Path(f"{stem}.nodes.csv"), Path(f"{stem}.edges.csv")
    net = to_networkx(graph, include_types)
    node_fields = ["id", "label", "type", "subtype", "aliases", "mentions"]
    edge_fields = [
        "source",
        "target",
        "predicate",
        "source_label",
        "target_label",
        "evidence",
        "confidence",
        "statements",
        "documents",
    ]
    nodes = [
        [n, d["label"], d["type"], d["subtype"], d["aliases"], d["mentions"]] for n, d in net.nodes(data=True)
    ]
    edges = [
        [
            u,
            v,
            d["predicate"],
            net.nodes[u]["label"],
            net.nodes[v]["label"],
            d["evidence"],
            d["confidence"],
            d["statements"],
            d["documents"],
        ]
        for u, v, d in net.edges(data=True)
    ]
    atomic_write(nodes_path, _csv_text(node_fields, nodes))
    atomic_write(edges_path, _csv_text(edge_fields, edges))
    return [nodes_path, edges_path]


def _csv_text(header: list[str], rows: list[list[Any]]) -> str:
    from kg.sparql import neutralise_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise_cell(v) if isinstance(v, str) else v for v in row])
    return buffer.getvalue()


def _network_bytes(net: nx.MultiDiGraph, fmt: str) -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(net, buffer, encoding="utf-8", prettyprint=True, named_key_ids=True)
    else:
        nx.write_gexf(net, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


# --- entry points ---------------------------------------------------------------------------


def export_graph(
    graph: Graph,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    include_types: Iterable[str] | None = None,
    graph_iri: str = DEFAULT_GRAPH_IRI,
) -> list[Path]:
    """Write ``graph`` as ``fmt`` (one of EXPORT_FORMATS) to ``path``; returns the files written.

    ``include_types`` (e.g. ``["Organization", "Project"]``) keeps only entities of those types
    and the relations among them.
    """
    if fmt not in EXPORT_FORMATS:
        raise KGError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    types = list(include_types) if include_types is not None else None
    if fmt == "html":
        try:
            from kg.html import write_html
        except ImportError as exc:
            raise KGError(f"HTML export is not available: {exc}") from exc
        write_html(graph, path, include_types=_check_types(types))
        return [Path(path)]
    if fmt == "csv":
        return write_csv(graph, path, types)
    if fmt in ("graphml", "gexf"):
        return [atomic_write(path, _network_bytes(to_networkx(graph, types), fmt))]
    subset = filter_types(graph, types)
    if fmt == "turtle":
        data = serialize_turtle(subset)
    elif fmt == "nt":
        data = serialize_ntriples(subset)
    elif fmt == "trig":
        data = serialize_trig(subset, graph_iri)
    else:
        data = serialize_jsonld(subset)
    return [atomic_write(path, data)]


def push_graph(
    graph: Graph,
    endpoint: str,
    *,
    graph_iri: str | None = None,
    replace: bool = True,
    timeout: float = 120.0,
) -> int:
    """Load ``graph`` into a SPARQL 1.1 store with the Graph Store HTTP Protocol.

    ``endpoint`` is the store's graph-store URL (Oxigraph: ``http://HOST:PORT/store``). The
    triples go to the default graph, or to ``graph_iri``; PUT replaces that graph's content,
    POST (``replace=False``) adds to it. Returns the HTTP status.
    """
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https"):
        raise KGError(f"{endpoint}: endpoint URL must start with http:// or https://")
    if graph_iri is not None and (not graph_iri or any(c in graph_iri for c in ' <>"{}|^`\\')):
        raise KGError(f"not a valid graph IRI: {graph_iri!r}")
    selector = "default" if graph_iri is None else "graph=" + urllib.parse.quote(graph_iri, safe="")
    url = endpoint + ("&" if parts.query else "?") + selector
    request = urllib.request.Request(
        url,
        data=serialize_turtle(graph),
        method="PUT" if replace else "POST",
        headers={"Content-Type": "text/turtle; charset=utf-8", "User-Agent": "kg-push"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise KGError(f"{endpoint}: HTTP {exc.code} {exc.reason}: {detail[0] if detail else ''}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise KGError(f"{endpoint}: cannot reach the store: {getattr(exc, 'reason', exc)}") from exc
