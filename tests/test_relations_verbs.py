"""Verb-triggered relations (funds, supports, initiates, publishes, organizes, participatesIn,
partnersWith, implements) on invented sentences of the genre (all names made up).

Each case runs the whole per-document pipeline and asserts the exact set of triples of the
predicates it covers.
"""

from __future__ import annotations

import pytest

from tests.test_relations import triples

CASES = [
    (
        "A 联合 N 家机构成立了 X联盟: A initiates X, X is no partner",
        "2017年，远山基金会联合23家公益保护机构成立了“西南自然保护地联盟”。",
        {"initiates", "partnersWith"},
        {("远山基金会", "initiates", "西南自然保护地联盟")},
    ),
    (
        "A 联合 [unrecognised name] 启动 P: A initiates P",
        "2019年，青禾基金会联合明德碳研认证服务站启动“湿地守护计划”项目。",
        {"initiates"},
        {("青禾基金会", "initiates", "湿地守护计划")},
    ),
    (
        "A 控股成立 B: A initiates B (and B is A's subsidiary)",
        "安平县林场控股成立安平林业运营有限公司。",
        {"initiates", "subOrganizationOf"},
        {
            ("安平县林场", "initiates", "安平林业运营有限公司"),
            ("安平林业运营有限公司", "subOrganizationOf", "安平县林场"),
        },
    ),
    (
        "成立 B，作为“P”的运营主体: the organisation closing the clause implements P",
        "安平县林场控股成立安平林业运营有限公司，作为“林业碳汇计划”的市场化运营主体。",
        {"implements"},
        {("安平林业运营有限公司", "implements", "林业碳汇计划")},
    ),
    (
        "设立 A 和 B 作为…执行机构: both implement the project named in the sentence",
        "“清源水基金计划”设立了东湖水务有限公司和南岭农业有限公司作为项目执行机构。",
        {"implements"},
        {("东湖水务有限公司", "implements", "清源水基金计划"), ("南岭农业有限公司", "implements", "清源水基金计划")},
    ),
    (
        "由 A 负责 “P” 在 X 的推广与实施: A implements P; 负责 without 的…实施: none",
        "2021年，明德科技与远山集团达成合作协议，并由远山集团负责“智慧渔场计划”在泰国的推广与实施。青禾集团负责“海洋牧场计划”的资金筹集。",
        {"implements"},
        {("远山集团", "implements", "智慧渔场计划")},
    ),
    (
        "A (在…)持续开展 “P” 公益项目: A implements P",
        "近日，青禾环保基金会在全国多个省市持续开展“乡村书屋”公益项目。",
        {"implements"},
        {("青禾环保基金会", "implements", "乡村书屋")},
    ),
    (
        "A（简称）提出 “P”: A initiates P",
        "在此背景下，明川材料股份有限公司（以下简称明川材料）提出“百万吨再生计划”，探索再生塑料的利用。",
        {"initiates"},
        {("明川材料股份有限公司", "initiates", "百万吨再生计划")},
    ),
    (
        "由 A 和 B 联合发起的 P: A initiates, B initiates, A partnersWith B",
        "由星河基金会和远山基金会联合发起的“乡村图书计划”正式启动。",
        {"initiates", "partnersWith"},
        {
            ("星河基金会", "initiates", "乡村图书计划"),
            ("远山基金会", "initiates", "乡村图书计划"),
            ("星河基金会", "partnersWith", "远山基金会"),
        },
    ),
    (
        "X 联合 A、B 等发起 P: X partners with each, A and B are not paired",
        "青禾基金会联合星河基金会、远山基金会等发起了“江鸟守护计划”。",
        {"partnersWith"},
        {("青禾基金会", "partnersWith", "星河基金会"), ("青禾基金会", "partnersWith", "远山基金会")},
    ),
    (
        "ORG ROLE PERSON 发布《X》: the person and the organisation publish X",
        "绿源环保协会海洋项目总监林可欣正式发布《中国近海生态报告》。",
        {"publishes"},
        {("林可欣", "publishes", "中国近海生态报告"), ("绿源环保协会", "publishes", "中国近海生态报告")},
    ),
    (
        "A 等五部委《X》 / A（简称）《X》: the organisation right before a title publishes it",
        "根据国家林草局等五部委《湿地保护行动方案》，明川生态研究院（MERI）《湿地评估报告》显示水质改善。",
        {"publishes"},
        {("国家林草局", "publishes", "湿地保护行动方案"), ("明川生态研究院", "publishes", "湿地评估报告")},
    ),
    (
        "A 拍摄《X》纪录片: A publishes X",
        "青禾传媒公司拍摄《江河之歌》纪录片，讲述长江保护故事。",
        {"publishes"},
        {("青禾传媒公司", "publishes", "江河之歌")},
    ),
]


NOTICE = """关于举办“2024清河湿地保护论坛”的通知

各有关单位：
为推动湿地保护，定于2024年5月在武汉举办“2024清河湿地保护论坛”。
指导单位：湖北省林业局
主办单位：青禾环保基金会、远山生态协会
承办单位：武汉明德大学
支持单位：星河公益基金会、绿源科技有限公司
联系人：张明
"""


def test_notice_label_lines() -> None:
    """主办单位：A、B / 指导单位：C / 支持单位：D (lines the normaliser may join): each organisation
    relates to the notice's event by the label; the label words are no verbs of their own."""
    ev = "2024清河湿地保护论坛"
    assert triples(NOTICE, {"organizes", "supports"}) == {
        ("湖北省林业局", "supports", ev),
        ("青禾环保基金会", "organizes", ev),
        ("远山生态协会", "organizes", ev),
        ("武汉明德大学", "organizes", ev),
        ("星河公益基金会", "supports", ev),
        ("绿源科技有限公司", "supports", ev),
    }


def test_role_phrases() -> None:
    """A 作为本次论坛的主办方 -> organizes the latest forum; A 作为“P”的项目执行方 -> implements P."""
    text = "“绿色长江论坛”于5月在武汉举行。青禾环保基金会作为本次论坛的主办方，邀请了多位专家。远山集团作为“乡村书屋计划”的项目执行方，负责日常运营。"
    assert triples(text, {"organizes", "implements"}) == {
        ("青禾环保基金会", "organizes", "绿色长江论坛"),
        ("远山集团", "implements", "乡村书屋计划"),
    }


def test_under_backing_by_kind() -> None:
    """在 A 的资助下 -> funds; 在 A 的倡议下 -> initiates; 在 A 的支持下 -> supports."""
    text = (
        "在星河公益基金会的资助下，“乡村书屋计划”于2020年正式启动。在远山生态协会的倡议下，“长江鸟类观察网络”于2019年成立。"
        "在青禾环保基金会的大力支持下，“湿地课堂计划”顺利开展。"
    )
    assert triples(text, {"funds", "initiates", "supports"}) == {
        ("星河公益基金会", "funds", "乡村书屋计划"),
        ("远山生态协会", "initiates", "长江鸟类观察网络"),
        ("青禾环保基金会", "supports", "湿地课堂计划"),
    }


@pytest.mark.parametrize(("name", "text", "preds", "expected"), CASES, ids=[c[0] for c in CASES])
def test_verb_patterns(name: str, text: str, preds: set[str], expected: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == expected, name
