"""The HTML explorer in headless Chromium (Debian's /usr/bin/chromium via Playwright).

Each page is opened from file:// with every request that is not file: or data: aborted and
recorded, console errors and uncaught exceptions recorded, and dialogs recorded and dismissed.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.html import CHROMIUM_ARGS, CHROMIUM_PATH, write_html

pytestmark = pytest.mark.browser

CHROMIUM = Path(CHROMIUM_PATH)


def _helpers() -> ModuleType:
    """tests/test_html.py (graph makers), loaded by path whatever the import mode."""
    spec = importlib.util.spec_from_file_location(
        "kg_test_html_helpers", Path(__file__).with_name("test_html.py")
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


H = _helpers()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expr: str) -> Any:
        return self.page.evaluate(expr)

    def panel_text(self) -> str:
        return self.page.inner_text("#kg-panel")


def open_page(browser: Any, path: Path, timeout_s: float = 30, bypass_csp: bool = False) -> Opened:
    page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp)
    opened = Opened(page)

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            opened.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda req: opened.requests.append(req.url))
    page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: opened.errors.append(str(exc)))

    def on_dialog(d: Any) -> None:
        opened.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.kgExplorer && window.kgExplorer.ready", timeout=timeout_s * 1000)
    return opened


def node_point(o: Opened, iri: str) -> tuple[float, float]:
    """Page coordinates of a node's centre, once any view animation has ended."""
    o.page.wait_for_function("() => !kgExplorer.animating()")
    return tuple(
        o.page.evaluate(
            """iri => {
                const net = kgExplorer.network, k = kgExplorer.indexOf(iri);
                const p = net.canvasToDOM(net.getPositions([k])[k]);
                const r = document.getElementById('kg-network').getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            iri,
        )
    )


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(H.sample_graph(), tmp_path_factory.mktemp("html") / "sample.html", title="样例图谱")


@pytest.fixture()
def sample(browser: Any, sample_html: Path) -> Iterator[Opened]:
    o = open_page(browser, sample_html)
    yield o
    o.page.close()


def test_sample_loads_offline_with_every_entity(sample: Opened) -> None:
    assert sample.errors == []
    assert sample.blocked == []
    assert sample.requests and all(u.startswith(("file:", "data:")) for u in sample.requests)
    entities = 7
    assert sample.js("kgExplorer.nodeCount") == entities
    assert sample.js("kgExplorer.renderedNodeCount()") == entities
    assert sample.js("kgExplorer.network.body.nodeIndices.length") == entities
    assert sample.js("kgExplorer.renderedEdgeCount()") == 7
    assert sample.page.inner_text("#kg-count") == "节点 nodes 7 / 7 · 关系 edges 7 / 7"
    assert sample.page.locator("#kg-types li").count() == 6
    assert sample.page.locator("#kg-preds li").count() == 7
    assert sample.page.locator("#kg-notice").is_hidden()
    assert sample.page.title() == "样例图谱"


def test_search_by_alias_and_name_selects_the_node(sample: Opened) -> None:
    box = sample.page.locator("#kg-search")
    box.fill("QSF")  # an alias, exact: selected while typing
    sample.page.wait_for_function("() => kgExplorer.selected() !== null")
    assert sample.js("kgExplorer.selected()") == str(H.QSF)
    assert sample.js("kgExplorer.network.getSelectedNodes()") == [sample.js(f"kgExplorer.indexOf('{H.QSF}')")]
    assert sample.page.inner_text("#kg-panel h2") == "青山环境保护基金会"
    box.fill("湿地")  # a prefix: Enter takes the best suggestion
    assert sample.page.locator("#kg-suggest button").first.inner_text().startswith("■")
    box.press("Enter")
    sample.page.wait_for_function(
        "() => kgExplorer.selected() && kgExplorer.selected().endsWith('湿地守护计划')"
    )
    assert sample.page.inner_text("#kg-panel h2") == "湿地守护计划"
    box.fill("江西")  # exact alias of 江西省 beats being a prefix of it
    sample.page.wait_for_function("() => kgExplorer.selected().endsWith('江西省')")
    box.fill("ｑｓｆ")  # full-width and lower case
    sample.page.wait_for_function(f"() => kgExplorer.selected() === '{H.QSF}'")


def test_clicking_a_node_shows_its_evidence(sample: Opened) -> None:
    x, y = node_point(sample, str(H.QSF))
    sample.page.mouse.click(x, y)
    sample.page.wait_for_function(f"() => kgExplorer.selected() === '{H.QSF}'")
    panel = sample.panel_text()
    assert "青山环境保护基金会" in panel
    assert "QSF" in panel and "青山基金会" in panel  # aliases
    assert "基金会 Foundation" in panel
    evidence = sample.page.locator("#kg-panel .kg-evidence").all_inner_texts()
    assert "青山基金会负责实施湿地守护计划" in evidence
    assert "青山基金会秘书长林青表示" in evidence
    assert len(evidence) == 3
    assert "绿洲基金会简报 — corpus/brief.txt" in panel
    headings = sample.page.locator("#kg-panel .kg-rel-group h3").all_inner_texts()
    assert headings == ["合作 partners with (1)", "实施 implements (1)", "任职于 works for (1)"]


def test_clicking_an_edge_shows_all_its_statements(sample: Opened) -> None:
    person = str(H.RES["person/林青"])
    (x1, y1), (x2, y2) = node_point(sample, person), node_point(sample, str(H.QSF))
    for t in (0.5, 0.4, 0.6):  # the middle of the worksFor edge, away from both shapes
        sample.page.mouse.click(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)
        if "证据 Evidence" in sample.panel_text():
            break
    panel = sample.panel_text()
    assert "任职于 works for" in panel
    assert "青山基金会秘书长林青表示" in panel
    assert "职务 role: 秘书长" in panel
    assert "规则 rule worksFor.org_role_name" in panel
    assert sample.js("kgExplorer.network.getSelectedEdges().length") == 1


def test_hover_tooltip_names_the_predicate(sample: Opened) -> None:
    x, y = node_point(sample, str(H.QSF))
    sample.page.mouse.move(x, y)
    sample.page.wait_for_selector("#kg-tooltip:not([hidden])")
    assert sample.page.inner_text("#kg-tooltip").startswith("青山环境保护基金会")
    person = str(H.RES["person/林青"])
    (x1, y1), (x2, y2) = node_point(sample, person), node_point(sample, str(H.QSF))
    sample.page.mouse.move(x1 + (x2 - x1) * 0.5, y1 + (y2 - y1) * 0.5)
    sample.page.wait_for_function(
        "() => document.getElementById('kg-tooltip').textContent.includes('任职于 · works for')"
    )


def test_type_and_predicate_filters_and_focus_mode(sample: Opened) -> None:
    page = sample.page
    page.locator('#kg-types li[data-type="Place"] input').uncheck()
    assert sample.js("kgExplorer.visibleNodeCount()") == 5
    assert sample.js("kgExplorer.renderedNodeCount()") == 5
    assert sample.js("kgExplorer.visibleEdgeCount()") == 5  # locatedIn and partOf go with the places
    page.locator('#kg-types li[data-type="Place"] input').check()
    page.locator('#kg-preds li[data-predicate="funds"] input').uncheck()
    assert sample.js("kgExplorer.visibleEdgeCount()") == 6
    page.locator('#kg-preds li[data-predicate="funds"] input').check()
    assert sample.js("kgExplorer.visibleEdgeCount()") == 7

    sample.js(f"kgExplorer.select('{H.RES['person/林青']}')")
    page.locator("#kg-hops").select_option("1")
    page.locator("#kg-focus").check()
    assert sorted(sample.js("kgExplorer.visibleNodeIds()")) == sorted([str(H.RES["person/林青"]), str(H.QSF)])
    page.locator("#kg-hops").select_option("2")
    assert sample.js("kgExplorer.visibleNodeCount()") == 4  # + 绿源科技, 湿地守护计划
    page.locator("#kg-hops").select_option("3")
    assert sample.js("kgExplorer.visibleNodeCount()") == 6  # + 九江市, 绿色未来奖
    page.locator("#kg-focus").uncheck()
    assert sample.js("kgExplorer.visibleNodeCount()") == 7
    assert sample.errors == []


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "csp-bypassed"])
def test_injected_markup_stays_text(browser: Any, tmp_path: Path, csp: bool) -> None:
    """Safe on its own: with the page's CSP switched off too, nothing runs or renders as markup."""
    path = write_html(H.injection_graph(), tmp_path / "evil.html", title=f"标题{H.EVIL_SCRIPT}")
    o = open_page(browser, path, bypass_csp=not csp)
    page = o.page
    try:
        evil_name = f"恶意{H.EVIL_IMG}基金会"
        page.locator("#kg-search").fill("<img")
        suggestion = page.locator("#kg-suggest button").first
        assert evil_name in suggestion.inner_text()
        suggestion.click()
        page.wait_for_function("() => kgExplorer.selected() !== null")
        assert page.inner_text("#kg-panel h2") == evil_name
        panel = o.panel_text()
        assert H.EVIL_SCRIPT in panel
        assert f"证据<b>加粗</b>{H.EVIL_IMG}" in panel
        assert "<i>100万元</i>" in panel
        assert f"报告{H.EVIL_SCRIPT} — corpus/<b>evil</b>.txt" in panel
        assert '项目"><svg onload=alert(3)>' in panel
        assert page.inner_text("#kg-title") == f"标题{H.EVIL_SCRIPT}"
        x, y = node_point(o, "https://w3id.org/kg-cn-philanthropy/resource/org/evil")
        page.mouse.move(x, y)
        page.wait_for_selector("#kg-tooltip:not([hidden])")
        assert page.inner_text("#kg-tooltip").startswith(evil_name)
        page.wait_for_timeout(300)  # give any onerror/onload a chance to fire
        assert o.dialogs == []
        assert page.locator("img").count() == 0
        assert page.locator("svg").count() == 0
        assert page.locator("#kg-panel b, #kg-panel i, #kg-suggest img").count() == 0
        assert page.locator("script").count() == 3
        assert o.errors == []
        assert o.blocked == []
    finally:
        page.close()


def test_large_graph_loads_limited_and_stays_searchable(browser: Any, tmp_path: Path) -> None:
    graph = H.synthetic_graph(5000)
    start = time.perf_counter()
    path = write_html(graph, tmp_path / "big.html")
    render_s = time.perf_counter() - start
    assert render_s < 60, f"rendering 5,000 nodes took {render_s:.1f}s"
    start = time.perf_counter()
    o = open_page(browser, path, timeout_s=60)
    load_s = time.perf_counter() - start
    page = o.page
    try:
        assert load_s < 30, (
            f"5,000-node page took {load_s:.1f}s to draw"
        )  # generous: see benchmarks/bench_html.py
        assert o.errors == [] and o.blocked == []
        assert o.js("kgExplorer.nodeCount") == 5000
        assert o.js("kgExplorer.visibleNodeCount()") == 2000
        assert o.js("kgExplorer.renderedNodeCount()") == 2000
        assert o.js("kgExplorer.overviewLabels") > 0  # hub names drawn on the zoomed-out view
        assert page.locator("#kg-notice").is_visible()
        assert "5000" in page.inner_text("#kg-notice") and "2000" in page.inner_text("#kg-notice")
        # An entity outside the initial set is still found, selected and shown.
        data = H.page_data(path.read_text(encoding="utf-8"))
        hidden = next(i for i in range(5000) if i not in set(data["initial"]))
        alias = data["nodes"][hidden]["aliases"][0]
        page.locator("#kg-search").fill(alias)
        page.wait_for_function(f"() => kgExplorer.selected() === {data['nodes'][hidden]['id']!r}")
        assert o.js("kgExplorer.visibleNodeCount()") > 2000
        assert page.inner_text("#kg-panel h2") == data["nodes"][hidden]["label"]
        page.click("#kg-show-all")
        assert o.js("kgExplorer.visibleNodeCount()") == 5000
        assert o.errors == []
    finally:
        page.close()
