"""Segment a normalised document into sections (articles, case blocks, tables) and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Document, Section, Sentence
from kg.normalize import BYLINE, _is_label

# Labels that open a case-book field block, mapped to a canonical field name.
CASE_FIELDS = {
    "项目机构": "org",
    "实施机构": "org",
    "申报机构": "org",
    "执行机构": "org",
    "获奖机构": "org",
    "实施地点": "place",
    "项目地点": "place",
    "项目时间": "time",
    "实施时间": "time",
    "获奖情况": "award",
    "获奖等级": "award",
}
_END_OF_FIELDS = {"项目介绍", "项目背景"}

_NUMBERED = re.compile(r"^(?:\d+[.、．]|[一二三四五六七八九十]+、)\s*\S")
_SENT_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+|\t*$")
_LINE = re.compile(r"[^\n]*\n?")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # without the newline
    text: str


def lines_of(text: str) -> list[Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def label_of(line: str) -> str:
    core = line.strip().strip("-*■•# ").strip()
    return core if _is_label(core) else ""


MAX_SENTENCE = 600  # characters; longer runs without a sentence end are PDF debris (tables, lists)


def _capped(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split pieces longer than MAX_SENTENCE at the last clause break (；，、 or a space) before
    the cap, or hard at the cap: keeps every per-sentence rule linear on debris-like input."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        while b - a > MAX_SENTENCE:
            cut = max(text.rfind(c, a + MAX_SENTENCE // 2, a + MAX_SENTENCE) for c in "；;，,、 ")
            cut = cut + 1 if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def split_sentences(doc: Document, sections: tuple[Section, ...] = ()) -> tuple[Sentence, ...]:
    """Sentences: split at final punctuation and at line ends; table rows are one sentence."""
    text = doc.text
    out: list[Sentence] = []
    bounds = [(s.start, s.end, s.index) for s in sections]
    sec_i = 0
    for line in lines_of(text):
        if not line.text.strip():
            continue
        pieces: list[tuple[int, int]] = []
        if "\t" in line.text:
            pieces.append((line.start, line.end))
        else:
            pos = line.start
            for m in re.finditer(r"[。！？!?]+[”’」』]*", line.text):
                pieces.append((pos, line.start + m.end()))
                pos = line.start + m.end()
            if pos < line.end:
                pieces.append((pos, line.end))
        for a, b in _capped(text, pieces):
            while a < b and text[a] in " \t":
                a += 1
            if a >= b:
                continue
            while sec_i + 1 < len(bounds) and bounds[sec_i][1] <= a:
                sec_i += 1
            section = bounds[sec_i][2] if bounds and bounds[sec_i][0] <= a < bounds[sec_i][1] else -1
            out.append(Sentence(doc.id, len(out), a, b, text[a:b], section))
    return tuple(out)


def find_sections(doc: Document) -> tuple[Section, ...]:
    """Case blocks, tables and articles, in text order, non-overlapping."""
    lines = lines_of(doc.text)
    found: list[Section] = []
    found.extend(_case_sections(doc, lines))
    found.extend(_table_sections(doc, lines, found))
    found.extend(_article_sections(doc, lines, found))
    found.sort(key=lambda s: s.start)
    return tuple(
        Section(s.doc_id, i, s.kind, s.start, s.end, s.title, s.fields) for i, s in enumerate(found)
    )


def _nonblank_before(lines: list[Line], i: int) -> int:
    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    return j


def _case_sections(doc: Document, lines: list[Line]) -> list[Section]:
    label_idx = [i for i, ln in enumerate(lines) if CASE_FIELDS.get(label_of(ln.text)) == "org"]
    heads: list[tuple[int, int, list[tuple[str, str]]]] = []  # (title line, first field line, fields)
    for li in label_idx:
        fields: list[tuple[str, str]] = []
        # fields: label line, then value lines until the next label or the introduction
        i = li
        current = ""
        values: list[str] = []
        while i < len(lines):
            lab = label_of(lines[i].text)
            if lab in _END_OF_FIELDS:
                break
            if lab and lab in CASE_FIELDS:
                if current:
                    fields.append((current, "\n".join(values)))
                current, values = lab, []
            elif lines[i].text.strip():
                t = lines[i].text.strip()
                if len(t) > 40 or "。" in t or _NUMBERED.match(t) or (lab and lab not in CASE_FIELDS):
                    break
                values.append(lines[i].text.strip().strip("*").strip())
            i += 1
            if i - li > 40:
                break
        if current:
            fields.append((current, "\n".join(values)))
        # title: the summary paragraph precedes the labels; the project name and headline before it
        j = _nonblank_before(lines, li)
        # the PDF may have moved the field block into the introduction: title is before 项目介绍
        for _ in range(6):
            if j < 0:
                break
            if label_of(lines[j].text) in _END_OF_FIELDS:
                li = j
                break
            j = _nonblank_before(lines, j)
        j = _nonblank_before(lines, li)
        summary = lines[j].text if j >= 0 else ""
        if summary.startswith(("该项目", "项目")) or len(summary) > 60:
            j = _nonblank_before(lines, j)
        name_line = j
        name = lines[j].text.strip() if j >= 0 else ""
        k = _nonblank_before(lines, j) if j >= 0 else -1
        headline = lines[k].text.strip() if k >= 0 and len(lines[k].text.strip()) <= 30 else ""
        if name.startswith(("——", "—")):
            name = name.lstrip("—").strip()
        elif headline and len(headline) <= 30:
            pass
        fields = [("project", name), ("headline", headline), *fields]
        start_line = k if headline and k >= 0 else name_line
        heads.append((max(start_line, 0), li, fields))
    sections = []
    for n, (start_line, _li, fields) in enumerate(heads):
        end = lines[heads[n + 1][0]].start if n + 1 < len(heads) else len(doc.text)
        start = lines[start_line].start
        end = _case_end(doc.text, start, end)
        if sections and start < sections[-1].end:
            start = sections[-1].end
        sections.append(Section(doc.id, 0, "case", start, end, fields[0][1], tuple(fields)))
    return sections


_LAST_PART = re.compile(r"\n[ \t]*(?:\d+[.、．]\s*|[一二三四五六七八九十]+、\s*)?(?:可推广性|推广价值|未来展望)[ \t]*\n")
_SECTION_BREAK = re.compile(r"\n[ \t]*\n[ \t]*\n")


def _case_end(text: str, start: int, end: int) -> int:
    """A case ends with its last part (可推广性 …): the next break of two or more blank lines
    after it closes the case, so essays or references that follow do not belong to it."""
    last = None
    for m in _LAST_PART.finditer(text, start, end):
        last = m
    if last is None:
        return end
    brk = _SECTION_BREAK.search(text, last.end(), end)
    return brk.start() + 1 if brk else end


def _covered(pos: int, sections: list[Section]) -> bool:
    return any(s.start <= pos < s.end for s in sections)


def _table_sections(doc: Document, lines: list[Line], taken: list[Section]) -> list[Section]:
    out: list[Section] = []
    i = 0
    while i < len(lines):
        if "\t" in lines[i].text and not _covered(lines[i].start, taken):
            j = i
            while True:
                if j + 1 < len(lines) and "\t" in lines[j + 1].text:
                    j += 1
                elif j + 2 < len(lines) and not lines[j + 1].text.strip() and "\t" in lines[j + 2].text and not _covered(lines[j + 2].start, taken):
                    j += 2  # rows separated by blank lines (PDF extraction that doubles line breaks)
                else:
                    break
            if j > i:  # at least a header and one row
                header = tuple(c.strip() for c in lines[i].text.split("\t"))
                out.append(
                    Section(doc.id, 0, "table", lines[i].start, lines[j].end, "\t".join(header), (("header", "\t".join(header)),))
                )
            i = j + 1
        else:
            i += 1
    return out


def _article_sections(doc: Document, lines: list[Line], taken: list[Section]) -> list[Section]:
    """News articles close with a reporter byline such as （韩笑）."""
    ends = [ln.end for ln in lines if BYLINE.search(ln.text.rstrip()) and not _covered(ln.start, taken)]
    out: list[Section] = []
    start = 0
    for end in ends:
        if any(start < s.end and s.start < end for s in taken):
            start = end
            continue
        byline = BYLINE.search(doc.text[start:end])
        out.append(Section(doc.id, 0, "article", start, end, byline.group().strip("（）()") if byline else ""))
        start = end
    return out


def segment(doc: Document) -> tuple[tuple[Section, ...], tuple[Sentence, ...]]:
    """Sections and sentences of a document."""
    sections = find_sections(doc)
    return sections, split_sentences(doc, sections)
