"""Graph stage: the resolved corpus as RDF under the kg ontology, with PROV provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
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


def triples(corpus: Corpus, base: str = DEFAULT_BASE) -> Iterator[tuple[URIRef, URIRef, Identifier]]:
    """The triples of the corpus graph, as a generator (``to_graph`` adds them in bulk)."""
    a, label, pref, alt = RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel
    mentioned, merged, rule_p, evidence_p = KG.mentionedIn, KG.mergedBy, KG.rule, KG.evidence
    doc_iris = {d.id: document_iri(d, base) for d in corpus.documents}
    doc_class, title, source, content, encoding = (
        KG.Document,
        DCTERMS.title,
        KG.sourcePath,
        KG.contentHash,
        KG.encoding,
    )
    for d in corpus.documents:
        di = doc_iris[d.id]
        yield di, a, doc_class
        yield di, title, Literal(d.title, lang="zh")
        yield di, source, Literal(d.path)
        yield di, content, Literal(d.id)
        yield di, encoding, Literal(d.encoding)
    # subclass axioms travel with the data, so consumers see the type hierarchy
    organization = KG.Organization
    for sub in ORG_SUBCLASSES:
        yield KG[sub], RDFS.subClassOf, organization
    classes: dict[str, URIRef] = {}
    iris: dict[str, URIRef] = {}
    for e in corpus.entities:
        iri = entity_iri(e, base)
        iris[e.key] = iri
        cls = classes.get(e.type) or classes.setdefault(e.type, KG[e.type])
        yield iri, a, cls
        if e.type == "Organization" and e.subtype and e.subtype != "Other":
            yield iri, a, classes.get(e.subtype) or classes.setdefault(e.subtype, KG[e.subtype])
        name = Literal(e.name, lang="zh")
        yield iri, label, name
        yield iri, pref, name
        for alias in e.aliases:
            yield iri, alt, Literal(alias, lang="zh")
        for d in e.docs:
            if d in doc_iris:
                yield iri, mentioned, doc_iris[d]
        for alias, rule, evidence in e.merges:
            node = merge_iri(e, alias, rule, evidence, base)
            yield iri, merged, node
            yield node, alt, Literal(alias, lang="zh")
            yield node, rule_p, Literal(rule)
            yield node, evidence_p, Literal(evidence, lang="zh")
    statement, subj_p, pred_p, obj_p = RDF.Statement, RDF.subject, RDF.predicate, RDF.object
    derived, start_p, end_p, confidence_p = PROV.wasDerivedFrom, KG.startOffset, KG.endOffset, KG.confidence
    predicates: dict[str, URIRef] = {}
    confidences: dict[float, Literal] = {}
    integers: dict[int, Literal] = {}
    qualifier_p = {k: KG[k] for k in QUALIFIERS}
    true, false = Literal(True, datatype=XSD.boolean), Literal(False, datatype=XSD.boolean)
    for r in corpus.relations:
        s, o = iris.get(r.subject), iris.get(r.object)
        if s is None or o is None:
            continue
        p = predicates.get(r.predicate) or predicates.setdefault(r.predicate, KG[r.predicate])
        yield s, p, o
        st = statement_iri(r, base)
        yield st, a, statement
        yield st, subj_p, s
        yield st, pred_p, p
        yield st, obj_p, o
        yield st, derived, doc_iris[r.doc_id]
        yield st, evidence_p, Literal(r.evidence, lang="zh")
        for prop, value in ((start_p, r.raw_start), (end_p, r.raw_end)):
            number = integers.get(value)
            if number is None:  # offsets recur across statements: one Literal per value
                number = integers[value] = Literal(value)  # xsd:integer
            yield st, prop, number
        yield st, rule_p, Literal(r.rule)
        conf = confidences.get(r.confidence)
        if conf is None:
            conf = confidences[r.confidence] = Literal(Decimal(f"{r.confidence:.2f}"), datatype=XSD.decimal)
        yield st, confidence_p, conf
        for k, v in r.qualifiers:
            if k in qualifier_p:
                yield st, qualifier_p[k], (true if v == "true" else false) if k == "former" else Literal(v)


SubjectIndex = dict[Identifier, dict[URIRef, dict[Identifier, int]]]


def subject_index(corpus: Corpus, base: str = DEFAULT_BASE) -> SubjectIndex:
    """The corpus graph as {subject: {predicate: {object: 1}}}, without an rdflib Graph.

    This is the shape of rdflib's in-memory subject index, which the Turtle and JSON-LD writers
    read (``kg.export``), so ``kg build`` writes its files from it directly: filling rdflib's
    three indexes (``to_graph``) costs more than writing both files. Duplicate triples collapse
    as in a graph.
    """
    index: SubjectIndex = {}
    for s, p, o in triples(corpus, base):
        po = index.get(s)
        if po is None:
            po = index[s] = {}
        objects = po.get(p)
        if objects is None:
            objects = po[p] = {}
        objects[o] = 1
    return index


def index_size(index: SubjectIndex) -> int:
    """The number of triples in a subject index."""
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
