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


def test_declared_short_name_keeps_the_organisation_type() -> None:
    # the quoted short name ends in 工程 (a programme head), but it names the foundation
    text = "中华青禾工程扶贫基金会（以下简称“青禾工程”）在多个省市开展“青禾·云课堂”公益项目。青禾工程表示将继续投入。"
    ents = _entities(text, "“青禾工程”志愿服务队走进社区。")
    [org] = [e for e in _with_form(ents, "中华青禾工程扶贫基金会")]
    assert org.type == "Organization"
    assert "青禾工程" in org.aliases


def test_declared_short_name_mentions_resolve_to_the_full_form() -> None:
    docs = [_doc("d0", "中华青禾工程扶贫基金会（以下简称“青禾工程”）成立于1989年。青禾工程理事长韦立群出席。")]
    [m] = [m for m in docs[0].mentions if m.key == "青禾工程" and m.rule == "second_pass"]
    assert m.type == "Organization"


def test_reused_short_programme_name_is_merged_with_evidence() -> None:
    ents = _entities(
        "海湾基金会发起“蓝鲸海岸带修复计划”。两年来，“蓝鲸计划”已覆盖三个县。",
        "“蓝鲸计划”的志愿者参加了培训。",
    )
    [e] = _with_form(ents, "蓝鲸计划")
    assert e.name == "蓝鲸海岸带修复计划"
    assert set(e.docs) == {"d0", "d1"}
    assert any(rule == "contraction" and "蓝鲸海岸带修复计划" in ev for _a, rule, ev in e.merges)


def test_short_programme_name_with_two_full_readings_stays_apart() -> None:
    ents = _entities(
        "海湾基金会发起“蓝鲸海岸带修复计划”。两年来，“蓝鲸计划”已覆盖三个县。",
        "协会启动“蓝鲸湿地保育计划”，“蓝鲸计划”今年招募志愿者。",
    )
    [e] = _with_form(ents, "蓝鲸计划")
    assert e.name == "蓝鲸计划"
    assert len(_with_form(ents, "蓝鲸海岸带修复计划")) == 1


def test_one_document_with_two_full_names_does_not_merge_the_short_one() -> None:
    ents = _entities("“蓝鲸海岸带修复计划”和“蓝鲸湿地保育计划”同时启动，“蓝鲸计划”由此得名。")
    [e] = _with_form(ents, "蓝鲸计划")
    assert e.name == "蓝鲸计划"


def test_short_and_full_place_in_different_sections_stay_apart() -> None:
    from kg.model import Section

    text = "第一篇：项目在江西省开展。\n第二篇：江西的志愿者参加了活动。"
    doc = Document("d0", "d0.txt", "d0", text, text, ())
    cut = text.index("\n") + 1
    sections = (Section("d0", 0, "article", 0, cut), Section("d0", 1, "article", cut, len(text)))
    mentions, aliases = extract_entities(doc, sections)
    ents, _ = resolve([DocResult(doc, sections, (), mentions, aliases, ())])
    assert [e.name for e in _with_form(ents, "江西")] == ["江西"]
    # within one section the two forms are one place
    one = (Section("d0", 0, "article", 0, len(text)),)
    mentions, aliases = extract_entities(doc, one)
    ents, _ = resolve([DocResult(doc, one, (), mentions, aliases, ())])
    assert [e.name for e in _with_form(ents, "江西")] == ["江西省"]


def test_contracted_company_name_is_merged_with_evidence() -> None:
    ents = _entities("杭州青禾科技股份有限公司发起了森林守护计划。此后青禾与星川集团共同出资。")
    (e,) = _with_form(ents, "青禾")
    assert e.name == "杭州青禾科技股份有限公司"
    rec = [r for r in e.merges if r[0] == "青禾"]
    assert rec and rec[0][1] == "contraction" and "杭州青禾科技股份有限公司 -> 青禾" in rec[0][2]


def test_contracted_form_owned_by_two_companies_in_the_corpus_stays_apart() -> None:
    ents = _entities(
        "杭州青禾科技股份有限公司成立。青禾表示将持续投入。",
        "苏州青禾科技有限公司成立。青禾表示将扩大生产。",
    )
    assert len([e for e in ents if e.name.endswith("青禾科技股份有限公司") or e.name.endswith("青禾科技有限公司")]) == 2
    assert all(len({n for n in (e.name, *e.aliases) if "有限公司" in n}) <= 1 for e in ents)


def test_merged_entity_takes_the_type_with_most_votes_over_all_subtypes() -> None:
    """A user alias may join names of two types: the type is the one with most mentions, the
    votes of its subtypes added up (two Foundation + two Company readings outvote three Place)."""
    from kg.model import Mention

    def mention(doc: str, i: int, name: str, typ: str, sub: str | None) -> Mention:
        return Mention(doc, i * 10, i * 10 + len(name), name, typ, sub)

    docs = []
    readings = [("甲", "Place", None)] * 3 + [("甲机构", "Organization", "Foundation")] * 2
    readings += [("甲机构", "Organization", "Company")] * 2
    for i, (name, typ, sub) in enumerate(readings):
        doc = Document(f"d{i}", f"d{i}.txt", "", "", "", ())
        docs.append(DocResult(doc, mentions=(mention(doc.id, 0, name, typ, sub),)))
    entities, _ = resolve(docs, {"甲": "甲机构"})
    assert [(e.name, e.type, e.aliases) for e in entities] == [("甲机构", "Organization", ("甲",))]
