"""Persons, participation and membership on invented sentences of the genre (all names made up).

Each case runs the whole per-document pipeline and asserts the exact set of triples of the
predicates it covers.
"""

from __future__ import annotations

import pytest

from tests.test_relations import triples

FORUM = "5月8日，“第三届清溪绿色发展论坛”在无锡举行。"

CASES = [
    (
        "甲 当选 N 首任主席: 甲 worksFor N",
        "会上，刘振华当选西北湿地保护联盟首任主席。",
        {"worksFor"},
        {("刘振华", "worksFor", "西北湿地保护联盟")},
    ),
    (
        "甲 出任 ORG ROLE: the organisation is not swallowed by the verb",
        "2023年，王立新出任绿源环保基金会理事长。",
        {"worksFor"},
        {("王立新", "worksFor", "绿源环保基金会")},
    ),
    (
        "当选 … 代表: an elected deputy holds no post in the body",
        "2022年，王立新当选明州市人民代表大会代表。",
        {"worksFor"},
        set(),
    ),
    (
        "聘任 甲 为 ROLE: the appointed person is recognised and works for the appointing body",
        "3月1日，青川生态保护基金会理事会决定，聘任李明远为基金会秘书长。",
        {"worksFor"},
        {("李明远", "worksFor", "青川生态保护基金会")},
    ),
    (
        "甲（ORG ROLE）: the bracket glosses the person's post",
        "论坛由张晓红（青川生态基金会秘书长）主持。",
        {"worksFor"},
        {("张晓红", "worksFor", "青川生态基金会")},
    ),
    (
        "该所研究员甲: the organisation the head refers back to",
        "报告由中国社会科学院生态研究所完成。报告课题组负责人、该所研究员黄志伟介绍了主要发现。",
        {"worksFor"},
        {("黄志伟", "worksFor", "中国社会科学院生态研究所")},
    ),
    (
        "分会秘书长甲 at a clause start: the latest 分会 of the passage",
        "西江渔业协会下设海洋资源分会。分会秘书长林海涛表示，将继续推进。",
        {"worksFor"},
        {("林海涛", "worksFor", "海洋资源分会")},
    ),
    (
        "分会秘书长甲 after a clipped repeat of the unit's name: the full name given before",
        "3月20日，明江水产学会渔业资源与环境分会与明江流域资助者网络共同发起“明江鱼类观察”行动。"
        "该行动由渔业资源与环境分会负责技术培训和数据审核。分会秘书长林海涛介绍，行动将在三省开展。",
        {"worksFor"},
        {("林海涛", "worksFor", "明江水产学会渔业资源与环境分会")},
    ),
    (
        "大学教授甲 (segmented as one word) and 学生 titles",
        "青川大学教授王海涛、明德大学学生赵小雨参加了调查。",
        {"worksFor"},
        {("王海涛", "worksFor", "青川大学"), ("赵小雨", "worksFor", "明德大学")},
    ),
    (
        "ORG 的 甲 ROLE、乙 ROLE: both work for the organisation",
        "本次培训邀请了青川大学生态学院的王海涛教授、李晓东副教授授课。",
        {"worksFor"},
        {("王海涛", "worksFor", "青川大学生态学院"), ("李晓东", "worksFor", "青川大学生态学院")},
    ),
    (
        "ORG 教授、博士生导师 甲 / 传播官 乙: chained and communication titles",
        "北京林业大学教授、博士生导师张立明担任项目首席专家。青川生态基金会秘书长张晓红和传播官王悦一同参加。",
        {"worksFor"},
        {("张立明", "worksFor", "北京林业大学"), ("张晓红", "worksFor", "青川生态基金会"), ("王悦", "worksFor", "青川生态基金会")},
    ),
    (
        "甲 在论坛上作主旨演讲: 甲 takes part in the forum of the passage",
        FORUM + "张晓红在论坛上作主旨演讲。",
        {"participatesIn"},
        {("张晓红", "participatesIn", "第三届清溪绿色发展论坛")},
    ),
    (
        "在…举行的“E”上，ORG ROLE 甲 发表…: the speaker takes part in E",
        "在5月8日举行的“第三届清溪绿色发展论坛”上，青川生态基金会秘书长张晓红发表了主旨演讲。",
        {"participatesIn"},
        {("张晓红", "participatesIn", "第三届清溪绿色发展论坛")},
    ),
    (
        "在“E”上，A 荣获 W 由 B 颁发: neither the winner's donor nor an award giver is made a participant",
        "在“第三届清溪绿色发展论坛”上，明湖科技荣获青川环保协会颁发的荣誉证书。",
        {"participatesIn"},
        set(),
    ),
    (
        "ORG ROLE 甲、ORG ROLE 乙 分别致辞 (no event named in the sentence): the passage's event",
        "5月8日，“第三届清溪绿色发展论坛”在无锡开幕。青川生态基金会理事长李明远、明湖大学教授王海涛分别致辞。",
        {"participatesIn"},
        {
            ("李明远", "participatesIn", "第三届清溪绿色发展论坛"),
            ("王海涛", "participatesIn", "第三届清溪绿色发展论坛"),
        },
    ),
    (
        "N 组织成员参加 E: the network takes part",
        "明江流域资助者网络组织成员参加了“第五届长江保护论坛”。",
        {"participatesIn"},
        {("明江流域资助者网络", "participatesIn", "第五届长江保护论坛")},
    ),
    (
        "ORG 有关负责同志出席并致辞: the organisation takes part in the passage's event",
        FORUM + "江苏省林业局有关负责同志出席并致辞。",
        {"participatesIn"},
        {("江苏省林业局", "participatesIn", "第三届清溪绿色发展论坛")},
    ),
    (
        "甲 主持了开幕式 / “E”由 ORG ROLE 乙 主持",
        FORUM + "青川大学教授王海涛主持了开幕式。“第三届清溪绿色发展论坛”由明德大学教授李晓东主持。",
        {"participatesIn"},
        {
            ("王海涛", "participatesIn", "第三届清溪绿色发展论坛"),
            ("李晓东", "participatesIn", "第三届清溪绿色发展论坛"),
        },
    ),
    (
        "与会嘉宾包括 ORG ROLE 甲、ORG ROLE 乙: each guest takes part",
        "5月8日，“第三届清溪绿色发展论坛”在无锡举行，与会嘉宾包括绿源环保基金会理事长王立新、青川大学教授王海涛。",
        {"participatesIn"},
        {
            ("王立新", "participatesIn", "第三届清溪绿色发展论坛"),
            ("王海涛", "participatesIn", "第三届清溪绿色发展论坛"),
        },
    ),
    (
        "本届论坛以“X”为主题: the theme is no event, the speakers attend the named forum",
        FORUM + "本届论坛以“低碳转型与乡村振兴”为主题。明州环境联合会副会长王立新、江苏省生态环境厅副厅长李文博出席开幕式并致辞。",
        {"participatesIn"},
        {
            ("王立新", "participatesIn", "第三届清溪绿色发展论坛"),
            ("李文博", "participatesIn", "第三届清溪绿色发展论坛"),
        },
    ),
    (
        "捐赠仪式 after the named event: 在仪式上表示 refers to the unnamed ceremony",
        FORUM + "另讯，明湖科技向青川生态基金会捐赠500万元。捐赠仪式在宁德举行。青川生态基金会秘书长周立新在仪式上表示，将用好善款。",
        {"participatesIn"},
        set(),
    ),
    (
        "甲 率队参加 E; A 作为支持单位参加 E",
        "青川生态基金会理事长李明远率队参加“第五届长江保护论坛”。绿源环保基金会作为支持单位参加了“第五届长江保护论坛”。",
        {"participatesIn"},
        {
            ("李明远", "participatesIn", "第五届长江保护论坛"),
            ("绿源环保基金会", "participatesIn", "第五届长江保护论坛"),
        },
    ),
    (
        "作为 N 成员，A …: A memberOf N (and 积极参与 does not glue A to the next name)",
        "作为西北湿地保护联盟成员，青川生态基金会积极参与联盟活动。",
        {"memberOf"},
        {("青川生态基金会", "memberOf", "西北湿地保护联盟")},
    ),
    (
        "网络迎来两家新成员：A 和 B (the passage's network)",
        "长江流域资助者网络成立于2015年。本季度，网络迎来两家新成员：绿源环保基金会和明湖自然学校。",
        {"memberOf"},
        {("绿源环保基金会", "memberOf", "长江流域资助者网络"), ("明湖自然学校", "memberOf", "长江流域资助者网络")},
    ),
    (
        "联盟新增 A、B 两家成员单位; A 正式加入联盟",
        "中国湿地保护联盟于2019年成立。2023年，联盟新增绿源环保基金会、明湖自然学校两家成员单位。青川生态基金会正式加入联盟。",
        {"memberOf"},
        {
            ("绿源环保基金会", "memberOf", "中国湿地保护联盟"),
            ("明湖自然学校", "memberOf", "中国湿地保护联盟"),
            ("青川生态基金会", "memberOf", "中国湿地保护联盟"),
        },
    ),
    (
        "N 共有成员单位 56 家，包括 A、B 等",
        "截至2023年底，中国湿地保护联盟共有成员单位56家，包括绿源环保基金会、青川生态基金会等。",
        {"memberOf"},
        {("绿源环保基金会", "memberOf", "中国湿地保护联盟"), ("青川生态基金会", "memberOf", "中国湿地保护联盟")},
    ),
    (
        "N（X）欢迎 A 加入网络",
        "长江流域资助者网络（YFN）欢迎明湖自然学校加入网络。",
        {"memberOf"},
        {("明湖自然学校", "memberOf", "长江流域资助者网络")},
    ),
    (
        "A 是 N1 会员单位、N2 理事单位: both memberships",
        "青川生态基金会是中国慈善联合会会员单位、中国湿地保护联盟理事单位。",
        {"memberOf"},
        {("青川生态基金会", "memberOf", "中国慈善联合会"), ("青川生态基金会", "memberOf", "中国湿地保护联盟")},
    ),
    (
        "N 成员单位 A 组织了…: the member list word does not glue to A's name",
        "西北湿地保护联盟成员单位青川生态基金会组织了本次活动。",
        {"memberOf"},
        {("青川生态基金会", "memberOf", "西北湿地保护联盟")},
    ),
    (
        "A（网络成员）; 网络成员 A、B: members of the network",
        "长江流域资助者网络成立于2015年。青川生态基金会（网络成员）发布了年度报告。网络成员绿源环保基金会、明湖自然学校联合开展了培训。",
        {"memberOf"},
        {
            ("青川生态基金会", "memberOf", "长江流域资助者网络"),
            ("绿源环保基金会", "memberOf", "长江流域资助者网络"),
            ("明湖自然学校", "memberOf", "长江流域资助者网络"),
        },
    ),
    (
        "成员大会 / 会员代表: no member list",
        "长江流域资助者网络成立于2015年。网络成员大会在武汉召开，青川生态基金会承办。",
        {"memberOf"},
        set(),
    ),
    (
        "加入 X资助者圆桌（ACR），成为其成员机构",
        "2024年，青川生态基金会正式加入华东环境资助者圆桌（EEGR），成为其第15家成员机构。",
        {"memberOf"},
        {("青川生态基金会", "memberOf", "华东环境资助者圆桌")},
    ),
    (
        "case block: 该技术在 E 中获得…; 通过 E1、E2 等平台，分享…: the case project takes part in each event",
        "项目名称\n明川餐厨垃圾转化项目\n\n项目机构\n明川环保科技有限公司\n\n项目介绍\n"
        "■ 该技术在第九届明川创新创业大赛中获得优秀企业称号。\n"
        "■ 此外，通过全国固废治理新技术交流会、长三角循环经济推进会等平台，还进一步分享了项目经验。\n"
        "■ 明川环保科技有限公司在第九届明川创新创业大赛中获得一等奖。\n",
        {"participatesIn"},
        {
            ("明川餐厨垃圾转化项目", "participatesIn", "第九届明川创新创业大赛"),
            ("明川餐厨垃圾转化项目", "participatesIn", "全国固废治理新技术交流会"),
            ("明川餐厨垃圾转化项目", "participatesIn", "长三角循环经济推进会"),
        },
    ),
    (
        "本基金会 (the organisation the passage names most often) 参加 E; ORG 项目团队/代表团一行 参加/出席 E",
        "青川生态基金会成立于2012年。青川生态基金会致力于湿地保护。2023年，本基金会参加了“2023中国湿地保护年会”。"
        "明湖环保协会项目团队参加了“第五届长江保护论坛”。本会议纪要由明湖环保协会整理。",
        {"participatesIn"},
        {
            ("青川生态基金会", "participatesIn", "2023中国湿地保护年会"),
            ("明湖环保协会", "participatesIn", "第五届长江保护论坛"),
        },
    ),
    (
        "A 组织员工参与 “P”: A supports the project (participatesIn is kept for events)",
        "3月，绿源环保基金会组织员工参与“清河行动”志愿服务。",
        {"participatesIn", "supports"},
        {("绿源环保基金会", "supports", "清河行动")},
    ),
]


@pytest.mark.parametrize(("why", "text", "preds", "want"), CASES, ids=[c[0] for c in CASES])
def test_person_phrasings(why: str, text: str, preds: set[str], want: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == want, why
