"""Exports: RDF round-trips, deterministic Turtle, GraphML/GEXF/CSV for network tools, the type
filter, JSON-LD context, HTML delegation, `kg export` and push errors."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import KGError
from kg.export import (
    DEFAULT_GRAPH_IRI,
    export_graph,
    filter_types,
    jsonld_context,
    jsonld_rdflib,
    push_graph,
    serialize_jsonld,
    serialize_ntriples,
    serialize_trig,
    serialize_turtle,
    to_networkx,
    turtle_oxigraph,
    turtle_rdflib,
)
from kg.namespaces import DEFAULT_BASE, KG, RDF, RDFS, SKOS, XSD
from kg.store import load_graph

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "sample_graph.ttl"
ENTITIES, RELATIONS = 7, 7


@pytest.fixture(scope="module")
def sample() -> Graph:
    return load_graph(SAMPLE)


# --- RDF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "trig"])
def test_rdf_round_trips(sample: Graph, fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"graph.{ {'turtle': 'ttl'}.get(fmt, fmt) }"
    assert export_graph(sample, fmt, target) == [target]
    again = load_graph(target)
    assert len(again) == len(sample) == 121
    assert isomorphic(again, sample)


def test_trig_uses_a_named_graph(sample: Graph) -> None:
    dataset = Dataset()
    dataset.parse(data=serialize_trig(sample), format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {DEFAULT_GRAPH_IRI}


def test_turtle_parses_with_oxigraph_to_the_same_graph(sample: Graph) -> None:
    triples = list(ox.parse(serialize_turtle(sample), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(sample)
    as_nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert isomorphic(Graph().parse(data=as_nt.decode("utf-8"), format="nt"), sample)


def test_turtle_is_deterministic(sample: Graph) -> None:
    first = serialize_turtle(sample)
    assert serialize_turtle(sample) == first
    shuffled = list(sample)
    random.Random(3).shuffle(shuffled)
    other = Graph()
    for triple in shuffled:
        other.add(triple)
    assert serialize_turtle(other) == first  # insertion order does not matter
    assert serialize_ntriples(other) == serialize_ntriples(sample)
    assert first.startswith(b"@prefix ") and "rorg:绿源科技有限公司 a kg:Company".encode() in first


def test_turtle_is_identical_across_processes(tmp_path: Path) -> None:
    script = (
        "import sys; from kg.store import load_graph; from kg.export import serialize_turtle; "
        "sys.stdout.buffer.write(serialize_turtle(load_graph(sys.argv[1])))"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", script, str(SAMPLE)], capture_output=True, env=env, check=True
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_blank_nodes_do_not_break_determinism() -> None:
    text = '@prefix ex: <http://x.org/> . ex:a ex:p [ ex:q "1" ; ex:r [ ex:s "2" ] ] .'
    first, second = Graph().parse(data=text, format="turtle"), Graph().parse(data=text, format="turtle")
    assert serialize_turtle(first) == serialize_turtle(second)
    assert isomorphic(Graph().parse(data=serialize_turtle(first), format="turtle"), first)


def test_rdflib_turtle_alternative_is_equivalent(sample: Graph) -> None:
    text = turtle_rdflib(sample)
    assert turtle_rdflib(sample) == text
    assert isomorphic(Graph().parse(data=text, format="turtle"), sample)
    assert isomorphic(Graph().parse(data=turtle_oxigraph(sample), format="turtle"), sample)


def test_jsonld_is_compacted_with_the_kg_context(sample: Graph) -> None:
    context_file = ROOT / "ontology" / "context.jsonld"
    context = json.loads(context_file.read_text(encoding="utf-8"))["@context"]
    assert context == jsonld_context()
    doc = json.loads(serialize_jsonld(sample))
    assert doc["@context"] == context
    nodes = {node["@id"]: node for node in doc["@graph"]}
    lin = nodes["rperson:林青"]
    assert lin["@type"] == "Person" and lin["prefLabel"] == {"@language": "zh", "@value": "林青"}
    assert lin["worksFor"] == "rorg:青山环境保护基金会"
    assert nodes["rstmt:0006"]["role"] == "秘书长"


def test_context_file_expands_hand_written_jsonld() -> None:
    context = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    doc = {
        "@context": context,
        "@id": "rorg:测试基金会",
        "@type": ["Organization", "Foundation"],
        "prefLabel": {"@value": "测试基金会", "@language": "zh"},
        "funds": "rproject:测试项目",
    }
    graph = Graph().parse(data=json.dumps(doc, ensure_ascii=False), format="json-ld")
    org = URIRef(f"{DEFAULT_BASE}org/测试基金会")
    assert (org, RDF.type, KG.Foundation) in graph
    assert (org, KG.funds, URIRef(f"{DEFAULT_BASE}project/测试项目")) in graph
    assert (org, SKOS.prefLabel, Literal("测试基金会", lang="zh")) in graph


# --- type filter ----------------------------------------------------------------------------


def test_filter_types(sample: Graph) -> None:
    orgs = filter_types(sample, ["Organization"])
    assert (URIRef(f"{DEFAULT_BASE}person/林青"), None, None) not in orgs
    assert len(set(orgs.subjects(RDF.type, KG.Organization))) == 2
    relations = [
        (s, p, o)
        for s, p, o in orgs
        if str(p).startswith(str(KG)) and isinstance(o, URIRef) and p not in (KG.mentionedIn,)
    ]
    assert relations == [
        (
            URIRef(f"{DEFAULT_BASE}org/青山环境保护基金会"),
            KG.partnersWith,
            URIRef(f"{DEFAULT_BASE}org/绿源科技有限公司"),
        )
    ]
    assert len(set(orgs.subjects(RDF.type, RDF.Statement))) == 1
    assert len(filter_types(sample, ["foundation", "Project"]).subjects(RDF.type, KG.Project).__next__())
    assert filter_types(sample, None) is sample
    with pytest.raises(KGError, match="unknown entity type Planet"):
        filter_types(sample, ["Planet"])


# --- networks -------------------------------------------------------------------------------


def test_networkx_view(sample: Graph) -> None:
    net = to_networkx(sample)
    assert (net.number_of_nodes(), net.number_of_edges()) == (ENTITIES, RELATIONS)
    org = net.nodes[f"{DEFAULT_BASE}org/青山环境保护基金会"]
    assert org["type"] == "Organization" and org["subtype"] == "Foundation"
    assert org["aliases"] == "QSF|青山基金会" and org["label"] == "青山环境保护基金会"
    edge = net.edges[f"{DEFAULT_BASE}org/绿源科技有限公司", f"{DEFAULT_BASE}project/湿地守护计划", "funds"]
    assert edge["confidence"] == 0.85 and edge["evidence"] == "绿源科技向青山基金会捐资支持湿地守护计划"
    small = to_networkx(sample, ["Organization", "Project"])
    assert (small.number_of_nodes(), small.number_of_edges()) == (3, 3)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_gexf_reimport(sample: Graph, fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"graph.{fmt}"
    export_graph(sample, fmt, target)
    net = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
    assert (net.number_of_nodes(), net.number_of_edges()) == (ENTITIES, RELATIONS)
    node = net.nodes[f"{DEFAULT_BASE}person/林青"]
    assert node["label"] == "林青" and node["type"] == "Person"
    predicates = sorted(d["predicate"] for _, _, d in net.edges(data=True))
    assert predicates == sorted(
        ["funds", "implements", "partnersWith", "locatedIn", "partOf", "worksFor", "receivedAward"]
    )
    evidence = {d["predicate"]: d["evidence"] for _, _, d in net.edges(data=True)}
    assert evidence["worksFor"] == "青山基金会秘书长林青表示"


def test_csv_export_directory_and_prefix(sample: Graph, tmp_path: Path) -> None:
    written = export_graph(sample, "csv", tmp_path / "tables")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    nodes = list(csv.DictReader(written[0].open(encoding="utf-8")))
    edges = list(csv.DictReader(written[1].open(encoding="utf-8")))
    assert (len(nodes), len(edges)) == (ENTITIES, RELATIONS)
    assert {e["predicate"] for e in edges} >= {"funds", "partOf"}
    funds = next(e for e in edges if e["predicate"] == "funds")
    assert (funds["source_label"], funds["target_label"], funds["confidence"]) == (
        "绿源科技有限公司",
        "湿地守护计划",
        "0.85",
    )
    rebuilt = nx.MultiDiGraph()
    rebuilt.add_nodes_from(n["id"] for n in nodes)
    rebuilt.add_edges_from((e["source"], e["target"], e["predicate"]) for e in edges)
    assert (rebuilt.number_of_nodes(), rebuilt.number_of_edges()) == (ENTITIES, RELATIONS)
    prefixed = export_graph(sample, "csv", tmp_path / "out" / "kg.csv")
    assert [p.name for p in prefixed] == ["kg.nodes.csv", "kg.edges.csv"]


def test_csv_neutralises_formulas(sample: Graph, tmp_path: Path) -> None:
    graph = Graph()
    graph += sample
    evil = URIRef(f"{DEFAULT_BASE}org/evil")
    graph.add((evil, RDF.type, KG.Organization))
    graph.add((evil, SKOS.prefLabel, Literal('=HYPERLINK("http://x.org","点我")', lang="zh")))
    graph.add((evil, SKOS.altLabel, Literal("+1")))
    graph.add((evil, RDFS.label, Literal("@SUM(A1)")))
    nodes_path, _ = export_graph(graph, "csv", tmp_path)
    row = next(r for r in csv.DictReader(nodes_path.open(encoding="utf-8")) if r["id"].endswith("/evil"))
    assert row["label"] == '\'=HYPERLINK("http://x.org","点我")'
    assert row["aliases"] == "'+1"


def test_html_is_delegated(sample: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.html

    calls = []

    def fake_write_html(graph: Graph, path: Path, **kwargs: object) -> Path:
        calls.append((graph, Path(path), kwargs))
        Path(path).write_text("<html></html>", encoding="utf-8")
        return Path(path)

    monkeypatch.setattr(kg.html, "write_html", fake_write_html)
    export_graph(sample, "html", tmp_path / "g.html", include_types=["organization", "Project"])
    assert calls == [(sample, tmp_path / "g.html", {"include_types": {"Organization", "Project"}})]


def test_unknown_format(sample: Graph, tmp_path: Path) -> None:
    with pytest.raises(KGError, match="unknown export format 'xlsx'"):
        export_graph(sample, "xlsx", tmp_path / "g.xlsx")


# --- push errors (the real push is in test_oxigraph_server.py) -------------------------------


def test_push_errors(sample: Graph) -> None:
    with pytest.raises(KGError, match="must start with http"):
        push_graph(sample, "file:///etc/passwd")
    with pytest.raises(KGError, match="not a valid graph IRI"):
        push_graph(sample, "http://127.0.0.1:9/store", graph_iri="http://x.org/a b")
    with pytest.raises(KGError, match="cannot reach the store"):
        push_graph(sample, "http://127.0.0.1:9/store", timeout=2)


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("g.ttl", "turtle"),
        ("g.nt", "nt"),
        ("g.jsonld", "jsonld"),
        ("g.trig", "trig"),
        ("g.graphml", "graphml"),
        ("g.gexf", "gexf"),
    ],
)
def test_cli_export_by_suffix(tmp_path: Path, name: str, fmt: str) -> None:
    target = tmp_path / name
    result = CliRunner().invoke(main, ["export", str(SAMPLE), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {target}\n" and target.stat().st_size > 500


def test_cli_export_types_and_csv(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(SAMPLE),
            "--format",
            "csv",
            "-o",
            str(tmp_path / "csv"),
            "--types",
            "Organization,Project",
        ],
    )
    assert result.exit_code == 0, result.output
    nodes = list(csv.DictReader((tmp_path / "csv" / "nodes.csv").open(encoding="utf-8")))
    assert sorted(n["type"] for n in nodes) == ["Organization", "Organization", "Project"]
    result = CliRunner().invoke(
        main, ["export", str(SAMPLE), "-o", str(tmp_path / "o.ttl"), "--types", "Person"]
    )
    assert "林青" in (tmp_path / "o.ttl").read_text(encoding="utf-8")
    assert "湿地守护计划 a" not in (tmp_path / "o.ttl").read_text(encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", str(SAMPLE), "-o", str(tmp_path / "o.ttl"), "--types", "Cat"]
    )
    assert result.exit_code == 2 and "unknown entity type Cat" in result.stderr
    result = CliRunner().invoke(main, ["export", str(SAMPLE), "-o", str(tmp_path / "o.xyz")])
    assert result.exit_code == 2 and "give --format" in result.stderr


def test_cli_export_from_oxigraph_store(tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path}/store"
    runner = CliRunner()
    assert (
        runner.invoke(main, ["query", str(SAMPLE), "--store", store, "ASK { ?s ?p ?o }"]).stdout == "true\n"
    )
    result = runner.invoke(main, ["export", store, "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 0, result.output
    assert isomorphic(load_graph(tmp_path / "g.ttl"), load_graph(SAMPLE))


def test_bnode_free_sample() -> None:
    assert not any(isinstance(t, BNode) for triple in load_graph(SAMPLE) for t in triple)


def test_jsonld_writer_matches_rdflib_up_to_order(sample: Graph) -> None:
    def nodes(data: bytes) -> dict[str, dict]:
        out = {}
        for node in json.loads(data)["@graph"]:
            out[node["@id"]] = {
                k: sorted(
                    json.dumps(x, sort_keys=True, ensure_ascii=False)
                    for x in (v if isinstance(v, list) else [v])
                )
                for k, v in node.items()
            }
        return out

    assert nodes(serialize_jsonld(sample)) == nodes(jsonld_rdflib(sample))


def test_turtle_writer_escapes_and_types() -> None:
    ex = "http://x.org/"
    g = Graph()
    g.add((URIRef(ex + "a"), URIRef(ex + "p"), Literal('引号"反斜杠\\换行\n回车\r制表\t\x01', lang="zh")))
    g.add((URIRef(ex + "a"), URIRef(ex + "q"), Literal("5", datatype=URIRef(ex + "dt"))))
    g.add((URIRef(ex + "b"), URIRef(KG + "x"), URIRef(KG + "bad.")))  # not a valid local name
    g.add((URIRef(KG + "a"), URIRef(KG + "n"), Literal(3)))
    text = serialize_turtle(g)
    assert isomorphic(Graph().parse(data=text, format="turtle"), g)
    assert len(list(ox.parse(text, format=ox.RdfFormat.TURTLE))) == len(g)
    # xsd:string is the plain literal (RDF 1.1), as pyoxigraph reads it back
    typed = Graph()
    typed.add((URIRef(ex + "a"), URIRef(ex + "p"), Literal("s", datatype=XSD.string)))
    assert b'"s"' in serialize_turtle(typed) and b"xsd:string" not in serialize_turtle(typed)


def test_writers_from_subject_index_match_the_graph() -> None:
    """`kg build` writes graph.ttl / graph.jsonld from a text index without an rdflib graph;
    the bytes must be those written from the rdflib graph of the same corpus."""
    from kg.graph import index_size, text_index, to_graph
    from kg.pipeline import build_graph

    corpus = build_graph(shacl=False).corpus
    index, graph = text_index(corpus), to_graph(corpus)
    assert index_size(index) == len(graph) > 1000
    assert serialize_turtle(index) == serialize_turtle(graph)
    assert serialize_jsonld(index) == serialize_jsonld(graph)


def test_statement_rows_are_written_as_their_triples() -> None:
    """Evidence nodes are rendered from rows (``TextIndex.statements``) by dedicated code; with
    qualifiers (repeated, boolean), escapes in the evidence and several relations per document,
    the bytes must be those of the generic writers over the rdflib graph of the same triples."""
    from kg.graph import index_size, text_index, to_graph
    from kg.model import Corpus, Document, Entity, ResolvedRelation

    doc = Document("d1", "docs/一.txt", "标题", "", "", ())
    ents = (
        Entity("Organization/甲基金会", "甲基金会", "Organization", "Foundation", ("甲会",), ("d1",)),
        Entity("Person/王小明", "王小明", "Person", None, (), ("d1",)),
        Entity("Project/乙计划", "乙计划", "Project", None, (), ("d1",)),
    )
    rels = (
        ResolvedRelation("Organization/甲基金会", "funds", "Project/乙计划", "d1", '引号"反斜杠\\换行\n制表\t', 3, 40,
                         "funds.x", 0.9, (("amount", "50万元"), ("year", "2023"), ("year", "2023"), ("year", "2024"))),
        ResolvedRelation("Person/王小明", "worksFor", "Organization/甲基金会", "d1", "王小明任甲基金会秘书长。", 50, 62,
                         "worksFor.y", 0.85, (("role", "秘书长"), ("former", "true"), ("ignored", "x"))),
        ResolvedRelation("Organization/甲基金会", "initiates", "Project/乙计划", "d1", "甲基金会发起乙计划。", 70, 80,
                         "initiates.z", 1.0),
    )
    corpus = Corpus((doc,), ents, rels)
    index, graph = text_index(corpus), to_graph(corpus)
    assert len(index.statements) == 3
    assert index_size(index) == len(graph)
    ttl = serialize_turtle(index)
    assert ttl == serialize_turtle(graph)
    assert serialize_jsonld(index) == serialize_jsonld(graph)
    assert b'kg:year "2023" ,\n        "2024"' in ttl and b'kg:former "true"^^xsd:boolean' in ttl
    assert isomorphic(Graph().parse(data=ttl, format="turtle"), graph)


def test_jsonld_is_one_node_per_line() -> None:
    """graph.jsonld: the context indented, then each node object on one line (greppable)."""
    from kg.pipeline import build_graph

    index = build_graph(shacl=False).index
    text = serialize_jsonld(index).decode("utf-8")
    doc = json.loads(text)
    lines = text.split("\n")
    graph_at = lines.index('  "@graph": [')
    node_lines = lines[graph_at + 1 : -2]
    assert len(node_lines) == len(doc["@graph"]) > 100
    assert [json.loads(line.rstrip(",")) for line in node_lines] == doc["@graph"]
    assert lines[-2:] == ["  ]", "}"]


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [1, 2.5, True, None, "x\n\"y\\"], "d": {"@value": "中文\u2028"}},
        [{"@id": "kg:x", "k": ["a", {"@language": "zh", "@value": "甲"}]}, "tail"],
    ],
)
def test_json_indented_equals_json_dumps(value: object) -> None:
    from kg.export import _json_indented

    assert _json_indented(value) == json.dumps(value, indent=2, ensure_ascii=False)
