"""kg.shacl (the validator `kg build` runs) must report what pyshacl reports on kg graphs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.graph import text_index
from kg.namespaces import KG, shapes_path
from kg.pipeline import build_graph
from kg.shacl import _term, graph_data, report, result_keys, validate_data, validate_index

DOC = """8月2日，由青山环境保护基金会（以下简称“青山基金会”）和绿源科技有限公司联合主办的“2023湿地保护论坛”在江西省九江市举行。
青山基金会理事长林青表示，湿地守护计划将继续扩大。绿源科技有限公司向青山基金会捐赠500万元，用于湿地守护计划。
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    d = tmp_path_factory.mktemp("corpus")
    (d / "brief.txt").write_text(DOC, encoding="utf-8")
    return build_graph([d], shacl=False)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def _copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def _pyshacl_keys(g: Graph, shapes: Graph) -> tuple[bool, set[tuple[str, str | None, str]]]:
    conforms, results, _text = pyshacl_validate(g, shacl_graph=shapes, inference="none", abort_on_first=False)
    keys = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(r, SH.resultPath)
        component = str(results.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[1]
        keys.add((_term(results.value(r, SH.focusNode)), str(path) if path is not None else None, component))
    return conforms, keys


def _first(g: Graph, cls: URIRef) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def _statement(g: Graph, predicate: str = "") -> URIRef:
    for st in sorted(g.subjects(RDF.type, RDF.Statement)):
        if not predicate or g.value(st, RDF.predicate) == KG[predicate]:
            return st
    raise AssertionError("no statement")


def _drop_label(g: Graph) -> None:
    g.remove((_first(g, KG.Person), RDFS.label, None))


def _second_label(g: Graph) -> None:
    g.add((_first(g, KG.Person), RDFS.label, Literal("又一个", lang="zh")))


def _plain_label(g: Graph) -> None:
    p = _first(g, KG.Event)
    g.remove((p, RDFS.label, None))
    g.add((p, RDFS.label, Literal("无语言标签")))


def _empty_label(g: Graph) -> None:
    p = _first(g, KG.Place)
    g.remove((p, RDFS.label, None))
    g.add((p, RDFS.label, Literal("", lang="zh")))


def _english_label(g: Graph) -> None:
    p = _first(g, KG.Place)
    g.remove((p, RDFS.label, None))
    g.add((p, RDFS.label, Literal("Jiujiang", lang="en")))


def _mentioned_in_a_person(g: Graph) -> None:
    g.add((_first(g, KG.Event), KG.mentionedIn, _first(g, KG.Person)))


def _literal_subject(g: Graph) -> None:
    st = _statement(g)
    g.remove((st, RDF.subject, None))
    g.add((st, RDF.subject, Literal("某机构")))


def _unknown_predicate(g: Graph) -> None:
    st = _statement(g)
    g.remove((st, RDF.predicate, None))
    g.add((st, RDF.predicate, KG.likes))


def _offsets_out_of_range(g: Graph) -> None:
    st = _statement(g)
    g.remove((st, KG.startOffset, None))
    g.add((st, KG.startOffset, Literal(-3)))
    g.remove((st, KG.confidence, None))
    g.add((st, KG.confidence, Literal("1.50", datatype=XSD.decimal)))


def _wrong_datatypes(g: Graph) -> None:
    st = _statement(g)
    g.remove((st, KG.rule, None))
    g.add((st, KG.rule, Literal(7)))
    g.remove((st, KG.endOffset, None))
    g.add((st, KG.endOffset, Literal("12.5", datatype=XSD.decimal)))


def _triple_not_asserted(g: Graph) -> None:
    st = _statement(g)
    g.remove((g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)))


def _organisation_works_for(g: Graph) -> None:
    orgs = sorted(g.subjects(RDF.type, KG.Organization))
    g.add((orgs[0], KG.worksFor, orgs[1]))
    g.add((_first(g, KG.Person), KG.worksFor, _first(g, KG.Place)))


def _subclass_only_instance(g: Graph) -> None:
    """An entity typed only with a subclass of kg:Organization is still a target of the entity
    shape (SHACL instances follow rdfs:subClassOf in the data)."""
    f = _first(g, KG.Foundation)
    g.remove((f, RDF.type, KG.Organization))
    g.remove((f, RDFS.label, None))


BREAKAGES: dict[str, Callable[[Graph], None]] = {
    f.__name__.lstrip("_"): f
    for f in (
        _drop_label, _second_label, _plain_label, _empty_label, _english_label, _mentioned_in_a_person,
        _literal_subject, _unknown_predicate, _offsets_out_of_range, _wrong_datatypes, _triple_not_asserted,
        _organisation_works_for, _subclass_only_instance,
    )
}


def test_built_graph_conforms(built, shapes: Graph) -> None:
    found = validate_index(built.index, shapes)
    assert found == []
    assert _pyshacl_keys(built.graph, shapes) == (True, set())
    assert "Conforms: True" in report(found)


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_same_violations_as_pyshacl(built, shapes: Graph, name: str) -> None:
    g = _copy(built.graph)
    BREAKAGES[name](g)
    found = validate_data(graph_data(g), shapes)
    assert found is not None
    conforms, expected = _pyshacl_keys(g, shapes)
    assert not conforms and expected
    assert result_keys(found) == expected
    assert f"Results ({len(found)}):" in report(found)


def test_index_and_graph_give_the_same_data(built) -> None:
    from kg.shacl import index_data

    data = index_data(text_index(built.corpus))
    assert data == graph_data(built.graph)
    assert built.index.statements  # the statement rows are part of what is validated


def test_unsupported_shapes_fall_back(built, tmp_path: Path) -> None:
    """A shape with a constraint the validator does not implement (here sh:pattern) makes it
    decline (None); `kg build` then runs pyshacl."""
    extra = Graph().parse(shapes_path(), format="turtle")
    extra.parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://w3id.org/kg-cn-philanthropy/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        kg:X a sh:NodeShape ; sh:targetClass kg:Person ; sh:property [ sh:path rdfs:label ; sh:pattern "^.+$" ] .""",
        format="turtle",
    )
    assert validate_index(built.index, extra) is None


def test_build_reports_violations_of_the_native_validator(tmp_path: Path) -> None:
    """`kg build` validates with kg.shacl: a conforming corpus gives no violations."""
    d = tmp_path / "c"
    d.mkdir()
    (d / "a.txt").write_text(DOC, encoding="utf-8")
    result = build_graph([d])
    assert result.conforms is True and result.violations == 0
    assert result._graph is None  # no rdflib graph was needed to validate
