"""Entity recognition on invented sentences of the genre (no seed text)."""

from __future__ import annotations

import pytest

from kg.entities import extract_entities
from kg.model import Document


def _found(text: str) -> dict[str, str]:
    doc = Document("t", "t.txt", "t", text, text, ())
    mentions, _aliases = extract_entities(doc)
    return {m.key: m.type for m in mentions}


def _aliases(text: str) -> set[tuple[str, str]]:
    doc = Document("t", "t.txt", "t", text, text, ())
    return {(a.full, a.short) for a in extract_entities(doc)[1]}


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        # organisations: region prefix + name words + type suffix
        ("近日，云南省青松生态保护基金会在昆明召开理事会。", "云南省青松生态保护基金会", "Organization"),
        ("活动得到了宁波市鄞州区民政局的指导。", "宁波市鄞州区民政局", "Organization"),
        ("项目由协助杭州市财政局完成。", "杭州市财政局", "Organization"),
        ("该项目由中国林业与湿地促进会发起。", "中国林业与湿地促进会", "Organization"),
        ("10家融媒体中心参与报道", "融媒体中心", None),
        # persons: role + name, name + role, speech verb, foreign names, lists
        ("青松基金会秘书长韦立群表示，项目将持续三年。", "韦立群", "Person"),
        ("据蒋明远介绍，基地已有300名志愿者。", "蒋明远", "Person"),
        ("感谢评委彭安、齐晓云、罗卫东等的支持。", "罗卫东", "Person"),
        ("美国学者约翰·斯特恩出席会议。", "约翰斯特恩", "Person"),
        ("他说要继续推进项目介绍工作。", "项目", None),
        # events, awards, places
        ("第三届长河流域生态论坛在成都举行。", "第三届长河流域生态论坛", "Event"),
        ("本次论坛聚焦湿地保护。", "本次论坛", None),
        ("协会举办“清溪行”志愿行动启动仪式。", "清溪行志愿行动启动仪式", "Event"),
        ("机构获评第五届青溪公益奖年度机构奖。", "青溪公益奖", "Award"),
        ("项目由大理州生态环境局指导。", "大理州生态环境局", "Organization"),
        ("大会在COP29期间举办。", "COP29", "Event"),
        ("项目位于江苏省苏州市。", "苏州市", "Place"),
        ("志愿者在白石江国家级自然保护区巡护。", "白石江国家级自然保护区", "Place"),
        ("团队进入松溪国家湿地公园开展调查。", "松溪国家湿地公园", "Place"),
        ("长江中下游的江豚数量回升。", "长江", "Place"),
        ("成都天府新区的社区参与活动。", "天府新区", "Place"),
        ("这座古城是京畿重镇。", "京畿重镇", None),
        ("合作社荣获青溪环保奖-年度先锋奖。", "青溪环保奖", "Award"),
        ("合作社荣获青溪环保奖-年度先锋奖。", "青溪环保奖-年度先锋奖", None),
        ("团队连获行业最高奖项。", "行业最高奖项", None),
        ("基金会发起“碧水行动”项目。", "碧水行动", "Project"),
        ("模式为“种植+加工+销售”。", "种植+加工+销售", None),
        ("湿地论坛——“社区与湿地：共同的未来”在杭州举行。", "社区与湿地：共同的未来", "Event"),
        ("广大农村地区需要更多投入。", "广大农村", None),
        # well-known organisations without a suffix, abbreviations, units under a parent
        ("该项目与腾讯合作开发小程序。", "腾讯", "Organization"),
        ("专家来自中国林科院和复旦大学。", "中国林科院", "Organization"),
        ("合作社与兴业银行松溪支行签订贷款协议。", "兴业银行松溪支行", "Organization"),
        ("培训由农业农村部渔业技术推广中心指导。", "农业农村部渔业技术推广中心", "Organization"),
        ("会议由生态环境部应对气候变化司主办。", "生态环境部应对气候变化司", "Organization"),
        ("青岩大学国际处负责接待。", "青岩大学国际处", "Organization"),
        ("绿原基金会和白桦公益基金会作为委托人设立信托。", "白桦公益基金会", "Organization"),
        ("方案得到协同丽水市财政局的支持。", "丽水市财政局", "Organization"),
        # Latin-script names
        ("国际环保机构青鸟守护（BlueBird）发起了行动。", "青鸟守护", "Organization"),
        ("ABCD发布的数据显示，湿地面积持续下降。", "ABCD", "Organization"),
        ("GDP发布后市场反应平稳。", "GDP", None),
        ("- [4] Green Ledger, <https://example.org/x>, 2021", "Green Ledger", "Organization"),
        ("- [5] 林海生, 《湿地观察报告》, 2020", "林海生", "Person"),
        ("数据来自某政府间湿地观测网络（GWON）。", "政府间湿地观测网络", "Organization"),
        # events: a specific stem, an edition, parts of an event, generic kinds of events
        ("协会在北京举办新闻发布会。", "新闻发布会", None),
        ("专家在生物学大会上发言。", "生物学大会", None),
        ("2023第五届青岩公益大会在昆明召开。", "2023第五届青岩公益大会", "Event"),
        ("第七届联合国海洋大会续会通过决议。", "第七届联合国海洋大会续会", "Event"),
        ("联合国森林与草原大会发布宣言。", "联合国森林与草原大会", "Event"),
        ("他出席了西湖公益论坛2024年会平行论坛。", "西湖公益论坛2024年会", "Event"),
        ("甲方参加了全国湿地保护工作会。", "全国湿地保护工作会", "Event"),
        # projects: quoted lists, product nouns, specific stem + project head
        ("平台推出“林联网”“茶联网”“果联网”等解决方案。", "茶联网", "Project"),
        ("模式为“林联网”“茶联网”两类。", "茶联网", None),
        ("团队开发了巡护工具“护林宝”，供村民使用。", "护林宝", "Project"),
        ("在美团青岩计划的支持下，课程得以开展。", "美团青岩计划", "Project"),
        ("2020年起，洱海项目综合实施了多项措施。", "洱海项目", "Project"),
        ("基金会鼓励多渠道筹集项目资金。", "多渠道筹集项目", None),
        ("该项目已完成验收。", "该项目", None),
        ("各地碳汇造林项目进展顺利。", "碳汇造林项目", None),
        # honours after 被评为/获评/荣获
        ("园区被评为全国生态文明教育基地、首批省级自然学校示范基地等。", "全国生态文明教育基地", "Award"),
        ("园区被评为全国生态文明教育基地、首批省级自然学校示范基地等。", "省级自然学校示范基地", "Award"),
        ("工厂荣获行业协会颁发的节能减排先进单位荣誉证书。", "节能减排先进单位荣誉证书", "Award"),
        ("青州市荣获首批“国际湿地城市”称号。", "国际湿地城市", "Award"),
        ("大会启动“2024寻找绿色之星”活动。", "2024寻找绿色之星", "Event"),
        ("基地被评为先进。", "先进", None),
        ("会后回顾了2024年会平行论坛。", "2024年会", None),
        ("青岩大学环境科学与工程学院的专家参加调研。", "青岩大学环境科学与工程学院", "Organization"),
        ("近日，云南青苔自然教育中心开放。", "云南青苔自然教育中心", "Organization"),
        ("倡议由中国石油和化学工业联合会等单位发布。", "中国石油和化学工业联合会", "Organization"),
        ("边会上中国企业绿色联盟行动(GACA)发布倡议。", "绿色联盟行动", None),
        # persons: name + role right after a unit, Latin names after an occupation, rarer surnames
        ("感谢青岩大学外事处邓明华处长和医学院李强院长带领的团队。", "邓明华", "Person"),
        ("感谢青岩大学外事处邓明华处长和医学院李强院长带领的团队。", "李强", "Person"),
        ("1970年英国经济学家 Mary Jones 和 Paul Smith 在书中提出新观点。", "Mary Jones", "Person"),
        ("1970年英国经济学家 Mary Jones 和 Paul Smith 在书中提出新观点。", "Paul Smith", "Person"),
        ("各地代表齐聚一堂，共商大计。", "齐聚", None),
        ("秘书长萧立群表示，项目将持续三年。", "萧立群", "Person"),
        # counts and ordinals are not parts of names; a newspaper's office keeps 社
        ("共计召开了12次专家组工作会议。", "12次专家组工作会", None),
        ("通过举办川、滇两省专业技术培训班，共培训百余人。", "滇两省专业技术培训班", None),
        ("江西省5厅局联合印发了通知。", "江西省5厅局", None),
        ("这是中国第一部湿地保护指南。", "中国第一部", None),
        ("由《青岩日报》社和青松基金会联合主办。", "青岩日报社", "Organization"),
        # a body before a job title, a conjunction inside a body's name after a verb, new suffixes
        ("中共云岭市委统战部副部长石刚出席。", "中共云岭市委统战部", "Organization"),
        ("青松基金会积极参与龙华区城市管理和综合执法局的绿化工作。", "龙华区城市管理和综合执法局", "Organization"),
        ("浙江省数字化改革领导小组发布首批名单。", "浙江省数字化改革领导小组", "Organization"),
        ("会议由江西省鸟类保护救助中心承办。", "江西省鸟类保护救助中心", "Organization"),
        # a quoted name followed or preceded by a programme noun
        ("缘起于2016年某村发起的“净塑环保、垃圾不落地”行动。", "净塑环保、垃圾不落地", "Project"),
        ("活动还发布了“我们的美好生活之新征程”短视频征集计划，号召志愿者参与。", "我们的美好生活之新征程", "Project"),
        ("与腾讯合作启动“智慧湿地”建设项目，通过云计算管理湿地。", "智慧湿地", "Project"),
        ("推广“种植+加工”项目。", "种植+加工", None),
        ("志愿服务项目“青溪变形记”喜获大赛金奖。", "青溪变形记", "Project"),
        # a 、-list of names closed at once by 等企业 (no item recognised otherwise)
        ("与绿叶科技、青禾等企业合作，首创回收机制。", "青禾", "Organization"),
        ("与中小学、幼儿园等单位合作。", "幼儿园", None),
        ("为饲料、兽药、设备、屠宰、零售商等企业提供服务。", "屠宰", None),
        ("来自科研院所、林业主管部门、社会组织等208家单位。", "林业主管部门", None),
        # places: a list closed by a kind of natural area, generic stems, 区|域, idioms before a park
        ("规划建设了青石红树林、白鹭洲、响石河、铁砚溪等四个省级湿地公园。", "青石红树林", "Place"),
        ("规划建设了青石红树林、白鹭洲、响石河、铁砚溪等四个省级湿地公园。", "响石河", "Place"),
        ("与西山区域的城市转型升级形成联动。", "西山区", None),
        ("让社区积极参与国家公园建设。", "社区积极参与国家公园", None),
        ("作为规划的14个城郊森林公园之一。", "城郊森林公园", None),
        # events: a numbered session of a named body, a Latin organiser before a month, 日前
        ("海洋垃圾国际文书政府间谈判委员会第三次会议在内罗毕召开。", "海洋垃圾国际文书政府间谈判委员会第三次会议", "Event"),
        ("QEGA 11月活动周精彩回顾", "QEGA 11月活动周", "Event"),
        ("“2024寻找绿色之星”活动日前正式启动。", "2024寻找绿色之星活动日", None),
        # what one is selected into or named is an honour
        ("该技术入选“全球环保技术50强”，并获得专利。", "全球环保技术50强", "Award"),
        ("2019年，园区被评为“市级研学旅行示范课程”。", "市级研学旅行示范课程", "Award"),
        # a quoted name whose organisation suffix is longer than a programme suffix (保护中心 over 中心)
        ("基金会在当地注册成立了一家民办非企业——“平武县青河沟自然保护中心”，负责执行。", "平武县青河沟自然保护中心", "Organization"),
        ("基金会与其孵化的“青道应对气候变化促进中心”将在未来两周参会。", "青道应对气候变化促进中心", "Organization"),
        ("企业在西部建设“青云数据中心”。", "青云数据中心", "Project"),
        # X项目中心 is an organisation; conjunctions inside names after a year or right before the suffix
        ("以青山TNC湿地项目中心的会员为对象。", "青山TNC湿地项目中心", "Organization"),
        ("再到1987年联合国海洋与渔业发展委员会发布报告。", "联合国海洋与渔业发展委员会", "Organization"),
        ("中国林业与环境促进会、中国湿地文化研究与促进会等九家组织。", "中国湿地文化研究与促进会", "Organization"),
        ("北京市与联合会签约。", "北京市与联合会", None),
        # a direction word of the province is no part of a basin's name; a park keeps its city
        ("青海省东部湟水流域属黄土丘陵区。", "湟水流域", "Place"),
        ("浙江杭州白鹭国家湿地公园恢复了湿地。", "杭州白鹭国家湿地公园", "Place"),
        ("四川成都天府新区的社区参与活动。", "天府新区", "Place"),
        # a quoted programme inside an event's name is a project of its own
        ("联合举办的2023年“青蓝伙伴行动”海洋保护公益项目研讨会在厦门召开。", "青蓝伙伴行动", "Project"),
        # named volunteer teams and lecturer groups; a kind of team is none
        ("成立京津冀新视听公共服务志愿服务队，推动服务下沉。", "京津冀新视听公共服务志愿服务队", "Organization"),
        ("组建起一支“基层赋能讲师团”，支持社区。", "基层赋能讲师团", "Organization"),
        ("市民湿地保护志愿服务队每周巡查。", "市民湿地保护志愿服务队", None),
        # a treaty's secretariat; hotels, supermarkets, gardens, ranger stations
        ("大会在《湿地保护公约》秘书处所在地举行。", "湿地保护公约秘书处", "Organization"),
        ("大会在《湿地保护公约》秘书处所在地举行。", "湿地保护公约", "Publication"),
        ("投资建设生态旅游度假区——杭州青溪六善酒店。", "杭州青溪六善酒店", "Organization"),
        ("经国家公园园区青石管护站授权后，乡里启动了项目。", "国家公园园区青石管护站", "Organization"),
        ("我们入住了五星级酒店。", "五星级酒店", None),
        # a body before a job title holding a suffix character, democratic parties' committees, new districts
        ("他曾任美国内政部前副部长。", "美国内政部", "Organization"),
        ("民建杭州市委主委李文海出席。", "民建杭州市委", "Organization"),
        ("从革命圣地到未来之城雄安新区。", "雄安新区", "Place"),
        ("哈尔滨新区的企业参与活动。", "哈尔滨新区", "Place"),
        # quoted categories and figures of speech are no names
        ("奖项设立“绿色发展”和“生态守护”两大类，分别立足城乡。", "生态守护", None),
        ("为全球提供了“中国方案”。", "中国方案", None),
        # 老师/律师/医生 after a name; a surname + title is no name
        ("据王晓梅老师介绍，课程已开展三年。", "王晓梅", "Person"),
        ("张律师表示，案件已立案。", "张律师", None),
        # a formula or a one-word theme of a series is no event or programme
        ("拓展“碳汇+大型活动”等新模式。", "碳汇+大型活动", None),
        ("开展管理人员“赋能”系列活动。", "赋能", None),
        # a counted kind of body, a suffix + 化
        ("与多家生态保护公益组织合作。", "生态保护公益组织", None),
        ("面向全产业链集团化的企业。", "全产业链集团", None),
        ("与三家青禾科技公司合作。", "青禾科技公司", "Organization"),
        ("建立“管委会+管理局+平台公司”的工作框架。", "管委会+管理局+平台公司", None),
        ("“所有方案报批文物局”的要求得到落实。", "所有方案报批文物局", None),
        # one-character words opening an unknown name the dictionary splits stay in it
        ("巡护覆盖湖北何王庙江豚保护区等地。", "何王庙江豚保护区", "Place"),
        ("与当地政府和上梧溪流域的社区合作。", "上梧溪流域", "Place"),
        ("在该村湿地公园开展活动。", "该村湿地公园", None),
        # a verbal noun before the seat, schools of a kind of area
        ("委托民间机构运营和管理海口青源河湿地教育中心。", "海口青源河湿地教育中心", "Organization"),
        ("帮助天津边远农村中小学师生。", "天津边远农村中小学", None),
        ("帮助天津边远农村中小学师生。", "边远农村", None),
        # national political meetings
        ("党的十八大以来，卫生事业取得新进展。", "党的十八大", "Event"),
        ("通过理事代表在“两会”上发声。", "两会", "Event"),
        ("两家公司召开了两会议。", "两会", None),
        ("要不折不扣落实好党中央决策部署。", "党中央", "Organization"),
        # species named after a region are no places; a production and construction corps is a body
        ("选择青海云杉、祁连圆柏、油松和桦树等乡土树种。", "云杉", None),
        ("在新疆生产建设兵团第四师的果园里。", "新疆生产建设兵团", "Organization"),
        # an item of a list of organisations opening with its seat
        ("伙伴包括杭州协作者、沃青基金会、零青公益、合一青基金会等。", "杭州协作者", "Organization"),
        ("在北京、上海、沃青基金会等地开展活动。", "北京", "Place"),
        # a known company + 公益 is its charity arm
        ("8月2日，腾讯公益联合国家图书馆发起活动。", "腾讯公益", "Organization"),
        ("腾讯公益基金会资助了项目。", "腾讯公益", None),
        # right after a count the first word is the name's (包装 is no governing verb here)
        ("创立国内首个包装标准联盟，制定标准。", "包装标准联盟", "Organization"),
        ("先后在长江、东洞庭湖、鄱阳湖开展巡护。", "东洞庭湖", "Place"),
    ],
)

def test_recognises(text: str, name: str, typ: str | None) -> None:
    found = _found(text)
    if typ is None:
        assert name not in found
    else:
        assert found.get(name) == typ, found


@pytest.mark.parametrize(
    "text, absent",
    [
        ("政府部门和企业内部都需要更多投资公司参与。", {"投资公司", "企业内部", "政府部门"}),
        ("这种格局推动了绝大部分地区的转型。", {"格局", "绝大部"}),
        ("各国政府应当加强合作。", {"各国政府"}),
        ("项目全部完成后移交当地。", {"项目全部"}),
    ],
)
def test_generic_words_are_not_organisations(text: str, absent: set[str]) -> None:
    assert not absent & set(_found(text))


def test_declared_short_name() -> None:
    text = "浙江绿水公益基金会（以下简称“绿水基金会”）与当地政府合作。绿水基金会表示……"
    assert ("浙江绿水公益基金会", "绿水基金会") in _aliases(text)
    assert _found(text).get("绿水基金会") == "Organization"


def test_quoted_award_has_its_bare_title_as_alias() -> None:
    assert ("青州市十佳花园奖", "青州市十佳花园") in _aliases("小区荣获“青州市十佳花园”奖。")


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        # a locality after its province in a list of such pairs
        ("项目相继在四川青木林、吉林白沙湾、湖北松坪等地推广。", "青木林", "Place"),
        ("项目相继在四川青木林、吉林白沙湾、湖北松坪等地推广。", "松坪", "Place"),
        ("学生来自北京大学、清华大学。", "大学", None),
        # a county short form right after its province, also in a list
        ("试点包括安徽泗县、山东鱼台等县。", "鱼台", "Place"),
        # towns, streets, villages and communities chained after the unit above them
        ("余杭区青石镇白溪村的村民参与巡护。", "青石镇", "Place"),
        ("余杭区青石镇白溪村的村民参与巡护。", "白溪村", "Place"),
        ("余杭区青石镇白溪村的村民参与巡护。", "区青石镇", None),
        ("各地乡镇街道都设立了回收点。", "乡镇街道", None),
        ("城乡社区治理水平提升。", "城乡社区", None),
        # a new district whose stem is a city short form
        ("模式已在兰州新区推广。", "兰州新区", "Place"),
    ],
)
def test_places(text: str, name: str, typ: str | None) -> None:
    found = _found(text)
    if typ is None:
        assert name not in found
    else:
        assert found.get(name) == typ, found


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        # a quoted name before a descriptive product noun is the product's name
        ("用户可在“青禾书屋”阅读平台检索古籍。", "青禾书屋", "Project"),
        ("用户可在“青禾书屋”阅读平台检索古籍。", "青禾书屋阅读平台", None),
        ("多国共同发起了“千分之三”倡议。", "千分之三倡议", "Project"),
        # categories, goals, slogans and models in quotes are no programmes
        ("共评出12个“绿色先锋”类和8个“生态守望”类项目。", "绿色先锋", None),
        ("企业通过“看得见的蓝天”鼓励公众低碳出行。", "看得见的蓝天", None),
        ("鼓励社会资本通过“公益合作模式”参与修复。", "公益合作模式", None),
        ("助力城市推进“零碳街区”建设。", "零碳街区", None),
        # a quoted name opening an event name
        ("协会举办“绿水同行”湿地保护主题活动。", "绿水同行湿地保护主题活动", "Event"),
    ],
)
def test_quoted_projects_and_slogans(text: str, name: str, typ: str | None) -> None:
    found = _found(text)
    if typ is None:
        assert name not in found
    else:
        assert found.get(name) == typ, found


def test_honour_verbs_cut_an_award_name() -> None:
    found = _found("项目入选第五届青溪公益奖年度案例。")
    assert found.get("青溪公益奖") == "Award"
    assert not any(k.startswith("项目入选") for k in found)


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        # a trade noun or a foreign country before a company name is a descriptor
        ("园区吸引了商业地产商明川集团投资建设度假区。", "明川集团", "Organization"),
        ("园区吸引了商业地产商明川集团投资建设度假区。", "商业地产商明川集团", None),
        ("2020年，禾丰农业与日本松禾集团签署合作协议。", "松禾集团", "Organization"),
        ("2020年，禾丰农业与日本松禾集团签署合作协议。", "日本", "Place"),
        # 首个/首家 count like a numeral with a classifier: the name starts after them
        ("公司牵头创立国内首家青禾环保联盟，制定行业规范。", "青禾环保联盟", "Organization"),
        # a network or bank named by common words only is a kind, not a body
        ("企业在各地搭建了城市旧衣回收网络，并推出森林生态银行。", "城市旧衣回收网络", None),
        ("企业在各地搭建了城市旧衣回收网络，并推出森林生态银行。", "森林生态银行", None),
        # …unless the text glosses it as a name
        ("本报告由绿色资助者网络（GFN）编写。", "绿色资助者网络", "Organization"),
        # 高院 needs its owner (the province)
        ("在省高院的指导下，基金会参与了公益诉讼。", "省高院", "Organization"),
        # X（ACRONYM）Y委员会: a part of the glossed body, not a name of its own
        ("公交集团成为国际城市交通协会（IUTA）电车委员会首个中国成员。", "电车委员会", None),
    ],
)
def test_org_descriptors_and_kinds(text: str, name: str, typ: str | None) -> None:
    found = _found(text)
    if typ is None:
        assert name not in found, found
    else:
        assert found.get(name) == typ, found


def _rules(text: str) -> dict[str, str]:
    doc = Document("t", "t.txt", "t", text, text, ())
    return {m.key: m.rule for m in extract_entities(doc)[0]}


def test_nested_names_are_a_second_layer() -> None:
    found = _rules("北方财经大学绿色金融研究院与青岚环保协会联合发布报告。")
    assert found["北方财经大学绿色金融研究院"].startswith("org.")
    assert found["北方财经大学"].startswith("nested.")  # the parent inside its unit
    found = _rules("该基金会在洞庭湖江豚保护项目中投入资金。")
    assert found["洞庭湖"].startswith("nested.place")
    # no parent before a conjunction, no seat city out of a body's name
    found = _rules("中国石化和化学工业协会与南京图书馆发布报告。")
    assert "中国石化" not in found and "南京" not in found


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        # a short name glossed by a product noun, or a product noun glossed by a short name
        ("该平台包括青农网（农事管理平台）、云牧通（智慧养殖平台）等。", "青农网", "Project"),
        ("该平台包括青农网（农事管理平台）、云牧通（智慧养殖平台）等。", "云牧通", "Project"),
        ("他们开发数字化推广平台（护田宝），带动社区增收。", "护田宝", "Project"),
        ("他们在社区（服务平台）里工作。", "社区", None),
        # a district opens a built thing; a list of districts shares the head
        ("集团在海淀、朝阳、丰台能源生态园建设科普馆。", "海淀能源生态园", "Project"),
        ("集团在海淀、朝阳、丰台能源生态园建设科普馆。", "朝阳能源生态园", "Project"),
        ("先后建成乡村、城市能源生态园。", "乡村能源生态园", None),
    ],
)
def test_products_and_shared_heads(text: str, name: str, typ: str | None) -> None:
    assert _found(text).get(name) == typ


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        ("我们组织开展了“一人一棵树，绿色伴成长”活动。", "一人一棵树，绿色伴成长", "Event"),
        ("主题为“滩涂有约 候鸟同行”的生物多样性主题论坛在青岛召开。", "滩涂有约候鸟同行", "Event"),
        ("以“绿色同行”为主题的第二届“北岸公益论坛”在大学举办。", "绿色同行", None),
        ("“遇见春溪”——湿地科普周系列活动", "遇见春溪", "Event"),
        ("大会开始有了“中国馆”和“绿色企业日”。", "绿色企业日", "Event"),
        ("湿地主题边会：红树林修复能否惠及渔民？", "红树林修复能否惠及渔民？", "Event"),
        ("湿地主题边会：红树林修复能否惠及渔民？", "湿地主题边会", None),
        ("我们坚持“小步快跑，久久为功”的理念。", "小步快跑，久久为功", None),
    ],
)
def test_event_themes(text: str, name: str, typ: str | None) -> None:
    assert _found(text).get(name) == typ


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        # unrecognised items of a list of organisations
        ("来自北方林业大学、青松环保基金会、远山智能科技、蓝鲸数据科技等机构和企业的嘉宾。", "远山智能科技", "Organization"),
        ("包括青禾基金会、青苗公益、常青服务中心等伙伴参与。", "青苗公益", "Organization"),
        ("他们与青禾基金会、明湖低碳技术与政策研究院等机构合作。", "明湖低碳技术", None),
        ("与高校、社区、街道等单位合作。", "社区", None),
        # 和 between two world regions inside one name
        ("欧洲和北非地区湿地保护委员会召开会议。", "欧洲和北非地区湿地保护委员会", "Organization"),
        # the issuers opening a title, written without spaces
        ("印发了《县林业局县水务局县财政局关于加强湿地保护的实施意见》。", "县水务局", "Organization"),
        ("印发了《县林业局县水务局县财政局关于加强湿地保护的实施意见》。", "县林业局", "Organization"),
        ("发布《青松基金会年度报告》。", "青松基金会", None),
    ],
)
def test_listed_and_nested_orgs(text: str, name: str, typ: str | None) -> None:
    assert _found(text).get(name) == typ


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        # one-character suffixes inside a place word that jieba reads whole
        ("拥有本省最长的河流万泉河和洋浦港码头。", "万泉河", "Place"),
        ("拥有本省最长的河流万泉河和洋浦港码头。", "洋浦港", "Place"),
        ("志愿者在湄洲湾开展调查。", "湄洲湾", "Place"),
        ("我们来到海岛开展调查。", "海岛", None),
        # a verb and its one-character complement stay out of a natural place
        ("游客把垃圾一同带出青石峡谷。", "青石峡谷", "Place"),
        # exchanges and certification centres are organisations
        ("广州碳排放权交易中心与北方绿色交易所签约。", "北方绿色交易所", "Organization"),
    ],
)
def test_places_and_exchanges(text: str, name: str, typ: str | None) -> None:
    assert _found(text).get(name) == typ


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        ("根据盖洛普全球幸福晴雨表，公众的担忧有所上升。", "盖洛普全球幸福晴雨表", "Publication"),
        ("世界气象组织（WMO）第七次评估报告显示，气温持续上升。", "第七次评估报告", "Publication"),
        ("2030年政府工作报告提出要推进绿色发展。", "2030年政府工作报告", "Publication"),
        ("协会发布了相关报告。", "相关报告", None),
        ("协会发布了全球首个湿地教育案例报告。", "全球首个湿地教育案例报告", None),
        ("团队编制了“湿地访客守则”，要求访客签署。", "湿地访客守则", "Publication"),
    ],
)
def test_unquoted_publications(text: str, name: str, typ: str | None) -> None:
    assert _found(text).get(name) == typ


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        ("公司在宁夏中卫数据中心安装了液冷设备。", "宁夏中卫数据中心", "Project"),
        ("全国五大超级数据中心之一落户于此。", "全国五大超级数据中心", None),
        ("基金会在云南高黎贡山保护地开展巡护。", "云南高黎贡山保护地", "Project"),
    ],
)
def test_built_things(text: str, name: str, typ: str | None) -> None:
    assert _found(text).get(name) == typ


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        # ethnic autonomous prefectures by their short forms of two to four characters
        ("志愿者在西双版纳、黔东南开展培训。", "西双版纳", "Place"),
        ("志愿者在西双版纳、黔东南开展培训。", "黔东南", "Place"),
        ("志愿者在西双版纳、黔东南开展培训。", "西双", None),
        # products after 开发了, coined names with one-character function words
        ("协会合作开发了碳学堂（在线课程平台）。", "碳学堂", "Project"),
        ("基金会已推出鸟况通（候鸟监测小程序）。", "鸟况通", "Project"),
        # numbered parallel forums: the theme line names the event
        ("平行论坛二：社区参与，共建美丽河湖", "社区参与，共建美丽河湖", "Event"),
        # the last item of a list of companies after 和
        ("基金会与山川环保协会和晨曦科技等企业合作。", "晨曦科技", "Organization"),
        ("基金会与山川环保协会和社区居民一起合作。", "社区居民", None),
    ],
)
def test_round_five_generalisations(text: str, name: str, typ: str | None) -> None:
    assert _found(text).get(name) == typ


def _contracted(text: str) -> dict[str, str]:
    doc = Document("t", "t.txt", "t", text, text, ())
    mentions, aliases = extract_entities(doc)
    found = {m.key for m in mentions if m.rule == "org.contraction"}
    return {a.short: a.full for a in aliases if a.rule == "contraction" and a.short in found}


def test_company_contractions_after_the_full_name() -> None:
    text = "杭州青禾科技股份有限公司今年发起了森林守护计划。青禾科技表示将持续投入。此后青禾与星川集团共同出资。"
    assert _contracted(text) == {"青禾科技": "杭州青禾科技股份有限公司", "青禾": "杭州青禾科技股份有限公司"}


def test_holding_group_contracts_to_holding_group_and_stem() -> None:
    text = "远帆控股集团有限公司于2019年捐赠100万元。远帆控股表示，远帆集团将继续支持。远帆和青松基金会合作。"
    assert _contracted(text) == dict.fromkeys(("远帆控股", "远帆集团", "远帆"), "远帆控股集团有限公司")


def test_contraction_needs_one_owner_and_a_standalone_stem() -> None:
    # two full names contract to 青禾集团: neither owns it
    assert _contracted("青禾集团有限公司与青禾科技集团有限公司签约。青禾集团表示满意。") == {}
    # a bare stem needs a verb or a list joiner after it, and only later uses count
    assert _contracted("青禾科技在北京开会。后来成立了青禾科技股份有限公司。青禾的员工很多。") == {}
    # a form going on as another name (…科技馆) and a place as a stem are left alone
    assert _contracted("杭州青禾科技有限公司建成后，青禾科技馆开放。") == {}
    assert _contracted("宁波集团有限公司成立。宁波和杭州表示欢迎。") == {}


def test_award_level_after_a_dash_is_no_award_of_its_own() -> None:
    from kg.entities import award_level

    found = _found("项目荣获“星川环保奖—社区行动奖”和“星川环保奖-青年先锋奖”。")
    assert found == {"星川环保奖": "Award"}
    assert award_level("“星川环保奖-青年先锋奖”") == "青年先锋奖"
    assert award_level("“星川环保奖”") is None
    # a dash inside the award's own name is kept
    assert _found("荣获“清溪-长河环保奖”。") == {"清溪-长河环保奖": "Award"}


def test_events_joined_by_ji_are_one_event_named_by_both() -> None:
    text = "由两市联合主办的长三角青禾志愿行动启动仪式暨首场长三角青禾嘉年华活动在湖州举行。"
    found = _found(text)
    name = "长三角青禾志愿行动启动仪式暨首场长三角青禾嘉年华活动"
    assert found.get(name) == "Event"
    assert {(name, "长三角青禾志愿行动启动仪式"), (name, "首场长三角青禾嘉年华活动")} <= _aliases(text)
    # quoted parts are names of their own
    found = _found("2031第三届青禾公益大会暨“2031寻找湿地之星”活动正式启动。")
    assert "2031第三届青禾公益大会" in found
    assert not any("暨" in k for k in found)


def test_named_region_makes_an_event_stem_specific() -> None:
    assert _found("长三角青禾论坛在湖州举行。").get("长三角青禾论坛") == "Event"


def test_treaty_sessions_are_events_and_keep_the_treaty_title() -> None:
    found = _found("2031年，在《关于保护青禾湿地的星川议定书》缔结二十周年纪念大会上，该企业获奖。")
    assert found.get("《关于保护青禾湿地的星川议定书》缔结二十周年纪念大会") == "Event"
    assert found.get("关于保护青禾湿地的星川议定书") == "Publication"
    found = _found("项目在《星川湿地公约》第9次缔约方会议上展示。")
    assert found.get("《星川湿地公约》第9次缔约方会议") == "Event"


def test_quoted_theme_with_a_comma_and_a_meeting_kind() -> None:
    found = _found("“走向星川：回顾进程，共谋新篇”行前会在北京召开。")
    assert found.get("走向星川：回顾进程，共谋新篇行前会") == "Event"


def test_launch_meeting_is_an_event_suffix() -> None:
    found = _found("青禾基金会支持的“数字公益助力湿地保护论坛暨项目启动会”在海口举办。")
    assert found.get("数字公益助力湿地保护论坛暨项目启动会") == "Event"


def test_coined_project_stems_and_garden_addresses() -> None:
    # single characters the dictionary does not join make a coined garden name
    found = _found("青岚街道东岭社区墨禾苑共建花园正式启动。")
    assert found.get("墨禾苑共建花园") == "Project"
    assert "东岭社区墨禾苑共建花园" not in found
    # a place and a named river of it open a long project name
    found = _found("该市完成了湖州青溪河区域生态修复项目。")
    assert found.get("湖州青溪河区域生态修复项目") == "Project"
    # domain terms split by the dictionary are no coined name: a kind of project
    assert "林业碳汇项目" not in _found("当地启动了林业碳汇项目。")


def test_case_headline_tail_is_a_short_name() -> None:
    """A case headline that opens with what the project does; the body names the project by the
    headline's tail: the tail is a short name of the case project (and no other tail is)."""
    from kg.ingest import make_document
    from kg.segment import segment

    text = (
        "自然守护\n\n探索社区共管机制推动森林保护的青石乡白鹿谷生态体验项目\n\n项目机构\n青禾环保基金会\n\n"
        "实施地点\n四川省雅安市\n\n项目介绍\n\n2019年，青石乡启动了白鹿谷生态体验项目，带动牧民增收。\n"
    )
    doc = make_document(text)
    sections, sentences = segment(doc)
    _mentions, aliases = extract_entities(doc, sections, sentences)
    tails = {(a.full, a.short) for a in aliases if a.rule == "alias.case_tail"}
    assert tails == {("探索社区共管机制推动森林保护的青石乡白鹿谷生态体验项目", "白鹿谷生态体验项目")}


def test_park_short_name_without_its_city_is_an_alias() -> None:
    assert ("杭州白鹭国家湿地公园", "白鹭国家湿地公园") in _aliases("杭州白鹭国家湿地公园位于城区。")
