"""Structural relations (partOf, locatedIn, subOrganizationOf, memberOf, receivedAward, worksFor)
on invented sentences of the genre: organisations, people, programmes and events are made up."""

from __future__ import annotations

import pytest

from kg.ingest import make_document
from kg.model import Mention
from kg.pipeline import process_document
from kg.relations import _admin_rank, allowed


def triples(text: str, preds: set[str] | None = None) -> set[tuple[str, str, str]]:
    res = process_document(make_document(text))
    return {
        (r.subject.key, r.predicate, r.object.key)
        for r in res.relations
        if preds is None or r.predicate in preds
    }


def _m(key: str, typ: str) -> Mention:
    return Mention("d", 0, len(key), key, typ, None, "test", key)


def test_admin_rank_longest_suffix() -> None:
    assert _admin_rank("东岸社区") == 5  # a community, not a 区
    assert _admin_rank("清溪街道") == 4
    assert _admin_rank("山南地区") == 2
    assert _admin_rank("青河区") == 3
    assert _admin_rank("白鹭湖") == 0


def test_part_of_types() -> None:
    """Events nest in events and programmes; places only in places."""
    assert allowed("partOf", _m("青山分论坛", "Event"), _m("南方公益大会", "Event"))
    assert allowed("partOf", _m("湿地研讨会", "Event"), _m("海洋周", "Project"))
    assert not allowed("partOf", _m("青山分论坛", "Event"), _m("昆明", "Place"))
    assert not allowed("partOf", _m("昆明", "Place"), _m("青禾计划", "Project"))


CASES = [
    (
        "ranked divisions: a community after its street",
        "项目支持了清溪街道东岸社区的花园建设。",
        {"partOf"},
        {("东岸社区", "partOf", "清溪街道")},
    ),
    (
        "a quoted natural place right after its town",
        "石桥镇“白鹭九湖”每年吸引大量游客。",
        {"partOf"},
        {("白鹭九湖", "partOf", "石桥镇")},
    ),
    (
        "superlative: Y 最长的河流 X",
        "海南岛最长的河流南渡江流经多个市县。",
        {"partOf"},
        {("南渡江", "partOf", "海南岛")},
    ),
    (
        "no superlative, no containment",
        "海南岛和南渡江都很美。",
        {"partOf"},
        set(),
    ),
    (
        "地处 Y 地理中心: the whole place lies in Y",
        "青河新区地处珠三角地理几何中心，生态优越。",
        {"partOf"},
        {("青河新区", "partOf", "珠三角")},
    ),
    (
        "E 平行论坛——“X”: the parallel forum is part of the conference",
        "11月2日，青禾环保基金会承办的南方公益发展论坛2024年会平行论坛——“湿地与城市：共建韧性社区”顺利召开。",
        {"partOf"},
        {("湿地与城市：共建韧性社区", "partOf", "南方公益发展论坛2024年会")},
    ),
    (
        "本次论坛被纳入 E 的分论坛之一: the latest other event named before",
        "5月8日，“青山湿地保护论坛暨项目启动会”在昆明举办。本次论坛被纳入首届亚洲公益论坛的分论坛之一，邀请了多家机构参与。",
        {"partOf"},
        {("青山湿地保护论坛暨项目启动会", "partOf", "亚洲公益论坛")},
    ),
    (
        "依托 E，…联合举办的 X",
        "11月9日，依托“2024南海国际海洋周”，由青禾环保基金会、远山生态协会联合举办的2024年“蓝色海湾行动”公益项目研讨会在三亚召开。",
        {"partOf"},
        {("2024年蓝色海湾行动公益项目研讨会", "partOf", "2024南海国际海洋周")},
    ),
    (
        "依托 an organisation is no sub-event",
        "依托远山生态协会，青禾环保基金会举办的湿地保护研讨会在三亚召开。",
        {"partOf"},
        set(),
    ),
    (
        "P 的平台包括 A（…）、B（…）、C（…）三大体系: each named part",
        "“青禾数字农业计划”的数字平台包括禾农通（生产管理平台）、禾农市（农产品交易平台）、禾农贷（金融服务平台）三大核心体系。",
        {"partOf"},
        {
            ("禾农通", "partOf", "青禾数字农业计划"),
            ("禾农市", "partOf", "青禾数字农业计划"),
            ("禾农贷", "partOf", "青禾数字农业计划"),
        },
    ),
    (
        "“P”…支持完成 A、B、C 等花园建设: the gardens of the garden programme",
        "自2021年开始，青禾环保基金会积极参与远山区的“社区花园计划”，目前已经支持完成青榕中心屋顶花园、白鹭书院螺旋花园、南湖蝶变花园等花园建设。",
        {"partOf"},
        {
            ("青榕中心屋顶花园", "partOf", "社区花园计划"),
            ("白鹭书院螺旋花园", "partOf", "社区花园计划"),
            ("南湖蝶变花园", "partOf", "社区花园计划"),
        },
    ),
    (
        "items not named by the programme's head word: no parts",
        "青禾环保基金会积极参与“社区花园计划”，目前已经支持完成青榕中心屋顶花园、白鹭书院螺旋花园等公园建设。",
        {"partOf"},
        set(),
    ),
    (
        "in a case block: 开发…平台（X） and 谋划实施…工程——“X” are parts of the case project; "
        "开发“A”“B”等解决方案 is not",
        "项目名称\n青川森林碳汇创新项目\n\n项目机构\n青川县国有林场\n\n项目介绍\n"
        "■ 开发数字化推广平台（林惠宝），带动当地社区增收。\n"
        "■ 谋划实施首个储备林精准提升工程——“望云山项目”，获得银行授信。\n"
        "■ 积极开发“竹联网”“茶联网”等解决方案，将应用领域延伸到其他产业。\n",
        {"partOf"},
        {("林惠宝", "partOf", "青川森林碳汇创新项目"), ("望云山项目", "partOf", "青川森林碳汇创新项目")},
    ),
    (
        "a year's edition of a programme named alone too",
        "青禾环保基金会长期支持“社区花园计划”。2024年，基金会参与“2024年远山区社区花园计划”。",
        {"partOf"},
        {("2024年远山区社区花园计划", "partOf", "社区花园计划")},
    ),
]


@pytest.mark.parametrize(("desc", "text", "preds", "want"), CASES, ids=[c[0] for c in CASES])
def test_structure_cases(desc: str, text: str, preds: set[str], want: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == want, desc
