"""SHACL validation at corpus scale, over the plain-term triples ``kg build`` writes from.

pyshacl checks a kg graph at about 150 µs per triple (a 10 MB corpus: half a minute, more than
the rest of an incremental rebuild) and needs the rdflib graph in memory. The shapes kg
publishes (``ontology/shapes.ttl``) use a small part of SHACL Core plus one SPARQL constraint,
so ``validate_index`` interprets the shapes graph itself for exactly that part: targets
(``sh:targetClass`` with subclasses, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``,
``sh:targetNode``), property shapes with a single-predicate path, and the constraints
``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:languageIn``, ``sh:minLength``,
``sh:class``, ``sh:nodeKind``, ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:in`` and
``sh:sparql`` (a SELECT run once over all focus nodes with pyoxigraph). Shapes using anything
else make it return ``None`` and the caller falls back to pyshacl. tests/test_shacl.py checks
that both report the same focus nodes, paths and constraint components on broken graphs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.graph import TextIndex, TextTerm, statement_triples

_LANG_STRING = str(RDF.langString)
_XSD_STRING = str(XSD.string)
_TYPE, _SUBCLASS = str(RDF.type), str(RDFS.subClassOf)

# what a shape may say for this validator (anything else: fall back to pyshacl)
_SHAPE_KEYS = {
    RDF.type, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.property,
    SH["class"], SH.nodeKind, SH.sparql, SH.message, SH.name, SH.description,
}
_PROPERTY_KEYS = {
    SH.path, SH.minCount, SH.maxCount, SH.datatype, SH.languageIn, SH.minLength, SH["class"],
    SH.nodeKind, SH.minInclusive, SH.maxInclusive, SH["in"], SH.message, SH.name, SH.description,
}
_SPARQL_KEYS = {SH.select, SH.prefixes, SH.message}

# lexical forms of the XSD datatypes kg writes (an ill-formed literal violates sh:datatype)
_LEXICAL = {
    str(XSD.integer): re.compile(r"[+-]?\d+"),
    str(XSD.decimal): re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    str(XSD.boolean): re.compile(r"true|false|1|0"),
}


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str | None  # predicate IRI of a property shape, None for a node constraint
    component: str  # e.g. "MinCountConstraintComponent"
    shape: str
    value: TextTerm | None = None
    message: str = ""

    def __str__(self) -> str:
        lines = [
            f"Constraint Violation in {self.component} ({SH}{self.component}):",
            "\tSeverity: sh:Violation",
            f"\tSource Shape: {self.shape}",
            f"\tFocus Node: {_show(self.focus)}",
        ]
        if self.value is not None:
            lines.append(f"\tValue Node: {_show(self.value)}")
        if self.path:
            lines.append(f"\tResult Path: {self.path}")
        if self.message:
            lines.append(f"\tMessage: {self.message}")
        return "\n".join(lines)


def _show(term: TextTerm) -> str:
    if isinstance(term, str):
        return term if term.startswith("_:") else f"<{term}>"
    lex, lang, dt = term
    return f'"{lex}"@{lang}' if lang else f'"{lex}"^^<{dt}>' if dt else f'"{lex}"'


def report(violations: list[Violation]) -> str:
    """A plain-text validation report (in the manner of pyshacl's)."""
    head = ["Validation Report", f"Conforms: {not violations}"]
    if violations:
        head.append(f"Results ({len(violations)}):")
    return "\n".join(head + [str(v) for v in violations]) + "\n"


# --- the data: {subject: {predicate: {object}}} of plain terms ------------------------------


Data = dict[str, dict[str, Any]]


def index_data(index: TextIndex) -> Data:
    """The triples of a text index (statement rows included) as one subject index."""
    data: Data = dict(index)
    for row in index.statements:
        po: dict[str, dict[TextTerm, None]] = {}
        for _s, p, o in statement_triples(row):
            po.setdefault(p, {})[o] = None
        data[row.iri] = po
    return data


def graph_data(graph: Graph) -> Data:
    """The triples of an rdflib graph as plain terms (IRIs and ``_:`` blank nodes as strings,
    literals as (lexical form, language, datatype))."""
    data: Data = {}
    for s, p, o in graph:
        data.setdefault(_term(s), {}).setdefault(str(p), {})[_term(o)] = None
    return data


def _term(t: Any) -> TextTerm:
    if isinstance(t, Literal):
        return (str(t), t.language or "", str(t.datatype) if t.datatype else "")
    if isinstance(t, BNode):
        return f"_:{t}"
    return str(t)


# --- the shapes -------------------------------------------------------------------------------


@dataclass
class _Property:
    shape: str
    path: str
    constraints: list[tuple[URIRef, Any]]
    message: str


@dataclass
class _NodeShape:
    iri: str
    targets: list[tuple[URIRef, str]]
    constraints: list[tuple[URIRef, Any]]
    properties: list[_Property]
    sparql: list[tuple[str, str]]  # (query with prefixes, message)


def _shapes(shapes: Graph) -> list[_NodeShape] | None:
    """The node shapes, or None when a shape uses something this validator does not check."""
    out = []
    for node in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        if set(shapes.predicates(node)) - _SHAPE_KEYS:
            return None
        targets = [(k, str(o)) for k in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                   for o in shapes.objects(node, k)]
        constraints = [(k, o) for k in (SH["class"], SH.nodeKind) for o in shapes.objects(node, k)]
        props = []
        for prop in shapes.objects(node, SH.property):
            if set(shapes.predicates(prop)) - _PROPERTY_KEYS:
                return None
            path = shapes.value(prop, SH.path)
            if not isinstance(path, URIRef):
                return None  # only single-predicate paths
            cons = []
            for k, o in shapes.predicate_objects(prop):
                if k in (SH.path, SH.message, SH.name, SH.description):
                    continue
                if k in (SH.languageIn, SH["in"]):
                    o = list(Collection(shapes, o))
                cons.append((k, o))
            props.append(_Property(str(prop), str(path), cons, str(shapes.value(prop, SH.message) or "")))
        sparql = []
        for sp in shapes.objects(node, SH.sparql):
            if set(shapes.predicates(sp)) - _SPARQL_KEYS or shapes.value(sp, SH.select) is None:
                return None
            prefixes = []
            for decl in shapes.objects(sp, SH.prefixes):
                for d in shapes.objects(decl, SH.declare):
                    prefixes.append(f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>")
            query = "\n".join([*prefixes, str(shapes.value(sp, SH.select))])
            sparql.append((query, str(shapes.value(sp, SH.message) or "")))
        out.append(_NodeShape(str(node), targets, constraints, props, sparql))
    return out


# --- validation -------------------------------------------------------------------------------


class _Types:
    """rdf:type with the data's rdfs:subClassOf closure (SHACL instances)."""

    def __init__(self, data: Data) -> None:
        self.data = data
        supers: dict[str, set[str]] = defaultdict(set)
        for s, po in data.items():
            for o in po.get(_SUBCLASS, ()):
                if isinstance(o, str):
                    supers[s].add(o)
        self._classes: dict[str, set[str]] = {}
        self.closure: dict[str, set[str]] = {}
        for c in list(supers):
            seen, todo = set(), [c]
            while todo:
                x = todo.pop()
                for y in supers.get(x, ()):
                    if y not in seen:
                        seen.add(y)
                        todo.append(y)
            self.closure[c] = seen

    def classes(self, node: TextTerm) -> set[str]:
        if not isinstance(node, str):
            return set()
        out = self._classes.get(node)
        if out is None:
            direct = {t for t in self.data.get(node, {}).get(_TYPE, ()) if isinstance(t, str)}
            out = set(direct)
            for t in direct:
                out |= self.closure.get(t, set())
            self._classes[node] = out
        return out

    def instances(self, cls: str) -> list[str]:
        if not hasattr(self, "_by_class"):
            self._by_class: dict[str, list[str]] = defaultdict(list)
            for s, po in self.data.items():
                for t in po.get(_TYPE, ()):
                    if isinstance(t, str):
                        self._by_class[t].append(s)
        subs = {cls} | {c for c, sup in self.closure.items() if cls in sup}
        return list(dict.fromkeys(s for c in sorted(subs) for s in self._by_class.get(c, ())))


def _focus(shape: _NodeShape, data: Data, types: _Types) -> list[str]:
    nodes: dict[str, None] = {}
    for kind, value in shape.targets:
        if kind == SH.targetClass:
            nodes.update(dict.fromkeys(types.instances(value)))
        elif kind == SH.targetSubjectsOf:
            nodes.update(dict.fromkeys(s for s, po in data.items() if value in po))
        elif kind == SH.targetObjectsOf:
            for po in data.values():
                nodes.update(dict.fromkeys(o for o in po.get(value, ()) if isinstance(o, str)))
        else:
            nodes[value] = None
    return list(nodes)


_NUMERIC = {str(XSD[t]) for t in (
    "integer", "decimal", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
    "double", "float",
)}


def _number(term: TextTerm) -> Decimal | None:
    if isinstance(term, str) or term[2] not in _NUMERIC:
        return None
    try:
        return Decimal(term[0].strip())
    except InvalidOperation:
        return None


def _bound(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _checker(kind: URIRef, arg: Any, types: _Types) -> Callable[[TextTerm], bool]:
    """A test of one value-type, range or string constraint on a value node."""
    if kind == SH.datatype:
        want = str(arg)
        pattern = _LEXICAL.get(want)

        def datatype(v: TextTerm) -> bool:
            if isinstance(v, str):
                return False
            lex, lang, dt = v
            actual = _LANG_STRING if lang else (dt or _XSD_STRING)
            return actual == want and (pattern is None or bool(pattern.fullmatch(lex)))

        return datatype
    if kind == SH.languageIn:
        tags = [str(a).lower() for a in arg]

        def language_in(v: TextTerm) -> bool:
            if isinstance(v, str) or not v[1]:
                return False
            tag = v[1].lower()
            return any(tag == a or tag.startswith(a + "-") for a in tags)

        return language_in
    if kind == SH.minLength:
        n = int(arg)
        return lambda v: len(v) >= n and not v.startswith("_:") if isinstance(v, str) else len(v[0]) >= n
    if kind == SH["class"]:
        cls = str(arg)
        return lambda v: cls in types.classes(v)
    if kind == SH.nodeKind:
        if arg == SH.IRI:
            return lambda v: isinstance(v, str) and not v.startswith("_:")
        if arg == SH.Literal:
            return lambda v: not isinstance(v, str)
        if arg == SH.BlankNode:
            return lambda v: isinstance(v, str) and v.startswith("_:")
        raise ValueError(f"unsupported sh:nodeKind {arg}")
    if kind in (SH.minInclusive, SH.maxInclusive):
        bound, lower = _bound(arg), kind == SH.minInclusive

        def inclusive(v: TextTerm) -> bool:
            n = _number(v)
            if n is None or bound is None:
                return False
            return n >= bound if lower else n <= bound

        return inclusive
    if kind == SH["in"]:
        allowed = {_term(a) for a in arg}
        return lambda v: v in allowed
    raise ValueError(f"unsupported constraint {kind}")


_COMPONENT = {
    SH.minCount: "MinCountConstraintComponent",
    SH.maxCount: "MaxCountConstraintComponent",
    SH.datatype: "DatatypeConstraintComponent",
    SH.languageIn: "LanguageInConstraintComponent",
    SH.minLength: "MinLengthConstraintComponent",
    SH["class"]: "ClassConstraintComponent",
    SH.nodeKind: "NodeKindConstraintComponent",
    SH.minInclusive: "MinInclusiveConstraintComponent",
    SH.maxInclusive: "MaxInclusiveConstraintComponent",
    SH["in"]: "InConstraintComponent",
}


def _store(data: Data, turtle: bytes | None) -> Any:
    import pyoxigraph as ox

    store = ox.Store()
    if turtle is not None:
        store.bulk_load(turtle, format=ox.RdfFormat.TURTLE)
    else:
        store.bulk_extend(_ox_quads(data))
    return store


def _sparql_violations(shape: _NodeShape, focus: list[str], store: Any) -> Iterator[Violation]:
    import pyoxigraph as ox

    wanted = set(focus)
    for query, message in shape.sparql:
        # $this is the focus node: one run over all of them, kept where ?this is a focus node
        text = query.replace("$this", "?this")
        for solution in store.query(text):
            node = solution["this"]
            if isinstance(node, ox.NamedNode) and node.value in wanted:
                yield Violation(node.value, None, "SPARQLConstraintComponent", shape.iri, node.value, message)


def _ox_quads(data: Data) -> Iterator[Any]:
    import pyoxigraph as ox

    nodes: dict[str, Any] = {}

    def node(t: str) -> Any:
        n = nodes.get(t)
        if n is None:
            n = nodes[t] = ox.BlankNode(t[2:]) if t.startswith("_:") else ox.NamedNode(t)
        return n

    graph = ox.DefaultGraph()
    for s, po in data.items():
        sn = node(s)
        for p, objects in po.items():
            pn = node(p)
            for o in objects:
                if isinstance(o, str):
                    on = node(o)
                else:
                    lex, lang, dt = o
                    on = ox.Literal(lex, language=lang) if lang else ox.Literal(lex, datatype=ox.NamedNode(dt or _XSD_STRING))
                yield ox.Quad(sn, pn, on, graph)


def validate_data(data: Data, shapes: Graph, turtle: bytes | None = None) -> list[Violation] | None:
    """Violations of ``shapes`` in ``data`` (sorted), or None when the shapes use SHACL features
    this validator does not implement. ``turtle``, the same triples as Turtle, lets SPARQL
    constraints load them into pyoxigraph by its parser instead of term by term."""
    parsed = _shapes(shapes)
    if parsed is None:
        return None
    types = _Types(data)
    out: list[Violation] = []
    store = None
    for shape in parsed:
        focus = _focus(shape, data, types)
        node_checks = [(_COMPONENT[k], _checker(k, a, types)) for k, a in shape.constraints]
        props = []
        for prop in shape.properties:
            counts = [(_COMPONENT[k], int(a), k == SH.minCount) for k, a in prop.constraints if k in (SH.minCount, SH.maxCount)]
            checks = [(_COMPONENT[k], _checker(k, a, types)) for k, a in prop.constraints if k not in (SH.minCount, SH.maxCount)]
            props.append((prop, counts, checks))
        for node in focus:
            for component, ok in node_checks:
                if not ok(node):
                    out.append(Violation(node, None, component, shape.iri, node))
            po = data.get(node, {})
            for prop, counts, checks in props:
                values = po.get(prop.path, ())
                for component, n, is_min in counts:
                    if (len(values) < n) if is_min else (len(values) > n):
                        out.append(Violation(node, prop.path, component, prop.shape, None, prop.message))
                for component, ok in checks:
                    out.extend(
                        Violation(node, prop.path, component, prop.shape, v, prop.message) for v in values if not ok(v)
                    )
        if shape.sparql and focus:
            if store is None:
                store = _store(data, turtle)
            out.extend(_sparql_violations(shape, focus, store))
    return sorted(out, key=lambda v: (v.focus, v.path or "", v.component, repr(v.value)))


def validate_index(index: TextIndex, shapes: Graph, turtle: bytes | None = None) -> list[Violation] | None:
    """``validate_data`` over the triples of a ``kg.graph.TextIndex``."""
    return validate_data(index_data(index), shapes, turtle)


def result_keys(violations: Iterable[Violation]) -> set[tuple[str, str | None, str]]:
    """(focus node, path, constraint component) of each violation, for comparisons."""
    return {(v.focus, v.path, v.component) for v in violations}


__all__ = ["Violation", "graph_data", "index_data", "report", "result_keys", "validate_data", "validate_index"]
