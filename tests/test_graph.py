"""Golden-graph test on a small document of our own, SHACL, round-trips and determinism."""

import subprocess
import sys

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

from kg.graph import to_graph, validate
from kg.ingest import make_document
from kg.model import Corpus
from kg.namespaces import KG
from kg.pipeline import build_graph, process_document
from kg.resolve import resolve

DOC = """8月2日，由青山环境保护基金会（以下简称“青山基金会”）和绿源科技有限公司联合主办的“2023湿地保护论坛”在江西省九江市举行。
青山基金会理事长林青表示，湿地守护计划将继续扩大。绿源科技有限公司向青山基金会捐赠500万元，用于湿地守护计划。
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    (d / "brief.txt").write_text(DOC, encoding="utf-8")
    return build_graph([d])


def _label(g, node):
    return str(g.value(node, RDFS.label))


def _entities(g, cls):
    return {_label(g, s) for s in g.subjects(RDF.type, KG[cls])}


def test_golden_graph_entities(small):
    g = small.graph
    assert {"青山环境保护基金会", "绿源科技有限公司"} <= _entities(g, "Organization")
    assert "青山环境保护基金会" in _entities(g, "Foundation")
    assert "绿源科技有限公司" in _entities(g, "Company")
    assert "林青" in _entities(g, "Person")
    assert {"江西省", "九江市"} <= _entities(g, "Place")
    assert "2023湿地保护论坛" in _entities(g, "Event")
    # the declared short name is an alias of the foundation, not a separate entity
    found = next(s for s in g.subjects(RDF.type, KG.Foundation) if _label(g, s) == "青山环境保护基金会")
    assert Literal("青山基金会", lang="zh") in set(g.objects(found, SKOS.altLabel))
    assert "青山基金会" not in _entities(g, "Organization")


def _triples(g):
    preds = {p for p in g.predicates() if str(p).startswith(str(KG))}
    return {
        (_label(g, s), str(p).split("#")[1], _label(g, o))
        for p in preds
        for s, o in g.subject_objects(p)
        if g.value(s, RDFS.label) and g.value(o, RDFS.label)
    }


def test_golden_graph_relations(small):
    t = _triples(small.graph)
    assert ("青山环境保护基金会", "organizes", "2023湿地保护论坛") in t
    assert ("绿源科技有限公司", "organizes", "2023湿地保护论坛") in t
    assert ("九江市", "partOf", "江西省") in t
    assert ("林青", "worksFor", "青山环境保护基金会") in t
    assert ("绿源科技有限公司", "funds", "青山环境保护基金会") in t


def test_every_relation_has_provenance_and_offsets_point_at_evidence(small):
    g = small.graph
    doc = make_document(DOC)
    rel_preds = [KG[p] for p in ("organizes", "partOf", "worksFor", "funds", "locatedIn")]
    for p in rel_preds:
        for s, o in g.subject_objects(p):
            stmts = [
                st
                for st in g.subjects(RDF.subject, s)
                if g.value(st, RDF.predicate) == p and g.value(st, RDF.object) == o
            ]
            assert stmts, (s, p, o)
            for st in stmts:
                a, b = int(g.value(st, KG.startOffset)), int(g.value(st, KG.endOffset))
                evidence = str(g.value(st, KG.evidence))
                raw = doc.raw[a:b].replace("\n", "").replace(" ", "")
                assert evidence.replace(" ", "") in raw or raw in evidence.replace(" ", "")
                assert g.value(st, KG.rule) is not None and g.value(st, KG.confidence) is not None


def test_shacl_conforms(small):
    assert small.conforms, small.shacl_report


def test_shacl_catches_a_broken_graph(small):
    g = Graph()
    for t in small.graph:
        g.add(t)
    person = next(g.subjects(RDF.type, KG.Person))
    g.remove((person, RDFS.label, None))
    conforms, _text, violations = validate(g)
    assert not conforms and violations >= 1


def test_turtle_and_jsonld_round_trip(small):
    g = small.graph
    ttl = g.serialize(format="turtle")
    assert isomorphic(g, Graph().parse(data=ttl, format="turtle"))
    js = g.serialize(format="json-ld")
    assert isomorphic(g, Graph().parse(data=js, format="json-ld"))


def test_base_iri_option(tmp_path):
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    res = build_graph([tmp_path], base="http://example.org/kg/", shacl=False)
    subjects = {str(s) for s in res.graph.subjects(RDF.type, KG.Person)}
    assert subjects and all(s.startswith("http://example.org/kg/person/") for s in subjects)


def test_entity_iris_stable_when_a_document_is_added(tmp_path):
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    first = {s for s in build_graph([tmp_path], shacl=False).graph.subjects(RDF.type, KG.Organization)}
    (tmp_path / "b.txt").write_text("蓝天环保协会与绿源科技有限公司签订合作协议。", encoding="utf-8")
    second = {s for s in build_graph([tmp_path], shacl=False).graph.subjects(RDF.type, KG.Organization)}
    assert first <= second


def test_two_builds_in_separate_processes_give_identical_turtle(tmp_path):
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    outs = []
    for i in range(2):
        out = tmp_path / f"out{i}"
        subprocess.run(
            [sys.executable, "-m", "kg", "build", str(tmp_path / "a.txt"), "-o", str(out), "--no-html", "-q"],
            check=True,
            env={"PYTHONHASHSEED": str(i + 1), "PATH": ""},
        )
        outs.append((out / "graph.ttl").read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 1000


def test_resolution_maps_mentions_of_many_documents_to_one_entity():
    r1 = process_document(make_document("青山环境保护基金会发起了湿地守护计划。"))
    r2 = process_document(make_document("青山环保基金会今天在九江市举行了活动。"))
    entities, _ = resolve([r1, r2])
    orgs = [e for e in entities if e.type == "Organization"]
    assert [e.name for e in orgs] == ["青山环境保护基金会"]
    assert "青山环保基金会" in orgs[0].aliases
    assert any(rule == "contraction" for _a, rule, _e in orgs[0].merges)
    g = to_graph(Corpus((r1.document, r2.document), entities, ()))
    assert len(set(g.subjects(RDF.type, KG.Organization))) == 1


def test_bulk_add_leaves_the_state_addn_would(small):
    from rdflib import URIRef

    from kg.graph import bulk_add

    triples = list(small.graph) + list(small.graph)[:5]  # duplicates are ignored
    fast, slow = Graph(), Graph()
    bulk_add(fast, iter(triples))
    slow.addN((s, p, o, slow) for s, p, o in triples)
    assert len(fast) == len(slow) and set(fast) == set(slow)
    for name in ("_Memory__spo", "_Memory__pos", "_Memory__osp", "_Memory__tripleContexts"):
        assert getattr(fast.store, name) == getattr(slow.store, name)
    assert [len(v) for v in fast.store._Memory__contextTriples.values()] == [len(small.graph)] * 2
    s = next(iter(small.graph.subjects(RDF.type, KG.Organization)))
    assert set(fast.predicate_objects(s)) == set(small.graph.predicate_objects(s))
    fast.add((URIRef("urn:x"), RDFS.label, Literal("x")))  # still an ordinary graph afterwards
    assert len(fast) == len(slow) + 1 and isomorphic(
        fast - Graph().parse(data='<urn:x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .', format="nt"),
        slow,
    )


def test_merge_records_are_iris_not_blank_nodes(small):
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in small.graph for t in triple)
    for node in small.graph.objects(None, KG.mergedBy):
        assert str(node).startswith("https://w3id.org/kg-cn-philanthropy/resource/stmt/merge-")


def test_validate_reports_what_plain_pyshacl_reports(small):
    from pyshacl import validate as shacl_validate

    from kg.namespaces import shapes_path

    g = Graph()
    for triple in small.graph:
        g.add(triple)
    st = next(iter(g.subjects(RDF.type, RDF.Statement)))
    g.remove((g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)))
    conforms, text, violations = validate(g)
    shapes = Graph().parse(shapes_path(), format="turtle")
    plain = shacl_validate(g, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True)
    assert not conforms and violations >= 1 and (conforms, text) == (plain[0], plain[2])
