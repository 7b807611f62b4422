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
