"""RDF namespaces and IRI minting shared by graph, query and export."""

from __future__ import annotations

import re
from importlib import resources

from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg-cn-philanthropy/ontology#")
DEFAULT_BASE = "https://w3id.org/kg-cn-philanthropy/resource/"
SCHEMA = Namespace("https://schema.org/")

__all__ = [
    "DCTERMS",
    "DEFAULT_BASE",
    "KG",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "TYPE_SEGMENT",
    "XSD",
    "iri_segment",
    "ontology_path",
    "shapes_path",
]

# IRI path segment per entity type: res:org/…, res:person/…
TYPE_SEGMENT = {
    "Organization": "org",
    "Person": "person",
    "Project": "project",
    "Place": "place",
    "Award": "award",
    "Event": "event",
    "Publication": "publication",
}

# Characters not allowed (or not wise) unescaped in an IRI path segment.
_UNSAFE = re.compile(r"[\x00-\x20<>\"{}|\\^`#?/%\[\]\x7f\u3000]")


def iri_segment(name: str) -> str:
    """A readable IRI segment: Chinese kept as is, unsafe characters percent-encoded."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), name)


def ontology_path() -> str:
    return str(resources.files("kg.ontology_data") / "kg.ttl")


def shapes_path() -> str:
    return str(resources.files("kg.ontology_data") / "shapes.ttl")
