"""Graph stage: the resolved corpus as RDF under the kg ontology, with PROV provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

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
    terms, whose construction and hashing cost more than writing Turtle and JSON-LD from it."""


def triple_texts(corpus: Corpus, base: str = DEFAULT_BASE) -> Iterator[tuple[str, str, TextTerm]]:
    """The triples of the corpus graph as plain terms (see ``TextTerm``); ``triples`` turns
    them into rdflib terms, ``text_index`` groups them for the writers."""
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
    statement, subj_p, pred_p, obj_p = str(RDF.Statement), str(RDF.subject), str(RDF.predicate), str(RDF.object)
    derived, start_p, end_p, confidence_p = (
        str(PROV.wasDerivedFrom),
        f"{kg}startOffset",
        f"{kg}endOffset",
        f"{kg}confidence",
    )
    integer, decimal, boolean = str(XSD.integer), str(XSD.decimal), str(XSD.boolean)
    qualifier_p = {k: f"{kg}{k}" for k in QUALIFIERS}
    true, false = ("true", "", boolean), ("false", "", boolean)
    for r in corpus.relations:
        s, o = iris.get(r.subject), iris.get(r.object)
        if s is None or o is None:
            continue
        p = f"{kg}{r.predicate}"
        yield s, p, o
        st = str(statement_iri(r, base))
        yield st, a, statement
        yield st, subj_p, s
        yield st, pred_p, p
        yield st, obj_p, o
        yield st, derived, doc_iris[r.doc_id]
        yield st, evidence_p, (r.evidence, "zh", "")
        yield st, start_p, (str(r.raw_start), "", integer)
        yield st, end_p, (str(r.raw_end), "", integer)
        yield st, rule_p, (r.rule, "", "")
        yield st, confidence_p, (f"{r.confidence:.2f}", "", decimal)
        for k, v in r.qualifiers:
            if k in qualifier_p:
                yield st, qualifier_p[k], (true if v == "true" else false) if k == "former" else (v, "", "")


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
    for s, p, o in triple_texts(corpus, base):
        po = index.get(s)
        if po is None:
            po = index[s] = {}
        objects = po.get(p)
        if objects is None:
            objects = po[p] = {}
        objects[o] = None
    return index


def index_size(index: TextIndex) -> int:
    """The number of triples in a text index."""
    return sum(len(objects) for po in index.values() for objects in po.values())


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
