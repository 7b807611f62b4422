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
    assert triples(NOTICE, {"partnersWith"}) == {("青禾环保基金会", "partnersWith", "远山生态协会")}  # co-hosts


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


def test_event_named_after_its_organiser() -> None:
    """CEGA… / 青禾环保基金会… event names: the organisation named in the document organizes it;
    an unknown prefix or a longer Latin word is none."""
    text = "环境资助者联盟（GEFA）成立于2010年。首次“GEFA优秀资助案例交流活动”在成都举行。“GEFAX创新大会”同期举办。"
    assert triples(text, {"organizes"}) == {("GEFA", "organizes", "GEFA优秀资助案例交流活动")}


def test_titles_listed_after_a_counted_noun() -> None:
    """(dropped subject) 连续三年提交多个提案，包括《A》《B》等: the sentence's subject publishes each."""
    text = "青禾基金会在总结实践经验的基础上形成政策建议，自2018年起，已连续三年提交多个相关提案，包括《关于湿地保护的建议》《关于河流治理的建议》等。"
    assert triples(text, {"publishes"}) == {
        ("青禾基金会", "publishes", "关于湿地保护的建议"),
        ("青禾基金会", "publishes", "关于河流治理的建议"),
    }


def test_descriptor_before_a_partner() -> None:
    """A 携手 [全球性环保组织] B: a descriptor ending in a classifier noun stands before the partner."""
    text = "2022年，青禾环保基金会携手全球性环保组织世界自然基金会在北京举办新闻发布会。"
    assert triples(text, {"partnersWith"}) == {("青禾环保基金会", "partnersWith", "世界自然基金会")}


def test_what_the_backed_actor_makes_later() -> None:
    """在 A 支持下，B 举办发布会，共同发布旨在…的《X》: A supports X (made in a later clause of B), not B."""
    text = "在青禾环保基金会支持下，远山生态协会在北京举办新闻发布会，正式发布旨在帮助公众减碳的《家庭减碳手册》。"
    assert triples(text, {"supports"}) == {("青禾环保基金会", "supports", "家庭减碳手册")}


def test_reliance_and_case_block_backers() -> None:
    """该平台依托 A 旗下 B -> B supports the platform; in a case block 由 A 提供技术支持 / 通过 B 审批，成为…
    -> the case project; 约 N 万元由 C 支持 is funding, not support."""
    text = "“清源数据平台”于2022年上线。该平台依托明德集团旗下星川科技有限公司，服务流域监测。"
    assert triples(text, {"supports"}) == {("星川科技有限公司", "supports", "清源数据平台")}
    case = (
        "山林之间的守望\n\n青溪流域生态补偿示范项目\n\n项目机构\n青禾环保基金会\n\n实施地点\n四川省雅安市\n\n"
        "项目介绍\n\n以政府为主导，由远山生态协会提供技术支持，当地村民成立了合作社。"
        "2019年，通过雅安市林业局审批，成为首个获批的社区保护项目。另外约300万元由星河公益基金会支持。\n"
    )
    assert triples(case, {"supports"}) == {
        ("远山生态协会", "supports", "青溪流域生态补偿示范项目"),
        ("雅安市林业局", "supports", "青溪流域生态补偿示范项目"),
    }


def test_comma_opens_the_next_clause_subject() -> None:
    """A 与 B 共同设立“X”，B 首期捐赠 N 万元: X is set up by both, B (the next clause's subject)
    is no object of 设立, and funds X."""
    text = "2024年4月，青禾环保基金会与明川科技有限公司共同设立“自然教育专项基金”，明川科技有限公司首期捐赠300万元。"
    assert triples(text, {"initiates", "funds", "partnersWith"}) == {
        ("青禾环保基金会", "partnersWith", "明川科技有限公司"),
        ("青禾环保基金会", "initiates", "自然教育专项基金"),
        ("明川科技有限公司", "initiates", "自然教育专项基金"),
        ("明川科技有限公司", "funds", "自然教育专项基金"),
    }


def test_project_co_actors_carry_and_backing_of_a_by_chain() -> None:
    """“P”携手 A、B，发起…，启动“E”: A and B launch; 在 C 的指导下，由 A 主办、D 协办的“E”: C supports E."""
    text = "“星光计划”携手青禾环保基金会、远山生态协会，发起“绿色出行”倡议，启动“低碳出行周”活动。"
    assert triples(text, {"initiates"}) == {
        ("青禾环保基金会", "initiates", "绿色出行倡议"),
        ("远山生态协会", "initiates", "绿色出行倡议"),
        ("青禾环保基金会", "initiates", "低碳出行周"),
        ("远山生态协会", "initiates", "低碳出行周"),
    }
    text = "发布会上，“星光计划”携手青禾环保基金会、远山生态协会，启动“低碳出行周”活动。"
    assert triples(text, {"initiates"}) == {("青禾环保基金会", "initiates", "低碳出行周"), ("远山生态协会", "initiates", "低碳出行周")}
    text = "为倡导绿色生活，在四川省生态环境厅的指导下，由青禾环保基金会主办、明德大学协办的“绿色生活周”活动在成都启动。"
    assert triples(text, {"supports", "organizes"}) == {
        ("四川省生态环境厅", "supports", "绿色生活周"),
        ("青禾环保基金会", "organizes", "绿色生活周"),
        ("明德大学", "organizes", "绿色生活周"),
    }


def test_listed_participants_of_a_discussion() -> None:
    """在工作坊中，…包括 A、B、C 等18人，深度参与小组讨论: the listed organisations take part in the scene's event;
    出席发布会 (a kind the named event is not) refers to no earlier event."""
    text = "“2024湿地讲师工作坊”于5月在北京举行。在工作坊中，各地伙伴积极给予支持，包括青禾环保基金会、远山生态协会、明德大学等18人，深度参与小组讨论，贡献经验。"
    ev = "2024湿地讲师工作坊"
    assert triples(text, {"participatesIn"}) == {
        ("青禾环保基金会", "participatesIn", ev),
        ("远山生态协会", "participatesIn", ev),
        ("明德大学", "participatesIn", ev),
    }
    text = "“2024湿地讲师工作坊”于5月在北京举行。在工作坊中，各地伙伴积极给予支持，包括青禾环保基金会、远山生态协会等18人，深度参与小组讨论，贡献经验和支持会务。"
    assert triples(text, {"supports"}) == {("青禾环保基金会", "supports", ev), ("远山生态协会", "supports", ev)}
    text = "“2024湿地讲师工作坊”于5月在北京举行。次日，远山生态协会秘书长张明远出席发布会并致辞。"
    assert not triples(text, {"participatesIn"})


@pytest.mark.parametrize(("name", "text", "preds", "expected"), CASES, ids=[c[0] for c in CASES])
def test_verb_patterns(name: str, text: str, preds: set[str], expected: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == expected, name


# common news phrasings of the genre, one sentence each (names invented)
A, B, C = "青禾环保基金会", "远山生态协会", "明德大学"
P, P2, E, X = "乡村书屋计划", "湿地课堂计划", "绿色长江论坛", "长江湿地保护报告"
PHRASINGS = [
 (f"{A}向{B}捐赠500万元，用于支持“{P}”。", {(A,"funds",B),(A,"funds",P)}),
 (f"{A}捐资200万元设立“{P}”。", {(A,"funds",P),(A,"initiates",P)}),
 (f"{A}出资100万元支持“{P}”。", {(A,"funds",P)}),
 (f"“{P}”由{A}全额资助。", {(A,"funds",P)}),
 (f"{A}为“{P}”捐款50万元。", {(A,"funds",P)}),
 (f"{A}资助的“{P}”已覆盖十个县。", {(A,"funds",P)}),
 (f"{A}是“{P}”的资助方。", {(A,"funds",P)}),
 (f"{A}累计向“{P}”投入资金3000万元。", {(A,"funds",P)}),
 (f"{A}联合{B}共同出资设立“{P}”。", {(A,"funds",P),(B,"funds",P),(A,"initiates",P),(B,"initiates",P),(A,"partnersWith",B)}),
 (f"“{P}”得到了{A}的大力支持。", {(A,"supports",P)}),
 (f"{A}给予“{P}”大力支持。", {(A,"supports",P)}),
 (f"{A}对“{P}”给予了支持。", {(A,"supports",P)}),
 (f"在{A}指导下，“{P}”顺利实施。", {(A,"supports",P)}),
 (f"{A}助力“{P}”。", {(A,"supports",P)}),
 (f"“{P}”获得{A}的技术指导。", {(A,"supports",P)}),
 (f"{A}于2015年发起“{P}”。", {(A,"initiates",P)}),
 (f"“{P}”由{A}于2015年发起。", {(A,"initiates",P)}),
 (f"“{P}”是{A}发起的公益项目。", {(A,"initiates",P)}),
 (f"{A}携手{B}发起“{P}”。", {(A,"initiates",P),(B,"initiates",P),(A,"partnersWith",B)}),
 (f"{A}牵头成立“长江保护联盟”。", {(A,"initiates","长江保护联盟")}),
 (f"“{P}”是由{A}于2010年发起设立的。", {(A,"initiates",P)}),
 (f"{A}创立了“{P}”。", {(A,"initiates",P)}),
 (f"《{X}》由{A}编制。", {(A,"publishes",X)}),
 (f"{A}联合{B}发布《{X}》。", {(A,"publishes",X),(B,"publishes",X),(A,"partnersWith",B)}),
 (f"{A}近日出版了《{X}》一书。", {(A,"publishes",X)}),
 ("美国生物学家Rachel Lee的科普著作《湿地之歌》影响深远。", {("Rachel Lee","publishes","湿地之歌")}),
 (f"与{A}共同研发的《{X}》课程入选优秀课程。", {(A,"publishes",X)}),
 (f"{A}编写的《{X}》正式出版。", {(A,"publishes",X)}),
 (f"《{X}》是{A}发布的。", {(A,"publishes",X)}),
 (f"{A}与{B}联合发布了《{X}》。", {(A,"publishes",X),(B,"publishes",X),(A,"partnersWith",B)}),
 (f"“{E}”由{A}主办，{B}承办。", {(A,"organizes",E),(B,"organizes",E)}),
 (f"{A}在北京举办“{E}”。", {(A,"organizes",E)}),
 (f"“{E}”于5月在成都举行。本次论坛由{A}主办。", {(A,"organizes",E)}),
 (f"{A}主办的“{E}”于5月在成都举行。", {(A,"organizes",E)}),
 (f"{A}与{B}共同主办的“{E}”于5月举行。", {(A,"organizes",E),(B,"organizes",E),(A,"partnersWith",B)}),
 (f"{A}联合{B}举办“{E}”。", {(A,"organizes",E),(B,"organizes",E),(A,"partnersWith",B)}),
 (f"{A}出席了“{E}”。", {(A,"participatesIn",E)}),
 (f"{A}代表参加了“{E}”。", {(A,"participatesIn",E)}),
 (f"来自{A}、{B}的代表参加了“{E}”。", {(A,"participatesIn",E),(B,"participatesIn",E)}),
 (f"{A}受邀出席“{E}”并发言。", {(A,"participatesIn",E)}),
 (f"{A}理事长王明远出席“{E}”并致辞。", {("王明远","participatesIn",E)}),
 (f"{A}积极参与“{P}”。", {(A,"participatesIn",P)}),
 (f"{A}与{B}签署战略合作协议。", {(A,"partnersWith",B)}),
 (f"{A}与{B}达成战略合作。", {(A,"partnersWith",B)}),
 (f"{A}和{B}建立了长期合作关系。", {(A,"partnersWith",B)}),
 (f"{A}与{B}合作开展“{P}”。", {(A,"partnersWith",B),(A,"implements",P),(B,"implements",P)}),
 (f"{A}与{B}、{C}等机构展开合作。", {(A,"partnersWith",B),(A,"partnersWith",C)}),
 (f"{A}与{B}开展战略合作。", {(A,"partnersWith",B)}),
 (f"由{B}、京东智能科技与{A}共同搭建的“{P}”正式上线。", {(B,"initiates",P),("京东","initiates",P),(A,"initiates",P),(B,"partnersWith","京东"),(B,"partnersWith",A),("京东","partnersWith",A)}),
 (f"2021年，{A}与日本星野集团达成合作协议。", {(A,"partnersWith","星野集团")}),
 (f"“{P}”由{A}负责实施。", {(A,"implements",P)}),
 (f"{A}负责实施“{P}”。", {(A,"implements",P)}),
 (f"{A}是“{P}”的执行机构。", {(A,"implements",P)}),
 (f"{A}承担了“{P}”的实施工作。", {(A,"implements",P)}),
 (f"{A}运营的“{P}”已覆盖十个县。", {(A,"implements",P)}),
 (f"“{P}”的执行机构为{A}。", {(A,"implements",P)}),
 (f"“{P}”的主办单位是{A}。", set()),
 (f"“{E}”的主办单位是{A}。", {(A,"organizes",E)}),
 (f"{A}作为“{E}”的承办方，精心组织了各项活动。", {(A,"organizes",E)}),
 (f"{A}携手{B}，共同发起“{P}”。", {(A,"initiates",P),(B,"initiates",P),(A,"partnersWith",B)}),
 (f"{A}于2018年启动“{P}”，并于2020年推出“{P2}”。", {(A,"initiates",P),(A,"initiates",P2)}),
 (f"{A}成立于2008年，2015年发起了“{P}”。", {(A,"initiates",P)}),
 (f"{A}成立于2008年。2015年，该基金会发起了“{P}”。", {(A,"initiates",P)}),
]


VERB_PREDS = {"funds", "supports", "initiates", "publishes", "organizes", "participatesIn", "partnersWith", "implements"}


def _sym(ts: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {(s, p, o) if p != "partnersWith" or s < o else (o, p, s) for s, p, o in ts}


@pytest.mark.parametrize(("text", "expected"), PHRASINGS, ids=[t for t, _ in PHRASINGS])
def test_common_phrasings(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _sym(triples(text, VERB_PREDS)) == _sym(expected)


# event, funding and role-chain phrasings (same invented names)
PE = f"“{E}”于5月20日在成都举行。"
EVENT_PHRASINGS = [
 (PE + f"本次活动由{A}、{B}联合主办，{C}协办。", {(A,"organizes",E),(B,"organizes",E),(C,"organizes",E),(A,"partnersWith",B)}),
 (PE + f"活动由{A}主办、{B}承办。", {(A,"organizes",E),(B,"organizes",E)}),
 (f"{A}举办了第三届“{E}”。", {(A,"organizes",E)}),
 (f"由{A}主办的第五届“{E}”在京开幕。", {(A,"organizes",E)}),
 (f"{A}成功举办“{E}”。", {(A,"organizes",E)}),
 (f"{A}于5月20日在杭州召开“{E}”。", {(A,"organizes",E)}),
 (f"“{E}”由{A}和{B}共同主办。", {(A,"organizes",E),(B,"organizes",E),(A,"partnersWith",B)}),
 (f"{A}组织开展了“{E}”。", {(A,"organizes",E)}),
 (f"{A}、{B}联合主办的“{E}”日前落幕。", {(A,"organizes",E),(B,"organizes",E),(A,"partnersWith",B)}),
 (f"“{E}”在北京举行，此次活动由{A}主办。", {(A,"organizes",E)}),
 (PE + f"来自{A}、{B}等20余家机构的代表出席论坛。", {(A,"participatesIn",E),(B,"participatesIn",E)}),
 (PE + f"来自{A}、{B}等20余家机构的代表出席会议。", set()),
 (PE + f"{A}秘书长张明远出席本次会议并致辞。", {("张明远","participatesIn",E)}),
 (PE + f"{A}、{B}等机构参加了本次论坛。", {(A,"participatesIn",E),(B,"participatesIn",E)}),
 (f"{A}应邀参加“{E}”并作主题发言。", {(A,"participatesIn",E)}),
 (f"{A}派员参加了“{E}”。", {(A,"participatesIn",E)}),
 (f"{A}作为特邀嘉宾出席了“{E}”。", {(A,"participatesIn",E)}),
 (f"{A}向“{P}”捐赠100万元。", {(A,"funds",P)}),
 (f"{A}为{B}提供资金支持。", {(A,"funds",B)}),
 (f"“{P}”获得{A}100万元资助。", {(A,"funds",P)}),
 (f"{A}捐赠的“{P}”正式落成。", {(A,"funds",P)}),
 (f"{A}全额资助“{P}”。", {(A,"funds",P)}),
 (f"{A}正式启动“{P}”。", {(A,"initiates",P)}),
 (f"{A}推出了“{P}”公益项目。", {(A,"initiates",P)}),
 (f"{A}于2019年创办了{B}。", {(A,"initiates",B)}),
 (f"“{P}”是{A}于2016年发起的一项公益项目。", {(A,"initiates",P)}),
 (f"由{A}发起、{B}支持的“{P}”正式上线。", {(A,"initiates",P),(B,"supports",P)}),
 (f"{A}发布了《{X}》。", {(A,"publishes",X)}),
 (PE + f"会上，{A}正式发布《{X}》。", {(A,"publishes",X),(A,"participatesIn",E)}),
 (f"{A}与{B}联合编写的《{X}》正式出版。", {(A,"publishes",X),(B,"publishes",X),(A,"partnersWith",B)}),
 (f"《{X}》由{A}和{B}共同编制。", {(A,"publishes",X),(B,"publishes",X),(A,"partnersWith",B)}),
 (f"{A}日前发布《{X}》，指出湿地面积持续增加。", {(A,"publishes",X)}),
 (f"“{P}”由{A}负责执行。", {(A,"implements",P)}),
 (f"{A}具体负责“{P}”的实施。", {(A,"implements",P)}),
 (f"“{P}”于2020年启动，项目执行方为{A}。", {(A,"implements",P)}),
 (f"“{P}”由{A}和{B}共同实施。", {(A,"implements",P),(B,"implements",P),(A,"partnersWith",B)}),
 (f"{A}与{B}签署合作协议，双方将共同推进“{P}”。", {(A,"partnersWith",B)}),
 (f"{A}携手{B}共同打造“{P}”。", {(A,"initiates",P),(B,"initiates",P),(A,"partnersWith",B)}),
 (f"{A}成为“{E}”的战略合作伙伴。", set()),
 (f"“{P}”由{A}出资、{B}执行。", {(A,"funds",P),(B,"implements",P)}),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_PHRASINGS, ids=[t for t, _ in EVENT_PHRASINGS])
def test_event_and_chain_phrasings(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _sym(triples(text, VERB_PREDS)) == _sym(expected)


# coordination, carried subjects, 在 E 上, funding purposes, mobilised people (same invented names)
MORE_PHRASINGS = [
 (f"{A}先后发起了“{P}”和“{P2}”。", {(A,"initiates",P),(A,"initiates",P2)}),
 (f"{A}成立于2008年。此后，该基金会又陆续推出“{P}”“{P2}”等项目。", {(A,"initiates",P),(A,"initiates",P2)}),
 (f"{A}与{B}共同发起的“{P}”已覆盖20个省份。", {(A,"initiates",P),(B,"initiates",P),(A,"partnersWith",B)}),
 (f"{A}携手{B}举办“{E}”。", {(A,"organizes",E),(B,"organizes",E),(A,"partnersWith",B)}),
 (f"{A}联合{B}、{C}共同发布《{X}》。", {(A,"publishes",X),(B,"publishes",X),(C,"publishes",X),(A,"partnersWith",B),(A,"partnersWith",C)}),
 (PE + f"会上，{A}与{B}签署了战略合作协议。", {(A,"partnersWith",B),(A,"participatesIn",E),(B,"participatesIn",E)}),
 (f"{A}在“{E}”上发布了《{X}》。", {(A,"publishes",X),(A,"participatesIn",E)}),
 (f"{A}在“{E}”上发表主旨演讲。", {(A,"participatesIn",E)}),
 (f"{A}理事长张明远在“{E}”上发表演讲。", {("张明远","participatesIn",E)}),
 (f"{A}捐赠100万元，支持“{P}”的实施。", {(A,"funds",P)}),
 (f"{A}将为“{P}”提供三年资金支持。", {(A,"funds",P)}),
 (f"{A}出资设立的“{P}”已资助200名学生。", {(A,"funds",P),(A,"initiates",P)}),
 (f"“{P}”是{A}和{B}合作开展的项目。", {(A,"partnersWith",B),(A,"implements",P),(B,"implements",P)}),
 (f"2020年，{A}启动“{P}”，并邀请{B}作为技术支持单位。", {(A,"initiates",P),(B,"supports",P)}),
 (f"{A}是“{E}”的发起方之一。", {(A,"initiates",E)}),
 (f"“{E}”吸引了{A}、{B}等200余家机构参加。", {(A,"participatesIn",E),(B,"participatesIn",E)}),
 (f"{A}、{B}等机构的代表出席了“{E}”。", {(A,"participatesIn",E),(B,"participatesIn",E)}),
 (f"{A}组织志愿者参与“{P}”。", {(A,"participatesIn",P)}),
 (f"{A}持续资助{B}开展“{P}”。", {(A,"funds",B),(B,"implements",P)}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_PHRASINGS, ids=[t for t, _ in MORE_PHRASINGS])
def test_more_phrasings(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _sym(triples(text, VERB_PREDS)) == _sym(expected)


# funding and support phrasings (same invented names)
FUNDING_PHRASINGS = [
 (f"{A}向{B}捐赠价值50万元的物资。", {(A,"funds",B)}),
 (f"{A}捐赠200万元用于“{P}”。", {(A,"funds",P)}),
 (f"“{P}”由{A}提供资金支持。", {(A,"funds",P)}),
 (f"{A}提供300万元资金，支持“{P}”。", {(A,"funds",P)}),
 (f"获得{A}资助的“{P}”已覆盖十个县。", {(A,"funds",P)}),
 (f"受{A}资助的“{P}”已覆盖十个县。", {(A,"funds",P)}),
 (f"“{P}”的资金来自{A}。", {(A,"funds",P)}),
 (f"{A}每年捐赠100万元支持“{P}”。", {(A,"funds",P)}),
 (f"{A}捐赠的200万元将用于“{P}”。", {(A,"funds",P)}),
 (f"明川集团投资建设生态度假区——{B}。", {("明川集团","funds",B)}),
 (f"今年，{A}积极参与社区建设，重点出资支持东湖社区“{P}”。", {(A,"funds",P)}),
 (f"{A}在此基础上组建起一支“湿地讲师团”。", {(A,"initiates","湿地讲师团")}),
 (f"会员们参观了{A}资助的、于{C}设立的全国第一所湿地博物馆。", set()),
 (f"{A}与{B}签署捐赠协议，捐赠500万元支持“{P}”。", {(A,"funds",P),(A,"partnersWith",B)}),
 (f"{A}对“{P}”予以支持。", {(A,"supports",P)}),
 (f"{A}鼎力支持“{P}”。", {(A,"supports",P)}),
 (f"{A}全力支持“{E}”的举办。", {(A,"supports",E)}),
 (f"{A}长期支持{B}的发展。", {(A,"supports",B)}),
 (f"{A}指导{B}开展“{P}”。", {(A,"supports",B),(B,"implements",P)}),
 (f"{A}为{B}提供了专业指导。", {(A,"supports",B)}),
 (f"{A}资助{B}实施“{P}”。", {(A,"funds",B),(B,"implements",P)}),
 (f"{A}向“{P}”追加捐赠50万元。", {(A,"funds",P)}),
 (f"“{P}”获得{A}、{B}的联合资助。", {(A,"funds",P),(B,"funds",P)}),
]


@pytest.mark.parametrize(("text", "expected"), FUNDING_PHRASINGS, ids=[t for t, _ in FUNDING_PHRASINGS])
def test_funding_phrasings(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _sym(triples(text, VERB_PREDS)) == _sym(expected)


# implementing, advising, thanking and coordinated role verbs (same invented names)
ROLE_PHRASINGS = [
 (f"{A}承接了“{P}”的实施工作。", {(A,"implements",P)}),
 (f"{A}与{B}合作实施“{P}”。", {(A,"implements",P),(B,"implements",P),(A,"partnersWith",B)}),
 (f"“{P}”由{A}具体执行。", {(A,"implements",P)}),
 (f"{A}担任“{P}”的学术顾问单位。", {(A,"supports",P)}),
 (f"感谢{A}、{B}对“{P}”的大力支持。", {(A,"supports",P),(B,"supports",P)}),
 (f"{C}对“{P}”进行技术指导。", {(C,"supports",P)}),
 (f"{A}于5月20日在成都举行“{E}”。", {(A,"organizes",E)}),
 (f"“{E}”由{A}发起并主办。", {(A,"organizes",E),(A,"initiates",E)}),
 (f"{A}参加了在成都举办的“{E}”。", {(A,"participatesIn",E)}),
 (f"“{P}”是由{A}发起、{B}负责执行的公益项目。", {(A,"initiates",P),(B,"implements",P)}),
 (f"{A}联合{B}实施“{P}”。", {(A,"implements",P),(B,"implements",P),(A,"partnersWith",B)}),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_PHRASINGS, ids=[t for t, _ in ROLE_PHRASINGS])
def test_role_phrasings(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _sym(triples(text, VERB_PREDS)) == _sym(expected)


# invitations, open lists of many co-actors, counted co-hosts (same invented names)
MORE_ROLE_PHRASINGS = [
 (f"{A}被邀请参加“{E}”。", {(A,"participatesIn",E)}),
 (f"{A}获邀出席“{E}”。", {(A,"participatesIn",E)}),
 (f"“{E}”由{A}、{B}、{C}三家单位联合主办。", {(A,"organizes",E),(B,"organizes",E),(C,"organizes",E),(A,"partnersWith",B),(A,"partnersWith",C),(B,"partnersWith",C)}),
 (f"{A}、{B}、{C}等10家单位联合发布《{X}》。", {(A,"publishes",X),(B,"publishes",X),(C,"publishes",X)}),
 (f"{A}携手{B}、{C}推出“{P}”。", {(A,"initiates",P),(B,"initiates",P),(C,"initiates",P),(A,"partnersWith",B),(A,"partnersWith",C),(B,"partnersWith",C)}),
 (f"{A}参与编写了《{X}》。", {(A,"publishes",X)}),
 (f"{A}组织召开“{E}”。", {(A,"organizes",E)}),
 (f"{A}承担“{P}”的执行工作。", {(A,"implements",P)}),
 (f"2023年，{A}在北京发布《{X}》。", {(A,"publishes",X)}),
 (f"{A}向社会公开发布《{X}》。", {(A,"publishes",X)}),
 (f"{A}与{B}于2022年联合启动“{P}”。", {(A,"initiates",P),(B,"initiates",P),(A,"partnersWith",B)}),
 (f"{A}将继续资助“{P}”。", {(A,"funds",P)}),
 (f"{A}连续五年资助“{P}”。", {(A,"funds",P)}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_ROLE_PHRASINGS, ids=[t for t, _ in MORE_ROLE_PHRASINGS])
def test_more_role_phrasings(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _sym(triples(text, VERB_PREDS)) == _sym(expected)
