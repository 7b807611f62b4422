"""Person recognition on invented sentences (all names made up): names introduced by an
appointment, an act of office or attendance, a bracketed post; bylines stay unrecognised."""

from __future__ import annotations

from kg.entities import extract_entities
from kg.ingest import make_document


def _ents(text: str) -> set[tuple[str, str]]:
    mentions, _ = extract_entities(make_document(text))
    return {(m.type, m.key) for m in mentions}


def _persons(text: str) -> set[str]:
    return {k for t, k in _ents(text) if t == "Person"}


def test_appointed_person() -> None:
    assert "李明远" in _persons("理事会决定，聘任李明远为基金会秘书长。")
    assert "陈家宁" in _persons("会议宣布任命陈家宁为亚太区首席代表。")


def test_name_before_act_of_office_or_attendance() -> None:
    assert "刘振华" in _persons("会上，刘振华当选联盟首任主席。")
    assert "孙家明" in _persons("孙家明在启动仪式上表示，要持续推进。")
    assert "周海燕" in _persons("。周海燕出席并致辞。")


def test_name_glossed_by_bracketed_post() -> None:
    assert "张晓红" in _persons("论坛由张晓红（青川生态基金会秘书长）主持。")


def test_title_glued_to_university_name() -> None:
    # the segmenter reads 大学教授 as one word; the name after it is still a person
    assert "王海涛" in _persons("青川大学教授王海涛主持了开幕式。")


def test_bylines_are_not_persons() -> None:
    assert _persons("据悉，论坛每年举办一届。（记者 赵一鸣）\n本报记者 李华 通讯员 张小军\n") == set()


def test_theme_of_a_named_event_is_no_event() -> None:
    text = "“第三届清溪绿色发展论坛”在无锡举行。本届论坛以“低碳转型与乡村振兴”为主题。"
    events = {k for t, k in _ents(text) if t == "Event"}
    assert events == {"第三届清溪绿色发展论坛"}


def test_place_before_act_verb_is_no_person() -> None:
    assert _persons("。张家界出席活动的代表有三十人。") == set()


def test_speaker_after_closing_quote_and_before_reporter() -> None:
    assert "周小雅" in _persons("“这些孩子需要陪伴。”周小雅介绍说。")
    assert "王海涛" in _persons("王海涛告诉记者，保护区内发现了新的物种。")


def test_photo_caption_bio_line_and_founder_clause() -> None:
    assert "吴晓燕" in _persons("吴晓燕（左二）与村民交流。")
    assert "李晓东" in _persons("李晓东，青川生态基金会创始人，长期关注湿地保护。")
    assert "黄文静" in _persons("“我们的目标是让更多人了解湿地。”她说。黄文静是青川自然学校的创办者。")


def test_field_roles_before_a_name() -> None:
    assert "杨大山" in _persons("在青川县，护林员杨大山已经巡山十五年。")
    assert "林小溪" in _persons("自然教育导师林小溪带领孩子们观察鸟类。")


def test_event_roles_and_representatives() -> None:
    assert "李青" in _persons("特邀嘉宾李青分享了经验。")
    assert "王小川" in _persons("论坛举行。王小川作为社会组织代表出席论坛并发言。")
