"""Unit tests of the HTML explorer (kg.html): self-containment, escaping, data, layout.

``synthetic_graph`` and ``injection_graph`` are shared with tests/test_html_browser.py and
benchmarks/bench_html.py (loaded by path, see ``load_helpers`` there).
"""

from __future__ import annotations

import base64
import hashlib
import json
import locale
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef

from kg.errors import KGError
from kg.html import (
    ExplorerOptionError,
    _grid_fallback,
    _label_box,
    explorer_data,
    json_for_script,
    render_html,
    write_html,
)
from kg.model import PREDICATES
from kg.namespaces import DCTERMS, DEFAULT_BASE, KG, PROV, RDF, RDFS, SKOS

SAMPLE = Path(__file__).parent / "data" / "sample_graph.ttl"
RES = Namespace(DEFAULT_BASE)
QSF = RES["org/青山环境保护基金会"]
EVIL_IMG = "<img src=x onerror=alert(1)>"
EVIL_SCRIPT = "<script>alert(1)</script>"

_KINDS = (  # (IRI segment, class, subtype, name suffix)
    ("org", "Organization", "Foundation", "基金会"),
    ("org", "Organization", "Company", "科技有限公司"),
    ("org", "Organization", "SocialOrganization", "环保协会"),
    ("org", "Organization", "GovernmentAgency", "生态环境局"),
    ("project", "Project", None, "守护计划"),
    ("place", "Place", None, "市"),
    ("person", "Person", None, ""),
    ("award", "Award", None, "奖"),
    ("event", "Event", None, "论坛"),
    ("publication", "Publication", None, "报告"),
)


# --------------------------------------------------------------------------- graph makers


def sample_graph() -> Graph:
    g = Graph()
    g.parse(SAMPLE, format="turtle")
    return g


def synthetic_graph(n: int, *, seed: int = 7, isolated: float = 0.1, bnode_statements: bool = False) -> Graph:
    """A graph of ``n`` entities in the shape `kg build` produces (types, labels, documents,
    relations each with a reified rdf:Statement carrying evidence and provenance).

    Relations follow preferential attachment (a few hubs, many leaves); about ``isolated`` of
    the entities have none. Names are ``测试<stem><number><suffix>`` with alias ``E<number>``.
    """
    rng = random.Random(seed)
    g = Graph()
    docs = []
    for d in range(max(1, n // 500)):
        doc = RES[f"doc/synthetic{d:03d}"]
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, DCTERMS.title, Literal(f"合成文档{d}", lang="zh")))
        g.add((doc, KG.sourcePath, Literal(f"corpus/synthetic{d:03d}.txt")))
        docs.append(doc)
    entities: list[tuple[URIRef, str]] = []
    for i in range(n):
        seg, cls, sub, suffix = _KINDS[rng.randrange(len(_KINDS))]
        iri = RES[f"{seg}/e{i:05d}"]
        name = f"测试{'甲乙丙丁戊己庚辛'[i % 8]}{i:05d}{suffix}"
        g.add((iri, RDF.type, KG[cls]))
        if sub:
            g.add((iri, RDF.type, KG[sub]))
        g.add((iri, RDFS.label, Literal(name, lang="zh")))
        g.add((iri, SKOS.prefLabel, Literal(name, lang="zh")))
        g.add((iri, SKOS.altLabel, Literal(f"E{i:05d}", lang="zh")))
        g.add((iri, KG.mentionedIn, docs[i % len(docs)]))
        entities.append((iri, name))
    ends = [0]
    count = 0
    for i in range(1, n):
        if rng.random() < isolated:
            continue
        for _ in range(1 if rng.random() < 0.5 else 2):
            j = ends[rng.randrange(len(ends))] if rng.random() < 0.7 else rng.randrange(i)
            pred = PREDICATES[rng.randrange(len(PREDICATES))]
            (s, s_name), (o, o_name) = entities[i], entities[j]
            g.add((s, KG[pred], o))
            count += 1
            st = BNode() if bnode_statements else RES[f"stmt/s{count:06d}"]
            g.add((st, RDF.type, RDF.Statement))
            g.add((st, RDF.subject, s))
            g.add((st, RDF.predicate, KG[pred]))
            g.add((st, RDF.object, o))
            g.add((st, PROV.wasDerivedFrom, docs[i % len(docs)]))
            g.add((st, KG.evidence, Literal(f"{s_name}与{o_name}开展合作", lang="zh")))
            g.add((st, KG.startOffset, Literal(count * 20)))
            g.add((st, KG.endOffset, Literal(count * 20 + 15)))
            g.add((st, KG.rule, Literal(f"{pred}.synthetic")))
            g.add((st, KG.confidence, Literal(0.8)))
            if pred == "worksFor":
                g.add((st, KG.role, Literal("理事长")))
            ends += [i, j]
    return g


def injection_graph() -> Graph:
    """Entities and evidence whose text is HTML/JS, plus a U+2028 and an ampersand."""
    g = Graph()
    doc = RES["doc/evil"]
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, DCTERMS.title, Literal(f"报告{EVIL_SCRIPT}", lang="zh")))
    g.add((doc, KG.sourcePath, Literal("corpus/<b>evil</b>.txt")))
    org = RES["org/evil"]
    proj = RES["project/evil"]
    g.add((org, RDF.type, KG.Organization))
    g.add((org, RDF.type, KG.Foundation))
    g.add((org, SKOS.prefLabel, Literal(f"恶意{EVIL_IMG}基金会", lang="zh")))
    g.add((org, RDFS.label, Literal(f"恶意{EVIL_IMG}基金会", lang="zh")))
    g.add((org, SKOS.altLabel, Literal(EVIL_SCRIPT, lang="zh")))
    g.add((org, SKOS.altLabel, Literal("A&B\u2028C</script><script>alert(2)</script>", lang="zh")))
    g.add((org, KG.mentionedIn, doc))
    g.add((proj, RDF.type, KG.Project))
    g.add((proj, SKOS.prefLabel, Literal('项目"><svg onload=alert(3)>', lang="zh")))
    g.add((proj, KG.mentionedIn, doc))
    g.add((org, KG.funds, proj))
    st = RES["stmt/evil"]
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, org))
    g.add((st, RDF.predicate, KG.funds))
    g.add((st, RDF.object, proj))
    g.add((st, PROV.wasDerivedFrom, doc))
    g.add((st, KG.evidence, Literal(f"证据<b>加粗</b>{EVIL_IMG}", lang="zh")))
    g.add((st, KG.startOffset, Literal(0)))
    g.add((st, KG.endOffset, Literal(10)))
    g.add((st, KG.rule, Literal("funds.evil")))
    g.add((st, KG.confidence, Literal(0.5)))
    g.add((st, KG.amount, Literal("<i>100万元</i>")))
    return g


# --------------------------------------------------------------------------- page helpers


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None


def parse_page(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def node_by_label(data: dict, label: str) -> dict:
    return next(n for n in data["nodes"] if n["label"] == label)


# --------------------------------------------------------------------------- self-contained


def test_page_is_one_self_contained_file() -> None:
    html = render_html(sample_graph())
    page = parse_page(html)
    assert html.startswith("<!DOCTYPE html>")
    for tag, attrs in page.tags:
        assert tag not in {"link", "iframe", "img", "object", "embed", "base"}, tag
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            assert name not in attrs, (tag, attrs)
    kinds = [attrs.get("type") for attrs, _text in page.scripts]
    assert kinds == ["application/json", None, None]
    vis_js = page.scripts[1][1]
    assert "vis-network" in vis_js and "@version 9.1.2" in vis_js and len(vis_js) > 400_000
    assert "kgExplorer" in page.scripts[2][1]
    # CSS: no external url(), no @import
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert styles and not any(re.search(r"@import|url\(\s*['\"]?(?!data:)", s) for s in styles)


def test_csp_allows_exactly_the_two_inline_scripts() -> None:
    html = render_html(sample_graph())
    page = parse_page(html)
    csp = next(
        a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None
    rules = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert rules["default-src"] == "'none'"
    assert rules["connect-src"] == "'none'"
    assert "unsafe" not in rules["script-src"]
    for attrs, text in page.scripts:
        if attrs.get("type") == "application/json":
            continue
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in rules["script-src"].split()


# --------------------------------------------------------------------------- escaping


def test_document_text_cannot_break_out_of_the_data_block() -> None:
    html = render_html(injection_graph(), title=f"标题{EVIL_SCRIPT}")
    page = parse_page(html)
    # Exactly the page's own elements: nothing injected became markup.
    assert len(page.scripts) == 3
    assert not any(tag in {"img", "svg", "b", "i"} for tag, _ in page.tags)
    ours = html.replace(page.scripts[1][1], "")  # vis-network's own code aside
    for raw in (EVIL_IMG, EVIL_SCRIPT, "<b>", "<svg", "</script><script>", "\u2028"):
        assert raw not in ours
    data = page_data(html)
    org = node_by_label(data, f"恶意{EVIL_IMG}基金会")
    assert EVIL_SCRIPT in org["aliases"]
    assert "A&B\u2028C</script><script>alert(2)</script>" in org["aliases"]
    assert data["documents"][0]["title"] == f"报告{EVIL_SCRIPT}"
    st = data["edges"][0]["statements"][0]
    assert st["evidence"] == f"证据<b>加粗</b>{EVIL_IMG}"
    assert st["qualifiers"] == [["amount", "<i>100万元</i>"]]
    # The title is HTML-escaped where it appears as markup.
    assert "<title>标题&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    assert data["title"] == f"标题{EVIL_SCRIPT}"


def test_json_for_script_escapes_what_html_and_js_parsers_care_about() -> None:
    text = json_for_script({"k": "</script><!-- & \u2028\u2029 '\""})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == {"k": "</script><!-- & \u2028\u2029 '\""}


# --------------------------------------------------------------------------- data content


def test_sample_graph_data() -> None:
    data = page_data(render_html(sample_graph()))
    assert len(data["nodes"]) == 7
    assert len(data["edges"]) == 7
    assert data["limited"] is False and data["initial"] == []
    qsf = node_by_label(data, "青山环境保护基金会")
    assert qsf["id"] == str(QSF)
    assert qsf["aliases"] == ["QSF", "青山基金会"]
    assert data["types"][qsf["type"]]["key"] == "Foundation"
    assert data["types"][qsf["type"]]["zh"] == "基金会"
    assert qsf["degree"] == 3
    assert data["documents"] == [
        {
            "id": "https://w3id.org/kg-cn-philanthropy/resource/doc/1a2b3c4d5e6f7a8b",
            "title": "绿洲基金会简报",
            "path": "corpus/brief.txt",
        }
    ]
    assert qsf["docs"] == [0]
    preds = {p["key"]: p for p in data["predicates"]}
    assert preds["funds"]["zh"] == "资助" and preds["funds"]["en"] == "funds"
    assert preds["partOf"]["zh"] == "隶属/组成部分"
    assert preds["partnersWith"]["symmetric"] is True
    assert set(preds) == {
        "funds",
        "implements",
        "partnersWith",
        "locatedIn",
        "partOf",
        "worksFor",
        "receivedAward",
    }
    labels = {n["label"]: i for i, n in enumerate(data["nodes"])}
    funds = next(e for e in data["edges"] if data["predicates"][e["p"]]["key"] == "funds")
    assert (funds["s"], funds["o"]) == (labels["绿源科技有限公司"], labels["湿地守护计划"])
    assert funds["statements"] == [
        {
            "doc": 0,
            "start": 10,
            "end": 30,
            "evidence": "绿源科技向青山基金会捐资支持湿地守护计划",
            "rule": "funds.donate_to",
            "confidence": 0.85,
            "qualifiers": [["amount", "100万元"]],
        }
    ]
    works = next(e for e in data["edges"] if data["predicates"][e["p"]]["key"] == "worksFor")
    assert works["statements"][0]["qualifiers"] == [["role", "秘书长"]]
    assert data["qualifiers"]["role"] == {"zh": "职务", "en": "role"}


def test_edges_come_from_plain_triples_and_from_statements() -> None:
    g = sample_graph()
    a, b = RES["place/九江市"], RES["place/江西省"]
    g.add((b, KG.partnersWith, a))  # plain triple, no statement
    st = RES["stmt/only"]
    g.add((st, RDF.type, RDF.Statement))  # statement, no plain triple
    g.add((st, RDF.subject, a))
    g.add((st, RDF.predicate, KG.memberOf))
    g.add((st, RDF.object, b))
    g.add((st, KG.evidence, Literal("九江市属于江西省", lang="zh")))
    data = explorer_data(g)
    assert len(data["edges"]) == 9
    names = [n["label"] for n in data["nodes"]]
    pair = {"九江市", "江西省"}
    between = [e for e in data["edges"] if {names[e["s"]], names[e["o"]]} == pair]
    got = [(names[e["s"]], data["predicates"][e["p"]]["key"], e["curve"], e["statements"]) for e in between]
    assert [g[:3] for g in got] == [
        ("九江市", "memberOf", 0.0),
        ("九江市", "partOf", 0.2),
        ("江西省", "partnersWith", 0.4),  # parallel edges get their own curvature
    ]
    assert got[0][3][0]["evidence"] == "九江市属于江西省" and got[0][3][0]["doc"] is None
    assert got[2][3] == []  # a plain triple without a statement: no evidence, still an edge


def test_duplicate_statements_are_listed_once_and_in_order() -> None:
    g = sample_graph()
    for name, start in (("stmt/dup", 10), ("stmt/dup2", 10), ("stmt/earlier", 1)):
        st = RES[name]
        g.add((st, RDF.subject, RES["org/绿源科技有限公司"]))
        g.add((st, RDF.predicate, KG.funds))
        g.add((st, RDF.object, RES["project/湿地守护计划"]))
        g.add((st, PROV.wasDerivedFrom, RES["doc/1a2b3c4d5e6f7a8b"]))
        g.add((st, KG.evidence, Literal("又一次捐资" if name != "stmt/earlier" else "更早的捐资", lang="zh")))
        g.add((st, KG.startOffset, Literal(start)))
    data = explorer_data(g)
    funds = next(e for e in data["edges"] if data["predicates"][e["p"]]["key"] == "funds")
    assert [s["evidence"] for s in funds["statements"]] == [
        "更早的捐资",
        "绿源科技向青山基金会捐资支持湿地守护计划",
        "又一次捐资",
    ]


def test_include_types() -> None:
    g = sample_graph()
    places = explorer_data(g, include_types=["Place"])
    assert sorted(n["label"] for n in places["nodes"]) == ["九江市", "江西省"]
    assert [p["key"] for p in places["predicates"]] == ["partOf"]
    assert len(places["edges"]) == 1
    orgs = explorer_data(g, include_types=("Organization",))
    assert sorted(n["label"] for n in orgs["nodes"]) == ["绿源科技有限公司", "青山环境保护基金会"]
    assert [t["key"] for t in orgs["types"]] == ["Foundation", "Company"]
    found = explorer_data(g, include_types=["Foundation", "Person"])
    assert sorted(n["label"] for n in found["nodes"]) == ["林青", "青山环境保护基金会"]
    assert len(found["edges"]) == 1
    html = render_html(g, include_types=["Award"])
    assert [n["label"] for n in page_data(html)["nodes"]] == ["绿色未来奖"]
    with pytest.raises(ExplorerOptionError, match="Planet"):
        render_html(g, include_types=["Planet"])
    assert issubclass(ExplorerOptionError, KGError) and issubclass(ExplorerOptionError, ValueError)


def test_documents_and_statements_are_not_entities() -> None:
    data = explorer_data(sample_graph())
    ids = {n["id"] for n in data["nodes"]}
    assert not any("/doc/" in i or "/stmt/" in i for i in ids)


def test_label_falls_back_to_rdfs_label_and_local_name() -> None:
    g = Graph()
    a, b = RES["org/%E6%B5%8B%E8%AF%95"], RES["place/somewhere"]
    g.add((a, RDF.type, KG.Organization))
    g.add((b, RDF.type, KG.Place))
    g.add((b, RDFS.label, Literal("某地", lang="zh")))
    g.add((b, SKOS.altLabel, Literal("Somewhere", lang="en")))
    data = explorer_data(g)
    assert [(n["label"], n["aliases"]) for n in data["nodes"]] == [("测试", []), ("某地", ["Somewhere"])]


def test_long_names_are_shortened_on_the_canvas_only() -> None:
    g = Graph()
    a = RES["org/long"]
    name = "中国绿化基金会生态环境保护与可持续发展专项基金管理委员会"
    g.add((a, RDF.type, KG.Organization))
    g.add((a, SKOS.prefLabel, Literal(name, lang="zh")))
    node = explorer_data(g)["nodes"][0]
    assert node["label"] == name
    assert node["short"].endswith("…") and len(node["short"]) == 16


def test_max_nodes_keeps_all_data_but_starts_with_the_most_connected() -> None:
    g = synthetic_graph(80)
    data = explorer_data(g, max_nodes=12)
    assert data["limited"] is True and data["maxNodes"] == 12
    assert len(data["nodes"]) == 80
    initial = set(data["initial"])
    assert len(initial) == 12 and data["initial"] == sorted(initial)
    inside = min(data["nodes"][i]["degree"] for i in initial)
    outside = max(n["degree"] for i, n in enumerate(data["nodes"]) if i not in initial)
    assert inside >= outside
    assert explorer_data(g, max_nodes=80)["limited"] is False
    with pytest.raises(ExplorerOptionError):
        explorer_data(g, max_nodes=0)


def test_empty_graph() -> None:
    html = render_html(Graph())
    data = page_data(html)
    assert data["nodes"] == [] and data["edges"] == [] and data["types"] == []


# --------------------------------------------------------------------------- determinism


def test_output_is_deterministic() -> None:
    assert render_html(sample_graph()) == render_html(sample_graph())
    # Blank-node statements get new ids on every parse: the page must not change.
    turtle = synthetic_graph(120, bnode_statements=True).serialize(format="turtle")
    first, second = Graph().parse(data=turtle, format="turtle"), Graph().parse(data=turtle, format="turtle")
    assert render_html(first) == render_html(second)


# --------------------------------------------------------------------------- layout


def _overlapping_pairs(data: dict) -> list[tuple[str, str]]:
    """Brute force: pairs of nodes whose (shape + label) boxes intersect."""
    nodes = data["nodes"]
    if len(nodes) < 2:
        return []
    boxes = np.array([_label_box(n["short"], n["size"], n["font"]) for n in nodes])
    x = np.array([n["x"] for n in nodes])
    y = np.array([n["y"] for n in nodes])
    left, right = x - boxes[:, 0], x + boxes[:, 0]
    top, bottom = y - boxes[:, 1], y + boxes[:, 2]
    # JSON positions are rounded to 0.1 px: allow that much.
    ox = np.minimum(right[:, None], right[None, :]) - np.maximum(left[:, None], left[None, :])
    oy = np.minimum(bottom[:, None], bottom[None, :]) - np.maximum(top[:, None], top[None, :])
    hit = np.triu((ox > 0.2) & (oy > 0.2), k=1)
    return [(nodes[i]["label"], nodes[j]["label"]) for i, j in zip(*np.nonzero(hit), strict=True)]


@pytest.mark.parametrize("n", [0, 1, 2, 40, 300, 700])
def test_label_boxes_do_not_overlap(n: int) -> None:
    data = explorer_data(sample_graph() if n == 0 else synthetic_graph(n))
    assert _overlapping_pairs(data) == []
    xs = [v["x"] for v in data["nodes"]] + [v["y"] for v in data["nodes"]]
    assert all(np.isfinite(xs))


def test_layout_without_numpy_is_a_grid_without_overlaps() -> None:
    shorts = [f"名称{i}" * (1 + i % 4) for i in range(30)]
    boxes = [_label_box(s, 10 + i % 7, 14 + i % 5) for i, s in enumerate(shorts)]
    pos = _grid_fallback(30, [(0, 1), (1, 2), (5, 6)], boxes)
    nodes = [
        {"label": str(i), "short": shorts[i], "size": 10 + i % 7, "font": 14 + i % 5, "x": x, "y": y}
        for i, (x, y) in enumerate(pos)
    ]
    assert _overlapping_pairs({"nodes": nodes}) == []
    assert len({(x, y) for x, y in pos}) == 30


def test_layout_keeps_neighbours_closer_than_strangers() -> None:
    data = explorer_data(synthetic_graph(300, isolated=0.0))
    pos = np.array([[n["x"], n["y"]] for n in data["nodes"]])
    linked = np.median([np.hypot(*(pos[e["s"]] - pos[e["o"]])) for e in data["edges"] if e["s"] != e["o"]])
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, len(pos), 2000), rng.integers(0, len(pos), 2000)
    random_pairs = np.median(np.hypot(*(pos[a] - pos[b]).T))
    assert linked < 0.5 * random_pairs


def test_sizes_grow_with_degree() -> None:
    data = explorer_data(sample_graph())
    by_degree = sorted((n["degree"], n["size"]) for n in data["nodes"])
    assert [s for _d, s in by_degree] == sorted(s for _d, s in by_degree)
    assert by_degree[0][1] < by_degree[-1][1]


# --------------------------------------------------------------------------- writing


def test_write_html_is_utf8_whatever_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locale, "getpreferredencoding", lambda do_setlocale=True: "ANSI_X3.4-1968")
    out = write_html(sample_graph(), tmp_path / "sub" / "graph.html", title="图谱", max_nodes=5)
    assert out == tmp_path / "sub" / "graph.html"
    text = out.read_bytes().decode("utf-8")
    assert text == render_html(sample_graph(), title="图谱", max_nodes=5)
    assert '<meta charset="utf-8">' in text
    assert not list(out.parent.glob(".*.tmp"))
