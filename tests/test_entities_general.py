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
