"""Graph stage: the resolved corpus as RDF under the kg ontology, with PROV provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Identifier

from kg.model import ORG_SUBTYPES, Corpus, Document, Entity, ResolvedRelation
from kg.namespaces import (
    DCTERMS,
    DEFAULT_BASE,
    KG,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    TYPE_SEGMENT,
    XSD,
    iri_segment,
    shapes_path,
)

# qualifier keys carried on the statement node
QUALIFIERS = ("role", "year", "level", "category", "amount", "field", "former")


def entity_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}{TYPE_SEGMENT[entity.type]}/{iri_segment(entity.name)}")


def document_iri(doc: Document, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}doc/{doc.id}")


def statement_iri(rel: ResolvedRelation, base: str = DEFAULT_BASE) -> URIRef:
    key = "\x1f".join((rel.subject, rel.predicate, rel.object, rel.doc_id, str(rel.raw_start), rel.rule))
    return URIRef(f"{base}stmt/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}")


def merge_iri(entity: Entity, alias: str, rule: str, evidence: str, base: str = DEFAULT_BASE) -> URIRef:
    """The node recording one merge decision (alias, rule, evidence) of ``entity``: an IRI derived
    from a hash of its content (not a blank node), so serialisations need no canonicalisation."""
    key = f"{entity.key}\x1f{alias}\x1f{rule}\x1f{evidence}"
    return URIRef(f"{base}stmt/merge-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}")


def bind_prefixes(g: Graph, base: str = DEFAULT_BASE) -> None:
    g.bind("kg", KG)
    g.bind("skos", SKOS)
    g.bind("prov", PROV)
    g.bind("dcterms", DCTERMS)
    g.bind("schema", SCHEMA)
    g.bind("owl", OWL)
    for seg in (*TYPE_SEGMENT.values(), "doc", "stmt"):
        g.bind(f"r{seg}" if seg != "publication" else "rpub", f"{base}{seg}/")


ORG_SUBCLASSES = tuple(t for t in ORG_SUBTYPES if t != "Other")


# A term as plain Python data: an IRI is a str, a literal a tuple (lexical form, language or "",
# datatype IRI or "").
TextTerm = str | tuple[str, str, str]


class TextIndex(dict[str, dict[str, dict[TextTerm, None]]]):
    """The graph as {subject IRI: {predicate IRI: {object: None}}} of plain strings and tuples
    (see ``TextTerm``): duplicate triples collapse as in a graph, and building it needs no rdflib
    terms, whose construction and hashing cost more than writing Turtle and JSON-LD from it.

    ``statements`` holds the evidence nodes as rows (``StatementText``), each with its own
    subject IRI, which occurs nowhere else as a subject: the triples of the graph are those of
    the index and those of the rows."""

    statements: list[StatementText]

    def __init__(self) -> None:
        super().__init__()
        self.statements = []


def triple_texts(
    corpus: Corpus, base: str = DEFAULT_BASE, statements: list[StatementText] | None = None
) -> Iterator[tuple[str, str, TextTerm]]:
    """The triples of the corpus graph as plain terms (see ``TextTerm``); ``triples`` turns
    them into rdflib terms, ``text_index`` groups them for the writers. With ``statements``,
    the evidence nodes are appended there as rows instead of being yielded as triples."""
    a, label, pref, alt = str(RDF.type), str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel)
    kg = str(KG)
    mentioned, merged, rule_p, evidence_p = f"{kg}mentionedIn", f"{kg}mergedBy", f"{kg}rule", f"{kg}evidence"
    doc_iris = {d.id: str(document_iri(d, base)) for d in corpus.documents}
    doc_class, title, source, content, encoding = (
        f"{kg}Document",
        str(DCTERMS.title),
        f"{kg}sourcePath",
        f"{kg}contentHash",
        f"{kg}encoding",
    )
    for d in corpus.documents:
        di = doc_iris[d.id]
        yield di, a, doc_class
        yield di, title, (d.title, "zh", "")
        yield di, source, (d.path, "", "")
        yield di, content, (d.id, "", "")
        yield di, encoding, (d.encoding, "", "")
    # subclass axioms travel with the data, so consumers see the type hierarchy
    organization, sub_class_of = f"{kg}Organization", str(RDFS.subClassOf)
    for sub in ORG_SUBCLASSES:
        yield f"{kg}{sub}", sub_class_of, organization
    iris: dict[str, str] = {}
    for e in corpus.entities:
        iri = str(entity_iri(e, base))
        iris[e.key] = iri
        yield iri, a, f"{kg}{e.type}"
        if e.type == "Organization" and e.subtype and e.subtype != "Other":
            yield iri, a, f"{kg}{e.subtype}"
        name = (e.name, "zh", "")
        yield iri, label, name
        yield iri, pref, name
        for alias in e.aliases:
            yield iri, alt, (alias, "zh", "")
        for d in e.docs:
            if d in doc_iris:
                yield iri, mentioned, doc_iris[d]
        for alias, rule, evidence in e.merges:
            node = str(merge_iri(e, alias, rule, evidence, base))
            yield iri, merged, node
            yield node, alt, (alias, "zh", "")
            yield node, rule_p, (rule, "", "")
            yield node, evidence_p, (evidence, "zh", "")
    boolean = str(XSD.boolean)
    qualifier_p = {k: f"{kg}{k}" for k in QUALIFIERS}
    true, false = ("true", "", boolean), ("false", "", boolean)
    for r in corpus.relations:
        s, o = iris.get(r.subject), iris.get(r.object)
        if s is None or o is None:
            continue
        p = f"{kg}{r.predicate}"
        yield s, p, o
        quals = tuple(
            (qualifier_p[k], (true if v == "true" else false) if k == "former" else (v, "", ""))
            for k, v in r.qualifiers
            if k in qualifier_p
        )
        row = StatementText(
            str(statement_iri(r, base)), s, p, o, doc_iris[r.doc_id], r.evidence, str(r.raw_start),
            str(r.raw_end), r.rule, f"{r.confidence:.2f}", quals,
        )
        if statements is None:
            yield from statement_triples(row)
        else:
            statements.append(row)


class StatementText(NamedTuple):
    """The evidence node (rdf:Statement) of one relation as plain strings: the graph has one per
    relation and they make up most of its triples, so the writers render them from these rows
    directly (see ``statement_triples`` for the triples a row stands for)."""

    iri: str
    subject: str
    predicate: str
    object: str
    document: str
    evidence: str  # @zh
    start: str  # xsd:integer
    end: str  # xsd:integer
    rule: str
    confidence: str  # xsd:decimal, two decimals
    qualifiers: tuple[tuple[str, TextTerm], ...]  # (predicate IRI, literal)


_STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = (str(RDF.Statement), str(RDF.subject), str(RDF.predicate), str(RDF.object))
_DERIVED, _EVIDENCE, _START, _END, _RULE, _CONFIDENCE = (
    str(PROV.wasDerivedFrom),
    f"{KG}evidence",
    f"{KG}startOffset",
    f"{KG}endOffset",
    f"{KG}rule",
    f"{KG}confidence",
)
_INTEGER, _DECIMAL = str(XSD.integer), str(XSD.decimal)


def statement_triples(st: StatementText) -> Iterator[tuple[str, str, TextTerm]]:
    """The triples of one statement row."""
    i = st.iri
    yield i, str(RDF.type), _STATEMENT
    yield i, _SUBJECT, st.subject
    yield i, _PREDICATE, st.predicate
    yield i, _OBJECT, st.object
    yield i, _DERIVED, st.document
    yield i, _EVIDENCE, (st.evidence, "zh", "")
    yield i, _START, (st.start, "", _INTEGER)
    yield i, _END, (st.end, "", _INTEGER)
    yield i, _RULE, (st.rule, "", "")
    yield i, _CONFIDENCE, (st.confidence, "", _DECIMAL)
    for p, o in st.qualifiers:
        yield i, p, o


def triples(corpus: Corpus, base: str = DEFAULT_BASE) -> Iterator[tuple[URIRef, URIRef, Identifier]]:
    """The triples of the corpus graph as rdflib terms (``to_graph`` adds them in bulk); one
    term object per distinct IRI or literal."""
    iris: dict[str, URIRef] = {}
    literals: dict[tuple[str, str, str], Literal] = {}
    for s, p, o in triple_texts(corpus, base):
        si = iris.get(s)
        if si is None:
            si = iris[s] = URIRef(s)
        pi = iris.get(p)
        if pi is None:
            pi = iris[p] = URIRef(p)
        term: Identifier | None
        if type(o) is str:
            term = iris.get(o)
            if term is None:
                term = iris[o] = URIRef(o)
        else:
            term = literals.get(o)
            if term is None:
                lex, lang, dt = o
                term = literals[o] = Literal(lex, lang=lang or None, datatype=URIRef(dt) if dt else None)
        yield si, pi, term


def text_index(corpus: Corpus, base: str = DEFAULT_BASE) -> TextIndex:
    """The corpus graph as a ``TextIndex``: what ``kg build`` writes graph.ttl and graph.jsonld
    from (``kg.export``), without building an rdflib graph."""
    index = TextIndex()
    rows = index.statements
    for s, p, o in triple_texts(corpus, base, rows):
        po = index.get(s)
        if po is None:
            po = index[s] = {}
        objects = po.get(p)
        if objects is None:
            objects = po[p] = {}
        objects[o] = None
    if len({row.iri for row in rows}) != len(rows) or any(row.iri in index for row in rows):
        # the same statement IRI twice (a hash collision): let the index merge their triples
        for row in rows:
            for s, p, o in statement_triples(row):
                index.setdefault(s, {}).setdefault(p, {})[o] = None
        rows.clear()
    return index


def index_size(index: TextIndex) -> int:
    """The number of triples in a text index."""
    rows = sum(10 + len(set(row.qualifiers)) for row in index.statements)
    return rows + sum(len(objects) for po in index.values() for objects in po.values())


def to_graph(corpus: Corpus, base: str = DEFAULT_BASE) -> Graph:
    """Build the RDF graph: entities, plain relation triples and one rdf:Statement per evidence."""
    g = Graph()
    bind_prefixes(g, base)
    bulk_add(g, triples(corpus, base))
    return g


def bulk_add(g: Graph, items: Iterable[tuple[Any, Any, Any]]) -> Graph:
    """Add triples to ``g``. For a fresh graph on rdflib's in-memory store this fills the store's
    three indexes directly (about 3x faster than ``Graph.add``/``addN``, which spend most of
    their time on per-triple context bookkeeping that is the same for every triple of a
    single-graph store); the result is the state ``addN`` would leave (tests/test_graph.py
    compares them). Any other store, or a non-empty one, goes through ``addN``."""
    store = g.store
    it = iter(items)
    names = ("_Memory__spo", "_Memory__pos", "_Memory__osp", "_Memory__contextTriples")
    if type(store) is not Memory or len(store) or not all(hasattr(store, n) for n in names):
        g.addN((s, p, o, g) for s, p, o in it)
        return g
    for first in it:  # the first triple through the store sets its default context bookkeeping
        store.add(first, g, quoted=False)
        break
    else:
        return g
    spo, pos, osp, by_context = (getattr(store, n) for n in names)
    in_default, in_graph = by_context[None], by_context[next(c for c in by_context if c is not None)]
    for t in it:
        s, p, o = t
        po = spo.get(s)
        if po is None:
            po = spo[s] = {}
        objects = po.get(p)
        if objects is None:
            objects = po[p] = {}
        if o in objects:
            continue
        objects[o] = 1
        os_ = pos.get(p)
        if os_ is None:
            os_ = pos[p] = {}
        subjects = os_.get(o)
        if subjects is None:
            subjects = os_[o] = {}
        subjects[s] = 1
        sp = osp.get(o)
        if sp is None:
            sp = osp[o] = {}
        preds = sp.get(s)
        if preds is None:
            preds = sp[s] = {}
        preds[p] = 1
        in_default.add(t)
        in_graph.add(t)
    return g


class _PreparedQueries(Graph):
    """pyshacl runs a shape's SPARQL constraint once per focus node with the same query text;
    rdflib would parse and translate it every time (three quarters of the validation time on
    kg graphs). Here a query string is prepared once and evaluated with each binding."""

    _prepared: ClassVar[dict[str, Any]] = {}

    def query(  # type: ignore[override]
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Any = None,
        initBindings: Any = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        if isinstance(query_object, str) and processor == "sparql" and not initNs and not kwargs:
            prepared = self._prepared.get(query_object)
            if prepared is None:
                from rdflib.plugins.sparql import prepareQuery

                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


def validate(g: Graph) -> tuple[bool, str, int]:
    """SHACL validation against ontology/shapes.ttl: (conforms, report text, violations)."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(shapes_path(), format="turtle")
    data = g
    if type(g) is Graph:  # a view of the same store whose SPARQL queries are parsed once
        data = _PreparedQueries(store=g.store, identifier=g.identifier, namespace_manager=g.namespace_manager)
    conforms, report_graph, text = shacl_validate(
        data, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True
    )
    from rdflib.namespace import SH

    violations = len(set(report_graph.subjects(RDF.type, SH.ValidationResult)))
    return bool(conforms), str(text), violations
