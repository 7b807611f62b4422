"""SPARQL over kg graphs: ad-hoc and named queries, parameters, timeouts, remote endpoints, output formats.

Three engines answer the same queries with the same results:

* an in-memory rdflib graph (rdflib's SPARQL engine),
* an rdflib graph backed by an Oxigraph store (``kg.store.open_store("oxigraph:DIR")``): the
  query runs natively in Oxigraph,
* a remote SPARQL 1.1 endpoint (``Endpoint(url)``), over plain HTTP with urllib.

Parameters are always bound as RDF terms, never formatted into query text: rdflib gets
``initBindings``, Oxigraph gets ``substitutions`` (SPARQL SEP-0007). A remote endpoint has no
binding mechanism in the SPARQL 1.1 protocol, so for it the query is rewritten on its *tokens*
the way SEP-0007 defines substitution (each ``?var`` token outside strings, IRIs and comments
becomes the term in N-Triples syntax; a projected ``?var`` becomes ``(term AS ?var)``), and the
result is re-parsed to check it is still the same kind of query.

Queries are read-only unless ``allow_update=True``; updates are recognised by parsing (a text
that is not a query but parses as a SPARQL Update), not by looking for keywords.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import threading
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

from pyparsing import ParseResults
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier, Node

from kg.errors import QueryError
from kg.store import STANDARD_PREFIXES, bind_prefixes, is_oxigraph

__all__ = [
    "FORMATS",
    "Endpoint",
    "NamedQuery",
    "Param",
    "QueryResult",
    "classify",
    "format_result",
    "get_named_query",
    "named_queries",
    "query_rows",
    "run_endpoint_query",
    "run_named",
    "run_query",
    "to_term",
    "with_lookup_forms",
]

FORMATS = ("table", "csv", "tsv", "json", "turtle")
_KINDS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}

_REFUSED = (
    "refusing to run a SPARQL Update (INSERT/DELETE/LOAD/CLEAR/DROP/CREATE…); "
    "queries are read-only unless updates are allowed (--allow-update)"
)
_QUERY_TYPE = "application/sparql-query; charset=utf-8"

T = TypeVar("T")


# --- results --------------------------------------------------------------------------------


@dataclass
class QueryResult:
    """A fully materialised query answer (rows are rdflib terms; None = unbound)."""

    type: str  # SELECT, ASK, CONSTRUCT, DESCRIBE or UPDATE
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def __len__(self) -> int:
        if self.graph is not None:
            return len(self.graph)
        return len(self.rows)

    def dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (IRIs as str, typed literals as int/float/str/date…)."""
        if self.type == "ASK":
            return [{"boolean": bool(self.boolean)}]
        if self.graph is not None:
            return [
                {"subject": python_value(s), "predicate": python_value(p), "object": python_value(o)}
                for s, p, o in sorted(self.graph)
            ]
        return [{v: python_value(t) for v, t in zip(self.vars, row, strict=True)} for row in self.rows]


def python_value(term: Node | None) -> Any:
    """The plain Python value of an RDF term (xsd:decimal becomes float)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, Literal):  # unknown datatype: keep the lexical form
            return str(value)
        return value
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


# --- named queries --------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    optional: bool = False


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``kg/queries/NAME.rq``; its header comments declare name, description, params."""

    name: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    path: str

    @property
    def hidden(self) -> bool:
        return self.name.startswith("_")


_PARAM = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(([^)]*)\)")


def _parse_named(text: str, path: str) -> NamedQuery:
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*(name|description|params)\s*:\s*(.*)$", line)
        if m:
            fields[m.group(1)] = m.group(2).strip()
    stem = os.path.splitext(os.path.basename(path))[0]
    name = fields.get("name", stem)
    if name != stem:
        raise QueryError(f"{path}: '# name: {name}' does not match the file name")
    params = tuple(
        Param(p, d.strip(), d.strip().lower().startswith("optional"))
        for p, d in _PARAM.findall(fields.get("params", ""))
    )
    return NamedQuery(name, fields.get("description", ""), params, text, path)


# An Oxigraph variant of a named query, NAME.oxigraph.rq: the same rows written so that
# Oxigraph's planner hash-joins corpus-wide lookups (see _oxigraph_text).
_OXIGRAPH_VARIANT = ".oxigraph.rq"


@cache
def _load_named() -> dict[str, NamedQuery]:
    found: dict[str, NamedQuery] = {}
    for entry in sorted(resources.files("kg.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq") and not entry.name.endswith(_OXIGRAPH_VARIANT):
            nq = _parse_named(entry.read_text(encoding="utf-8"), str(entry))
            found[nq.name] = nq
    return found


@cache
def _oxigraph_variants() -> dict[str, str]:
    """The text of each named query that has an Oxigraph variant -> the variant's text."""
    out: dict[str, str] = {}
    named = _load_named()
    for entry in resources.files("kg.queries").iterdir():
        if entry.name.endswith(_OXIGRAPH_VARIANT):
            name = entry.name[: -len(_OXIGRAPH_VARIANT)]
            if name not in named:
                raise QueryError(f"{entry}: no named query {name!r} for this Oxigraph variant")
            out[named[name].sparql] = entry.read_text(encoding="utf-8")
    return out


def _oxigraph_text(sparql: str) -> str:
    """The text Oxigraph runs for ``sparql``: its variant when it is a named query that has one.

    Oxigraph evaluates an OPTIONAL or a join whose right side is a plain pattern as a nested
    loop (index lookups per row: fast for one entity, seconds for a corpus-wide table at 1M
    triples, where every lookup on the RocksDB store costs 5-15 µs) and a subquery as a hash
    join over one evaluation of it (a few index scans). rdflib evaluates a subquery with the
    outer row's bindings instead, where the same text is slower or (joined subqueries) wrong,
    so the corpus-wide queries keep their portable text in NAME.rq and have a variant with
    subqueries for Oxigraph in NAME.oxigraph.rq. Tests check that both give the same rows and
    that a variant keeps the header, projection and ORDER BY of its query.
    """
    return _oxigraph_variants().get(sparql, sparql)


def named_queries(include_hidden: bool = False) -> dict[str, NamedQuery]:
    """The named queries by name (``_``-prefixed helpers only with include_hidden)."""
    return {n: q for n, q in _load_named().items() if include_hidden or not q.hidden}


def get_named_query(name: str) -> NamedQuery:
    queries = _load_named()
    if name not in queries:
        known = ", ".join(named_queries())
        raise QueryError(f"unknown named query {name!r}; known: {known}")
    return queries[name]


# --- parameters -----------------------------------------------------------------------------

_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_IRI_LIKE = re.compile(r"^(?:https?://|urn:|file:|mailto:)", re.IGNORECASE)
_VAR_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def to_term(value: Any) -> Identifier:
    """An RDF term for a parameter value.

    rdflib terms pass through; ``"<…>"`` and strings starting with http(s)://, urn:, file: or
    mailto: become IRIs; other strings become plain literals (compare with STR() in queries so
    @zh-tagged labels match too); bool/int/float/Decimal/date become typed literals.
    """
    if isinstance(value, URIRef):
        return _check_iri(str(value))
    if isinstance(value, Identifier):
        return value
    if isinstance(value, str):
        if len(value) > 2 and value.startswith("<") and value.endswith(">"):
            return _check_iri(value[1:-1])
        if _IRI_LIKE.match(value) and not any(ch.isspace() for ch in value):
            return _check_iri(value)
        return Literal(value)
    if value is None:
        raise QueryError("a parameter value cannot be None")
    return Literal(value)


def _check_iri(iri: str) -> URIRef:
    if not iri or _BAD_IRI_CHARS.search(iri):
        raise QueryError(f"not a valid IRI parameter: {iri!r}")
    return URIRef(iri)


def _bindings(params: Mapping[str, Any] | None) -> dict[str, Identifier]:
    out: dict[str, Identifier] = {}
    for key, value in (params or {}).items():
        name = key.lstrip("?$")
        if not _VAR_NAME.match(name):
            raise QueryError(f"not a valid parameter name: {key!r}")
        out[name] = to_term(value)
    return out


# --- parsing --------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def classify(sparql: str) -> tuple[str, Query | None]:
    """The kind of ``sparql`` (SELECT/ASK/CONSTRUCT/DESCRIBE/UPDATE) and its parsed form.

    Raises QueryError for text that is neither a query nor an update. Cached: parsing with
    rdflib's pyparsing grammar costs tens of milliseconds, more than most kg queries take to
    run, and a prepared query can be evaluated any number of times.
    """
    if not sparql.strip():
        raise QueryError("empty query")
    try:
        prepared = prepareQuery(sparql, initNs=STANDARD_PREFIXES)
    except Exception as query_exc:
        try:
            update = parseUpdate(sparql)
        except Exception:
            raise QueryError(f"SPARQL syntax error: {_first_line(query_exc)}") from query_exc
        if "request" not in update:  # only a prologue or comments: not an update either
            raise QueryError(f"SPARQL syntax error: {_first_line(query_exc)}") from query_exc
        return "UPDATE", None
    return _KINDS.get(prepared.algebra.name, prepared.algebra.name), prepared


def _projected(prepared: Query) -> set[str]:
    return {str(v) for v in prepared.algebra.get("PV", [])}


def _lazy_joins(prepared: Query) -> Query:
    """Make rdflib evaluate every join of ``prepared`` as a nested loop.

    rdflib joins two patterns lazily (the left side's bindings are fed into the right side,
    so ``?st rdf:object ?target`` becomes an index lookup) only when neither side contains
    another join; otherwise it evaluates the right side on its own (say, every relation of the
    graph) and hash-joins: seconds instead of milliseconds on a 10k-triple graph. The nested
    loop gives the same answer unless a right-hand side filters on a variable bound only on
    the left, which kg's named queries never do; tests compare every named query's rows with
    Oxigraph's. Only applied to the named queries, never to ad-hoc SPARQL.
    """
    stack: list[Any] = [prepared.algebra]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "Join":
                node["lazy"] = True
            stack.extend(node.values())
        elif isinstance(node, list | tuple | ParseResults):
            stack.extend(node)
    return prepared


def _prepare_named(nq: NamedQuery) -> None:
    _kind, prepared = classify(nq.sparql)
    if prepared is not None:
        _lazy_joins(prepared)


# --- timeouts -------------------------------------------------------------------------------


def _with_deadline(fn: Callable[[], T], timeout: float | None, *, isolate: bool) -> T:
    """Run ``fn`` with a deadline of ``timeout`` seconds (None: no deadline, run inline).

    rdflib evaluates SPARQL in pure Python and offers no way to interrupt a query, and a
    Python thread cannot be killed. So when ``isolate`` is set (an in-memory rdflib graph) the
    query runs in a *forked worker process*: the child shares the parent's graph copy-on-write
    (no pickling of the graph), sends the materialised rows back through a pipe, and is killed
    at the deadline, so a runaway query stops using CPU at once. An Oxigraph-backed graph must
    not be used across fork (its RocksDB handles and threads do not survive it) and a remote
    request only waits on the network, so those run in a *daemon worker thread*: on timeout
    the caller gets QueryError immediately and the abandoned thread finishes (or dies with the
    process) in the background. Platforms without fork use the thread as well.
    """
    if timeout is None:
        return fn()
    if timeout <= 0:
        raise QueryError("timeout must be positive")
    if isolate and "fork" in multiprocessing.get_all_start_methods():
        return _in_process(fn, timeout)
    return _in_thread(fn, timeout)


def _in_thread(fn: Callable[[], T], timeout: float) -> T:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=target, name="kg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"query timed out after {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


def _in_process(fn: Callable[[], T], timeout: float) -> T:
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)

    def target() -> None:
        try:
            message: tuple[str, Any] = ("ok", fn())
        except QueryError as exc:
            message = ("error", str(exc))
        except BaseException as exc:
            message = ("error", f"{type(exc).__name__}: {_first_line(exc)}")
        try:
            sender.send(message)
        except Exception as exc:  # unpicklable value
            sender.send(("error", f"cannot return the result: {exc}"))
        sender.close()

    worker = ctx.Process(target=target, name="kg-query", daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(f"query timed out after {timeout:g} s")
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise QueryError("the query worker died without an answer") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if status == "error":
        raise QueryError(payload)
    return payload


# --- local execution ------------------------------------------------------------------------


def run_query(
    graph: Graph,
    sparql: str,
    *,
    params: Mapping[str, Any] | None = None,
    allow_update: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Run one SPARQL query (or, with allow_update, an update) on ``graph``.

    ``params`` bind query variables by name to RDF terms (see to_term). Default prefixes
    (kg:, rdfs:, skos:, rorg:, …) are available without PREFIX declarations.
    """
    bindings = _bindings(with_lookup_forms(sparql, params))
    kind, prepared = classify(sparql)
    if kind == "UPDATE":
        if not allow_update:
            raise QueryError(_REFUSED)
        return _with_deadline(lambda: _update(graph, sparql, bindings), timeout, isolate=False)
    assert prepared is not None
    isolate = not is_oxigraph(graph)
    return _with_deadline(
        lambda: _evaluate(graph, sparql, prepared, kind, bindings), timeout, isolate=isolate
    )


def _update(graph: Graph, sparql: str, bindings: dict[str, Identifier]) -> QueryResult:
    try:
        graph.update(sparql, initNs=STANDARD_PREFIXES, initBindings=bindings or None)
    except Exception as exc:
        raise QueryError(f"update failed: {_first_line(exc)}") from exc
    return QueryResult("UPDATE")


def _evaluate(
    graph: Graph, sparql: str, prepared: Query, kind: str, bindings: dict[str, Identifier]
) -> QueryResult:
    try:
        if is_oxigraph(graph):
            # Oxigraph binds by SEP-0007 substitution, which needs the variables projected by a
            # SELECT; otherwise rdflib's engine evaluates the query over the Oxigraph store.
            # Other bindings are substituted into the query text (on its tokens, as for
            # endpoints), which Oxigraph then runs natively.
            try:
                native_text = _oxigraph_text(sparql)
                if not bindings or (kind == "SELECT" and set(bindings) <= _projected(prepared)):
                    text, substitutions = native_text, bindings
                else:
                    text, substitutions = substitute(native_text, bindings), {}
                if kind == "SELECT" and not graph.default_union:
                    order = _python_order(sparql, prepared)
                    if order is None:
                        return _oxigraph_select(graph, text, substitutions)
                    stripped = _TRAILING_ORDER.sub("\n", text)
                    return _sort_rows(_oxigraph_select(graph, stripped, substitutions), order)
                native = graph.query(text, initNs=STANDARD_PREFIXES, initBindings=substitutions)
                return _materialise(native, kind)
            except Exception:  # an rdflib extension Oxigraph does not know: use rdflib
                pass
            return _materialise(graph.query(prepared, initBindings=bindings, use_store_provided=False), kind)
        return _materialise(graph.query(prepared, initBindings=bindings), kind)
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"query failed: {_first_line(exc)}") from exc


# A named query's final ORDER BY of plain variables (no LIMIT/OFFSET after it): Oxigraph
# compares IRIs and strings by reading them from the store at every comparison, so sorting
# 16,000 rows took 3 s at 1M triples; Python sorts the converted rows in milliseconds.
_TRAILING_ORDER = re.compile(
    r"\n\s*ORDER\s+BY((?:\s+(?:[?$]\w+|(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)))+)\s*$", re.IGNORECASE
)
_ORDER_KEY = re.compile(r"(ASC|DESC)?\s*\(?\s*[?$](\w+)", re.IGNORECASE)


def _python_order(sparql: str, prepared: Query) -> list[tuple[str, bool]] | None:
    """The (variable, descending) sort keys of a named query whose last clause is ``ORDER BY``
    of projected variables, or None (then Oxigraph sorts). Ad-hoc queries are never touched."""
    if sparql not in _named_texts():
        return None
    m = _TRAILING_ORDER.search(sparql)
    if m is None:
        return None
    keys = [(var, (word or "").upper() == "DESC") for word, var in _ORDER_KEY.findall(m.group(1))]
    projected = _projected(prepared)
    return keys if keys and all(var in projected for var, _ in keys) else None


@cache
def _named_texts() -> frozenset[str]:
    return frozenset(nq.sparql for nq in _load_named().values())


_NUMERIC_TYPES = frozenset(
    str(XSD[t])
    for t in (
        "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
        "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
)


def _order_key(term: Node | None) -> tuple[Any, ...]:
    """SPARQL ORDER BY as Oxigraph applies it: unbound < blank nodes (all equal) < IRIs <
    literals; numbers numerically, other literals by (lexical form, datatype, language)."""
    if term is None:
        return (0,)
    if isinstance(term, BNode):
        return (1,)
    if isinstance(term, URIRef):
        return (2, str(term))
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else ""
        if datatype in _NUMERIC_TYPES:
            try:
                return (3, 0, float(str(term)), "", "")
            except ValueError:
                pass
        if term.language:
            datatype = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
        return (3, 1, str(term), datatype or str(XSD.string), term.language or "")
    return (4, str(term))


def _sort_rows(result: QueryResult, order: list[tuple[str, bool]]) -> QueryResult:
    """Sort ``result`` by the keys, first key first (stable passes from the last key)."""
    rows = list(result.rows)
    for var, descending in reversed(order):
        at = result.vars.index(var)
        rows.sort(key=lambda row, at=at: _order_key(row[at]), reverse=descending)
    result.rows = rows
    return result


def _oxigraph_select(graph: Graph, text: str, bindings: Mapping[str, Identifier]) -> QueryResult:
    """A SELECT run by the Oxigraph store under ``graph`` (as oxrdflib's ``Graph.query`` would run
    it), with the solutions converted to rdflib terms here: each distinct term once, and literals
    built from their parts (oxrdflib converts every cell anew, which took two thirds of the time
    of a query returning a few hundred rows on a million triples)."""
    import pyoxigraph as ox
    from oxrdflib._converter import to_ox

    store = graph.store
    prefixes = dict(getattr(store, "_namespace_for_prefix", {}), **STANDARD_PREFIXES)
    result = store._inner.query(  # type: ignore[attr-defined]
        text,
        default_graph=to_ox(graph.identifier),
        prefixes=prefixes,
        substitutions={ox.Variable(k): to_ox(v) for k, v in bindings.items()},
    )
    xsd_string = str(XSD.string)
    terms: dict[Any, Node | None] = {}

    def convert(value: Any) -> Node | None:
        if value is None:
            return None
        term = terms.get(value)
        if term is None:
            if isinstance(value, ox.NamedNode):
                term = _iri(value.value)
            elif isinstance(value, ox.BlankNode):
                term = BNode(value.value)
            elif isinstance(value, ox.Literal):
                if value.language:
                    term = _text_literal(value.value, value.language)
                elif value.datatype.value == xsd_string:
                    term = _text_literal(value.value, None)
                else:
                    term = Literal(value.value, datatype=URIRef(value.datatype.value))
            else:  # RDF-star triple terms
                from oxrdflib._converter import from_ox

                term = _plain(from_ox(value))
            terms[value] = term
        return term

    variables = [v.value for v in result.variables]
    rows = [tuple(convert(value) for value in solution) for solution in result]
    return QueryResult("SELECT", vars=variables, rows=rows)


def _iri(value: str) -> URIRef:
    """URIRef(value) for an IRI Oxigraph has already validated, without rdflib's check."""
    return str.__new__(URIRef, value)


def _text_literal(lexical: str, lang: str | None) -> Literal:
    """``Literal(lexical, lang=lang)`` for a plain or language-tagged string read from Oxigraph
    (which has checked the tag), built without rdflib's validation and casting: 10-15 µs a
    literal, most of the Python time of a query returning thousands of labels and sentences.
    The slots are what rdflib's constructor sets for such a string (tests compare the two)."""
    term = str.__new__(Literal, lexical)
    term._language = lang
    term._datatype = None
    term._value = lexical
    term._ill_typed = None
    return term


def _plain(term: Any) -> Any:
    """Oxigraph returns simple literals typed xsd:string explicitly; rdflib treats those as
    different terms from the plain literals kg writes, so normalise them."""
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


def _materialise(result: Any, kind: str) -> QueryResult:
    if kind == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if kind in ("CONSTRUCT", "DESCRIBE"):
        out = bind_prefixes(Graph())
        for s, p, o in result.graph:
            out.add((s, p, _plain(o)))
        return QueryResult(kind, graph=out)
    variables = [str(v) for v in result.vars or []]
    rows = [tuple(_plain(t) for t in row) for row in result]
    return QueryResult("SELECT", vars=variables, rows=rows)


# --- remote endpoints -----------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL 1.1 Protocol endpoint, e.g. ``http://127.0.0.1:7878/query`` for Oxigraph."""

    url: str
    timeout: float = 60.0


def run_endpoint_query(
    endpoint: Endpoint | str,
    sparql: str,
    *,
    params: Mapping[str, Any] | None = None,
    allow_update: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Run a query on a remote SPARQL endpoint (POST application/sparql-query, results JSON)."""
    if isinstance(endpoint, str):
        endpoint = Endpoint(endpoint)
    scheme = urllib.parse.urlsplit(endpoint.url).scheme
    if scheme not in ("http", "https"):
        raise QueryError(f"{endpoint.url}: endpoint URL must start with http:// or https://")
    bindings = _bindings(with_lookup_forms(sparql, params))
    try:
        kind, _prepared = classify(sparql)
    except QueryError:
        kind = ""  # a dialect rdflib does not parse: let the server judge (sent as a query, never an update)
    if kind == "UPDATE":
        if not allow_update:
            raise QueryError(_REFUSED)
        if bindings:
            raise QueryError("parameters are not supported for updates sent to an endpoint")
        text = _with_prefixes(sparql)
        return _with_deadline(lambda: _http_sparql(endpoint, text, "UPDATE", timeout), timeout, isolate=False)
    text = _with_prefixes(substitute(sparql, bindings)) if bindings else _with_prefixes(sparql)
    if bindings and kind:
        new_kind, _ = classify(text)
        if new_kind != kind:
            raise QueryError("binding the parameters would change the kind of query")
    return _with_deadline(lambda: _http_sparql(endpoint, text, kind, timeout), timeout, isolate=False)


def _http_sparql(endpoint: Endpoint, text: str, kind: str, timeout: float | None) -> QueryResult:
    if kind == "UPDATE":
        content_type, accept = "application/sparql-update; charset=utf-8", "*/*"
    elif kind in ("CONSTRUCT", "DESCRIBE"):
        content_type, accept = _QUERY_TYPE, "application/n-triples, text/turtle;q=0.9"
    elif kind:
        content_type, accept = _QUERY_TYPE, "application/sparql-results+json"
    else:
        content_type = _QUERY_TYPE
        accept = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
    request = urllib.request.Request(
        endpoint.url,
        data=text.encode("utf-8"),
        method="POST",
        headers={"Content-Type": content_type, "Accept": accept, "User-Agent": "kg-query"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout or endpoint.timeout) as response:
            body = response.read()
            media = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()
        raise QueryError(f"{endpoint.url}: HTTP {exc.code} {exc.reason}: {_first_line(detail)}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise QueryError(f"{endpoint.url}: cannot reach the endpoint: {reason}") from exc
    if kind == "UPDATE":
        return QueryResult("UPDATE")
    if media in ("application/sparql-results+json", "application/json"):
        return _from_results_json(json.loads(body.decode("utf-8")))
    fmt = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}.get(media)
    if fmt is None:
        raise QueryError(f"{endpoint.url}: unexpected response type {media}")
    graph = bind_prefixes(Graph())
    graph.parse(data=body.decode("utf-8"), format=fmt)
    return QueryResult(kind or "CONSTRUCT", graph=graph)


def _from_results_json(data: Mapping[str, Any]) -> QueryResult:
    if "boolean" in data:
        return QueryResult("ASK", boolean=bool(data["boolean"]))
    variables = list(data.get("head", {}).get("vars", []))
    rows = [
        tuple(_json_term(binding.get(v)) for v in variables)
        for binding in data.get("results", {}).get("bindings", [])
    ]
    return QueryResult("SELECT", vars=variables, rows=rows)


def _json_term(value: Mapping[str, Any] | None) -> Node | None:
    if value is None:
        return None
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        if value.get("xml:lang"):
            return Literal(text, lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != str(XSD.string):
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    return Literal(json.dumps(value, ensure_ascii=False))  # RDF-star triple terms: shown as JSON


_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
   |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
   |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
   |(?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
   |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
   |(?P<ws>\s+)
   |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokens(sparql: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "other", m.group()) for m in _TOKEN.finditer(sparql)]


def substitute(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """Substitute variables by RDF terms on the query's tokens (SEP-0007), for remote endpoints.

    Only ``?var``/``$var`` tokens change; strings, IRIs and comments are never touched, and a
    term is written in N-Triples syntax with every special character escaped, so a value can
    not alter the query's structure. ``BOUND(?var)`` becomes ``true``; a projected variable
    becomes ``(term AS ?var)``; a variable assigned in the query (AS ?var) cannot be bound.
    """
    tokens = _tokens(sparql)
    out: list[str] = []
    depth = 0
    select_depth: int | None = None  # paren depth of the SELECT clause being read
    significant: list[str] = []  # previous significant tokens (upper-cased words / punctuation)
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind in ("ws", "comment"):
            out.append(text)
            i += 1
            continue
        upper = text.upper()
        if kind == "word" and upper == "SELECT":
            select_depth = depth
        elif (
            select_depth is not None
            and depth == select_depth
            and ((kind == "word" and upper in ("WHERE", "FROM")) or text == "{")
        ):
            select_depth = None
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        if kind == "var" and text[1:] in bindings:
            name = text[1:]
            term = _nt(bindings[name])
            if significant and significant[-1] == "AS":
                raise QueryError(f"cannot bind ?{name}: the query assigns it (AS ?{name})")
            if significant[-2:] == ["BOUND", "("]:
                # BOUND(?x) with ?x bound is true: drop "BOUND(" already written, skip ")"
                while out and out[-1] != "(":
                    out.pop()
                out.pop()
                while out and not out[-1].strip():
                    out.pop()
                out.pop()  # BOUND
                j = i + 1
                while j < len(tokens) and tokens[j][0] in ("ws", "comment"):
                    j += 1
                if j >= len(tokens) or tokens[j][1] != ")":
                    raise QueryError(f"cannot bind ?{name} inside BOUND()")
                out.append("true")
                depth -= 1
                significant.append(")")
                i = j + 1
                continue
            if select_depth is not None and depth == select_depth:
                out.append(f"({term} AS {text})")
            else:
                out.append(term)
        else:
            out.append(text)
        significant.append(upper if kind == "word" else text)
        i += 1
    return "".join(out)


def _nt(term: Identifier) -> str:
    """A term in N-Triples syntax (escaping \\, quotes, tab and line breaks)."""
    if isinstance(term, URIRef):
        return f"<{_check_iri(str(term))}>"
    if isinstance(term, BNode):
        raise QueryError("blank nodes cannot be sent to an endpoint as parameters")
    if isinstance(term, Literal):
        lexical = (
            str(term)
            .replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )
        if term.language:
            return f'"{lexical}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{lexical}"^^<{_check_iri(str(term.datatype))}>'
        return f'"{lexical}"'
    raise QueryError(f"cannot send {term!r} as a parameter")


_DECLARED_PREFIX = re.compile(r"\bPREFIX\s+([^\s:]*)\s*:", re.IGNORECASE)


def _with_prefixes(sparql: str) -> str:
    """Prepend PREFIX declarations for the standard prefixes the query does not declare."""
    code = "".join(text for kind, text in _tokens(sparql) if kind not in ("comment", "string"))
    declared = set(_DECLARED_PREFIX.findall(code))
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in STANDARD_PREFIXES.items() if p not in declared)
    return head + sparql


# --- named and Python-level entry points ----------------------------------------------------

Target = Graph | Endpoint


# Name lookups: for a parameter P, the forms P_zh, P_plain and P_en are bound as well when the
# query uses them (STRLANG(STR(P), "zh"), STR(P), STRLANG(STR(P), "en")), so that a query matches
# a label with the triple pattern ``?node rdfs:label|skos:altLabel ?P_zh``: an index lookup on
# every engine, where the same literal computed inside the query with BIND makes Oxigraph scan
# every label (30 ms against 0.2 ms on 100k triples).
_LOOKUP_FORMS = (("_zh", "zh"), ("_plain", None), ("_en", "en"))


def with_lookup_forms(sparql: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """``params`` plus the lookup forms (see _LOOKUP_FORMS) of each parameter that ``sparql`` uses."""
    out = dict(params or {})
    for name, value in (params or {}).items():
        base = name.lstrip("?$")
        for suffix, lang in _LOOKUP_FORMS:
            derived = f"{base}{suffix}"
            if derived in out or not re.search(rf"[?$]{re.escape(derived)}\b", sparql):
                continue
            out[derived] = Literal(str(to_term(value)), lang=lang)
    return out


def _execute(
    target: Target,
    sparql: str,
    params: Mapping[str, Any] | None,
    *,
    allow_update: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    if isinstance(target, Endpoint):
        return run_endpoint_query(target, sparql, params=params, allow_update=allow_update, timeout=timeout)
    return run_query(target, sparql, params=params, allow_update=allow_update, timeout=timeout)


def run_named(
    target: Target, name: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None
) -> QueryResult:
    """Run the named query ``name`` on a graph or an Endpoint with ``params`` (checked against
    the query's declared parameters; optional ones may be left out or empty)."""
    nq = get_named_query(name)
    given = {k: v for k, v in (params or {}).items() if not (isinstance(v, str) and v == "")}
    declared = {p.name for p in nq.params}
    unknown = sorted(set(given) - declared)
    if unknown:
        raise QueryError(f"{name}: unknown parameter {', '.join(unknown)}; it takes {_describe_params(nq)}")
    missing = [p.name for p in nq.params if not p.optional and p.name not in given]
    if missing:
        raise QueryError(f"{name}: missing parameter {', '.join(missing)}; it takes {_describe_params(nq)}")
    if name == "chain":
        return _shortest_chain(target, given["a"], given["b"], timeout)
    _prepare_named(nq)
    return _execute(target, nq.sparql, given, timeout=timeout)


def _describe_params(nq: NamedQuery) -> str:
    return "; ".join(f"{p.name} ({p.description})" for p in nq.params) or "no parameters"


def query_rows(graph: Graph | Endpoint, sparql_or_name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a named query (``"funders"``) or a SPARQL text as dicts of Python values."""
    if sparql_or_name in _load_named():
        return run_named(graph, sparql_or_name, params).dicts()
    return _execute(graph, sparql_or_name, params).dicts()


def _shortest_chain(target: Target, a: Any, b: Any, timeout: float | None) -> QueryResult:
    """Shortest undirected chain between the entities named a and b over all kg relations.

    a and b are resolved with the _lookup query (labels and aliases). On a graph the chain is
    found by a bidirectional breadth-first search that reads only the neighbourhoods it reaches
    (milliseconds on a million triples, where listing every edge takes seconds); on an
    endpoint the edge list of chain.rq is loaded into networkx. Among several shortest chains
    the first by the IRIs of its steps wins, and between two steps the first triple by
    (subject, predicate, object), so the answer is stable.
    """
    lookup, label_query, edge_query = (get_named_query(n) for n in ("_lookup", "_label", "chain"))
    for nq in (lookup, label_query, edge_query):
        _prepare_named(nq)
    ends: list[list[str]] = []
    for value in (a, b):
        found = _execute(target, lookup.sparql, {"entity": value}, timeout=timeout)
        node_at = found.vars.index("node")
        nodes = sorted({str(row[node_at]) for row in found.rows if row[node_at] is not None})
        if not nodes:
            raise QueryError(f"chain: no entity named {value!r}")
        ends.append(nodes)
    if isinstance(target, Graph):
        neighbours = _graph_neighbours(target, _chain_predicates(edge_query.sparql))
    else:
        neighbours = _edge_list_neighbours(_execute(target, edge_query.sparql, None, timeout=timeout).rows)
    best: list[str] | None = None
    for source in ends[0]:
        for sink in ends[1]:
            if source == sink:
                continue
            path = _bfs_path(source, sink, neighbours, None if best is None else len(best) - 1)
            if path is not None and (best is None or len(path) < len(best)):
                best = path
    labels: dict[str, Node | None] = {}
    for node in best or []:
        found = _execute(target, label_query.sparql, {"node": URIRef(node)}, timeout=timeout)
        labels[node] = found.rows[0][found.vars.index("label")] if found.rows else None
    variables = ["step", "from", "fromLabel", "predicate", "to", "toLabel", "direction"]
    rows: list[tuple[Node | None, ...]] = []
    for step, (u, v) in enumerate(zip(best or [], (best or [])[1:], strict=False), start=1):
        s, p, _ = min(neighbours(u)[v])
        direction = "forward" if s == u else "backward"
        rows.append(
            (Literal(step), URIRef(u), labels.get(u), URIRef(p), URIRef(v), labels.get(v), Literal(direction))
        )
    return QueryResult("SELECT", vars=variables, rows=rows)


Triple = tuple[str, str, str]
Neighbours = Callable[[str], dict[str, list[Triple]]]


def _chain_predicates(edge_sparql: str) -> frozenset[str]:
    """The relation predicates chain.rq lists (its VALUES ?p block), as IRIs."""
    block = re.search(r"VALUES\s+\?p\s*\{([^}]*)\}", edge_sparql)
    assert block is not None, "chain.rq lists its predicates in VALUES ?p { … }"
    kg = STANDARD_PREFIXES["kg"]
    return frozenset(kg + name for name in re.findall(r"kg:(\w+)", block.group(1)))


def _graph_neighbours(graph: Graph, predicates: frozenset[str]) -> Neighbours:
    """Neighbours of a node over the relation predicates, both directions, self-loops left out:
    {neighbour: [(s, p, o) triples linking them]}, read from the graph's indexes on demand."""
    cache: dict[str, dict[str, list[Triple]]] = {}
    if is_oxigraph(graph) and not graph.default_union:
        return _oxigraph_neighbours(graph, predicates, cache)

    def neighbours(node: str) -> dict[str, list[Triple]]:
        out = cache.get(node)
        if out is None:
            out = cache[node] = {}
            term = URIRef(node)
            for p, o in graph.predicate_objects(term):
                if isinstance(o, URIRef) and str(p) in predicates and str(o) != node:
                    out.setdefault(str(o), []).append((node, str(p), str(o)))
            for s, p in graph.subject_predicates(term):
                if isinstance(s, URIRef) and str(p) in predicates and str(s) != node:
                    out.setdefault(str(s), []).append((str(s), str(p), node))
        return out

    return neighbours


def _oxigraph_neighbours(
    graph: Graph, predicates: frozenset[str], cache: dict[str, dict[str, list[Triple]]]
) -> Neighbours:
    """As _graph_neighbours, read from the pyoxigraph store directly (no rdflib terms)."""
    import pyoxigraph as ox
    from oxrdflib._converter import to_ox

    quads = graph.store._inner.quads_for_pattern  # type: ignore[attr-defined]
    context = to_ox(graph.identifier)

    def neighbours(node: str) -> dict[str, list[Triple]]:
        out = cache.get(node)
        if out is None:
            out = cache[node] = {}
            term = ox.NamedNode(node)
            for q in quads(term, None, None, context):
                p, o = q.predicate.value, q.object
                if p in predicates and isinstance(o, ox.NamedNode) and o.value != node:
                    out.setdefault(o.value, []).append((node, p, o.value))
            for q in quads(None, None, term, context):
                p, s = q.predicate.value, q.subject
                if p in predicates and isinstance(s, ox.NamedNode) and s.value != node:
                    out.setdefault(s.value, []).append((s.value, p, node))
        return out

    return neighbours


def _edge_list_neighbours(rows: Iterable[tuple[Node | None, ...]]) -> Neighbours:
    adjacency: dict[str, dict[str, list[Triple]]] = {}
    for s, p, o in sorted({(str(s), str(p), str(o)) for s, p, o in rows}):
        if s != o:
            adjacency.setdefault(s, {}).setdefault(o, []).append((s, p, o))
            adjacency.setdefault(o, {}).setdefault(s, []).append((s, p, o))
    return lambda node: adjacency.get(node, {})


def _bfs_path(source: str, sink: str, neighbours: Neighbours, longest: int | None) -> list[str] | None:
    """The shortest path source -> sink (first by the IRIs of its nodes among equals), or None.

    Bidirectional breadth-first search, always growing the smaller frontier; every node keeps
    all its neighbours on the previous level of its side, so that the nodes on shortest paths
    are known when the two sides meet. ``longest`` (edges): give up once no path of at most that many edges can be found.
    """
    level = ({source: 0}, {sink: 0})
    parents: tuple[dict[str, set[str]], dict[str, set[str]]] = ({source: set()}, {sink: set()})
    frontier = ([source], [sink])
    radius = [0, 0]
    meet: list[str] = []
    while frontier[0] and frontier[1] and not meet:
        if longest is not None and radius[0] + radius[1] >= longest:
            return None
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        seen, other, up = level[side], level[1 - side], parents[side]
        depth = radius[side] + 1
        nxt: list[str] = []
        for node in frontier[side]:
            for m in neighbours(node):
                known = seen.get(m)
                if known is None:
                    seen[m] = depth
                    up[m] = {node}
                    nxt.append(m)
                elif known == depth:
                    up[m].add(node)
        radius[side] = depth
        frontier = (nxt, frontier[1]) if side == 0 else (frontier[0], nxt)
        meet = sorted(m for m in nxt if m in other and other[m] == radius[1 - side])
    if not meet:
        return None
    total = radius[0] + radius[1]
    # the nodes on shortest paths, by their distance from the source
    on_path: dict[int, set[str]] = {radius[0]: set(meet)}
    for side, sign in ((0, -1), (1, 1)):
        k, layer = radius[0], set(meet)
        while layer:
            layer = {p for n in layer for p in parents[side][n]}
            k += sign
            if layer:
                on_path[k] = layer
    path = [source]
    for k in range(1, total + 1):
        step = min(m for m in neighbours(path[-1]) if m in on_path.get(k, ()))
        path.append(step)
    return path


# --- output formats -------------------------------------------------------------------------


def format_result(
    result: QueryResult,
    fmt: str = "table",
    *,
    namespaces: Mapping[str, str] | None = None,
    max_width: int | None = 60,
) -> str:
    """Render a result: ``table`` (aligned, CJK-aware), ``csv``/``tsv`` (SPARQL 1.1 CSV/TSV),
    ``json`` (SPARQL 1.1 results JSON) or ``turtle`` (CONSTRUCT/DESCRIBE graphs)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.type == "UPDATE":
        return "update applied\n"
    if result.graph is not None:
        if fmt not in ("turtle", "table"):
            raise QueryError(f"a {result.type} result is a graph: use --format turtle")
        from kg.export import serialize_turtle

        return serialize_turtle(result.graph).decode("utf-8")
    if fmt == "turtle":
        raise QueryError("turtle output is for CONSTRUCT and DESCRIBE queries")
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        return _format_json(result)
    if fmt == "csv":
        return _format_csv(result)
    if fmt == "tsv":
        return _format_tsv(result)
    prefixes = dict(STANDARD_PREFIXES)
    prefixes.update(namespaces or {})
    return format_table(result.vars, result.rows, prefixes, max_width=max_width)


def _format_json(result: QueryResult) -> str:
    bindings = []
    for row in result.rows:
        binding: dict[str, dict[str, str]] = {}
        for var, term in zip(result.vars, row, strict=True):
            if term is None:
                continue
            if isinstance(term, URIRef):
                binding[var] = {"type": "uri", "value": str(term)}
            elif isinstance(term, BNode):
                binding[var] = {"type": "bnode", "value": str(term)}
            else:
                entry = {"type": "literal", "value": str(term)}
                if isinstance(term, Literal) and term.language:
                    entry["xml:lang"] = term.language
                elif isinstance(term, Literal) and term.datatype and term.datatype != XSD.string:
                    entry["datatype"] = str(term.datatype)
                binding[var] = entry
        bindings.append(binding)
    doc = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}


def neutralise_cell(text: str) -> str:
    """Prefix a quote to text a spreadsheet would run as a formula (= + - @, tab, CR)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal) and term.datatype in _NUMERIC:
        return str(term)
    return neutralise_cell(str(term))


def _format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV (CRLF rows, lexical values); text cells are neutralised against
    spreadsheet formula injection, numeric literals are kept as numbers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow([_csv_cell(t) for t in row])
    return buffer.getvalue()


def _format_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: ``?var`` header, every value an RDF term in N-Triples syntax."""
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else _tsv_term(t) for t in row))
    return "\n".join(lines) + "\n"


_ABBREVIATED = {
    XSD.integer: re.compile(r"^[+-]?\d+$"),
    XSD.decimal: re.compile(r"^[+-]?\d*\.\d+$"),
    XSD.boolean: re.compile(r"^(?:true|false)$"),
}


def _tsv_term(term: Node) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    if (
        isinstance(term, Literal)
        and term.datatype in _ABBREVIATED
        and _ABBREVIATED[term.datatype].match(term)
    ):
        return str(term)  # Turtle's abbreviated number/boolean form, as SPARQL TSV allows
    if isinstance(term, URIRef | Literal):
        return _nt(term)
    return str(term)


def display_width(text: str) -> int:
    """Terminal columns of ``text``: East Asian wide/fullwidth characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _truncate(text: str, limit: int | None) -> str:
    if limit is None or display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _display(term: Node | None, prefixes: Mapping[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        best, shown = "", iri
        for prefix, ns in prefixes.items():
            local = iri[len(ns) :]
            if iri.startswith(ns) and len(ns) > len(best) and local and not re.search(r"[/#?\s]", local):
                best, shown = ns, f"{prefix}:{local}"
        return shown
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())  # one line per row


def format_table(
    variables: Iterable[str],
    rows: Iterable[tuple[Node | None, ...]],
    prefixes: Mapping[str, str] | None = None,
    *,
    max_width: int | None = 60,
) -> str:
    """An aligned text table; IRIs shown as prefixed names, wide (CJK) characters counted twice."""
    header = list(variables)
    cells = [[_truncate(_display(t, prefixes or {}), max_width) for t in row] for row in rows]
    widths = [display_width(h) for h in header]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(values: list[str]) -> str:
        padded = (v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True))
        return "  ".join(padded).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"




def _first_line(exc: BaseException | str) -> str:
    text = str(exc).strip() or (type(exc).__name__ if isinstance(exc, BaseException) else "")
    return text.splitlines()[0] if text else ""
