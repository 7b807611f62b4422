"""Relation rules for ordinary news phrasings beyond the development set (all names invented).

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


CASES = [
    (
        "a clause-opening bare 基金会 is the foundation the passage is about",
        "青岚生态保护基金会成立于2015年。2023年，青岚生态保护基金会发布了年度报告。同年，基金会与碧波出版社合作出版《湿地鸟类手册》。",
        {"partnersWith"},
        {("青岚生态保护基金会", "partnersWith", "碧波出版社")},
    ),
    (
        "a bare 基金会 is not resolved when several foundations compete equally",
        "青岚生态保护基金会与白石公益基金会举行座谈。基金会与碧波出版社合作出版《湿地鸟类手册》。",
        {"partnersWith"},
        set(),
    ),
    (
        "A（以下简称“a”）向 B 捐赠 N 万元，用于支持“P”项目在 L、M 两地的实施",
        "5月8日，浙江远帆新材料股份有限公司（以下简称“远帆新材”）向中国绿化基金会捐赠3000万元，用于支持“绿廊守护”项目在浙江丽水、江西上饶两地的实施。",
        {"funds", "locatedIn"},
        {
            ("浙江远帆新材料股份有限公司", "funds", "中国绿化基金会"),
            ("浙江远帆新材料股份有限公司", "funds", "绿廊守护"),
            ("绿廊守护", "locatedIn", "丽水"),
            ("绿廊守护", "locatedIn", "上饶"),
        },
    ),
    (
        "A 宣布向 B 捐赠 N 万元，设立“P”: A funds B and P",
        "11月12日，上海云朵网络科技有限公司（以下简称“云朵科技”）宣布向中国儿童少年基金会捐赠1500万元，设立“云朵乡村书屋”公益项目。",
        {"funds"},
        {
            ("上海云朵网络科技有限公司", "funds", "中国儿童少年基金会"),
            ("上海云朵网络科技有限公司", "funds", "云朵乡村书屋"),
        },
    ),
    (
        "bare 项目 opening the next sentence; 在 L、M 两地的 N 所学校建设: a count between places and verb",
        "北京星火科技有限公司设立“星火乡村图书馆”公益项目。项目首批将在河北保定、山西大同两地的60所乡村小学建设图书馆。",
        {"locatedIn"},
        {("星火乡村图书馆", "locatedIn", "保定"), ("星火乡村图书馆", "locatedIn", "大同")},
    ),
    (
        "bare 行动 names the latest “X”行动, not an older project whose name ends in 行动",
        "“清溪行动”已结束。次年，青禾学会发起“江豚守望者”行动。行动首批将在湖南、江西两省的12个湖区开展。",
        {"locatedIn"},
        {("江豚守望者", "locatedIn", "湖南"), ("江豚守望者", "locatedIn", "江西")},
    ),
    (
        "在 A 的指导下，B 在 L 启动“P”: A supports P (not B); P is at L",
        "3月5日，在云南省生态环境厅的指导下，云岭自然保护基金会在云南大理启动“洱海清源”计划。",
        {"supports", "locatedIn"},
        # a named natural area opening the project's name places it there as well
        {("云南省生态环境厅", "supports", "洱海清源"), ("洱海清源", "locatedIn", "大理"), ("洱海清源", "locatedIn", "洱海")},
    ),
    (
        "在 A 的指导下，由 B 主办的“E”在 L 启动: A supports E, not the organiser B",
        "11月8日，在国家林业和草原局宣传中心的指导下，由中国绿色发展促进会主办的“绿色出行周”主题活动在浙江杭州启动。",
        {"supports"},
        {("国家林业和草原局宣传中心", "supports", "绿色出行周")},
    ),
    (
        "在 A 的指导下，由 B 主办的 [no recognised name]: no support of the organiser B",
        "在国家林业和草原局宣传中心的指导下，由中国绿色发展促进会主办的系列活动在杭州启动。",
        {"supports"},
        set(),
    ),
    (
        "X 在 L 正式成立: the organisation is at L",
        "5月，东北湿地保护联盟在吉林长春正式成立。",
        {"locatedIn"},
        {("东北湿地保护联盟", "locatedIn", "长春")},
    ),
    (
        "基金会接受 A 的业务指导: A supports the foundation",
        "青山生态保护基金会成立于2010年。青山生态保护基金会的宗旨是保护森林。基金会接受浙江省林业局的业务指导，登记管理机关为浙江省民政厅。",
        {"supports"},
        {("浙江省林业局", "supports", "青山生态保护基金会")},
    ),
    (
        "bare 项目得到了 A 和 B 的支持",
        "绿源环境基金会于2015年启动“北溪守护行动”。项目得到了临海市生态环境局和临海市水利局的支持。",
        {"supports"},
        {("临海市生态环境局", "supports", "北溪守护行动"), ("临海市水利局", "supports", "北溪守护行动")},
    ),
    (
        "N决策委员会由 A、B 和 C 组成，秘书处设在 L: members of the network N (declared in parentheses); N at L",
        "华北环境资助者网络（NEFN）成立于2016年。目前NEFN决策委员会由河北省燕山生态保护基金会、天津市海河公益基金会和山西省汾河生态基金会组成，秘书处设在石家庄。",
        {"memberOf", "locatedIn"},
        {
            ("河北省燕山生态保护基金会", "memberOf", "华北环境资助者网络"),
            ("天津市海河公益基金会", "memberOf", "华北环境资助者网络"),
            ("山西省汾河生态基金会", "memberOf", "华北环境资助者网络"),
            ("华北环境资助者网络", "locatedIn", "石家庄"),
        },
    ),
    (
        "基金会…，办公地点位于 L: the foundation is at the finest place",
        "青山生态保护基金会成立于2010年。青山生态保护基金会的宗旨是保护森林。基金会登记管理机关为浙江省民政厅，办公地点位于浙江省杭州市西湖区。",
        {"locatedIn"},
        {("青山生态保护基金会", "locatedIn", "西湖区")},
    ),
    (
        "a member heading line, then one organisation a line (blank lines between)",
        (
            "华北环境资助者网络（NEFN）成立于2016年，是华北地区关注环境保护的资助型基金会的协作平台，目前共有成员单位三十余家。\n\n\n"
            "新成员\n\n本期新加入NEFN的成员单位（按加入时间排序）：\n\n河北省燕山生态保护基金会\n\n天津市海河公益基金会\n\n"
            "欢迎以上机构加入华北环境资助者网络！截至2024年底，NEFN共有成员单位35家。\n"
        ),
        {"memberOf"},
        {("河北省燕山生态保护基金会", "memberOf", "NEFN"), ("天津市海河公益基金会", "memberOf", "NEFN")},
    ),
    (
        "A 设立“P”，首期规模 N 万元，由 B 捐赠: B funds P",
        "3月12日，浙江省钱塘江生态保护基金会设立“钱塘江鱼类保护专项基金”，首期规模500万元，由杭州明远环境科技有限公司捐赠。",
        {"funds"},
        {("杭州明远环境科技有限公司", "funds", "钱塘江鱼类保护专项基金")},
    ),
    (
        "原始基金 N 万元全部由 A 捐赠: A funds the foundation",
        "青松生态保护基金会成立于2015年，原始基金1000万元全部由青松集团有限公司捐赠。",
        {"funds"},
        {("青松集团有限公司", "funds", "青松生态保护基金会")},
    ),
    (
        "bare 计划首期资金由 A 捐赠: A funds the plan",
        "白石公益基金会于4月启动“山村净水”计划。白石公益基金会秘书长林晓介绍，计划首期资金由贵州清泉酒业有限公司捐赠，总额600万元。",
        {"funds"},
        {("贵州清泉酒业有限公司", "funds", "山村净水")},
    ),
    (
        "主要捐赠方包括 A、B 和 C (no project in the sentence): donors of the passage's foundation, not of its latest event",
        "青松生态保护基金会成立于2015年。2023年，青松生态保护基金会启动“山林守护”计划。青松生态保护基金会发起“林下课堂”活动。"
        "主要捐赠方包括青松集团有限公司、远帆教育科技有限公司和明德银行股份有限公司。",
        {"funds"},
        {
            ("青松集团有限公司", "funds", "青松生态保护基金会"),
            ("远帆教育科技有限公司", "funds", "青松生态保护基金会"),
            ("明德银行股份有限公司", "funds", "青松生态保护基金会"),
        },
    ),
    (
        "甲 在会上表示: the speaker takes part in the event of the passage",
        "“2024东湖生态论坛”在武汉举行。湖北省林业局副局长张志远在会上表示，将加强湿地保护。",
        {"participatesIn"},
        {("张志远", "participatesIn", "2024东湖生态论坛")},
    ),
    (
        "an unnamed ceremony introduced after the named event: 在仪式上表示 is about that one",
        "“2024东湖生态论坛”在武汉举行。会后，捐赠仪式在武汉大学举行。湖北省林业局副局长张志远在仪式上表示，将加强湿地保护。",
        {"participatesIn"},
        set(),
    ),
    (
        "E（alias）期间，A 与 B 联合主办了…: A and B take part in E; ORG ROLE 甲、ORG ROLE 乙 出席开幕式",
        "11月13日，在巴西贝伦举行的第三十届联合国气候变化大会（COP30）期间，远帆新能源集团股份有限公司与中国绿色发展促进会在中国角联合主办了“热带雨林保护”主题边会。"
        "“第二届江城公益论坛”在武汉开幕。中国慈善联合会副会长林立、湖北省民政厅副厅长王成出席开幕式并致辞。",
        {"participatesIn"},
        {
            ("远帆新能源集团股份有限公司", "participatesIn", "第三十届联合国气候变化大会"),
            ("中国绿色发展促进会", "participatesIn", "第三十届联合国气候变化大会"),
            ("林立", "participatesIn", "第二届江城公益论坛"),
            ("王成", "participatesIn", "第二届江城公益论坛"),
        },
    ),
    (
        "A…决定，聘任甲为基金会秘书长; 甲此前任 ORG 副教授: both posts",
        "3月1日，四川峨眉生态保护基金会第二届理事会第三次会议决定，聘任李明华为基金会秘书长。"
        "李明华此前任四川大学生命科学学院副教授，长期从事鸟类研究。李明华表示，将推动项目发展。",
        {"worksFor"},
        {("李明华", "worksFor", "四川峨眉生态保护基金会"), ("李明华", "worksFor", "四川大学生命科学学院")},
    ),
    (
        "A（alias）宣布任命甲为 ROLE",
        "近日，东亚水鸟保护联盟（EAWA）宣布任命周晓光为中国区首席代表。周晓光表示，将加强合作。",
        {"worksFor"},
        {("周晓光", "worksFor", "东亚水鸟保护联盟")},
    ),
    (
        "在 L、M 两省的 N 个县 + any verb; 在 X 干流沿岸的 N 个村庄: the counted sites name the places",
        "11月9日，华丰公益基金会在开封启动“温暖午餐”行动。行动将在河南、河北两省的40个县为留守儿童提供午餐。"
        "“清源计划”于3月启动。该计划将用两年时间，在汉江干流沿岸的80个村庄建设污水处理设施。",
        {"locatedIn"},
        {
            ("温暖午餐", "locatedIn", "开封"),
            ("温暖午餐", "locatedIn", "河南"),
            ("温暖午餐", "locatedIn", "河北"),
            ("清源计划", "locatedIn", "汉江"),
        },
    ),
    (
        "a natural place opening a quoted 专项基金 or “X”行动 name",
        "青禾基金会设立“洞庭湖湿地保护专项基金”。次年，青禾基金会发起“汉江鱼类守护者”行动。",
        {"locatedIn"},
        {("洞庭湖湿地保护专项基金", "locatedIn", "洞庭湖"), ("汉江鱼类守护者", "locatedIn", "汉江")},
    ),
    (
        "前者/后者 name the two sub-projects listed before",
        "东江生态基金会启动“东江守护者”计划。该计划下设“河道哨兵计划”和“湿地课堂项目”两个子项目，前者由惠州市观鸟协会负责运营，后者由惠州学院负责实施。",
        {"implements"},
        {("惠州市观鸟协会", "implements", "河道哨兵计划"), ("惠州学院", "implements", "湿地课堂项目")},
    ),
    (
        "项目将由基金会负责组织实施: the foundation the sentence names, not a more frequent one of the passage",
        "白河生态基金会发布年报。白河生态基金会表示将继续合作。"
        "东江生态基金会秘书长林晓介绍，“东江书屋”项目将由基金会负责组织实施。",
        {"implements"},
        {("东江生态基金会", "implements", "东江书屋")},
    ),
    (
        "P 由 A 负责实施，B 提供技术指导 / 项目得到了…，B 为项目提供…培训: B supports P (not for money)",
        "青禾基金会发起“青山课堂”项目。项目由青禾基金会负责组织实施，华南师范大学提供技术指导。"
        "蓝天基金会发起“净水行动”项目。项目得到了明德基金会的资金支持，广东省林业科学研究院为项目提供生物多样性监测和技术培训。",
        {"supports"},
        {("华南师范大学", "supports", "青山课堂"), ("广东省林业科学研究院", "supports", "净水行动")},
    ),
    (
        "联盟由 A、B 和 C 共同发起: co-founders of a network are its members; a single founder is not",
        "11月10日，东北湿地保护联盟在吉林长春正式成立。联盟由吉林省松花江保护基金会、黑龙江省湿地保护协会和东北林业大学野生动物学院共同发起，首批成员单位18家。"
        "2020年，京华物流有限公司发起成立绿色包装联盟。",
        {"memberOf"},
        {
            ("吉林省松花江保护基金会", "memberOf", "东北湿地保护联盟"),
            ("黑龙江省湿地保护协会", "memberOf", "东北湿地保护联盟"),
            ("东北林业大学野生动物学院", "memberOf", "东北湿地保护联盟"),
        },
    ),
    (
        "该行动 names the latest “X”行动 even when an older project's key ends in 行动",
        "“清溪行动”已结束。3月，青禾学会发起“江豚守望者”行动。该行动由蓝海公益基金会提供资金支持。",
        {"funds"},
        {("蓝海公益基金会", "funds", "江豚守望者")},
    ),
]


TABLES = (
    "以下为本季度成员新增资助的部分项目：\n\n资助领域\t项目名称\t资助方\t执行机构\n"
    "森林保护\t秦岭林麝保护项目\t西安曲江文化基金会\t陕西秦岭生态保护协会\n"
    "\t汉江源头水质监测计划\t汉中市绿水公益基金会\t汉中市环保志愿者协会\n\n活动预告\n\n"
    "日期\t活动\t地点\t主办\n7月1日\t第三届秦岭自然观察节\t陕西西安\t西安曲江文化基金会\n8月5日\t汉江论坛\t陕西汉中\t汉中市绿水公益基金会\n"
)


def test_table_role_columns() -> None:
    """资助方 / 执行机构 / 主办 / 地点 columns relate each row's organisations to its project or event."""
    assert triples(TABLES, {"funds", "implements", "organizes", "locatedIn"}) >= {
        ("西安曲江文化基金会", "funds", "秦岭林麝保护项目"),
        ("陕西秦岭生态保护协会", "implements", "秦岭林麝保护项目"),
        ("汉中市绿水公益基金会", "funds", "汉江源头水质监测计划"),
        ("汉中市环保志愿者协会", "implements", "汉江源头水质监测计划"),
        ("汉中市绿水公益基金会", "organizes", "汉江论坛"),
        ("汉江论坛", "locatedIn", "汉中"),
    }
    assert ("陕西秦岭生态保护协会", "funds", "秦岭林麝保护项目") not in triples(TABLES, {"funds"})


@pytest.mark.parametrize(("why", "text", "preds", "want"), CASES, ids=[c[0] for c in CASES])
def test_general_phrasings(why: str, text: str, preds: set[str], want: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == want, why
