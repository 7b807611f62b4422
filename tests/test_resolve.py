"""Resolution of mentions into entities, on invented documents (no seed text)."""

from __future__ import annotations

import pytest

from kg.entities import extract_entities
from kg.model import DocResult, Document
from kg.resolve import contractions, resolve


def _doc(doc_id: str, text: str) -> DocResult:
    doc = Document(doc_id, f"{doc_id}.txt", doc_id, text, text, ())
    mentions, aliases = extract_entities(doc)
    return DocResult(doc, (), (), mentions, aliases, ())


def _entities(*texts: str):
    entities, _ = resolve([_doc(f"d{i}", t) for i, t in enumerate(texts)])
    return entities


def _with_form(entities, form: str):
    return [e for e in entities if form == e.name or form in e.aliases]


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("中国环境保护促进会", "中国环保促进会"),
        ("青禾科技股份有限公司", "青禾科技"),
        ("浙江省青松生态基金会", "青松生态基金会"),
    ],
)
def test_contractions(full: str, short: str) -> None:
    assert short in contractions(full)


def test_declared_alias_is_merged_with_evidence() -> None:
    ents = _entities("浙江绿水公益基金会（以下简称“绿水基金会”）成立于2015年。绿水基金会表示将继续资助。")
    [e] = _with_form(ents, "绿水基金会")
    assert e.name == "浙江绿水公益基金会"
    assert any(rule == "alias.declared" for _a, rule, _ev in e.merges)


def test_short_and_full_place_merge_within_one_document() -> None:
    ents = _entities("项目在江西省开展，江西的志愿者参加。")
    [e] = _with_form(ents, "江西")
    assert e.name == "江西省"
    assert any(rule == "gazetteer" for _a, rule, _ev in e.merges)


def test_short_place_alone_stays_as_written() -> None:
    ents = _entities("项目在江西省开展。", "江西的志愿者参加了活动。")
    assert len(_with_form(ents, "江西")) == 1
    assert _with_form(ents, "江西")[0].name == "江西"


def test_same_name_across_documents_is_one_entity() -> None:
    ents = _entities("云岭自然保护基金会发起了项目。", "云岭自然保护基金会理事长韦立群出席。")
    [e] = _with_form(ents, "云岭自然保护基金会")
    assert set(e.docs) == {"d0", "d1"}


def test_user_alias_file_overrides() -> None:
    docs = [_doc("d0", "云岭自然保护基金会发起了项目。"), _doc("d1", "云岭基金会出席会议。")]
    entities, _ = resolve(docs, {"云岭基金会": "云岭自然保护基金会"})
    [e] = _with_form(entities, "云岭基金会")
    assert e.name == "云岭自然保护基金会"
    assert any(rule == "user" for _a, rule, _ev in e.merges)
