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
        "superlative: Y 第二大淡水湖 X",
        "云南省第二大淡水湖洱海水质优良。",
        {"partOf"},
        {("洱海", "partOf", "云南省")},
    ),
    (
        "no superlative, no containment",
        "海南岛和南渡江都很美。",
        {"partOf"},
        set(),
    ),
    (
        "地处 Y 地理中心: the whole place lies in Y",
        "青河新区地处长三角地理中心，生态优越。",
        {"partOf"},
        {("青河新区", "partOf", "长三角")},
    ),
    (
        "E 平行论坛——“X”: the parallel forum is part of the conference",
        "11月2日，青禾环保基金会承办的南方公益发展论坛2024年会平行论坛——“湿地与城市：共建韧性社区”顺利召开。",
        {"partOf"},
        {("湿地与城市：共建韧性社区", "partOf", "南方公益发展论坛2024年会")},
    ),
    (
        "本次论坛被列为 E 的分论坛之一: the latest other event named before",
        "5月8日，“青山湿地保护论坛暨成果发布会”在昆明举办。本次论坛被列为第三届南方公益大会的分论坛之一，邀请了多家机构参与。",
        {"partOf"},
        {("青山湿地保护论坛暨成果发布会", "partOf", "第三届南方公益大会")},
    ),
    (
        "依托 E，…联合举办的 X",
        "7月2日，依托“2024南海生态文化节”，由青禾环保基金会、远山生态协会联合举办的2024年“珊瑚守护”志愿者交流会在三亚召开。",
        {"partOf"},
        {("2024年珊瑚守护志愿者交流会", "partOf", "2024南海生态文化节")},
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
        "“P”…已建成 A、B、C 等花园: the gardens of the garden programme",
        "自2021年开始，青禾环保基金会积极参与远山区的“社区花园计划”，目前已建成青榕中心雨水花园、白鹭书院蝴蝶花园、南湖蝶舞花园等花园。",
        {"partOf"},
        {
            ("青榕中心雨水花园", "partOf", "社区花园计划"),
            ("白鹭书院蝴蝶花园", "partOf", "社区花园计划"),
            ("南湖蝶舞花园", "partOf", "社区花园计划"),
        },
    ),
    (
        "items not named by the programme's head word: no parts",
        "青禾环保基金会积极参与“社区花园计划”，目前已建成青榕中心雨水花园、白鹭书院蝴蝶花园等公园建设。",
        {"partOf"},
        set(),
    ),
    (
        "in a case block: 开发…平台（X） and 谋划实施…工程——“X” are parts of the case project; "
        "开发“A”“B”等解决方案 is not",
        "项目名称\n青川森林碳汇创新项目\n\n项目机构\n青川县国有林场\n\n项目介绍\n"
        "■ 上线线上预约小程序（林惠宝），方便游客预约。\n"
        "■ 启动首个生态廊道修复工程——“望云山项目”，获得银行贷款支持。\n"
        "■ 积极开发“竹韵”“茶香”等文创产品，拓展销售渠道。\n",
        {"partOf"},
        {("林惠宝", "partOf", "青川森林碳汇创新项目"), ("望云山项目", "partOf", "青川森林碳汇创新项目")},
    ),
    (
        "a year's edition of a programme named alone too",
        "青禾环保基金会长期支持“社区花园计划”。2024年，基金会参与“2024年远山区社区花园计划”。",
        {"partOf"},
        {("2024年远山区社区花园计划", "partOf", "社区花园计划")},
    ),
    (
        "a division opening items of a list of like local units is the seat of each",
        "此次活动首批联动浙江省青田融媒、龙泉融媒，福建省浦城融媒、松溪融媒等8家融媒体中心。",
        {"locatedIn"},
        {
            ("浙江省青田融媒", "locatedIn", "浙江省"),
            ("龙泉融媒", "locatedIn", "浙江省"),
            ("福建省浦城融媒", "locatedIn", "福建省"),
            ("松溪融媒", "locatedIn", "福建省"),
        },
    ),
    (
        "a list of full organisation names: a division in the first name says nothing of the others",
        "昆明市青山环保基金会、青禾公益基金会、远山基金会共同发起该项目。",
        {"locatedIn"},
        set(),
    ),
    (
        "在全国多个省份推广“P”: P locatedIn 中国",
        "近日，青禾环保基金会在全国多个省份推广“青禾云书屋”公益项目。",
        {"locatedIn"},
        {("青禾云书屋", "locatedIn", "中国")},
    ),
    (
        "在全国率先推广: a ranking, not a place",
        "近日，“青禾云书屋”项目在全国率先推广乡村阅读服务。",
        {"locatedIn"},
        set(),
    ),
    (
        "在 X…，“E”成功举行: the place phrase opening the sentence is the event's seat",
        "当地时间6月5日上午，在日内瓦万国宫会场，“湿地未来”主题报告发布会如期举行。",
        {"locatedIn"},
        {("湿地未来主题报告发布会", "locatedIn", "日内瓦")},
    ),
    (
        "A 是…，坐落于 X: the sentence's subject",
        "明德大学是中国重要的科研基地之一，坐落于杭州西湖之畔，自1920年建校以来人才辈出。",
        {"locatedIn"},
        {("明德大学", "locatedIn", "杭州")},
    ),
    (
        "E 在 X之畔顺利开展",
        "2024年青湖水生生物保护志愿者培训班在云南洱海之畔顺利开展。",
        {"locatedIn"},
        {("2024年青湖水生生物保护志愿者培训班", "locatedIn", "洱海")},
    ),
    (
        "a body founding a unit (a centre) is its parent; 发起成立 and a network are not units",
        "2019年，云南省林业和草原局于2019年成立云南省林业监测服务中心，负责碳汇监测。青禾协会于2019年发起成立远山湿地保护中心。",
        {"subOrganizationOf"},
        {("云南省林业监测服务中心", "subOrganizationOf", "云南省林业和草原局")},
    ),
    (
        "founding a network: no unit",
        "2019年，云南省林业和草原局成立云南省湿地保护联盟。",
        {"subOrganizationOf"},
        set(),
    ),
    (
        "ORG + person + ROLE: 机构周明远首席代表、机构林可欣处长",
        "出席会议的有青禾环保基金会上海办事处周明远首席代表、明德大学外事处林可欣处长等。",
        {"worksFor"},
        {("周明远", "worksFor", "青禾环保基金会上海办事处")},
    ),
    (
        "case block: 该技术…先后获得 A、B 等奖项; 取得…奖项，如 C 和 D; a named organisation keeps its own award",
        "项目名称\n青川餐厨垃圾资源化项目\n\n项目机构\n青川县环保科技有限公司\n\n项目介绍\n"
        "■ 技术亮点：该技术曾获得多项荣誉，先后获得“绿色科技金奖”、“环保创新奖”等奖项。\n"
        "■ 技术优势。项目采用的“好氧堆肥”工艺简单可靠，取得多项国家级奖项，如“国家绿色工厂认证”和“2021年度环保技术进步奖”等。\n"
        "■ 青禾环保基金会荣获“公益之星奖”。\n",
        {"receivedAward"},
        {
            ("青川餐厨垃圾资源化项目", "receivedAward", "绿色科技金奖"),
            ("青川餐厨垃圾资源化项目", "receivedAward", "环保创新奖"),
            ("青川餐厨垃圾资源化项目", "receivedAward", "国家绿色工厂认证"),
            ("青川餐厨垃圾资源化项目", "receivedAward", "2021年度环保技术进步奖"),
            ("青禾环保基金会", "receivedAward", "公益之星奖"),
        },
    ),
    (
        "a city's title (称号); 在 X 荣获: X is where, not who",
        "2019年曲靖市荣获首批“全国绿化模范城市”称号，知名度大大提高。青禾环保基金会在昆明市荣获“绿色先锋奖”称号。",
        {"receivedAward"},
        {("曲靖市", "receivedAward", "全国绿化模范城市"), ("青禾环保基金会", "receivedAward", "绿色先锋奖")},
    ),
    (
        "A 及其N家会员单位获得该奖: the award named before",
        "大会揭晓了“绿色发展十大案例”，远山环保联合会及其3家会员单位获得该奖。",
        {"receivedAward"},
        {("远山环保联合会", "receivedAward", "绿色发展十大案例")},
    ),
    (
        "member list: an item qualified as 战略合作伙伴 stays in the list",
        "远山湿地保护联盟成员包括青禾环保基金会、明德公益基金会、战略合作伙伴星河公益基金会。",
        {"memberOf"},
        {
            ("青禾环保基金会", "memberOf", "远山湿地保护联盟"),
            ("明德公益基金会", "memberOf", "远山湿地保护联盟"),
            ("星河公益基金会", "memberOf", "远山湿地保护联盟"),
        },
    ),
    (
        "member list: 合作伙伴包括 opens a new list",
        "远山湿地保护联盟成员包括青禾环保基金会、明德公益基金会，合作伙伴包括星河公益基金会。",
        {"memberOf"},
        {("青禾环保基金会", "memberOf", "远山湿地保护联盟"), ("明德公益基金会", "memberOf", "远山湿地保护联盟")},
    ),
    (
        "P 覆盖 A、B、C 三省 / 走进 A、B 等地: each place",
        "“青山书屋计划”覆盖云南、四川、贵州三省。“青山课堂计划”走进广西、贵州等地的乡村学校。",
        {"locatedIn"},
        {
            ("青山书屋计划", "locatedIn", "云南"),
            ("青山书屋计划", "locatedIn", "四川"),
            ("青山书屋计划", "locatedIn", "贵州"),
            ("青山课堂计划", "locatedIn", "广西"),
            ("青山课堂计划", "locatedIn", "贵州"),
        },
    ),
    (
        "在 X，A 启动了 P: the project launched after the place phrase",
        "在云南省普洱市，青禾环保基金会启动了“青山书屋计划”。",
        {"locatedIn"},
        {("青山书屋计划", "locatedIn", "普洱市")},
    ),
    (
        "E 于…在 X 闭幕",
        "“第五届湿地论坛”于5月20日在昆明闭幕。",
        {"locatedIn"},
        {("第五届湿地论坛", "locatedIn", "昆明")},
    ),
    (
        "B 是 A 的全资子公司; B 隶属 A",
        "远山环保科技有限公司是青禾集团的全资子公司。远山湿地研究中心直接隶属明德大学。",
        {"subOrganizationOf"},
        {("远山环保科技有限公司", "subOrganizationOf", "青禾集团"), ("远山湿地研究中心", "subOrganizationOf", "明德大学")},
    ),
    (
        "B 是 A 的合作伙伴: no unit",
        "远山环保科技有限公司是青禾集团的合作伙伴。",
        {"subOrganizationOf"},
        set(),
    ),
    (
        "授予 B “W” / 向 B 颁发了 “W”",
        "组委会授予青禾环保基金会“年度公益机构奖”。大会向远山生态协会颁发了“湿地守护奖”。",
        {"receivedAward"},
        {("青禾环保基金会", "receivedAward", "年度公益机构奖"), ("远山生态协会", "receivedAward", "湿地守护奖")},
    ),
    (
        "A 当选为 N 理事单位 / A 作为 N 副理事长单位: A memberOf N",
        "青禾环保基金会当选为远山湿地保护联盟理事单位。明德公益基金会作为远山生态协会副理事长单位，积极参与协会工作。",
        {"memberOf"},
        {("青禾环保基金会", "memberOf", "远山湿地保护联盟"), ("明德公益基金会", "memberOf", "远山生态协会")},
    ),
    (
        "X银行（中国）有限公司 is X's registered name, X银行上海分行 a unit",
        "明德银行今年盈利。明德银行（中国）有限公司和明德银行上海分行参加了会议。",
        {"subOrganizationOf"},
        {("明德银行上海分行", "subOrganizationOf", "明德银行")},
    ),
    (
        "位于 Y 中心城区 / 西北郊: the place lies in Y; 位于 Y 首批示范区 is no containment",
        "青龙湖湿地公园位于昆明市中心城区，面积约10平方公里。白鹭湖湿地公园位于曲靖市西北郊，风景秀丽。翠湖公园位于昆明市首批示范区。",
        {"partOf"},
        {("青龙湖湿地公园", "partOf", "昆明市"), ("白鹭湖湿地公园", "partOf", "曲靖市")},
    ),
    (
        "P 下设 A 和 B 两个子项目",
        "“青山守护计划”下设“青山书屋计划”和“青山课堂计划”两个子项目。",
        {"partOf"},
        {("青山书屋计划", "partOf", "青山守护计划"), ("青山课堂计划", "partOf", "青山守护计划")},
    ),
    (
        "作为“E”的配套活动，“X”…; “E”期间，A 举办了“Y”; 作为 an organisation's partner: none",
        "作为“2024南方湿地大会”的配套活动，“湿地保护研讨会”在昆明举行。“2025北方湿地大会”期间，青禾环保基金会举办了“湿地修复研讨会”。"
        "作为青禾环保基金会的合作伙伴，“湿地摄影研讨会”在昆明举行。",
        {"partOf"},
        {("湿地保护研讨会", "partOf", "2024南方湿地大会"), ("湿地修复研讨会", "partOf", "2025北方湿地大会")},
    ),
    (
        "ORG ROLE、ORG ROLE 甲: the first title still belongs to 甲, the second too",
        "会上，曲靖市政协副主席、农工党曲靖市委主委王建国出席并致辞。",
        {"worksFor"},
        {("王建国", "worksFor", "曲靖市政协"), ("王建国", "worksFor", "农工党曲靖市委")},
    ),
    (
        "获得 W 提名: a nomination is no award",
        "青禾环保基金会获得“中华慈善奖”提名。远山生态协会荣获“湿地守护奖”。",
        {"receivedAward"},
        {("远山生态协会", "receivedAward", "湿地守护奖")},
    ),
    (
        "N 成员 A: A memberOf N; N成员一起走访了 A 支持的…: no membership",
        "远山湿地保护联盟成员一起走访了青禾环保基金会支持的湿地公园。远山湿地保护联盟成员明德公益基金会发言。",
        {"memberOf"},
        {("明德公益基金会", "memberOf", "远山湿地保护联盟")},
    ),
    (
        "在 X 开展的“P” / A 在 X 实施“P” / P 覆盖 X 的 12 个乡镇 / P 在 X、Y 两地实施",
        "青禾环保基金会在普洱市开展的“青山书屋计划”已惠及5000名学生。远山生态协会在昆明市实施“湿地课堂计划”。"
        "“绿色校园计划”覆盖曲靖市的12个乡镇。“青山课堂计划”在临沧、保山两地实施。",
        {"locatedIn"},
        {
            ("青山书屋计划", "locatedIn", "普洱市"),
            ("湿地课堂计划", "locatedIn", "昆明市"),
            ("绿色校园计划", "locatedIn", "曲靖市"),
            ("青山课堂计划", "locatedIn", "临沧"),
            ("青山课堂计划", "locatedIn", "保山"),
        },
    ),
    (
        "本次论坛在 X 举行 (the event named before); E 5月8日在 X 举行; E 在 X 拉开帷幕",
        "5月8日，“第五届湿地论坛”开幕。本次论坛在昆明举行，来自全国的200名代表参会。"
        "“第二届河湖论坛”6月9日在曲靖举行。“首届山地论坛”在丽江拉开帷幕。",
        {"locatedIn"},
        {
            ("第五届湿地论坛", "locatedIn", "昆明"),
            ("第二届河湖论坛", "locatedIn", "曲靖"),
            ("首届山地论坛", "locatedIn", "丽江"),
        },
    ),
    (
        "A 在 X 发布《报告》: neither the report nor A is located by the rule; 在 X 召开 P 总结会: no project seat",
        "青禾环保基金会在昆明召开“青山书屋计划”总结会。",
        {"locatedIn"},
        set(),
    ),
    (
        "W 评委会的评价: no award; two quoted awards back to back: two awards",
        "该机构获得了“湿地守护奖”评委会的高度评价。青禾环保基金会荣获“中华慈善奖”“湿地守护奖”。",
        {"receivedAward"},
        {("青禾环保基金会", "receivedAward", "中华慈善奖"), ("青禾环保基金会", "receivedAward", "湿地守护奖")},
    ),
    (
        "P 走进 X，…: the programme is at X; a person's visit is no location",
        "“青山书屋计划”走进普洱市，为孩子们送去图书。青禾环保基金会理事长走进临沧市。",
        {"locatedIn"},
        {("青山书屋计划", "locatedIn", "普洱市")},
    ),
    (
        "在 A、B、[a site named after a company]、C 等地推广: the company inside an item does not end the place list",
        "“青山茶园计划”在湖南岳阳、江西婺源、远山农业集团有限公司第二茶场、浙江安吉低碳茶园等地积极推广落地。",
        {"locatedIn"},
        {("青山茶园计划", "locatedIn", "岳阳"), ("青山茶园计划", "locatedIn", "婺源"), ("青山茶园计划", "locatedIn", "浙江")},
    ),
]


@pytest.mark.parametrize(("desc", "text", "preds", "want"), CASES, ids=[c[0] for c in CASES])
def test_structure_cases(desc: str, text: str, preds: set[str], want: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == want, desc


BIO_CARD = """青禾环保基金会长期关注湿地保护与社区发展，本期邀请多位专家撰文分享他们的经验与思考，以下为作者简介与正文内容。

林远航
(Lin Yuanhang)

远山生态协会理事长
明德大学环境学院教授，
国际湿地保护联盟
东亚区执行主席，
Wetland 2030国际项目理事会成员，
南湖科技有限公司前首席执行官
星河公益基金会理事、远山市前副市长

林远航认为，湿地保护需要政府、企业和公众的共同参与，只有形成合力，才能真正扭转湿地面积减少的趋势。
"""


def test_bio_card() -> None:
    """A name line, a Latin name, then card lines ORG (前)ROLE, one wrapped after the name and one
    naming an unrecognised body (skipped): every organisation, the former one marked."""
    res = process_document(make_document(BIO_CARD))
    got = {(r.subject.key, r.object.key): dict(r.qualifiers) for r in res.relations if r.predicate == "worksFor"}
    assert set(got) == {
        ("林远航", "远山生态协会"),
        ("林远航", "明德大学环境学院"),
        ("林远航", "国际湿地保护联盟"),
        ("林远航", "南湖科技有限公司"),
        ("林远航", "星河公益基金会"),
    }
    assert got[("林远航", "南湖科技有限公司")] == {"role": "首席执行官", "former": "true"}
    assert got[("林远航", "国际湿地保护联盟")]["role"].endswith("主席")


STAFF = """青禾环保基金会上海代表处成立于2010年。工作组成员如下，排名不分先后，感谢每一位成员在项目执行过程中付出的辛勤努力与专业贡献。

青禾环保基金会
周明远 上海代表处首席代表
Anna Berg 生态保护顾问
林可欣 传播部经理
"""


def test_staff_list_units_and_unrecognised_names() -> None:
    """Under an organisation heading: a unit of it named in full elsewhere is the employer; a line
    whose name was not recognised does not end the list."""
    assert triples(STAFF, {"worksFor"}) == {
        ("周明远", "worksFor", "青禾环保基金会上海代表处"),
        ("林可欣", "worksFor", "青禾环保基金会"),
    }


def test_org_name_role_skips_title_prefixes() -> None:
    """ORG + person + ROLE; a title prefix (原副) read as a name is no person."""
    from kg.model import Sentence
    from kg.relations import _org_name_role_relations

    def run(text: str, person: str) -> set[tuple[str, str, str]]:
        org = "远山市湿地管理局"
        ms = [
            Mention("d", 0, len(org), org, "Organization", "GovernmentAgency", "test", org),
            Mention("d", len(org), len(org) + len(person), person, "Person", None, "test", person),
        ]
        sent = Sentence("d", 0, 0, len(text), text, -1)
        return {(r.subject.key, r.predicate, r.object.key) for r in _org_name_role_relations(sent, ms, text)}

    assert run("远山市湿地管理局林可欣处长出席。", "林可欣") == {("林可欣", "worksFor", "远山市湿地管理局")}
    assert run("远山市湿地管理局原副局长", "原副") == set()


def test_project_right_after_a_community_is_there() -> None:
    """X社区Y花园 (no separator): a project written right after a town, street or community lies
    there; after a province or city (昆明市Y花园) the place may be part of the name, no triple."""
    from kg.model import Sentence
    from kg.relations import _place_prefix_relations

    def run(place: str, project: str) -> set[tuple[str, str, str]]:
        text = place + project + "建设完成。"
        ms = [
            Mention("d", 0, len(place), place, "Place", None, "test", place),
            Mention("d", len(place), len(place) + len(project), project, "Project", None, "test", project),
        ]
        sent = Sentence("d", 0, 0, len(text), text, -1)
        return {(r.subject.key, r.predicate, r.object.key) for r in _place_prefix_relations(sent, ms, text)}

    assert run("东岸社区", "晨光共建花园") == {("晨光共建花园", "locatedIn", "东岸社区")}
    assert run("昆明市", "晨光共建花园") == set()


MEMBERS = """远山湿地保护联盟（WCA）成立于2018年，是由多家基金会和社会组织共同发起的行业网络，致力于推动湿地保护领域的资源共享与合作。

WCA新成员

本季度，联盟理事会审议通过了以下机构的入会申请，欢迎新伙伴加入大家庭。

青禾环保基金会
远山生态协会
明德公益基金会（观察员）

联盟活动

10月，联盟在昆明举办了年度交流会，来自各地的会员单位代表参加了会议并分享经验。
"""


def test_member_list_one_organisation_a_line() -> None:
    """A heading N新成员, an introductory sentence, then one organisation a line: each memberOf N;
    the section after the list adds nothing."""
    assert triples(MEMBERS, {"memberOf"}) == {
        ("青禾环保基金会", "memberOf", "WCA"),
        ("远山生态协会", "memberOf", "WCA"),
        ("明德公益基金会", "memberOf", "WCA"),
    }


def test_award_level_right_after_the_award_is_a_qualifier() -> None:
    """荣获第十二届“W”慈善项目奖: one award W with the level as a qualifier, no second award."""
    res = process_document(make_document("“青山书屋计划”荣获第十二届“中华慈善奖”慈善项目奖。"))
    got = [(r.subject.key, r.object.key, dict(r.qualifiers)) for r in res.relations if r.predicate == "receivedAward"]
    assert got == [("青山书屋计划", "中华慈善奖", {"level": "慈善项目奖"})]


def test_role_list_first_title_with_an_unrecognised_second_body() -> None:
    """ORG ROLE、[unrecognised body] ROLE 甲: the first title still belongs to 甲 (mentions by hand,
    so the test does not depend on the recogniser)."""
    from kg.model import Sentence
    from kg.relations import _role_list_first_relations

    text = "会上，昆明市政协副主席、某某联合会昆明分会会长王建国出席并致辞。"
    org, person = "昆明市政协", "王建国"
    o, p = text.index(org), text.index(person)
    ms = [
        Mention("d", o, o + len(org), org, "Organization", "GovernmentAgency", "test", org),
        Mention("d", p, p + len(person), person, "Person", None, "test", person),
    ]
    sent = Sentence("d", 0, 0, len(text), text, -1)
    got = {(r.subject.key, r.object.key, dict(r.qualifiers)["role"]) for r in _role_list_first_relations(sent, ms, text)}
    assert got == {("王建国", "昆明市政协", "副主席")}
