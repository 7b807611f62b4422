"""Relations and cell mentions from tab-separated tables whose header names column roles
(kg/resources/table_columns.tsv). All tables are invented."""

from kg.entities import table_column_role, table_header_unit
from kg.ingest import make_document
from kg.pipeline import process_document


def _run(text: str):
    return process_document(make_document(text))


def triples(text: str, preds: set[str] | None = None) -> set[tuple[str, str, str]]:
    return {(r.subject.key, r.predicate, r.object.key) for r in _run(text).relations if preds is None or r.predicate in preds}


def quals(text: str, s: str, p: str, o: str) -> dict[str, str]:
    for r in _run(text).relations:
        if (r.subject.key, r.predicate, r.object.key) == (s, p, o):
            return dict(r.qualifiers)
    raise AssertionError(f"no {s} {p} {o}")


def mentions(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.key) for m in _run(text).mentions}


def test_header_roles_and_units() -> None:
    assert table_column_role("执行机构") == "executor"
    assert table_column_role("资助金额（万元）") == "amount"
    assert table_column_role("所 在 流 域") == "place"
    assert table_column_role("工作单位及职务") == "employer"
    assert table_column_role("备注") is None
    assert table_header_unit("金额（万元）") == "万元"
    assert table_header_unit("金额(单位：元)") == "元"


GRANTS = (
    "二、资助项目\n\n"
    "2023年度小额资助项目一览（资助方：澄江生态保护基金会）\n\n"
    "受资助机构\t项目名称\t所在流域\t项目地点\t资助金额（万元）\n"
    "绿色江河\t溪源鱼类栖息地修复\t赤水河\t贵州省遵义市\t12\n"
    "黔北自然学校\t赤水河两岸护林员培训计划\t赤水河\t贵州省仁怀市\t8\n"
    "合计\t\t\t\t20\n"
)


def test_grant_table_with_caption_funder() -> None:
    got = triples(GRANTS, {"funds", "implements", "locatedIn"})
    assert {
        ("澄江生态保护基金会", "funds", "溪源鱼类栖息地修复"),
        ("澄江生态保护基金会", "funds", "赤水河两岸护林员培训计划"),
        ("绿色江河", "implements", "溪源鱼类栖息地修复"),
        ("黔北自然学校", "implements", "赤水河两岸护林员培训计划"),
        ("溪源鱼类栖息地修复", "locatedIn", "遵义市"),
        ("溪源鱼类栖息地修复", "locatedIn", "赤水河"),
        ("赤水河两岸护林员培训计划", "locatedIn", "仁怀市"),
    } <= got
    # the finest place of a chain only; the grantee does not fund its own project
    assert ("溪源鱼类栖息地修复", "locatedIn", "贵州省") not in got
    assert not any(s == "绿色江河" and p == "funds" for s, p, _ in got)
    assert quals(GRANTS, "澄江生态保护基金会", "funds", "溪源鱼类栖息地修复")["amount"] == "12万元"


def test_cells_typed_by_column() -> None:
    ms = mentions(GRANTS)
    assert ("Organization", "绿色江河") in ms  # no suffix: the 受资助机构 column says what it is
    assert ("Project", "溪源鱼类栖息地修复") in ms
    assert not any(k in ("12", "20", "合计") for _, k in ms)


def test_continued_first_column_funder() -> None:
    text = (
        "资助方\t项目名称\t执行机构\n"
        "岷江公益基金会\t高山草甸修复行动\t松潘县生态协会\n"
        "\t藏酋猴社区监测项目\t峨眉山生物多样性研究中心\n"
        "汶水集团有限公司\t流域垃圾清理计划\t汶川县志愿者协会\n"
    )
    got = triples(text, {"funds", "implements"})
    assert {
        ("岷江公益基金会", "funds", "高山草甸修复行动"),
        ("岷江公益基金会", "funds", "藏酋猴社区监测项目"),
        ("汶水集团有限公司", "funds", "流域垃圾清理计划"),
        ("峨眉山生物多样性研究中心", "implements", "藏酋猴社区监测项目"),
    } <= got
    assert ("岷江公益基金会", "funds", "流域垃圾清理计划") not in got


def test_owner_grant_caption() -> None:
    text = (
        "沧州滨海社区基金会2024年度报告\n\n沧州滨海社区基金会成立于2016年。沧州滨海社区基金会关注社区发展。\n\n"
        "2024年资助项目一览\n\n编号\t项目名称\t执行机构\t所在区县\t金额（万元）\n"
        "1\t银龄食堂互助计划\t运河区邻里互助中心\t运河区\t30\n"
    )
    got = triples(text, {"funds", "implements", "locatedIn"})
    assert ("沧州滨海社区基金会", "funds", "银龄食堂互助计划") in got
    assert ("运河区邻里互助中心", "implements", "银龄食堂互助计划") in got
    assert ("银龄食堂互助计划", "locatedIn", "运河区") in got


BOARD = (
    "瀚海公益基金会2024年度报告\n\n瀚海公益基金会是一家地方性非公募基金会。瀚海公益基金会的理事会由七人组成。\n\n"
    "理事会成员如下：\n\n职务\t姓名\t工作单位及职务\n"
    "理事长\t柯 明远\t瀚海控股集团有限公司董事长\n"
    "理事、秘书长\t蒋文澜\t——\n"
    "监事\t孔令仪\t青川大学法学院教授\n"
)


def test_board_table_works_for_owner_and_employer() -> None:
    got = triples(BOARD, {"worksFor"})
    assert {
        ("柯明远", "worksFor", "瀚海公益基金会"),
        ("柯明远", "worksFor", "瀚海控股集团有限公司"),
        ("蒋文澜", "worksFor", "瀚海公益基金会"),
        ("孔令仪", "worksFor", "瀚海公益基金会"),
        ("孔令仪", "worksFor", "青川大学法学院"),
    } <= got
    assert quals(BOARD, "柯明远", "worksFor", "瀚海公益基金会")["role"] == "理事长"
    assert quals(BOARD, "柯明远", "worksFor", "瀚海控股集团有限公司")["role"] == "董事长"


def test_guest_table_gives_employer_only() -> None:
    text = (
        "瀚海公益基金会年会在杭州举行。瀚海公益基金会理事长致辞。瀚海公益基金会发布报告。\n\n嘉宾名单\n\n"
        "姓名\t单位\t职务\n周明远\t浙江大学环境与资源学院\t教授\n郑海涛\t杭州市生态环境局\t副局长\n"
    )
    got = triples(text, {"worksFor"})
    assert ("周明远", "worksFor", "浙江大学环境与资源学院") in got
    assert ("郑海涛", "worksFor", "杭州市生态环境局") in got
    assert not any(o == "瀚海公益基金会" for _, _, o in got)  # guests are not the host's staff


def test_donor_table_funds_owner_and_named_use() -> None:
    text = (
        "瀚海公益基金会2024年度报告\n\n瀚海公益基金会设立“海岸守望”专项基金。瀚海公益基金会感谢各方支持。\n\n"
        "主要捐赠方\n\n捐赠方\t金额（万元）\t用途\n"
        "瀚海控股集团有限公司\t500\t“海岸守望”专项基金\n"
        "蓝潮科技有限公司\t50\t非限定性捐赠\n"
    )
    got = triples(text, {"funds"})
    assert {
        ("瀚海控股集团有限公司", "funds", "瀚海公益基金会"),
        ("蓝潮科技有限公司", "funds", "瀚海公益基金会"),
    } <= got
    assert any(s == "瀚海控股集团有限公司" and o.endswith("专项基金") for s, _, o in got)


ESG = (
    "青岳能源股份有限公司2024年环境、社会及治理报告\n\n四、社会责任\n\n"
    "青岳能源股份有限公司（以下简称“青岳能源”）始终重视社会公益。青岳能源持续投入乡村振兴。\n\n"
    "对外捐赠情况（单位：万元）\n\n捐赠主体\t受赠方\t项目\t金额\t地区\n"
    "青岳能源\t陇中青少年发展基金会\t“光明书屋”乡村阅读项目\t120\t甘肃省定西市\n\n"
    "主要合作伙伴\n\n合作伙伴\t类型\t合作内容\n"
    "陇中青少年发展基金会\t社会组织\t“光明书屋”乡村阅读项目执行\n"
    "兰州大学生态学院\t高校\t“光明书屋”乡村阅读项目技术支持\n"
)


def test_esg_donation_and_partner_content() -> None:
    got = triples(ESG, {"funds", "implements", "supports", "locatedIn"})
    assert {
        ("青岳能源", "funds", "陇中青少年发展基金会"),
        ("青岳能源", "funds", "“光明书屋”乡村阅读项目"),
        ("“光明书屋”乡村阅读项目", "locatedIn", "定西市"),
        ("陇中青少年发展基金会", "implements", "“光明书屋”乡村阅读项目"),
        ("兰州大学生态学院", "supports", "“光明书屋”乡村阅读项目"),
    } <= got
    assert quals(ESG, "青岳能源", "funds", "“光明书屋”乡村阅读项目")["amount"] == "120万元"


def test_partner_table_needs_a_named_owner() -> None:
    named = "瀚海公益基金会2024年合作伙伴\n\n合作伙伴\t合作内容\n青川大学法学院\t公益法律培训\n蓝潮科技有限公司\t志愿服务\n"
    assert {("瀚海公益基金会", "partnersWith", "青川大学法学院"), ("瀚海公益基金会", "partnersWith", "蓝潮科技有限公司")} <= triples(named, {"partnersWith"})
    unnamed = "瀚海公益基金会成立于2010年。瀚海公益基金会关注海洋。\n\n合作伙伴\n\n合作伙伴\t合作内容\n青川大学法学院\t公益法律培训\n"
    assert not triples(unnamed, {"partnersWith"})


def test_event_table_host_place() -> None:
    text = "活动预告\n\n日期\t活动名称\t地点\t主办单位\n9月8日\t第二届洱海观鸟节\t云南大理\t苍山自然保护协会\n"
    got = triples(text, {"organizes", "locatedIn"})
    assert ("苍山自然保护协会", "organizes", "第二届洱海观鸟节") in got
    assert ("第二届洱海观鸟节", "locatedIn", "大理") in got


def test_award_table_of_the_owner() -> None:
    text = (
        "瀚海公益基金会2024年度报告\n\n瀚海公益基金会成立于2010年。瀚海公益基金会关注海洋。\n\n机构荣誉\n\n"
        "年份\t奖项\t级别\n2022\t“碧海守护者”奖\t年度大奖\n2023年\t滨海公益创新奖\t提名\n"
    )
    got = triples(text, {"receivedAward"})
    assert ("瀚海公益基金会", "receivedAward", "碧海守护者奖") in got
    assert ("瀚海公益基金会", "receivedAward", "滨海公益创新奖") in got
    assert quals(text, "瀚海公益基金会", "receivedAward", "滨海公益创新奖") == {"year": "2023", "level": "提名"}


def test_schedule_and_numeric_tables_give_nothing() -> None:
    schedule = "会议议程\n\n时间\t议程\t嘉宾\n9:00—9:30\t开幕致辞\t主持人\n9:30—10:30\t主题报告：流域治理的新思路\t特邀专家\n"
    numbers = "财务摘要\n\n年份\t收入（万元）\t支出（万元）\n2022\t1200\t980\n2023\t1500\t1320\n"
    contents = "目录\n\n1\t机构概况\t3\n2\t项目进展\t8\n3\t财务报告\t20\n"
    for text in (schedule, numbers, contents):
        assert not triples(text), text
        assert not [m for m in _run(text).mentions if m.rule.startswith("table.")], text


def test_implausible_cells_are_not_names() -> None:
    text = "项目名称\t执行机构\n社区花园营造\t由当地村委会和志愿者共同完成。\n水源地保护\t待定\n"
    ms = mentions(text)
    assert not any(t == "Organization" for t, _ in ms)
    assert ("Project", "社区花园营造") in ms


def test_caption_funder_without_suffix() -> None:
    """（资助方：X）: X is an organisation even without a suffix, and no owner grant is guessed."""
    text = (
        "溪语伙伴网络通讯\n\n溪语伙伴网络成立于2018年。溪语伙伴网络关注河流。\n\n"
        "2024年度小额资助项目（资助方：溪语伙伴）\n\n受资助机构\t项目名称\t项目地点\n绿色江河\t溪源鱼类栖息地修复\t贵州省遵义市\n"
    )
    got = triples(text, {"funds"})
    assert ("溪语伙伴", "funds", "溪源鱼类栖息地修复") in got
    assert ("溪语伙伴网络", "funds", "溪源鱼类栖息地修复") not in got


def test_winners_table_levels_of_the_document_award() -> None:
    text = (
        "第五届澜湄生态奖优秀案例集\n\n澜湄生态奖由澜湄生态基金会于2019年设立。澜湄生态奖每年评选一次。第五届澜湄生态奖共收到申报120份。\n\n"
        "第五届获奖名单\n\n奖项\t获奖者\t获奖项目\n"
        "年度大奖\t滇南雨林保护协会\t雨林社区共管计划\n杰出个人奖\t岩温香\t——\n"
    )
    got = triples(text, {"receivedAward"})
    assert ("雨林社区共管计划", "receivedAward", "澜湄生态奖") in got
    assert ("岩温香", "receivedAward", "澜湄生态奖") in got
    assert not any(o == "杰出个人奖" for _, _, o in got)  # a level, not an award of its own
    assert quals(text, "雨林社区共管计划", "receivedAward", "澜湄生态奖") == {"level": "年度大奖"}


def test_agenda_speakers_take_part_in_the_event() -> None:
    text = (
        "第三届洞庭湖湿地保护论坛在岳阳举行\n\n9月20日，第三届洞庭湖湿地保护论坛在湖南岳阳举行。第三届洞庭湖湿地保护论坛由湘北生态基金会主办。\n\n"
        "论坛议程\n\n时间\t议程\t嘉宾\n9:00\t开幕致辞\t柳青禾\n9:20\t主题报告\t谭湘云（湘北大学生命科学学院教授）\n10:30\t圆桌讨论\t主持人：单明\n"
    )
    got = triples(text, {"participatesIn", "worksFor"})
    assert {
        ("柳青禾", "participatesIn", "第三届洞庭湖湿地保护论坛"),
        ("谭湘云", "participatesIn", "第三届洞庭湖湿地保护论坛"),
        ("单明", "participatesIn", "第三届洞庭湖湿地保护论坛"),
        ("谭湘云", "worksFor", "湘北大学生命科学学院"),
    } <= got
    # without an event named before the table, speakers are linked to nothing
    assert not triples("议程\n\n时间\t议程\t嘉宾\n9:00\t开幕致辞\t柳青禾\n", {"participatesIn"})


def test_rows_separated_by_blank_lines() -> None:
    """PDF extraction that doubles line breaks: the rows still form one table."""
    text = (
        "对外捐赠情况（单位：万元）\n\n捐赠主体\t受赠方\t项目\t金额\t地区\n\n"
        "青岳能源\t陇南慈善总会\t山村饮水工程\t60\t甘肃省陇南市\n\n"
        "青岳能源\t定西市慈善总会\t乡村书屋计划\t40\t甘肃省定西市\n\n注：以上为主要捐赠。\n"
    )
    got = triples(text, {"funds", "locatedIn"})
    assert {
        ("青岳能源", "funds", "山村饮水工程"),
        ("青岳能源", "funds", "陇南慈善总会"),
        ("青岳能源", "funds", "乡村书屋计划"),
        ("乡村书屋计划", "locatedIn", "定西市"),
    } <= got
    assert quals(text, "青岳能源", "funds", "乡村书屋计划")["amount"] == "40万元"


def test_caption_naming_the_funder_before_its_grants() -> None:
    text = "岷山生态保护基金会2024年度资助项目名单\n\n项目名称\t执行机构\n高山草甸修复行动\t松潘县生态协会\n"
    got = triples(text, {"funds", "implements"})
    assert ("岷山生态保护基金会", "funds", "高山草甸修复行动") in got
    assert ("松潘县生态协会", "implements", "高山草甸修复行动") in got


def test_compound_headers() -> None:
    assert table_column_role("主办/承办") == "host"
    assert table_column_role("项目名称及编号") == "project"
    text = "日期\t活动名称\t主办/承办\n10月9日\t第四届秦岭自然笔记大赛\t秦巴自然教育促进会\n"
    assert ("秦巴自然教育促进会", "organizes", "第四届秦岭自然笔记大赛") in triples(text, {"organizes"})


def test_label_value_table_is_one_record() -> None:
    """项目名称<TAB>X / 申报单位<TAB>Y lines: one record under the labels of its first column, and
    the labels themselves are no names."""
    text = (
        "案例一\n\n项目名称\t岷江源高山湿地恢复计划\n申报单位\t阿坝州湿地保护协会\n"
        "项目地点\t四川省阿坝州松潘县\n资助方\t岷江公益基金会\n"
    )
    got = triples(text, {"funds", "implements", "locatedIn"})
    assert {
        ("岷江公益基金会", "funds", "岷江源高山湿地恢复计划"),
        ("阿坝州湿地保护协会", "implements", "岷江源高山湿地恢复计划"),
        ("岷江源高山湿地恢复计划", "locatedIn", "松潘县"),
    } <= got
    assert not any(k in ("申报单位", "项目地点", "资助方") for _, k in mentions(text))


def test_merged_funder_cells_and_caption_year() -> None:
    text = (
        "2023年度资助项目一览\n\n项目名称\t资助方\t执行机构\n"
        "高山草甸修复行动\t岷江公益基金会\t松潘县生态协会\n"
        "藏酋猴社区监测项目\t\t峨眉山生物多样性研究中心\n"
        "流域垃圾清理计划\t汶水集团有限公司\t汶川县志愿者协会\n"
    )
    got = triples(text, {"funds"})
    assert ("岷江公益基金会", "funds", "藏酋猴社区监测项目") in got  # the merged cell above
    assert ("汶水集团有限公司", "funds", "藏酋猴社区监测项目") not in got
    assert quals(text, "岷江公益基金会", "funds", "高山草甸修复行动").get("year") == "2023"
