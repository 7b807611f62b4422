"""Normalise PDF-extracted Chinese text, keeping a map back to the raw offsets.

Every normaliser is available two ways: as a pure ``str -> str`` function (textacy style)
and as a step of :func:`normalize`, which composes them and tracks, for each character
of the output, the index of the raw character it came from. Steps only delete characters
or replace them one for one, so the map is exact.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from functools import cache, lru_cache

from kg.resources import load_lines

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7"
# Sentence-final punctuation after which a line break is a real break.
FINAL = "。！？!?；;：:"
_CLOSERS = "」』”’】"
BYLINE = re.compile(r"[（(][\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4})*[）)]$")


def ends_sentence(line: str) -> bool:
    """True if ``line`` ends a sentence: final punctuation, a closing quote after it, or a byline."""
    t = line.rstrip()
    if not t:
        return False
    if t[-1] in FINAL:
        return True
    if t[-1] in _CLOSERS:
        return len(t) > 1 and t[-2] in FINAL
    return bool(BYLINE.search(t))

Tracked = tuple[str, list[int]]


def _sub_tracked(text: str, offsets: list[int], pattern: re.Pattern[str], repl: str) -> Tracked:
    """re.sub with a replacement no longer than the match, keeping the offset map aligned."""
    out: list[str] = []
    out_off: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        out_off.extend(offsets[pos : m.start()])
        r = m.expand(repl) if repl else ""
        if len(r) > m.end() - m.start():
            raise ValueError("tracked replacement may not lengthen text")
        out.append(r)
        out_off.extend(offsets[m.start() : m.start() + len(r)])
        pos = m.end()
    out.append(text[pos:])
    out_off.extend(offsets[pos:])
    return "".join(out), out_off


# --- character-level clean-up -----------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b-\u200d\u2060]")
_CR = re.compile(r"\r\n?")
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_TRAILING = re.compile(r"[ \t]+(?=\n)|[ \t]+\Z")


def _clean_tracked(text: str, offsets: list[int]) -> Tracked:
    text, offsets = _sub_tracked(text, offsets, _CR, "\n")
    text, offsets = _sub_tracked(text, offsets, _CONTROL, "")
    return text, offsets


# Tabs separate table cells: keep them; other exotic spaces become plain spaces.
_ODD_SPACE_NO_TAB = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _spaces_tracked(text: str, offsets: list[int]) -> Tracked:
    text, offsets = _sub_tracked(text, offsets, _ODD_SPACE_NO_TAB, " ")
    text, offsets = _sub_tracked(text, offsets, _TRAILING, "")
    return text, offsets


# --- spaces PDF extraction inserts between CJK characters ---------------------------------

_TIGHT = f"[{CJK}{CJK_PUNCT}]"
_TIGHT_OR_DIGIT = f"[{CJK}{CJK_PUNCT}0-9A-Za-z%]"
# a run of spaces with CJK/punctuation on at least one side and CJK/digit/Latin on the other
_CJK_SPACE = re.compile(f"(?:(?<={_TIGHT}) +(?={_TIGHT_OR_DIGIT})|(?<={_TIGHT_OR_DIGIT}) +(?={_TIGHT}))")
_LEADING = re.compile(r"(?m)^ +")


def _cjk_spaces_tracked(text: str, offsets: list[int]) -> Tracked:
    text, offsets = _sub_tracked(text, offsets, _CJK_SPACE, "")
    return _sub_tracked(text, offsets, _LEADING, "")


# --- line joining ---------------------------------------------------------------------------


@cache
def _labels() -> frozenset[str]:
    return frozenset(load_lines("field_labels.txt"))


def _is_label(line: str) -> bool:
    core = line.strip().strip("-*■•# ").strip()
    return core in _labels()


def _join_tracked(text: str, offsets: list[int]) -> Tracked:
    """Join lines broken mid-sentence.

    PDF columns wrap every 10–30 characters; a break is soft when the line before does not
    end in final punctuation. Blank lines inside a sentence (page or column breaks) are
    joined too when the previous line is a full-width line. Field labels, table rows and
    short heading-like lines keep their breaks.
    """
    lines = text.split("\n")
    lengths = [len(x) for x in lines if x.strip()]
    median = statistics.median(lengths) if lengths else 0
    long_share = sum(1 for n in lengths if n > 40) / len(lengths) if lengths else 0.0
    wrapped = long_share < 0.1  # narrow newspaper columns: hardly any line is long
    keep = [True] * len(text)
    # indices of the "\n" characters
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    heading = _heading_lines(lines)
    i = 0
    while i < len(lines) - 1:
        prev = lines[i]
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines):
            break
        nxt = lines[j]
        blank = j - i - 1
        if i not in heading and j not in heading and _should_join(prev, nxt, blank, wrapped, median):
            for k in range(i, j):
                keep[starts[k] + len(lines[k])] = False  # the newline after line k
                if k > i:
                    for c in range(starts[k], starts[k] + len(lines[k])):
                        keep[c] = False  # whitespace-only line
        i = j
    new_text = "".join(ch for ch, k in zip(text, keep, strict=True) if k)
    new_off = [o for o, k in zip(offsets, keep, strict=True) if k]
    return new_text, new_off


_HEADING_PUNCT = re.compile("[。，；！？,;]")


def _heading_lines(lines: list[str]) -> set[int]:
    """Indices of lines in heading blocks: short blocks without sentence punctuation that
    start the text or follow a block ending in final punctuation (e.g. a byline)."""
    blocks: list[list[int]] = []
    for idx, line in enumerate(lines):
        if line.strip():
            if blocks and blocks[-1][-1] == idx - 1:
                blocks[-1].append(idx)
            else:
                blocks.append([idx])
    heading: set[int] = set()
    for b, block in enumerate(blocks):
        texts = [lines[k].strip() for k in block]
        before = lines[blocks[b - 1][-1]] if b else ""
        prev_ok = b == 0 or BYLINE.search(before.rstrip()) or (ends_sentence(before) and len(block) >= 2)
        if (
            prev_ok
            and len(block) <= 3
            and b + 1 < len(blocks)
            and all(len(t) <= 40 and not _HEADING_PUNCT.search(t) for t in texts)
        ):
            heading.update(block)
    return heading


# a year-first record line (2022年｜金奖｜生态保护类) starts a new line of its own
_FIELD_START = re.compile(r"^\d{4}\s*年?(?:度)?\s*[｜|]")
_LIST_START = re.compile(r"^\s*(?:[-*■•●◆▶]|\d+[.、．)]|[（(]?[一二三四五六七八九十]+[、.．)）])")


def _should_join(prev: str, nxt: str, blank: int, wrapped: bool, median: float) -> bool:
    p = prev.rstrip()
    n = nxt.strip()
    if not p or not n:
        return False
    if "\t" in prev or "\t" in nxt or _is_label(p) or _is_label(n):
        return False
    if ends_sentence(p) or _LIST_START.match(nxt) or _FIELD_START.match(n):
        return False
    if not re.match(f"[{CJK}0-9A-Za-z“‘《（(、，,]", n[0]):
        return False
    if wrapped:
        if blank == 0:
            return True
        # a blank line inside a column: join only after a full-width line
        return blank <= 2 and len(p) >= 0.75 * median
    # long-line documents: a newline is a paragraph break unless the line stops mid-sentence
    return len(p) >= 40 and blank <= 2


# --- composition ------------------------------------------------------------------------------

# --- traditional to simplified Chinese ---------------------------------------------------------


@cache
def _t2s_table() -> dict[int, str]:
    """Character-level traditional -> simplified map from OpenCC's TSCharacters dictionary.

    Only one-to-one character mappings are used, so the offset map stays exact.
    """
    from importlib import resources as ir

    try:
        text = (ir.files("opencc") / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - dependency missing
        return {}
    table: dict[int, str] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            simp = parts[1].split(" ")[0]
            if len(simp) == 1 and simp != parts[0]:
                table[ord(parts[0])] = simp
    return table


def to_simplified(text: str) -> str:
    """Traditional characters replaced by simplified ones, one for one."""
    return text.translate(_t2s_table())


def _simplify_tracked(text: str, offsets: list[int]) -> Tracked:
    return to_simplified(text), offsets


Step = Callable[[str, list[int]], Tracked]
STEPS: tuple[Step, ...] = (_clean_tracked, _simplify_tracked, _spaces_tracked, _cjk_spaces_tracked, _join_tracked)


def normalize(raw: str) -> Tracked:
    """Normalise ``raw``; return the text and, per output character, its raw index.

    The map has one extra trailing entry (``len(raw)``) so that end offsets map too.
    """
    text, offsets = raw, list(range(len(raw)))
    for step in STEPS:
        text, offsets = step(text, offsets)
    return text, [*offsets, len(raw)]


def _pure(step: Step) -> Callable[[str], str]:
    def fn(text: str) -> str:
        return step(text, list(range(len(text))))[0]

    fn.__doc__ = step.__doc__
    return fn


clean_characters = _pure(_clean_tracked)
normalize_spaces = _pure(_spaces_tracked)
remove_cjk_spaces = _pure(_cjk_spaces_tracked)
join_broken_lines = _pure(_join_tracked)


def normalize_text(raw: str) -> str:
    """The normalised text alone."""
    return normalize(raw)[0]


_NAME_SPACE = re.compile(r"\s+")
_QUOTES = "“”‘’\"'「」『』《》〈〉"


@lru_cache(maxsize=1 << 16)
def clean_name(name: str) -> str:
    """A name as an entity label: no white space between CJK, no surrounding quotes or brackets.
    (Pure and called for every candidate span, often on the same names: cached.)"""
    name = remove_cjk_spaces(_NAME_SPACE.sub(" ", name.strip()))
    while name and name[0] in _QUOTES and name[-1] in _QUOTES:
        name = name[1:-1].strip()
    return name
