"""Graph stage: the resolved corpus as RDF under the kg ontology, with PROV provenance."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL

from kg.model import Corpus, Document, Entity, ResolvedRelation
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


def bind_prefixes(g: Graph, base: str = DEFAULT_BASE) -> None:
    g.bind("kg", KG)
    g.bind("skos", SKOS)
    g.bind("prov", PROV)
    g.bind("dcterms", DCTERMS)
    g.bind("schema", SCHEMA)
    g.bind("owl", OWL)
    for seg in (*TYPE_SEGMENT.values(), "doc", "stmt"):
        g.bind(f"r{seg}" if seg != "publication" else "rpub", f"{base}{seg}/")


def to_graph(corpus: Corpus, base: str = DEFAULT_BASE) -> Graph:
    """Build the RDF graph: entities, plain relation triples and one rdf:Statement per evidence."""
    g = Graph()
    bind_prefixes(g, base)
    doc_iris = {d.id: document_iri(d, base) for d in corpus.documents}
    for d in corpus.documents:
        di = doc_iris[d.id]
        g.add((di, RDF.type, KG.Document))
        g.add((di, DCTERMS.title, Literal(d.title, lang="zh")))
        g.add((di, KG.sourcePath, Literal(d.path)))
        g.add((di, KG.contentHash, Literal(d.id)))
        g.add((di, KG.encoding, Literal(d.encoding)))
    # subclass axioms travel with the data, so consumers see the type hierarchy
    for sub in ("Foundation", "Company", "GovernmentAgency", "SocialOrganization", "ResearchInstitute",
                "MediaOrganization", "Network"):
        g.add((KG[sub], RDFS.subClassOf, KG.Organization))
    iris: dict[str, URIRef] = {}
    for e in corpus.entities:
        iri = entity_iri(e, base)
        iris[e.key] = iri
        g.add((iri, RDF.type, KG[e.type]))
        if e.type == "Organization" and e.subtype and e.subtype != "Other":
            g.add((iri, RDF.type, KG[e.subtype]))
        g.add((iri, RDFS.label, Literal(e.name, lang="zh")))
        g.add((iri, SKOS.prefLabel, Literal(e.name, lang="zh")))
        for a in e.aliases:
            g.add((iri, SKOS.altLabel, Literal(a, lang="zh")))
        for d in e.docs:
            if d in doc_iris:
                g.add((iri, KG.mentionedIn, doc_iris[d]))
        for alias, rule, evidence in e.merges:
            node = BNode(hashlib.sha1(f"{e.key}\x1f{alias}\x1f{rule}\x1f{evidence}".encode()).hexdigest()[:16])
            g.add((iri, KG.mergedBy, node))
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
            g.add((node, KG.rule, Literal(rule)))
            g.add((node, KG.evidence, Literal(evidence, lang="zh")))
    for r in corpus.relations:
        s, o = iris.get(r.subject), iris.get(r.object)
        if s is None or o is None:
            continue
        p = KG[r.predicate]
        g.add((s, p, o))
        st = statement_iri(r, base)
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, PROV.wasDerivedFrom, doc_iris[r.doc_id]))
        g.add((st, KG.evidence, Literal(r.evidence, lang="zh")))
        g.add((st, KG.startOffset, Literal(r.raw_start, datatype=XSD.integer)))
        g.add((st, KG.endOffset, Literal(r.raw_end, datatype=XSD.integer)))
        g.add((st, KG.rule, Literal(r.rule)))
        g.add((st, KG.confidence, Literal(Decimal(f"{r.confidence:.2f}"), datatype=XSD.decimal)))
        for k, v in r.qualifiers:
            if k in QUALIFIERS:
                if k == "former":
                    g.add((st, KG.former, Literal(v == "true", datatype=XSD.boolean)))
                else:
                    g.add((st, KG[k], Literal(v)))
    return g


def validate(g: Graph) -> tuple[bool, str, int]:
    """SHACL validation against ontology/shapes.ttl: (conforms, report text, violations)."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, report_graph, text = shacl_validate(
        g, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True
    )
    from rdflib.namespace import SH

    violations = len(set(report_graph.subjects(RDF.type, SH.ValidationResult)))
    return bool(conforms), str(text), violations
