"""Entity precision on invented text of the genre: phrases a careful reader would not list as
entities (generic programme phrases, units and committees, fields of a case record) must not be
recognised, while the named entities next to them still are. No seed text."""

from __future__ import annotations

import pytest

from kg.entities import extract_entities
from kg.model import Document


def _found(text: str) -> dict[str, str]:
    doc = Document("t", "t.txt", "t", text, text, ())
    mentions, _aliases = extract_entities(doc)
    return {m.key: m.type for m in mentions}


# --- a name never runs across a line break ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # a case record: the field after the place line opens with 项目, the place is no project
        ("项目机构：甘南草原保护协会\n项目地点：甘肃省碌曲县\n项目简介：项目在草场开展补播。", "甘肃省碌曲县项目", "碌曲县"),
        ("执行方：闽江护河志愿者协会\n项目地点：尤溪\n项目成效：清理河道十公里。", "尤溪项目", "闽江护河志愿者协会"),
    ],
)
def test_no_name_across_a_line_break(text: str, absent: str, present: str) -> None:
    found = _found(text)
    assert absent not in found
    assert present in found


def test_name_on_one_line_still_found() -> None:
    found = _found("项目地点：甘肃省碌曲县\n甘南碌曲项目于去年启动。")
    assert found.get("甘南碌曲项目") == "Project"


# --- units and committees named only by their function ----------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "集团董事会下设战略委员会、审计委员会和薪酬与考核委员会。",
        "经专家评审委员会两轮评审，共有八个案例入选。",
        "联盟秘书处设在南宁，另设科学顾问委员会。",
        "星河能源股份有限公司的ESG委员会每季度召开会议。",
        "项目评审委员会公布了首批资助名单。",
    ],
)
def test_functional_committee_is_not_an_entity(text: str) -> None:
    found = _found(text)
    assert not [k for k, t in found.items() if t == "Organization" and k.endswith("委员会")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议由国家民族事务委员会主办。", "国家民族事务委员会"),
        ("报告得到了南平市教育委员会的支持。", "南平市教育委员会"),
        ("中国湿地学会科普工作委员会组织了本次考察。", "中国湿地学会科普工作委员会"),
    ],
)
def test_named_committee_still_found(text: str, name: str) -> None:
    assert _found(text).get(name) == "Organization"


def test_year_before_bare_suffix_is_no_name() -> None:
    found = _found("2023年度联盟总收入1500万元，青岚生态联盟成员增至40家。")
    assert not [k for k in found if k.endswith("年度联盟") or k == "度联盟"]
    assert found.get("青岚生态联盟") == "Organization"


# --- quoted formulas that only qualify a generic noun -------------------------------------------

@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("县里实施“一湖一策”治理方案，推进生态修复。", "一湖一策"),
        ("公司参与了“低碳港区”示范建设。", "低碳港区"),
        ("街道打造“无废小区”示范点，居民积极响应。", "无废小区"),
    ],
)
def test_quote_qualifying_a_generic_noun_is_no_project(text: str, absent: str) -> None:
    assert absent not in _found(text)


def test_quoted_programme_after_trigger_still_found() -> None:
    found = _found("青岚基金会联合市妇联开展了“春苗守护”，为山区儿童提供安全教育。")
    assert found.get("春苗守护") == "Project"


# --- places read across two places --------------------------------------------------------------

def test_two_places_side_by_side_stay_two_places() -> None:
    found = _found("该项目在广西钦州、海南海口、河北唐山三地实施。")
    for name in ("海南", "海口", "河北", "唐山", "钦州"):
        assert found.get(name) == "Place", name
    assert "南海" not in found
    assert "河北唐山" not in found


def test_reserve_keeps_its_province() -> None:
    found = _found("志愿者前往海南铜鼓岭国家级自然保护区开展调查。")
    assert "海南铜鼓岭国家级自然保护区" in found


# --- kinds of departments and bodies described by their role ---------------------------------

def test_department_kind_is_not_the_ministry() -> None:
    found = _found("当地民政部门和教育部门积极配合，水利部门加强监管。")
    assert not [k for k in found if k.endswith("部")]


def test_ministry_still_found() -> None:
    found = _found("活动由水利部指导，教育部有关司局参加。")
    assert found.get("水利部") == "Organization"


@pytest.mark.parametrize("text", ["项目合作学校包括青杉镇中心小学。", "基金会为受助学校配备了净水设备。"])
def test_body_described_by_its_role_is_no_name(text: str) -> None:
    found = _found(text)
    assert "项目合作学校" not in found and "受助学校" not in found


def test_school_with_a_place_still_found() -> None:
    assert _found("项目合作学校包括青杉镇中心小学。").get("青杉镇中心小学") == "Organization"


# --- river chiefs, patrols and compass directions are no places --------------------------------

def test_river_chief_and_patrol_are_no_places() -> None:
    found = _found("项目组织市民河长开展巡河活动，湖长制全面推行。")
    assert not [k for k, t in found.items() if t == "Place"]


def test_river_before_yangtze_still_found() -> None:
    found = _found("黄河长江流域的湿地持续退化。")
    assert found.get("黄河") == "Place"


def test_southwest_mountains_are_no_district() -> None:
    found = _found("浙西南山区的森林覆盖率很高。")
    assert "南山区" not in found
    assert _found("深圳市南山区的志愿者参加了活动。").get("南山区") == "Place"


# --- kinds of projects and organisations ---------------------------------------------------------

@pytest.mark.parametrize(("text", "absent"), [
    ("参评项目需经过初审、复审两轮评审。", "参评项目"),
    ("入选项目将获得十万元资助。", "入选项目"),
    ("他建议公益组织加强项目管理。", "建议公益组织"),
    ("鼓励社会组织参与乡村振兴。", "社会组织"),
])
def test_kind_of_project_or_org_is_no_name(text: str, absent: str) -> None:
    assert absent not in _found(text)


def test_named_projects_next_to_kinds_still_found() -> None:
    found = _found("入选项目包括美团青禾计划和抚仙湖项目。")
    assert found.get("美团青禾计划") == "Project"
    assert found.get("抚仙湖项目") == "Project"


# --- type fixes -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("基金会参与“2024青岛国际环境周”，发起净滩活动。", "2024青岛国际环境周"),
    ("平台开启“非遗短视频季”，邀请创作者参与。", "非遗短视频季"),
])
def test_quoted_period_of_activities_is_an_event(text: str, name: str) -> None:
    assert _found(text).get(name) == "Event"


def test_journal_title_is_a_media_organisation() -> None:
    found = _found("气象中心主办《气候与生态进展》学术期刊，最新一期显示，气温持续升高。")
    assert found.get("气候与生态进展") == "Organization"
    assert _found("中心发布了《气候与生态进展》报告。").get("气候与生态进展") == "Publication"


def test_quoted_programme_stays_a_project() -> None:
    assert _found("协会开启“海岸守护”，招募志愿者。").get("海岸守护") == "Project"


def test_bare_suffix_declared_as_short_name_is_no_org() -> None:
    found = _found("本报告是青川能源集团有限公司（下称“青川能源”“公司”或“我们”）编写的年报。")
    assert "公司" not in found
    assert found.get("青川能源集团有限公司") == "Organization"
    assert _found("国务院印发了通知。").get("国务院") == "Organization"


def test_community_service_centre_kind_is_no_name() -> None:
    found = _found("活动由社区党群服务中心和社区综合服务中心共同组织，江岸区青柳社会工作服务中心承办。")
    assert "社区党群服务中心" not in found and "社区综合服务中心" not in found
    assert found.get("江岸区青柳社会工作服务中心") == "Organization"


def test_bullet_and_date_do_not_open_a_name() -> None:
    found = _found("活动预告\n· 7月3日青柳湿地论坛，地点：市民中心\n")
    assert not [k for k in found if k.startswith(("·", "7月"))]


# --- slogans ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "absent"), [
    ("基金会发布了“节水在行动”倡议，号召公众节约用水。", "节水在行动"),
    ("全省上下努力打造“绿色甘肃”，推进生态保护。", "绿色甘肃"),
    ("企业积极参与“健康中国”，开展义诊。", "健康中国"),
])
def test_slogans_are_no_projects(text: str, absent: str) -> None:
    assert absent not in _found(text)


def test_numbered_programme_and_named_campaign_still_found() -> None:
    assert _found("公司参与了“双千计划”，为乡村学校捐赠图书。").get("双千计划") == "Project"
    assert _found("协会开展“碧溪守护行动”，清理河道垃圾。").get("碧溪守护行动") == "Project"


@pytest.mark.parametrize(("text", "name"), [
    ("公司承办“碳路先锋”创新大赛，吸引百支队伍参加。", "碳路先锋创新大赛"),
    ("协会开展了“守护闽江”公益徒步。", "守护闽江公益徒步"),
])
def test_quoted_name_before_a_happening_is_an_event(text: str, name: str) -> None:
    found = _found(text)
    assert found.get(name) == "Event"


def test_appointment_verb_opens_no_name() -> None:
    found = _found("他曾在南开大学任教，现任青州大学环境学院院长。")
    assert found.get("青州大学环境学院") == "Organization"
    assert not [k for k in found if k.startswith("现任")]


def test_mountain_area_school_is_a_kind() -> None:
    found = _found("善款通过江城慈善总会定向捐赠给山区学校。")
    assert "山区学校" not in found
    assert found.get("江城慈善总会") == "Organization"


@pytest.mark.parametrize(("text", "absent"), [
    ("志愿者在人民广场、中山公园和滨江大道开展宣传。", "中山"),
    ("沿海城市和内陆省份的情况各不相同。", "海城市"),
    ("2024年，全省新增省级自然保护区3个。", "省级自然保护区"),
    ("晚上，嘉宾们入住钱塘大酒店。", "们入住钱塘大酒店"),
])
def test_places_in_names_and_kinds_of_areas(text: str, absent: str) -> None:
    assert absent not in _found(text)


def test_city_and_reserve_still_found() -> None:
    found = _found("项目组前往中山市和海城市调研，考察了青峰山省级自然保护区。")
    assert found.get("中山市") == "Place" and found.get("海城市") == "Place"
    assert _found("晚上，嘉宾们入住钱塘大酒店。").get("钱塘大酒店") == "Organization"


def test_bare_yearly_report_is_no_publication() -> None:
    assert "2023年度工作报告" not in _found("会议审议通过了2023年度工作报告。")
    assert _found("总理作2019年政府工作报告。").get("2019年政府工作报告") == "Publication"


def test_counted_quoted_events_are_no_single_event() -> None:
    found = _found("论坛设主论坛和“湿地保护”“社区发展”“绿色金融”三个分论坛。")
    assert not [k for k in found if "三个" in k]


def test_schools_of_a_kind_of_area_are_no_names() -> None:
    found = _found("项目为粤西山区学校配备图书，惠及甘南牧区小学。")
    assert not [k for k, t in found.items() if t == "Organization"]
    assert "西山区" not in found
    assert _found("昆明市西山区的志愿者参加了活动。").get("西山区") == "Place"


def test_joined_verb_is_not_the_un() -> None:
    assert _found("信用社联合国网松阳县供电公司走访农户。").get("国网松阳县供电公司") == "Organization"
    assert _found("联合国开发计划署发布报告。").get("联合国开发计划署") == "Organization"


def test_quoted_metaphor_is_no_bank() -> None:
    assert _found("护林员说，这片竹海就是村里的“森林银行”。") == {}
    assert _found("“青岚银行”捐资100万元。").get("青岚银行") == "Organization"


def test_clause_before_a_kind_suffix_is_no_name() -> None:
    assert _found("老人家住得离医院太远，只能靠村医上门。") == {}
    assert "项目运营管理委员会" not in _found("村民推选代表组成项目运营管理委员会，负责账目公开。")
    found = _found("中国对外友好协会和向日葵公益基金会参加。")
    assert found.get("中国对外友好协会") == "Organization" and found.get("向日葵公益基金会") == "Organization"


@pytest.mark.parametrize("text", ["青岚大学提出要在十年内建成国内顶尖大学。", "三所小学申报全国示范性环境学校。"])
def test_ranked_kind_of_body_is_no_name(text: str) -> None:
    found = _found(text)
    assert not [k for k in found if k.startswith(("国内顶尖", "全国示范性"))]


def test_world_bank_still_found() -> None:
    assert _found("亚洲开发银行和重庆大学合作。").get("亚洲开发银行") == "Organization"


def test_company_named_by_business_line_only_is_a_kind() -> None:
    assert "投资咨询公司" not in _found("镇上新设一家投资咨询公司，茶农贷款更方便了。")
    assert _found("青岚融资担保有限公司为林农提供担保。").get("青岚融资担保有限公司") == "Organization"


def test_citizen_service_centre_is_a_kind() -> None:
    found = _found("居民可到居民服务中心和科普服务中心办理。杭州市民政局给予指导。")
    assert "居民服务中心" not in found and "科普服务中心" not in found
    assert found.get("杭州市民政局") == "Organization"


def test_european_union_is_an_organisation() -> None:
    found = _found("代表团与欧盟官员在布鲁塞尔会谈，中国代表介绍了碳市场进展。")
    assert found.get("欧盟") == "Organization"
    assert found.get("中国") == "Place"
