import codecs

import pytest

from kg.ingest import decode, ingest, make_document, read_document
from kg.model import Document, Problem

TEXT = "青山环境保护基金会今天宣布启动湿地守护计划，绿源科技有限公司捐资一百万元。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_are_detected(data, encoding):
    text, enc, warning = decode(data)
    assert text.lstrip("\ufeff") == TEXT
    assert enc == encoding
    assert warning is None


def test_binary_and_empty_are_refused():
    with pytest.raises(ValueError, match="empty"):
        decode(b"")
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_directory_ingest_reports_problems_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_bytes(TEXT.encode("gb18030"))
    (sub / "empty.txt").write_bytes(b"")
    (sub / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "x.txt").mkdir()  # a directory named like a text file
    items = list(ingest([tmp_path]))
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert sorted(d.path.rsplit("/", 1)[-1] for d in docs) == ["a.txt", "b.txt"]
    assert all(d.text == TEXT for d in docs)
    messages = {p.path.rsplit("/", 1)[-1]: p.message for p in problems}
    assert "empty" in messages["empty.txt"]
    assert "not a text file" in messages["image.png"]


def test_missing_path_is_a_problem(tmp_path):
    items = list(ingest([tmp_path / "nope.txt"]))
    assert len(items) == 1 and isinstance(items[0], Problem) and "no such file" in items[0].message


def test_document_identity_is_content_hash_and_stable(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text("湿地守护计划启动\n\n" + TEXT, encoding="utf-8")
    d1, _ = read_document(p)
    d2, _ = read_document(p)
    assert d1 is not None and d2 is not None
    assert d1.id == d2.id and len(d1.id) == 16
    assert d1.title == "湿地守护计划启动"
    other = make_document(TEXT + "。")
    assert other.id != d1.id


def test_invalid_utf8_bytes_are_replaced_with_a_warning(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(TEXT.encode("utf-8")[:30] + b"\xff\xfe\xfa" + TEXT.encode("utf-8")[30:])
    doc, problems = read_document(p)
    assert doc is not None
    assert "青山环境保护基金会" in doc.text
    assert problems and not problems[0].skipped
