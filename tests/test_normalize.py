import pytest

from kg.normalize import clean_name, join_broken_lines, normalize, remove_cjk_spaces


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 月 25 日", "8月25日"),
        ("2022 年 中国 青山 大会", "2022年中国青山大会"),
        ("Blue Guardian 项目", "Blue Guardian项目"),
        ("蓝星 AI 卫星 平台", "蓝星AI卫星平台"),
        ("开幕式上， 绿源公司表示", "开幕式上，绿源公司表示"),
        ("hello world", "hello world"),
        ("“ 湿地守护 ” 计划", "“湿地守护”计划"),
    ],
)
def test_remove_cjk_spaces(raw, expected):
    assert remove_cjk_spaces(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # narrow newspaper columns: soft wraps are joined, sentence ends keep their break
        ("青山环境保护基金\n会今天宣布启动\n湿地守护计划。\n明天开始报名。", "青山环境保护基金会今天宣布启动湿地守护计划。\n明天开始报名。"),
        # a blank line inside a sentence (column break) after a full-width line is joined
        ("据悉，\n绿源科技有限公司向青山\n基金会捐赠了一百万\n\n元用于保护湿地。", "据悉，绿源科技有限公司向青山基金会捐赠了一百万元用于保护湿地。"),
        # a byline closes an article; the short lines after it are a headline, kept apart
        ("湿地保护取得进展。（林木）\n\n湿地守护计划启动\n青山基金会参与\n\n近日，青山基金会发布报告。",
         "湿地保护取得进展。（林木）\n\n湿地守护计划启动\n青山基金会参与\n\n近日，青山基金会发布报告。"),
        # field labels of case books keep their lines
        ("项目机构\n\n绿源科技有限公司\n\n实施地点\n\n江西省九江市", "项目机构\n\n绿源科技有限公司\n\n实施地点\n\n江西省九江市"),
    ],
)
def test_join_broken_lines(raw, expected):
    assert join_broken_lines(raw) == expected


def test_offset_map_points_at_raw_characters():
    raw = "绿源 科技 有限\n公司 向 青山 基金会\n捐赠 了 资金 。"
    text, offsets = normalize(raw)
    assert text == "绿源科技有限公司向青山基金会捐赠了资金。"
    assert len(offsets) == len(text) + 1
    for i, ch in enumerate(text):
        assert raw[offsets[i]] == ch
    assert offsets[-1] == len(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("“湿地守护计划”", "湿地守护计划"), ("《 青山 报告 》", "青山报告"), (" 绿源 科技 ", "绿源科技"), ("Blue  Guardian", "Blue Guardian")],
)
def test_clean_name(raw, expected):
    assert clean_name(raw) == expected


def test_normalize_never_lengthens_and_handles_crlf():
    raw = "第一行\r\n第二行。\r\n\ufeff第三行"
    text, _offsets = normalize(raw)
    assert "\r" not in text and "\ufeff" not in text
    assert len(text) <= len(raw)


def test_year_first_record_lines_keep_their_breaks() -> None:
    """Award records written one per line (2022年｜金奖｜类别) are not a wrapped sentence."""
    from kg.normalize import normalize_text

    text = "所获荣誉：\n2022年｜金奖｜生态保护类\n2023年度 | 提名 | 社区发展类\n项目在三个县\n开展。\n"
    out = normalize_text(text)
    assert "2022年｜金奖｜生态保护类\n2023年度 | 提名 | 社区发展类" in out
    assert "项目在三个县开展。" in out
