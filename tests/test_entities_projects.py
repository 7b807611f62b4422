"""Project recall: projects named by what the text does to them (invented sentences)."""

from __future__ import annotations

import pytest

from kg.entities import extract_entities
from kg.model import Document


def _found(text: str) -> dict[str, str]:
    doc = Document("t", "t.txt", "t", text, text, ())
    mentions, _aliases = extract_entities(doc)
    return {m.key: m.type for m in mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a named fund set up by the text
        ("收益的一部分用于建立白鹤保护基金，支持湿地巡护。", "白鹤保护基金"),
        ("青松基金会设立乡村阅读专项基金，资助乡村学校。", "乡村阅读专项基金"),
        # a descriptive project right after a launch verb
        ("2019年，某县借鉴这一经验启动了高寒湿地恢复碳汇项目，修复退化湿地。", "高寒湿地恢复碳汇项目"),
        # a system the text builds by name
        ("团队开发青岭智能巡护管理系统，提升保护区管理效率。", "青岭智能巡护管理系统"),
        # a Latin-named building or substance + 改造/淘汰 + 项目/计划
        ("采用该技术的伦敦Harbour View大楼改造项目获评绿色建筑。", "Harbour View大楼改造项目"),
        ("企业成为首批CFC（氯氟烃）淘汰计划的签约企业。", "CFC（氯氟烃）淘汰计划"),
    ],
)
def test_project_named_by_action(text: str, name: str) -> None:
    assert _found(text).get(name) == "Project"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a counted or demonstrative object is not a name
        ("基金会启动了一个湿地恢复碳汇项目。", "一个湿地恢复碳汇项目"),
        ("双方开发了该巡护管理系统。", "该巡护管理系统"),
        # the headline's short form of a quoted fund name is not a second fund
        ("白云基金会设立溪流保护基金\n白云基金会设立“白云溪流保护基金”，首期100万元。", "溪流保护基金"),
        # a fund followed by 会 is an organisation, not a fund
        ("当地设立湿地保护基金会，负责募款。", "湿地保护基金"),
    ],
)
def test_not_a_project(text: str, name: str) -> None:
    assert _found(text).get(name) != "Project"


def test_counted_sites_share_the_head() -> None:
    found = _found("萧山、余杭和桐庐三座能源生态园均已投产。萧山的居民前来参观。")
    assert {k for k, t in found.items() if t == "Project"} == {"萧山能源生态园", "余杭能源生态园", "桐庐能源生态园"}
    assert found.get("萧山") != "Project"  # the bare place elsewhere is not the site


def test_counted_list_of_non_places_is_not_sites() -> None:
    found = _found("基金会联合青禾、蓝湾和白鹭三家数据中心开展合作。")
    assert "白鹭数据中心" not in found and "青禾数据中心" not in found
