"""SPARQL: named queries on the sample graph (rdflib and Oxigraph engines), parameters,
read-only enforcement, timeouts, output formats and the `kg query` command."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

import kg
from kg.cli import main
from kg.errors import GraphLoadError, QueryError
from kg.namespaces import DEFAULT_BASE, KG, PROV, RDF, RDFS, SKOS
from kg.sparql import (
    _with_deadline,
    classify,
    display_width,
    format_result,
    get_named_query,
    named_queries,
    query_rows,
    run_named,
    run_query,
    substitute,
)
from kg.store import copy_graph, graph_for_store, load_graph, open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "sample_graph.ttl"
PROJECT = URIRef(f"{DEFAULT_BASE}project/湿地守护计划")
NETWORK = URIRef(f"{DEFAULT_BASE}org/中国湿地保护联盟")
INJECTIONS = [
    '"} ; DROP ALL #',
    '湿地守护计划" || true || "',
    '湿地守护计划"@zh } UNION { ?s ?p ?o } #',
    "') } DELETE WHERE { ?s ?p ?o } #",
    "?entity",
    '\\" } \n DROP ALL',
]


def _with_network(graph: Graph) -> Graph:
    """The sample plus a network with one member (the sample has no kg:memberOf)."""
    out = Graph()
    out += graph
    doc = next(graph.subjects(RDF.type, KG.Document))
    member = URIRef(f"{DEFAULT_BASE}org/青山环境保护基金会")
    out.add((NETWORK, RDF.type, KG.Organization))
    out.add((NETWORK, RDF.type, KG.Network))
    for p in (RDFS.label, SKOS.prefLabel):
        out.add((NETWORK, p, Literal("中国湿地保护联盟", lang="zh")))
    out.add((NETWORK, SKOS.altLabel, Literal("湿地联盟", lang="zh")))
    out.add((NETWORK, KG.mentionedIn, doc))
    out.add((member, KG.memberOf, NETWORK))
    st = URIRef(f"{DEFAULT_BASE}stmt/0100")
    for p, o in (
        (RDF.type, RDF.Statement),
        (RDF.subject, member),
        (RDF.predicate, KG.memberOf),
        (RDF.object, NETWORK),
        (PROV.wasDerivedFrom, doc),
        (KG.evidence, Literal("青山基金会是中国湿地保护联盟的理事单位", lang="zh")),
        (KG.role, Literal("理事单位")),
        (KG.confidence, Literal(0.8)),
    ):
        out.add((st, p, o))
    return out


@pytest.fixture(scope="module")
def sample() -> Graph:
    return _with_network(load_graph(SAMPLE))


@pytest.fixture(scope="module")
def ox_sample(sample: Graph, tmp_path_factory: pytest.TempPathFactory):
    graph = copy_graph(sample, graph_for_store(f"oxigraph:{tmp_path_factory.mktemp('ox')}/store"))
    yield graph
    graph.close()


@pytest.fixture(params=["rdflib", "oxigraph"])
def engine(request: pytest.FixtureRequest, sample: Graph, ox_sample: Graph) -> Graph:
    return sample if request.param == "rdflib" else ox_sample


def rows(graph: Graph, name: str, **params: object) -> list[dict]:
    return run_named(graph, name, params).dicts()


# --- the named queries ----------------------------------------------------------------------


def test_named_queries_are_declared_and_documented() -> None:
    queries = named_queries()
    assert len(queries) >= 10
    for nq in queries.values():
        text = Path(nq.path).read_text(encoding="utf-8")
        assert text.startswith(f"# name: {nq.name}\n# description: ")
        assert nq.description and "# params:" in text
        assert re.search(r"^# Answers ", text, re.MULTILINE), f"{nq.name}: say what it answers"
        kind, _ = classify(nq.sparql)
        assert kind == "SELECT"
    assert {
        "funders",
        "partners",
        "projects_in",
        "award_winners",
        "members",
        "persons_roles",
        "evidence",
        "chain",
        "orgs_by_type",
        "documents_of",
        "funding_flows",
    } <= set(queries)
    assert "_lookup" not in queries  # helpers stay hidden from --list


def test_funders(engine: Graph) -> None:
    found = rows(engine, "funders", entity="湿地守护计划")
    assert [r["funderLabel"] for r in found] == ["绿源科技有限公司"]
    assert found[0]["amount"] == "100万元" and found[0]["funderType"] == "Company"
    assert found[0]["evidence"] == "绿源科技向青山基金会捐资支持湿地守护计划"
    by_iri = rows(engine, "funders", entity=str(PROJECT))
    assert [r["funder"] for r in by_iri] == [f"{DEFAULT_BASE}org/绿源科技有限公司"]
    assert rows(engine, "funders", entity="青山环境保护基金会") == []


def test_partners_in_both_directions(engine: Graph) -> None:
    assert [r["partnerLabel"] for r in rows(engine, "partners", org="青山基金会")] == ["绿源科技有限公司"]
    assert [r["partnerLabel"] for r in rows(engine, "partners", org="绿源科技")] == ["青山环境保护基金会"]
    assert rows(engine, "partners", org="QSF")[0]["evidence"] == "青山基金会与绿源科技签订合作协议"


def test_projects_in_follows_part_of(engine: Graph) -> None:
    found = rows(engine, "projects_in", place="江西省")
    assert [(r["projectLabel"], r["locationLabel"]) for r in found] == [("湿地守护计划", "九江市")]
    assert [r["projectLabel"] for r in rows(engine, "projects_in", place="九江")] == ["湿地守护计划"]
    assert rows(engine, "projects_in", place="青山基金会") == []  # not a place


def test_award_winners_and_filters(engine: Graph) -> None:
    found = rows(engine, "award_winners")
    assert [(r["winnerLabel"], r["awardLabel"], r["year"], r["level"]) for r in found] == [
        ("湿地守护计划", "绿色未来奖", "2023", "年度大奖")
    ]
    assert len(rows(engine, "award_winners", year="2023")) == 1
    assert len(rows(engine, "award_winners", year=2023)) == 1  # an int matches the string qualifier
    assert rows(engine, "award_winners", year="2022") == []
    assert len(rows(engine, "award_winners", level="年度大奖", year="2023")) == 1
    assert rows(engine, "award_winners", level="提名奖") == []
    assert rows(engine, "award_winners", category="生态保护") == []
    assert len(rows(engine, "award_winners", prize="绿色未来奖")) == 1
    assert rows(engine, "award_winners", prize="另一个奖") == []


def test_members(engine: Graph) -> None:
    found = rows(engine, "members", network="湿地联盟")
    assert [(r["memberLabel"], r["memberType"], r["role"]) for r in found] == [
        ("青山环境保护基金会", "Foundation", "理事单位")
    ]
    assert rows(engine, "members", network="绿源科技") == []


def test_persons_roles(engine: Graph) -> None:
    found = rows(engine, "persons_roles")
    assert [(r["personLabel"], r["relation"], r["orgLabel"], r["role"]) for r in found] == [
        ("林青", "worksFor", "青山环境保护基金会", "秘书长")
    ]
    assert len(rows(engine, "persons_roles", person="林青")) == 1
    assert len(rows(engine, "persons_roles", org="QSF")) == 1
    assert rows(engine, "persons_roles", org="绿源科技") == []


def test_evidence_either_direction(engine: Graph) -> None:
    for subject, obj in (("林青", "QSF"), ("青山环境保护基金会", "林青")):
        found = rows(engine, "evidence", subject=subject, object=obj)
        assert len(found) == 1
        hit = found[0]
        assert hit["evidence"] == "青山基金会秘书长林青表示"
        assert (hit["startOffset"], hit["endOffset"], hit["confidence"]) == (74, 86, 0.85)
        assert hit["predicate"] == str(KG.worksFor) and hit["sourcePath"] == "corpus/brief.txt"
    assert rows(engine, "evidence", subject="林青", object="江西省") == []


def test_chain(engine: Graph) -> None:
    found = rows(engine, "chain", a="林青", b="江西省")
    assert [r["predicate"].rsplit("#", 1)[1] for r in found] == [
        "worksFor",
        "implements",
        "locatedIn",
        "partOf",
    ]
    assert found[0]["fromLabel"] == "林青" and found[-1]["toLabel"] == "江西省"
    assert all(r["direction"] == "forward" for r in found)
    back = rows(engine, "chain", a="江西", b="林青")
    assert [r["direction"] for r in back] == ["backward"] * 4
    assert rows(engine, "chain", a="林青", b="林青") == []
    with pytest.raises(QueryError, match="no entity named"):
        rows(engine, "chain", a="林青", b="不存在的机构")


def test_orgs_by_type(engine: Graph) -> None:
    found = rows(engine, "orgs_by_type")
    assert [(r["orgType"], r["orgLabel"], r["relations"]) for r in found] == [
        ("Company", "绿源科技有限公司", 2),
        ("Foundation", "青山环境保护基金会", 4),
        ("Network", "中国湿地保护联盟", 1),
    ]
    assert [r["orgLabel"] for r in rows(engine, "orgs_by_type", type="foundation")] == ["青山环境保护基金会"]


def test_documents_of(engine: Graph) -> None:
    found = rows(engine, "documents_of", entity="林青")
    assert [(r["title"], r["sourcePath"]) for r in found] == [("绿洲基金会简报", "corpus/brief.txt")]
    assert rows(engine, "documents_of", entity="无名氏") == []


def test_funding_flows(engine: Graph) -> None:
    found = rows(engine, "funding_flows")
    assert [(r["funderLabel"], r["recipientLabel"], r["amount"]) for r in found] == [
        ("绿源科技有限公司", "湿地守护计划", "100万元")
    ]
    assert len(rows(engine, "funding_flows", entity="湿地守护计划")) == 1
    assert rows(engine, "funding_flows", entity="林青") == []


def test_relations_of(engine: Graph) -> None:
    found = rows(engine, "relations_of", entity="湿地守护计划")
    assert [(r["direction"], r["relation"], r["otherLabel"]) for r in found] == [
        ("in", "funds", "绿源科技有限公司"),
        ("in", "implements", "青山环境保护基金会"),
        ("out", "locatedIn", "九江市"),
        ("out", "receivedAward", "绿色未来奖"),
    ]


def test_top_connected(engine: Graph) -> None:
    found = rows(engine, "top_connected")
    assert (found[0]["nodeLabel"], found[0]["partners"]) == ("湿地守护计划", 4)
    assert [r["nodeLabel"] for r in rows(engine, "top_connected", type="Person")] == ["林青"]
    assert [r["nodeLabel"] for r in rows(engine, "top_connected", type="Network")] == ["中国湿地保护联盟"]


def test_named_query_parameter_checks(sample: Graph) -> None:
    with pytest.raises(QueryError, match="missing parameter entity"):
        run_named(sample, "funders", {})
    with pytest.raises(QueryError, match="unknown parameter colour"):
        run_named(sample, "funders", {"entity": "x", "colour": "red"})
    with pytest.raises(QueryError, match="unknown named query"):
        get_named_query("nope")
    assert rows(sample, "award_winners", year="") == rows(sample, "award_winners")  # empty = unset


def _synthetic(triples: int) -> Graph:
    spec = importlib.util.spec_from_file_location("bench_query", ROOT / "benchmarks" / "bench_query.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    graph = module.synthetic_graph(triples)
    graph.cases = module.query_cases(graph)  # type: ignore[attr-defined]
    return graph


def test_rdflib_and_oxigraph_agree_on_a_larger_graph(tmp_path: Path) -> None:
    """Every named query gives the same rows on both engines (guards the lazy-join rewrite)."""
    graph = _synthetic(2500)
    ox_graph = copy_graph(graph, graph_for_store(f"oxigraph:{tmp_path}/store"))
    try:
        for name in named_queries():
            params = graph.cases[name]  # type: ignore[attr-defined]
            mine = run_named(graph, name, params)
            theirs = run_named(ox_graph, name, params)
            assert mine.vars == theirs.vars
            if name == "top_connected":  # LIMIT 50 after ties: compare the counts only
                assert [r[3:] for r in mine.rows] == [r[3:] for r in theirs.rows]
            else:
                assert sorted(map(str, mine.rows)) == sorted(map(str, theirs.rows)), name
            assert name in (
                "award_winners",
                "orgs_by_type",
                "persons_roles",
                "funding_flows",
                "top_connected",
                "projects_in",
                "chain",
                "partners",
                "relations_of",
                "documents_of",
                "funders",
                "members",
                "evidence",
            )
    finally:
        ox_graph.close()


def test_oxigraph_named_query_order_is_sorted_in_python_like_rdflib(tmp_path: Path) -> None:
    """Named queries ending in ORDER BY are sorted in Python on Oxigraph (kg.sparql._sort_rows):
    the rows come in the order rdflib's engine gives, on every sort key."""
    from kg.sparql import _python_order, classify, get_named_query

    graph = _synthetic(2500)
    ox_graph = copy_graph(graph, graph_for_store(f"oxigraph:{tmp_path}/store"))
    try:
        for name in ("funding_flows", "award_winners", "orgs_by_type", "persons_roles", "relations_of"):
            nq = get_named_query(name)
            order = _python_order(nq.sparql, classify(nq.sparql)[1])
            assert order is not None, name
            params = graph.cases[name]  # type: ignore[attr-defined]
            mine, theirs = run_named(graph, name, params), run_named(ox_graph, name, params)
            at = [mine.vars.index(var) for var, _ in order]
            assert len(mine.rows) > 5, name
            assert [[r[i] for i in at] for r in mine.rows] == [[r[i] for i in at] for r in theirs.rows], name
        orgs = get_named_query("orgs_by_type").sparql
        assert _python_order(orgs, classify(orgs)[1]) == [
            ("orgType", False), ("relations", True), ("orgLabel", False), ("org", False)
        ]
        # a LIMIT after ORDER BY stays with the engine, and ad-hoc queries are never re-sorted
        top = get_named_query("top_connected").sparql
        assert _python_order(top, classify(top)[1]) is None
        adhoc = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
        assert _python_order(adhoc, classify(adhoc)[1]) is None
    finally:
        ox_graph.close()


def test_order_key_follows_sparql_order() -> None:
    from rdflib import BNode
    from rdflib.namespace import XSD

    from kg.sparql import _order_key

    terms = [
        Literal("乙", lang="zh"),
        Literal(10),
        URIRef("http://example.org/b"),
        None,
        Literal(9),
        BNode("x"),
        Literal("甲", lang="zh"),
        URIRef("http://example.org/a"),
        Literal("2.5", datatype=XSD.decimal),
    ]
    ordered = sorted(terms, key=_order_key)
    assert ordered[:4] == [None, BNode("x"), URIRef("http://example.org/a"), URIRef("http://example.org/b")]
    assert ordered[4:7] == [Literal("2.5", datatype=XSD.decimal), Literal(9), Literal(10)]
    assert ordered[7:] == [Literal("乙", lang="zh"), Literal("甲", lang="zh")]  # by code point


def test_oxigraph_variants_keep_the_query_and_name_every_class(tmp_path: Path) -> None:
    """NAME.oxigraph.rq (run on Oxigraph instead of NAME.rq, kg.sparql._oxigraph_text) projects
    the same variables, uses the same parameters and ends with the same ORDER BY; its VALUES
    lists of subclasses name every class of the ontology but kg:Organization; and Oxigraph
    itself runs it (a syntax it does not know would silently fall back to rdflib's engine)."""
    from rdflib.namespace import OWL

    from kg.namespaces import ontology_path
    from kg.sparql import _TRAILING_ORDER, _oxigraph_text, _projected
    from kg.store import STANDARD_PREFIXES

    ontology = Graph().parse(ontology_path())
    classes = {str(c)[len(str(KG)) :] for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG))}
    variants = sorted(Path(kg.__file__).parent.joinpath("queries").glob("*.oxigraph.rq"))
    assert variants
    graph = copy_graph(_with_network(load_graph(SAMPLE)), graph_for_store(f"oxigraph:{tmp_path}/store"))
    try:
        for path in variants:
            nq = get_named_query(path.name.split(".")[0])
            text = path.read_text(encoding="utf-8")
            assert _oxigraph_text(nq.sparql) == text
            generic, variant = classify(nq.sparql)[1], classify(text)[1]
            assert [str(v) for v in variant.algebra["PV"]] == [str(v) for v in generic.algebra["PV"]]
            assert _TRAILING_ORDER.search(text).group() == _TRAILING_ORDER.search(nq.sparql).group()
            for param in nq.params:
                assert re.search(rf"\?{param.name}\b", text), (path.name, param.name)
            blocks = re.findall(r"VALUES \(\?\w+Class \?\w+Subclass\) \{([^}]*)\}", text)
            assert len(blocks) == text.count("Subclass) {"), path.name
            for block in blocks:
                pairs = re.findall(r'\(kg:(\w+) "(\w+)"\)', block)
                assert all(cls == name for cls, name in pairs)
                assert {cls for cls, _ in pairs} == classes - {"Organization"}, path.name
            assert _projected(variant) == _projected(generic)
            graph.store._inner.query(text, prefixes=STANDARD_PREFIXES)  # type: ignore[attr-defined]
    finally:
        graph.close()


def test_fast_terms_equal_rdflib_terms() -> None:
    """Oxigraph results are converted with kg.sparql._text_literal/_iri, which skip rdflib's
    validation: the terms must be indistinguishable from rdflib's own."""
    from kg.sparql import _iri, _text_literal

    for lexical, lang in (("机构", "zh"), ("abc", None), ("", None), (" two\nlines ", "en"), ("2019", None)):
        fast, slow = _text_literal(lexical, lang), Literal(lexical, lang=lang)
        assert (fast, hash(fast), fast.n3(), fast.value, fast.language, fast.datatype, fast.ill_typed) == (
            slow, hash(slow), slow.n3(), slow.value, slow.language, slow.datatype, slow.ill_typed
        )
        assert fast.eq(slow) and not fast.eq(Literal(lexical, lang="fr"))
    assert _iri("https://example.org/机构") == URIRef("https://example.org/机构")
    assert type(_iri("https://example.org/x")) is URIRef


# --- parameters are terms, queries are read-only --------------------------------------------


@pytest.mark.parametrize("value", INJECTIONS)
def test_parameters_cannot_change_the_query(engine: Graph, value: str) -> None:
    before = len(engine)
    for name, key in (("funders", "entity"), ("projects_in", "place"), ("evidence", "subject")):
        params = {key: value} if name != "evidence" else {"subject": value, "object": "林青"}
        assert run_named(engine, name, params).rows == []
    assert rows(engine, "award_winners", year=value) == []
    assert len(engine) == before


def test_parameters_are_bound_not_pasted(sample: Graph) -> None:
    query = "SELECT ?x WHERE { BIND(?value AS ?x) }"
    for value in INJECTIONS:
        assert run_query(sample, query, params={"value": value}).dicts() == [{"x": value}]
    for bad_iri in ("http://x.org/a>.<b", "<http://x.org/a b>", URIRef("http://x.org/{a}")):
        with pytest.raises(QueryError, match="not a valid IRI"):
            run_query(sample, query, params={"value": bad_iri})
    spaced = "http://x.org/a> . <b"  # not an IRI: a plain string
    assert run_query(sample, query, params={"value": spaced}).dicts() == [{"x": spaced}]
    with pytest.raises(QueryError, match="not a valid parameter name"):
        run_query(sample, query, params={"x y": 1})


@pytest.mark.parametrize(
    "update",
    [
        "DROP ALL",
        "CLEAR DEFAULT",
        "INSERT DATA { <http://x.org/a> <http://x.org/b> <http://x.org/c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX kg: <https://w3id.org/kg-cn-philanthropy/ontology#>\ndelete { ?s ?p ?o } where { ?s kg:rule ?o }",
        "LOAD <http://127.0.0.1:9/graph.ttl>",
        "CREATE GRAPH <http://x.org/g>",
        "  # a comment first\n  DROP SILENT GRAPH <http://x.org/g> ; CLEAR ALL",
    ],
)
def test_updates_are_refused(engine: Graph, update: str) -> None:
    before = len(engine)
    with pytest.raises(QueryError, match="refusing to run a SPARQL Update"):
        run_query(engine, update)
    assert len(engine) == before


def test_update_words_inside_a_query_are_fine(sample: Graph) -> None:
    query = 'SELECT ?s WHERE { ?s kg:rule ?r FILTER(?r != "DROP ALL" && ?r != "INSERT DATA") }'
    assert len(run_query(sample, query).rows) == 7


def test_allowed_update(tmp_path: Path) -> None:
    graph = load_graph(SAMPLE)
    result = run_query(graph, "DELETE WHERE { ?s kg:rule ?r }", allow_update=True)
    assert result.type == "UPDATE" and len(graph) == 121 - 7


@pytest.mark.parametrize(
    "text", ["", "   ", "SELEC ?x WHERE {}", "# only a comment", "PREFIX a: <http://a/>"]
)
def test_syntax_errors(sample: Graph, text: str) -> None:
    with pytest.raises(QueryError, match=r"empty query|syntax error"):
        run_query(sample, text)


def test_substitute_for_endpoints() -> None:
    text = (
        "SELECT ?entity ?x WHERE { # ?entity in a comment\n"
        '  ?x rdfs:label ?l . FILTER(STR(?l) = ?entity && BOUND( ?entity ) && ?l != "?entity")\n'
        "  ?x <http://x.org/?entity> ?y }"
    )
    out = substitute(text, {"entity": Literal('a"} DROP ALL #\n')})
    assert '("a\\"} DROP ALL #\\n" AS ?entity)' in out
    assert 'STR(?l) = "a\\"} DROP ALL #\\n"' in out and "&& true &&" in out
    assert "# ?entity in a comment" in out and '"?entity"' in out and "<http://x.org/?entity>" in out
    assert classify(out)[0] == "SELECT"
    with pytest.raises(QueryError, match="assigns it"):
        substitute("SELECT ?x WHERE { BIND(1 AS ?entity) }", {"entity": Literal("x")})


# --- timeouts -------------------------------------------------------------------------------


def test_timeout_stops_a_runaway_query(sample: Graph) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"timed out after 0\.3 s"):
        run_query(sample, slow, timeout=0.3)
    assert time.monotonic() - started < 5
    result = run_query(sample, "SELECT ?p WHERE { ?p a kg:Place }", timeout=30)
    assert len(result.rows) == 2  # the worker's rows come back


def test_timeout_in_a_thread() -> None:
    with pytest.raises(QueryError, match="timed out"):
        _with_deadline(lambda: time.sleep(2), 0.1, isolate=False)
    assert _with_deadline(lambda: 42, 5, isolate=False) == 42
    with pytest.raises(ZeroDivisionError):
        _with_deadline(lambda: 1 / 0, 5, isolate=False)


def test_timeout_on_oxigraph(ox_sample: Graph) -> None:
    assert len(run_query(ox_sample, "SELECT ?p WHERE { ?p a kg:Place }", timeout=10).rows) == 2


# --- output formats -------------------------------------------------------------------------


def test_table_aligns_chinese(sample: Graph) -> None:
    text = format_result(run_named(sample, "persons_roles"), "table")
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["personIri", "personLabel", "relation"]
    col = lines[0].index("relation")
    header_width = display_width(lines[0][:col])
    assert display_width(lines[2][: lines[2].index("worksFor")]) == header_width
    assert "rperson:林青" in lines[2] and lines[-1] == "(1 row)"
    assert display_width("林青ab") == 6


def test_csv_tsv_json(sample: Graph) -> None:
    result = run_named(sample, "funders", {"entity": "湿地守护计划"})
    table = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert table[0][:4] == ["entity", "target", "targetLabel", "funder"]
    assert table[1][3] == f"{DEFAULT_BASE}org/绿源科技有限公司" and table[1][6] == "100万元"
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0].startswith("?entity\t?target")
    assert f"<{DEFAULT_BASE}org/绿源科技有限公司>" in tsv[1] and '"绿源科技有限公司"@zh' in tsv[1]
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"][0] == "entity"
    binding = doc["results"]["bindings"][0]
    assert binding["funder"] == {"type": "uri", "value": f"{DEFAULT_BASE}org/绿源科技有限公司"}
    assert binding["funderLabel"] == {"type": "literal", "value": "绿源科技有限公司", "xml:lang": "zh"}
    assert "year" not in binding  # unbound


def test_csv_neutralises_formulas(sample: Graph) -> None:
    query = 'SELECT ?a ?b ?n WHERE { VALUES (?a ?b ?n) { ("=HYPERLINK(1)" "@SUM(A1)" -3) } }'
    table = list(csv.reader(io.StringIO(format_result(run_query(sample, query), "csv"))))
    assert table[1] == ["'=HYPERLINK(1)", "'@SUM(A1)", "-3"]


def test_tsv_numbers_and_escapes(sample: Graph) -> None:
    query = 'SELECT ?n ?d ?s WHERE { VALUES (?n ?d ?s) { (74 0.85 "a\\tb") } }'
    assert format_result(run_query(sample, query), "tsv").splitlines()[1] == '74\t0.85\t"a\\tb"'


def test_ask_construct_describe(engine: Graph) -> None:
    ask = run_query(engine, "ASK { ?s a kg:Foundation }")
    assert format_result(ask, "table") == "true\n"
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    assert format_result(run_query(engine, "ASK { ?s a kg:Event }"), "csv") == "false\n"
    built = run_query(
        engine, "CONSTRUCT { ?p a kg:Person ; rdfs:label ?l } WHERE { ?p a kg:Person ; rdfs:label ?l }"
    )
    again = Graph().parse(data=format_result(built, "turtle"), format="turtle")
    assert (
        len(again) == 2
        and (URIRef(f"{DEFAULT_BASE}person/林青"), RDFS.label, Literal("林青", lang="zh")) in again
    )
    described = run_query(engine, f"DESCRIBE <{PROJECT}>")
    assert described.type == "DESCRIBE" and len(described) >= 5
    with pytest.raises(QueryError, match="CONSTRUCT and DESCRIBE"):
        format_result(run_query(engine, "SELECT * WHERE { ?s a kg:Person }"), "turtle")
    with pytest.raises(QueryError, match="use --format turtle"):
        format_result(built, "csv")


def test_python_api_returns_python_values() -> None:
    graph = load_graph(SAMPLE)
    found = kg.query(graph, "evidence", subject="林青", object="青山基金会")
    assert found[0]["confidence"] == 0.85 and isinstance(found[0]["startOffset"], int)
    assert query_rows(graph, "SELECT ?p WHERE { ?p a kg:Place } ORDER BY ?p") == [
        {"p": f"{DEFAULT_BASE}place/九江市"},
        {"p": f"{DEFAULT_BASE}place/江西省"},
    ]
    assert kg.query(graph, "SELECT ?x WHERE { ?x rdfs:label ?n }", n=Literal("林青", lang="zh")) == [
        {"x": f"{DEFAULT_BASE}person/林青"}
    ]
    assert query_rows(graph, "ASK { ?s a kg:Award }") == [{"boolean": True}]


# --- stores ---------------------------------------------------------------------------------


def test_load_graph_errors(tmp_path: Path) -> None:
    with pytest.raises(GraphLoadError, match=r"missing\.ttl: no such graph file"):
        load_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(GraphLoadError, match=r"bad\.ttl: cannot read graph"):
        load_graph(bad)
    with pytest.raises(GraphLoadError, match="unknown graph file type"):
        load_graph(tmp_path / "graph.docx")
    with pytest.raises(GraphLoadError, match="not a directory"):
        open_store(f"oxigraph:{bad}")


def test_oxigraph_store_persists(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path}/store"
    graph = copy_graph(load_graph(SAMPLE), graph_for_store(spec))
    assert len(graph) == 121
    graph.close()
    reopened = load_graph(spec)
    assert len(reopened) == 121
    assert rows(reopened, "funders", entity="湿地守护计划")[0]["funderLabel"] == "绿源科技有限公司"
    reopened.close()
    emptied = graph_for_store(spec)
    assert len(emptied) == 0
    emptied.close()
    assert len(graph_for_store(None)) == 0 and len(open_store("memory")) == 0


# --- the command --------------------------------------------------------------------------


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_list() -> None:
    code, out, _ = invoke("query", "--list")
    assert code == 0
    assert re.search(r"^funders\s+entity\s+Who funds", out, re.MULTILINE)
    assert re.search(r"^award_winners\s+\[year\] \[level\] \[category\] \[prize\]", out, re.MULTILINE)
    assert "_lookup" not in out


def test_cli_named_query_formats() -> None:
    code, out, _ = invoke("query", str(SAMPLE), "--name", "funders", "--param", "entity=湿地守护计划")
    assert code == 0 and "绿源科技有限公司" in out and out.rstrip().endswith("(1 row)")
    code, out, _ = invoke("query", str(SAMPLE), "-n", "projects_in", "-p", "place=江西省", "--format", "json")
    assert json.loads(out)["results"]["bindings"][0]["projectLabel"]["value"] == "湿地守护计划"
    code, out, _ = invoke(
        "query", str(SAMPLE), "-n", "chain", "-p", "a=林青", "-p", "b=江西省", "--format", "csv"
    )
    assert code == 0 and len(list(csv.reader(io.StringIO(out)))) == 5
    code, out, _ = invoke("query", str(SAMPLE), "-n", "orgs_by_type", "--format", "tsv")
    assert out.splitlines()[0] == "?orgType\t?org\t?orgLabel\t?relations"


def test_cli_sparql_text_and_file(tmp_path: Path) -> None:
    code, out, _ = invoke(
        "query", str(SAMPLE), "SELECT ?p WHERE { ?p a kg:Place } ORDER BY ?p", "--format", "csv"
    )
    assert code == 0 and out.splitlines() == [
        "p",
        f"{DEFAULT_BASE}place/九江市",
        f"{DEFAULT_BASE}place/江西省",
    ]
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?x a kg:Award }", encoding="utf-8")
    assert invoke("query", str(SAMPLE), "--file", str(rq)) == (0, "true\n", "")
    target = tmp_path / "out" / "places.json"
    code, _, _ = invoke(
        "query", str(SAMPLE), "SELECT * WHERE { ?p a kg:Place }", "--format", "json", "-o", str(target)
    )
    assert code == 0 and len(json.loads(target.read_text(encoding="utf-8"))["results"]["bindings"]) == 2
    code, out, _ = invoke("query", str(SAMPLE), "CONSTRUCT { ?s a kg:Person } WHERE { ?s a kg:Person }")
    assert code == 0 and "rperson:林青 a kg:Person" in out


def test_cli_errors() -> None:
    code, out, err = invoke("query", str(SAMPLE), "DROP ALL")
    assert code == 2 and "refusing to run a SPARQL Update" in err and "Traceback" not in out + err
    code, _, err = invoke("query", str(SAMPLE), "-n", "funders", "-p", "entity")
    assert code == 2 and "KEY=VALUE" in err
    code, _, err = invoke("query", str(SAMPLE), "-n", "funders")
    assert code == 2 and "missing parameter entity" in err
    code, _, err = invoke("query", "nowhere.ttl", "-n", "top_connected")
    assert code == 2 and "nowhere.ttl: no such graph file" in err
    code, _, err = invoke("query", str(SAMPLE))
    assert code == 2 and "no query" in err
    code, _, err = invoke("query", "SELECT * WHERE { ?s ?p ?o }")
    assert code == 2
    code, _, err = invoke(
        "query",
        str(SAMPLE),
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "--timeout",
        "0.3",
    )
    assert code == 2 and "timed out" in err


def test_cli_allow_update_and_store(tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path}/store"
    code, out, _ = invoke(
        "query", str(SAMPLE), "--store", store, "-n", "funders", "-p", "entity=湿地守护计划"
    )
    assert code == 0 and "绿源科技有限公司" in out
    code, out, _ = invoke(
        "query", "--store", store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"
    )
    assert out.splitlines() == ["n", "121"]
    code, _, err = invoke("query", "--store", store, "DELETE WHERE { ?s kg:rule ?r }")
    assert code == 2 and "--allow-update" in err
    code, out, _ = invoke("query", "--store", store, "DELETE WHERE { ?s kg:rule ?r }", "--allow-update")
    assert code == 0 and out == "update applied\n"
    code, out, _ = invoke(
        "query", "--store", store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"
    )
    assert out.splitlines() == ["n", "114"]
    code, out, err = invoke(
        "query", str(SAMPLE), "INSERT DATA { <http://x.org/a> a kg:Event }", "--allow-update"
    )
    assert code == 0 and "not rewritten" in err


def test_lookup_forms_are_bound_only_when_the_query_uses_them() -> None:
    from rdflib import Literal, URIRef

    from kg.sparql import with_lookup_forms

    text = "SELECT ?node WHERE { { ?node rdfs:label ?place_zh } UNION { ?node rdfs:label ?place_plain } }"
    out = with_lookup_forms(text, {"place": "清河县"})
    assert out["place_zh"] == Literal("清河县", lang="zh")
    assert out["place_plain"] == Literal("清河县") and "place_en" not in out
    assert with_lookup_forms(text, {"place_zh": "x", "place": "y"})["place_zh"] == "x"  # given wins
    iri = with_lookup_forms(text, {"place": "https://example.org/p/1"})["place_zh"]
    assert iri == Literal("https://example.org/p/1", lang="zh") and not isinstance(iri, URIRef)
    assert with_lookup_forms("SELECT * WHERE { ?s ?p ?o }", {"place": "x"}) == {"place": "x"}


def test_chain_search_takes_the_first_of_equal_shortest_paths() -> None:
    from kg.sparql import _bfs_path, _edge_list_neighbours

    # a - {c, b} - d - e, plus a longer detour a - x - y - z - e
    edges = [("a", "c"), ("a", "b"), ("c", "d"), ("b", "d"), ("d", "e"), ("a", "x"), ("x", "y"), ("y", "z"), ("z", "e")]
    rows = [(URIRef(f"urn:{s}"), URIRef("urn:p"), URIRef(f"urn:{o}")) for s, o in edges]
    neighbours = _edge_list_neighbours(rows)
    assert _bfs_path("urn:a", "urn:e", neighbours, None) == ["urn:a", "urn:b", "urn:d", "urn:e"]
    assert _bfs_path("urn:e", "urn:a", neighbours, None) == ["urn:e", "urn:d", "urn:b", "urn:a"]
    assert _bfs_path("urn:a", "urn:e", neighbours, 2) is None  # no path of 2 edges or fewer
    assert _bfs_path("urn:a", "urn:nowhere", neighbours, None) is None
