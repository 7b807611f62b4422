"""Counts of a built graph (works on any graph in kg's shape, not only fresh builds)."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph
from rdflib.namespace import RDF

from kg.model import ENTITY_TYPES, ORG_SUBTYPES, PREDICATES
from kg.namespaces import KG


def graph_stats(g: Graph) -> dict:
    types = {KG[t]: t for t in ENTITY_TYPES}
    subs = {KG[t]: t for t in ORG_SUBTYPES}
    ents: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    for _s, o in g.subject_objects(RDF.type):
        if o in types:
            ents[types[o]] += 1
        elif o in subs:
            orgs[subs[o]] += 1
    preds = {KG[p]: p for p in PREDICATES}
    rels: Counter[str] = Counter(preds[p] for _s, p, _o in g if p in preds)
    return {
        "triples": len(g),
        "documents": len(set(g.subjects(RDF.type, KG.Document))),
        "statements": len(set(g.subjects(RDF.type, RDF.Statement))),
        "entities": dict(sorted(ents.items())),
        "organisation_subtypes": dict(sorted(orgs.items())),
        "relations": dict(sorted(rels.items())),
    }
