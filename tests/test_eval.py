"""The scorer implements FORMAT.md: surface normalisation, gold entity merging, typed match,
symmetric partnersWith, provenance share."""

import json

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.evaluate import evaluate, norm
from kg.namespaces import KG, PROV

R = "http://example.org/r/"


def _gold(tmp_path):
    rows = [
        {"kind": "entity", "name": "青山环境保护基金会", "type": "Organization", "subtype": "Foundation", "aliases": ["青山基金会"]},
        {"kind": "entity", "name": "绿源科技有限公司", "type": "Organization", "subtype": "Company"},
        {"kind": "entity", "name": "湿地守护计划", "type": "Project"},
        {"kind": "entity", "name": "九江市", "type": "Place", "aliases": ["九江"]},
        {"kind": "relation", "s": "绿源科技有限公司", "p": "funds", "o": "湿地守护计划", "evidence": "x"},
        {"kind": "relation", "s": "青山环境保护基金会", "p": "partnersWith", "o": "绿源科技有限公司", "evidence": "x"},
        {"kind": "relation", "s": "湿地守护计划", "p": "locatedIn", "o": "九江市", "evidence": "x"},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    # the same place in another file, written differently: one gold entity
    (tmp_path / "b.jsonl").write_text(json.dumps({"kind": "entity", "name": "九江", "type": "Place"}, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _graph():
    g = Graph()
    qs, ly, proj, jj, bad = (URIRef(R + x) for x in ("qs", "ly", "proj", "jj", "bad"))
    g.add((KG.Foundation, RDFS.subClassOf, KG.Organization))
    g.add((qs, RDF.type, KG.Foundation))
    g.add((qs, RDFS.label, Literal("“青山基金会”")))  # quotes are normalised away
    g.add((ly, RDF.type, KG.Organization))
    g.add((ly, SKOS.prefLabel, Literal("绿源科技 有限公司")))
    g.add((proj, RDF.type, KG.Event))  # wrong type: counts untyped, not typed
    g.add((proj, RDFS.label, Literal("湿地守护计划")))
    g.add((jj, RDF.type, KG.Place))
    g.add((jj, SKOS.altLabel, Literal("九江")))
    g.add((bad, RDF.type, KG.Person))
    g.add((bad, RDFS.label, Literal("无名氏")))
    g.add((ly, KG.partnersWith, qs))  # reversed direction still matches
    g.add((ly, KG.funds, proj))
    g.add((proj, KG.locatedIn, bad))  # wrong
    st = URIRef(R + "st")
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, ly))
    g.add((st, RDF.predicate, KG.funds))
    g.add((st, RDF.object, proj))
    g.add((st, PROV.wasDerivedFrom, URIRef(R + "doc")))
    g.add((st, KG.rule, Literal("funds.test")))
    return g


def test_norm():
    assert norm("“Blue  Guardian”") == "blueguardian"
    assert norm("思源·云图书馆") == "思源云图书馆"
    assert norm("《ＡＢＣ报告》") == "abc报告"


def test_scores(tmp_path):
    rep = evaluate(_graph(), _gold(tmp_path))
    assert rep.entities.n_gold == 4
    assert rep.entities.n_pred == 5
    assert rep.entities.tp_pred == 4 and rep.entities.tp_gold == 4
    assert rep.typed_entities.tp_gold == 3  # the project typed as Event does not count
    assert rep.by_type["Project"].recall == 0.0
    assert rep.relations.n_pred == 3 and rep.relations.tp_pred == 2
    assert rep.relations.n_gold == 3 and rep.relations.tp_gold == 2
    assert abs(rep.provenance - 1 / 3) < 1e-9
    assert rep.by_predicate["partnersWith"].precision == 1.0
    assert rep.by_rule["funds.test"].tp_pred == 1
