"""Constructions of the genre that the development documents hardly use (all names invented).

Each case runs the whole per-document pipeline on a short made-up text and asserts the exact
set of triples of the predicates it covers.
"""

from __future__ import annotations

import pytest

from kg.ingest import make_document
from kg.pipeline import process_document


def triples(text: str, preds: set[str]) -> set[tuple[str, str, str]]:
    res = process_document(make_document(text))
    return {(r.subject.key, r.predicate, r.object.key) for r in res.relations if r.predicate in preds}


def mentions(text: str, type_: str) -> set[str]:
    return {m.key for m in process_document(make_document(text)).mentions if m.type == type_}


CASES = [
    (
        "A 被评为“W”: an honour received",
        "2021年，松涛自然保护协会被评为“全国生态文明建设先进集体”。",
        {"receivedAward"},
        {("松涛自然保护协会", "receivedAward", "全国生态文明建设先进集体")},
    ),
    (
        "P 摘得 X奖金奖: the award is X奖, the level 金奖 is no award of its own",
        "“溪流守护计划”摘得第三届湘江生态奖金奖。",
        {"receivedAward"},
        {("溪流守护计划", "receivedAward", "湘江生态奖")},
    ),
    (
        "A 获得 2022年度X奖: the year's 年度 is not part of the award's name",
        "松涛自然保护协会获得2022年度湖南慈善奖。",
        {"receivedAward"},
        {("松涛自然保护协会", "receivedAward", "湖南慈善奖")},
    ),
    (
        "B 为 P 的志愿者提供专业培训: B supports P",
        "此外，岚光信息技术有限公司还为“溪流守护计划”的志愿者提供专业培训。",
        {"supports"},
        {("岚光信息技术有限公司", "supports", "溪流守护计划")},
    ),
    (
        "B 为项目提供…支持, the project named in the sentence before",
        "“溪流守护计划”启动于2021年。岚光信息技术有限公司为项目提供了技术和志愿者支持。",
        {"supports"},
        {("岚光信息技术有限公司", "supports", "溪流守护计划")},
    ),
    (
        "B 为本次论坛提供…支持: the event named before",
        "首届“湘江湿地论坛”在长沙举行。岚光信息技术有限公司为本次论坛提供了技术支持。",
        {"supports"},
        {("岚光信息技术有限公司", "supports", "湘江湿地论坛")},
    ),
    (
        "P 由 A 发起，B 指导，C 提供技术支持: B and C support P",
        "“溪流守护计划”由松涛自然保护协会发起，湖南省林业局指导，岚光信息技术有限公司提供技术支持。",
        {"supports"},
        {("湖南省林业局", "supports", "溪流守护计划"), ("岚光信息技术有限公司", "supports", "溪流守护计划")},
    ),
    (
        "A 于…在 X 举办了第三届“E”: E is at X",
        "松涛自然保护协会于2023年5月在长沙举办了第三届“湘江湿地论坛”。",
        {"locatedIn", "organizes"},
        {("松涛自然保护协会", "organizes", "湘江湿地论坛"), ("湘江湿地论坛", "locatedIn", "长沙")},
    ),
    (
        "A（总部位于 L）: the organisation's seat",
        "松涛自然保护协会（总部位于湖南省长沙市）是一家环保社会组织。",
        {"locatedIn"},
        {("松涛自然保护协会", "locatedIn", "长沙市")},
    ),
    (
        "A 是一家注册于 L 的…: the organisation's seat",
        "松涛自然保护协会是一家注册于湖南省长沙市的环保社会组织。",
        {"locatedIn"},
        {("松涛自然保护协会", "locatedIn", "长沙市")},
    ),
    (
        "P 选址于 L",
        "“溪流守护计划”选址于湖南省张家界市桑植县。",
        {"locatedIn"},
        {("溪流守护计划", "locatedIn", "桑植县")},
    ),
    (
        "an ethnic autonomous county by its customary short form (X县 for X土家族自治县)",
        "“溪流守护计划”在湖北省宜昌市五峰县实施。",
        {"locatedIn"},
        {("溪流守护计划", "locatedIn", "五峰县")},
    ),
    (
        "A 拨付 N 万元支持“P”",
        "松涛自然保护协会拨付200万元支持“溪流守护计划”。",
        {"funds"},
        {("松涛自然保护协会", "funds", "溪流守护计划")},
    ),
    (
        "A 将在三年内向 B 捐资 N 万元，用于支持“P”: a time span between the giver and 向",
        "岚光信息技术有限公司将在三年内向松涛自然保护协会捐资600万元，用于支持“溪流守护计划”。",
        {"funds"},
        {("岚光信息技术有限公司", "funds", "松涛自然保护协会"), ("岚光信息技术有限公司", "funds", "溪流守护计划")},
    ),
    (
        "A 已累计投入公益资金超过 N 亿元, the project of the clause before",
        "“溪流守护计划”启动以来，岚光信息技术有限公司已累计投入公益资金超过2亿元。",
        {"funds"},
        {("岚光信息技术有限公司", "funds", "溪流守护计划")},
    ),
    (
        "A 向 B 提供了 N 万美元的转贷资金，用于支持“P”",
        "亚洲开发银行向岚山农村商业银行提供了3000万美元的转贷资金，用于支持“溪流守护计划”的推广。",
        {"funds"},
        {("亚洲开发银行", "funds", "岚山农村商业银行"), ("亚洲开发银行", "funds", "溪流守护计划")},
    ),
    (
        "A 通过 B 捐赠 N 万元，支持“P”: B only passes the money on",
        "岚光信息技术有限公司通过松涛自然保护协会捐赠300万元，支持“溪流守护计划”。",
        {"funds"},
        {("岚光信息技术有限公司", "funds", "溪流守护计划")},
    ),
    (
        "A 赞助了第三届“E”",
        "岚光信息技术有限公司赞助了第三届“湘江湿地论坛”。",
        {"funds"},
        {("岚光信息技术有限公司", "funds", "湘江湿地论坛")},
    ),
    (
        "“P”受 A 资助 / P 的经费来源于 A 的捐赠",
        "“溪流守护计划”受岚光信息技术有限公司资助。“溪水课堂项目”的经费来源于松涛自然保护协会的捐赠。",
        {"funds"},
        {("岚光信息技术有限公司", "funds", "溪流守护计划"), ("松涛自然保护协会", "funds", "溪水课堂项目")},
    ),
    (
        "“P”（资助方：A）: a label inside parentheses",
        "“溪流守护计划”（资助方：岚光信息技术有限公司）于2022年启动。",
        {"funds"},
        {("岚光信息技术有限公司", "funds", "溪流守护计划")},
    ),
    (
        "A 与 B: a body's own name (…署, …机构) does not join the next name",
        "2023年，联合国环境规划署与松涛自然保护协会签署合作协议。",
        {"partnersWith"},
        {("联合国环境规划署", "partnersWith", "松涛自然保护协会")},
    ),
    (
        "荣获“W”的 A: the relative clause's head received W",
        "荣获“湘江先锋奖”的松涛自然保护协会成立于2015年。",
        {"receivedAward"},
        {("松涛自然保护协会", "receivedAward", "湘江先锋奖")},
    ),
    (
        "A 入围 W: shortlisted is no award received, and 入围 ends A's name",
        "松涛自然保护协会入围第五届湘江生态奖。",
        {"receivedAward"},
        set(),
    ),
    (
        "a 获奖情况 heading, then award lines (joined by the normaliser): the name the block is titled with",
        "松涛自然保护协会\n\n松涛自然保护协会成立于2012年。\n\n获奖情况\n2021年 湘江生态奖 一等奖\n2023年 湖南慈善奖\n",
        {"receivedAward"},
        {("松涛自然保护协会", "receivedAward", "湘江生态奖"), ("松涛自然保护协会", "receivedAward", "湖南慈善奖")},
    ),
    (
        "award lines naming their winner: each award goes to the winner of its own item",
        "所获荣誉：\n2020年｜湘江生态奖｜“溪流守护计划”\n2021年｜湖南慈善奖｜松涛自然保护协会\n",
        {"receivedAward"},
        {("溪流守护计划", "receivedAward", "湘江生态奖"), ("松涛自然保护协会", "receivedAward", "湖南慈善奖")},
    ),
    (
        "A 发起并主办“E”: the subject of the first verb hosts too",
        "松涛自然保护协会发起并主办“湘江湿地保护周”活动。",
        {"organizes"},
        {("松涛自然保护协会", "organizes", "湘江湿地保护周")},
    ),
    (
        "notice lines joined to the event's title: 主办：A 承办：B",
        "2023湘江湿地保护论坛\n主办：松涛自然保护协会\n承办：溪岸自然教育中心\n",
        {"organizes"},
        {("松涛自然保护协会", "organizes", "2023湘江湿地保护论坛"), ("溪岸自然教育中心", "organizes", "2023湘江湿地保护论坛")},
    ),
    (
        "由 A 主办、B 承办的“X”主题活动",
        "由长沙市民政局主办、松涛自然保护协会承办的“湿地进校园”主题活动在长沙举行。",
        {"organizes"},
        {("长沙市民政局", "organizes", "湿地进校园主题活动"), ("松涛自然保护协会", "organizes", "湿地进校园主题活动")},
    ),
    (
        "an events table (日期 / 活动 / 地点 / 主办): each cell of the 活动 column is an event",
        "活动预告\n\n日期\t活动\t地点\t主办\n4月12日\t第二届湘江源自然观察节\t湖南省永州市\t松涛自然保护协会\n",
        {"organizes", "locatedIn"},
        {("松涛自然保护协会", "organizes", "第二届湘江源自然观察节"), ("第二届湘江源自然观察节", "locatedIn", "永州市")},
    ),
    (
        "a notice: 关于举办 E 的通知, a paragraph naming E, then a numbered 组织机构 block of labels",
        "关于举办2024湘江湿地保护论坛的通知\n\n各有关单位：\n\n为推动湘江流域湿地保护，经研究，定于2024年6月在长沙举办2024湘江湿地保护论坛。现将有关事项通知如下。\n\n"
        "一、组织机构\n\n指导单位：湖南省林业局\n\n主办单位：松涛自然保护协会\n\n支持单位：岚光信息技术有限公司\n",
        {"organizes", "supports"},
        {
            ("湖南省林业局", "supports", "2024湘江湿地保护论坛"),
            ("松涛自然保护协会", "organizes", "2024湘江湿地保护论坛"),
            ("岚光信息技术有限公司", "supports", "2024湘江湿地保护论坛"),
        },
    ),
    (
        "a paragraph between the event and the labels that does not end the notice text: no target",
        "2024湘江湿地保护论坛在长沙举行。\n\n另据了解，协会今年还将开展多项培训\n\n主办单位：松涛自然保护协会\n",
        {"organizes"},
        set(),
    ),
    (
        "项目支持方：A / 学术支持：B after the project's title line",
        "“溪流守护计划”\n项目支持方：岚光信息技术有限公司\n学术支持：湘江大学生命科学学院\n",
        {"supports"},
        {("岚光信息技术有限公司", "supports", "溪流守护计划"), ("湘江大学生命科学学院", "supports", "溪流守护计划")},
    ),
    (
        "a title line joined to 本次论坛…: 本次 is no part of the event's name",
        "2024湘江湿地保护论坛\n本次论坛得到了岚光信息技术有限公司的大力支持。",
        {"supports"},
        {("岚光信息技术有限公司", "supports", "2024湘江湿地保护论坛")},
    ),
    (
        "P 实施地点为 L / P 的实施地点位于 L",
        "“溪流守护计划”实施地点为湖南省张家界市桑植县。“溪水课堂项目”的实施地点位于湖南省永州市。",
        {"locatedIn"},
        {("溪流守护计划", "locatedIn", "桑植县"), ("溪水课堂项目", "locatedIn", "永州市")},
    ),
    (
        "“P”（湖南永州）: places in parentheses are where the project is, not its short name",
        "资助项目包括“溪流守护计划”（湖南省永州市）、“溪水课堂项目”（湖南张家界）。",
        {"locatedIn"},
        {("溪流守护计划", "locatedIn", "永州市"), ("溪水课堂项目", "locatedIn", "张家界")},
    ),
    (
        "L 的“P”: the place right before 的 and a quoted project",
        "张家界市桑植县的“溪流守护计划”已进入第三年。",
        {"locatedIn"},
        {("溪流守护计划", "locatedIn", "桑植县")},
    ),
    (
        "E 于…举行，B 提供技术支持: the event the sentence opens with",
        "第三届“湘江湿地论坛”于5月20日举行，岚光信息技术有限公司提供技术支持。",
        {"supports"},
        {("岚光信息技术有限公司", "supports", "湘江湿地论坛")},
    ),
    (
        "P 由 A 执行，B 提供资金支持，C 提供技术支持: B funds P, C supports P",
        "“溪流守护计划”由松涛自然保护协会执行，岚光信息技术有限公司提供资金支持，湘江大学生命科学学院提供技术支持。",
        {"supports", "funds"},
        {("岚光信息技术有限公司", "funds", "溪流守护计划"), ("湘江大学生命科学学院", "supports", "溪流守护计划")},
    ),
    (
        "在 A 的协助下，P …",
        "在永州市林业局的协助下，“溪流守护计划”于2022年启动。",
        {"supports"},
        {("永州市林业局", "supports", "溪流守护计划")},
    ),
    (
        "a colon-layout record joined into one line: 项目名称：P … 所获荣誉：2021年W1；2022年W2",
        "溪流守护计划\n项目名称：溪流守护计划\n申报单位：松涛自然保护协会\n所获荣誉：2021年湖南慈善奖；2022年湘江生态奖\n",
        {"receivedAward"},
        {("溪流守护计划", "receivedAward", "湖南慈善奖"), ("溪流守护计划", "receivedAward", "湘江生态奖")},
    ),
    (
        "A 为 B 提供资金支持 stays funds, not supports",
        "岚光信息技术有限公司为松涛自然保护协会提供了资金支持。",
        {"supports", "funds"},
        {("岚光信息技术有限公司", "funds", "松涛自然保护协会")},
    ),
]


@pytest.mark.parametrize(("why", "text", "preds", "expected"), CASES, ids=[c[0] for c in CASES])
def test_unseen_construction(why: str, text: str, preds: set[str], expected: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == expected, why


def test_known_name_wins_over_a_place_inside_it() -> None:
    """A project named once as a heading, then again in running text where a region word inside
    it (湘西) was read as a place: the second occurrence is the project, so 启动 finds it."""
    text = "3. 湘西乡村自然向导计划\n\n松涛自然保护协会在湖南省林业局的指导下，于2024年5月启动湘西乡村自然向导计划，面向返乡青年开展培训。"
    got = triples(text, {"initiates", "supports"})
    assert ("松涛自然保护协会", "initiates", "湘西乡村自然向导计划") in got
    assert ("湖南省林业局", "supports", "湘西乡村自然向导计划") in got


@pytest.mark.parametrize(
    ("text", "type_", "present", "absent"),
    [
        ("张青曾先后获得“全国五一劳动奖章”等荣誉。", "Award", "全国五一劳动奖章", "全国五一劳动奖"),
        ("松涛自然保护协会参加了2023年全国湿地保护工作会议。", "Event", "2023年全国湿地保护工作会议", "2023年全国湿地保护工作会"),
        ("大赛设特等奖、一等奖和二等奖。", "Award", "", "大赛设特等奖"),
        ("各地开展“全国湿地日”主题活动。", "Event", "全国湿地日", "全国湿地日主题活动"),
        ("各地开展了形式多样的湿地日主题活动。", "Event", "", "湿地日主题活动"),
        (
            "5月8日，“第三届湘江生态峰会”在长沙举行。本届峰会以“数字时代的流域保护”为主题。",
            "Event",
            "第三届湘江生态峰会",
            "数字时代的流域保护",
        ),
        ("松涛自然保护协会入围第五届湘江生态奖。", "Organization", "松涛自然保护协会", ""),
    ],
)
def test_award_and_event_names(text: str, type_: str, present: str, absent: str) -> None:
    found = mentions(text, type_)
    assert not present or present in found
    assert absent not in found


def test_record_field_names_a_project_and_an_event() -> None:
    """项目名称：/会议名称： values are names even without quotes or a project suffix."""
    text = "项目名称：湘西林下课堂\n执行机构：松涛自然保护协会\n\n会议名称：2024湘江源保护交流会\n会议地点：湖南永州\n"
    assert "湘西林下课堂" in mentions(text, "Project")
    assert "2024湘江源保护交流会" in mentions(text, "Event")
    assert ("松涛自然保护协会", "implements", "湘西林下课堂") in triples(text, {"implements"})
