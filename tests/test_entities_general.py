"""Entity rules for general layouts and phrasings of the genre (invented sentences)."""

from kg.entities import extract_entities
from kg.model import Document


def _ents(text: str) -> set[tuple[str, str]]:
    doc = Document("t", "t.txt", "t", text, text, ())
    mentions, _ = extract_entities(doc)
    return {(m.type, text[m.start : m.end]) for m in mentions}


def test_board_table_names():
    text = "理事会成员如下：\n\n职务\t姓名\t工作单位\n会长\t孙海波\t青川大学教授\n监事\t钱玉兰\t某某律师事务所律师\n"
    ents = _ents(text)
    assert ("Person", "孙海波") in ents
    assert ("Person", "钱玉兰") in ents


def test_signature_block_name():
    text = "希望本书能帮助更多的行动者。\n\n\n柯明远\n\n青山自然保护基金会理事长\n\n\n第一章\n"
    assert ("Person", "柯明远") in _ents(text)


def test_name_after_chain_of_roles():
    text = "青禾科技创始人、首席执行官汤志远表示，公司将继续支持乡村教育。"
    assert ("Person", "汤志远") in _ents(text)


def test_sentence_line_is_not_signature():
    text = "他说\n\n这是本会理事长的意见。\n"
    assert not any(t == "Person" for t, _ in _ents(text))


def test_kind_of_foundation_is_no_name():
    text = "该会是由青云集团发起设立的地方性非公募基金会，也联系了20家社区基金会。"
    ents = _ents(text)
    assert not any(t == "Organization" and s.endswith("基金会") for t, s in ents)


def test_org_span_cut_after_breaking_verb():
    text = "欢迎以上机构加入珠江流域护河者网络！"
    ents = {s for t, s in _ents(text) if t == "Organization"}
    assert "珠江流域护河者网络" in ents
    assert not any("加入" in s for s in ents)


def test_org_span_cut_after_unbalanced_bracket():
    text = "青州银行股份有限公司（以下简称“青州银行”）携手青州市白鹭环保科技有限公司共同发起。"
    ents = {s for t, s in _ents(text) if t == "Organization"}
    assert not any("）" in s for s in ents)


def test_verb_plus_bare_suffix_is_no_name():
    text = "李明表示，将尽快熟悉基金会各项工作，收益全部用于基金会公益事业。"
    ents = {s for t, s in _ents(text) if t == "Organization"}
    assert not any("熟悉" in s or "用于" in s for s in ents)


def test_place_inside_org_name_is_not_a_person():
    text = "理事长、湖北省白鹭湖生态保护基金会秘书长韩冰出席。"
    ents = _ents(text)
    assert ("Organization", "湖北省白鹭湖生态保护基金会") in ents
    assert ("Person", "白鹭湖") not in ents


def test_foreign_city_and_country():
    text = "代表团赴阿塞拜疆巴库参加联合国气候变化大会，随后访问了荷兰瓦赫宁根。"
    places = {s for t, s in _ents(text) if t == "Place"}
    assert {"阿塞拜疆", "巴库", "瓦赫宁根"} <= places


def test_province_part_and_tributary():
    text = "项目在闽东沿海和粤北山区开展，并延伸到北江上游。"
    places = {s for t, s in _ents(text) if t == "Place"}
    assert {"闽东", "粤北", "北江"} <= places


def test_region_word_inside_a_longer_word_is_skipped():
    text = "湖北江陵县的志愿者参加了活动。"
    assert ("Place", "北江") not in _ents(text)


def test_river_only_inside_org_name_is_no_place():
    text = "浙江省桐庐钱塘江生态保护志愿者协会开展了宣传活动。"
    ents = _ents(text)
    assert ("Organization", "浙江省桐庐钱塘江生态保护志愿者协会") in ents
    assert not any(t == "Place" and "钱塘江" in s for t, s in ents)


def test_natural_place_with_verb_or_quantifier_stem():
    text = "今年将开展入湖河道治理，但部分湖汊水位偏低，推动更多资金流向流域保护一线。"
    places = {s for t, s in _ents(text) if t == "Place"}
    assert not places & {"入湖", "部分湖", "资金流向流域"}


def test_award_level_is_not_an_award():
    text = "青松协会获得年度优秀志愿机构奖。该计划荣获第三届江南环境奖“最佳社区项目奖”。"
    awards = {s for t, s in _ents(text) if t == "Award"}
    assert not any("年度优秀" in s or "最佳社区" in s for s in awards)


def test_title_prefix_is_not_a_name():
    text = "理事\t钱立群\t青州市园林局原副局长\n"
    assert not any(t == "Person" and s.endswith("副") for t, s in _ents(text))


def test_more_org_suffixes():
    text = "项目由江北县慈善总会实施，财务报表已经青州华信会计师事务所审计，并得到云岭自然公益中心支持。"
    orgs = {s for t, s in _ents(text) if t == "Organization"}
    assert {"江北县慈善总会", "青州华信会计师事务所", "云岭自然公益中心"} <= orgs


def test_two_fields_joined_in_a_body_name():
    text = "示范区由青禾茶业与澜源县林业和草原局共同建设，当地政府和公益组织参与。"
    ents = _ents(text)
    assert ("Organization", "澜源县林业和草原局") in ents
    assert not any("政府和" in s for _, s in ents)


def test_two_names_joined_are_not_one():
    text = "由青州市慈善基金会和青州日报社联合主办，北京市朝阳区和海淀区教育局协办。"
    orgs = {s for t, s in _ents(text) if t == "Organization"}
    assert not any("和" in s for s in orgs)


def test_unit_and_named_body_are_two_names():
    text = "专家来自江南林科院和青川大学。"
    orgs = {s for t, s in _ents(text) if t == "Organization"}
    assert not any("和" in s for s in orgs)


def test_newspaper_office_and_dai_name():
    text = "活动由青州晚报社主办。青山茶业董事长岩香龙表示，岩石地貌需要保护。"
    ents = _ents(text)
    assert ("Organization", "青州晚报社") in ents
    assert ("Person", "岩香龙") in ents
    assert not any(t == "Person" and s.startswith("岩石") for t, s in ents)


def test_event_without_edition_takes_full_name():
    text = "由青州学会主办的“第三届全国湿地修复研讨会”在昆明举行。\n\n全国湿地修复研讨会在昆明举行\n"
    doc = Document("t", "t.txt", "t", text, text, ())
    keys = {m.key for m in extract_entities(doc)[0] if m.type == "Event"}
    assert keys == {"第三届全国湿地修复研讨会"}


def test_numbered_heading_names_a_project():
    text = "三、重点项目\n\n2. 东溪水源地保护行动\n\n东溪水源地保护行动于2020年启动，由青山基金会实施。\n\n3. 工作计划\n\n工作计划如下。\n"
    projects = {s for t, s in _ents(text) if t == "Project"}
    assert "东溪水源地保护行动" in projects
    assert "工作计划" not in projects


def test_quoted_year_level_after_an_award_is_a_level():
    text = "在第五届江南生态奖评选中，青禾协会获得“年度先锋机构奖”。组委会授予远山协会“年度公益机构奖”。"
    awards = {s for t, s in _ents(text) if t == "Award"}
    assert not any("先锋" in s for s in awards)
    assert any("公益机构奖" in s for s in awards)


def test_named_day_activities_name_the_day():
    text = "各地开展“全国生态日”主题活动，青山协会组织了植树。"
    events = {s for t, s in _ents(text) if t == "Event"}
    assert any("全国生态日" in s and "主题活动" not in s for s in events)
