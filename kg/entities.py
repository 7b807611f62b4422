"""Entity recognition: rules over name structure, quotes, roles and gazetteers.

Recognisers propose candidate spans; overlaps are resolved longest-first; then every name
(and declared short name) found in a document is searched for again, so that a programme
named once in quotes is also found where it is used without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import jieba

from kg.lexicon import (
    gov_bodies,
    org_suffixes,
    places,
    roles,
    surnames,
    trie_regex,
    word_set,
)
from kg.model import Alias, Document, Mention, Section, Sentence
from kg.normalize import CJK, clean_name

jieba.setLogLevel(60)

NAME_CHAR = f"[{CJK}A-Za-z0-9·&\\-]"


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    type: str
    subtype: str | None
    rule: str
    priority: int  # higher wins a tie of equal length
    name: str = ""


# --- compiled patterns -------------------------------------------------------------------


@cache
def _suffix_re() -> re.Pattern[str]:
    return re.compile(trie_regex(org_suffixes()))


@cache
def _place_re() -> re.Pattern[str]:
    return re.compile(trie_regex(places()))


@cache
def _gov_re() -> re.Pattern[str]:
    return re.compile(trie_regex(gov_bodies()))


@cache
def _boundary() -> frozenset[str]:
    return word_set("boundary_words.txt")


@cache
def _role_re() -> re.Pattern[str]:
    return re.compile(trie_regex(roles()))


def _suffix_table(name: str) -> tuple[str, ...]:
    return tuple(sorted(word_set(name), key=len, reverse=True))


@cache
def _ends_re(name: str) -> re.Pattern[str]:
    return re.compile("(?:" + trie_regex(word_set(name)) + ")$")


# --- left boundary of a name ending at a suffix ---------------------------------------------

_LEFT_RUN = re.compile(f"(?:{NAME_CHAR}|[（(][^（）()\\n]{{1,12}}[）)])+$")
_LEADING_JUNK = re.compile(r"^(?:\d+(?:\.\d+)?(?:年|月|日|号|个|家|所|名|位|余|多|万|亿)*)+")


def left_extend(text: str, end_of_stem: int, max_len: int = 24) -> int:
    """Start of the name whose stem ends at ``end_of_stem``: the longest run of name characters,
    cut after the rightmost boundary word (function word, trigger, time word)."""
    lo = max(0, end_of_stem - max_len)
    m = _LEFT_RUN.search(text, lo, end_of_stem)
    if not m:
        return end_of_stem
    start = m.start()
    run = text[start:end_of_stem]
    tokens = jieba.lcut(run, HMM=False)
    boundary = _boundary()
    pos = 0
    cut = 0
    for tok in tokens:
        pos += len(tok)
        if tok in boundary and pos < len(run):
            cut = pos
    start += cut
    junk = _LEADING_JUNK.match(text, start, end_of_stem)
    if junk and junk.end() < end_of_stem:
        start = junk.end()
    return start


# --- recognisers ------------------------------------------------------------------------------


def _org_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    suffixes = org_suffixes()
    generic = word_set("generic_stems.txt")
    not_org = word_set("not_org_words.txt")
    role_words = set(roles())
    for m in _suffix_re().finditer(text):
        suffix = m.group()
        # prefer the longest suffix ending here (the trie regex is greedy from the left)
        end = m.end()
        if end < len(text) and re.match(NAME_CHAR, text[end]) and text[end : end + 1] not in "和与及等的":
            # a suffix followed by more name characters may be part of a longer word
            nxt = text[end : end + 3]
            if not any(nxt.startswith(s) for s in ("（", "(")) and _longer_suffix_follows(text, end):
                continue
        start = left_extend(text, m.start())
        stem = text[start : m.start()]
        name = text[start:end]
        if len(suffix) == 1 and len(stem) < 2:
            continue
        if not stem or stem in generic or name in not_org:
            continue
        if any(name.endswith(r) and len(r) >= 2 and r not in suffixes for r in role_words):
            continue
        typ, sub = suffixes[suffix]
        out.append(Candidate(start, end, typ, sub, f"org.suffix.{sub}", 2))
    return out


def _longer_suffix_follows(text: str, end: int) -> bool:
    """True when the text goes on into another organisation suffix within a few characters
    (威海市委|常委 is not; 中华环境保护|基金会 would be handled by the longer match)."""
    window = text[end : end + 8]
    m = _suffix_re().search(window)
    return bool(m and m.start() <= 4 and all(re.match(NAME_CHAR, c) for c in window[: m.end()]))


def _gov_candidates(text: str) -> list[Candidate]:
    out = []
    bodies = gov_bodies()
    for m in _gov_re().finditer(text):
        canonical, sub = bodies[m.group()]
        out.append(Candidate(m.start(), m.end(), "Organization", sub, "org.gazetteer", 3, canonical))
    return out


def _place_candidates(text: str) -> list[Candidate]:
    out = []
    for m in _place_re().finditer(text):
        # do not take a place out of the middle of a longer word (e.g. 中山 in 中山装)
        out.append(Candidate(m.start(), m.end(), "Place", None, "place.gazetteer", 1))
    return out


@cache
def _natural_re() -> re.Pattern[str]:
    sufs = trie_regex(word_set("place_suffixes.txt"))
    return re.compile(f"[{CJK}]{{2,6}}?(?:{sufs})(?![{CJK}])")


def _natural_candidates(text: str) -> list[Candidate]:
    out = []
    # named natural areas: a known place or a 2–6 character stem + a geographic suffix,
    # only inside quotes-free runs and when the stem is not a boundary word
    for m in _natural_re().finditer(text):
        start = left_extend(text, m.end() - 1, max_len=8)
        name = text[start : m.end()]
        if len(name) < 3 or name[0] in "的在与和及":
            continue
        out.append(Candidate(start, m.end(), "Place", None, "place.natural", 0))
    return out


_QUOTED = re.compile(r"“([^“”\n]{2,40})”|《([^《》\n]{2,60})》|「([^「」\n]{2,40})」")


@cache
def _generic_project_tail() -> re.Pattern[str]:
    return re.compile(r"(?:公益项目|项目|计划|行动|活动|平台|工程|品牌|系列活动)")


def _quoted_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    proj_end = _ends_re("project_suffixes.txt")
    event_end = _ends_re("event_suffixes.txt")
    award_end = _ends_re("award_suffixes.txt")
    pub_end = _ends_re("publication_suffixes.txt")
    org_end = re.compile("(?:" + trie_regex(org_suffixes()) + ")$")
    tail_re = _generic_project_tail()
    trigger_before = re.compile(
        r"(?:发起|启动|开展|实施|推出|上线|打造|搭建|设立|创立|创办|运营|举办|主办|承办|资助|支持|参与|加入|通过|依托|"
        r"开启|助力|携手|合作|名为|称为|命名为|荣获|获得|获评|入选|颁发|授予)(?:了|的)?$"
    )
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        name = clean_name(inner)
        if not name or re.search(r"[，。；！？,;!?]", name) or len(name) < 2:
            continue
        s, e = m.start(), m.end()
        after = text[e : e + 12]
        before = text[max(0, s - 6) : s]
        if m.group(2) is not None:  # 《…》
            if re.search(r"(?:报|时报|日报|晚报|周刊|杂志|画报)$", name):
                out.append(Candidate(s, e, "Organization", "MediaOrganization", "quote.media", 4, name))
            else:
                out.append(Candidate(s, e, "Publication", None, "quote.title", 4, name))
            continue
        tail = tail_re.match(after)
        award_tail = re.match(r"(?:十大案例|十佳\S{0,4}|奖项|奖)", after)
        if award_tail:
            full = name if award_tail.group() in ("奖项",) else name + award_tail.group()
            out.append(Candidate(s, e + (0 if award_tail.group() == "奖项" else award_tail.end()), "Award", None, "quote.award", 4, full))
        elif award_end.search(name):
            out.append(Candidate(s, e, "Award", None, "quote.award", 4, name))
        elif org_end.search(name) and not proj_end.search(name):
            typ, sub = org_suffixes()[org_end.search(name).group()]
            out.append(Candidate(s, e, typ, sub, "quote.org", 4, name))
        elif event_end.search(name) or re.match(r"(?:大会|论坛|峰会|年会|沙龙|活动|仪式|研讨会)", after):
            ev_tail = re.match(r"(?:大会|论坛|峰会|年会|沙龙|研讨会)", after)
            if ev_tail:
                out.append(Candidate(s, e + ev_tail.end(), "Event", None, "quote.event", 4, name + ev_tail.group()))
            else:
                out.append(Candidate(s, e, "Event", None, "quote.event", 4, name))
        elif pub_end.search(name) and not proj_end.search(name):
            out.append(Candidate(s, e, "Publication", None, "quote.publication", 4, name))
        elif proj_end.search(name) or tail:
            out.append(Candidate(s, e, "Project", None, "quote.project", 4, name))
        elif _specific_tail(after):
            t = _specific_tail(after)
            out.append(Candidate(s, e + len(t), "Project", None, "quote.project_tail", 4, name + t))
        elif trigger_before.search(before):
            out.append(Candidate(s, e, "Project", None, "quote.after_trigger", 3, name))
    return out


def _specific_tail(after: str) -> str:
    """A short head noun after a quoted name that makes it a named programme: “X”海洋守护专项."""
    m = re.match(f"([{CJK}]{{0,6}}?(?:专项基金|专项|计划|基金|工程|平台))", after)
    return m.group(1) if m else ""


@cache
def _event_re() -> re.Pattern[str]:
    sufs = trie_regex([w for w in word_set("event_suffixes.txt") if w not in ("活动", "会议")])
    return re.compile(f"(?:{sufs})")


def _event_candidates(text: str) -> list[Candidate]:
    out = []
    for m in _event_re().finditer(text):
        start = left_extend(text, m.start(), max_len=30)
        stem = text[start : m.start()]
        if len(stem) < 2 or stem in word_set("generic_stems.txt"):
            continue
        out.append(Candidate(start, m.end(), "Event", None, "event.suffix", 2))
    for m in re.finditer(r"COP\s?\d{1,2}", text):
        out.append(Candidate(m.start(), m.end(), "Event", None, "event.cop", 3, m.group().replace(" ", "")))
    return out


def _award_candidates(text: str) -> list[Candidate]:
    out = []
    for m in re.finditer(r"(?:奖项|大奖|金奖|奖)(?![金励学助状杯牌品])", text):
        start = left_extend(text, m.start(), max_len=16)
        stem = text[start : m.start()]
        if len(stem) < 3 or stem in word_set("generic_stems.txt") or re.fullmatch(r"[一二三四五六七八九十\d]+等", stem):
            continue
        out.append(Candidate(start, m.end(), "Award", None, "award.suffix", 2))
    return out


def _person_candidates(text: str) -> list[Candidate]:
    """role + name (秘书长王棠) and name + 先生/女士; the name is a surname + 1–2 characters."""
    out = []
    sn = surnames()
    single = "".join(sorted(s for s in sn if len(s) == 1))
    double = "|".join(sorted((s for s in sn if len(s) == 2), key=len, reverse=True))
    name_pat = f"(?:{double}|[{single}])[{CJK}]{{1,2}}"
    after_role = re.compile(
        f"(?:{_role_re().pattern})(?:、[^，。]{{0,10}}?)?({name_pat})(?=表示|介绍|指出|说|认为|强调|称|致辞|讲话|发言|出席|参加|等|为|在|和|与|及|、|，|。|：|:|（|\\(|\\s|$)"
    )
    for m in after_role.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        # a two-character given name must not swallow a following verb or particle
        if len(name) == 3 and text[e - 1 : e + 1] in ("表示", "介绍", "指出", "认为", "强调", "致辞", "讲话", "发言", "出席", "参加"):
            e -= 1
        out.append(Candidate(s, e, "Person", None, "person.role_name", 3))
    for m in re.finditer(f"({name_pat}?)(?:先生|女士|教授|博士|院士)", text):
        s, e = m.span(1)
        if e - s >= 2:
            out.append(Candidate(s, e, "Person", None, "person.honorific", 2))
    return out


# --- aliases -------------------------------------------------------------------------------------

_ALIAS = re.compile(
    r"[（(](?:以下|下文)?(?:简称|简称为|英文简称|英文名称|又称|原名)?[：:]?[“\"「]?([A-Za-z0-9\u4e00-\u9fff·&\- ]{2,20}?)[”\"」]?[）)]"
)


def _aliases(doc: Document, mentions: list[Mention]) -> list[Alias]:
    out = []
    text = doc.text
    for men in mentions:
        if men.type not in ("Organization", "Project", "Event", "Award"):
            continue
        m = _ALIAS.match(text, men.end)
        if not m:
            continue
        short = clean_name(m.group(1))
        full = men.key
        if not short or short == full or len(short) >= len(full):
            continue
        if places().get(short) and men.type == "Organization":
            continue  # （北京）: a seat, not an alias
        if re.fullmatch(r"\d+.*", short):
            continue
        rule = "alias.declared" if "简称" in m.group() or "称" in m.group() else "alias.parenthesis"
        out.append(Alias(doc.id, full, short, rule, text[men.start : m.end()]))
    return out


# --- overlap resolution and the second pass ---------------------------------------------------


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest (then highest priority) first."""
    chosen: list[Candidate] = []
    taken = bytearray()
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start) - 2 * c.priority, -c.priority, c.start))
    maxend = max((c.end for c in cands), default=0)
    taken = bytearray(maxend + 1)
    for c in ordered:
        if c.end <= c.start or any(taken[c.start : c.end]):
            continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


def _to_mention(doc: Document, c: Candidate) -> Mention:
    surface = doc.text[c.start : c.end]
    name = c.name or clean_name(surface)
    return Mention(doc.id, c.start, c.end, surface, c.type, c.subtype, c.rule, name)


def _valid(m: Mention) -> bool:
    name = m.key
    if len(name) < 2 or len(name) > 60:
        return False
    if m.type == "Person" and not (2 <= len(name) <= 4):
        return False
    return bool(re.search(f"[{CJK}A-Za-z]", name))


def _second_pass(doc: Document, mentions: list[Mention], aliases: list[Alias]) -> list[Mention]:
    """Find every further occurrence of a name (or a declared short name) already recognised."""
    by_name: dict[str, Mention] = {}
    for m in mentions:
        if m.type in ("Organization", "Project", "Event", "Award", "Person") and len(m.key) >= 2:
            by_name.setdefault(m.key, m)
            if m.text != m.key and len(m.text) >= 2 and not re.search(r"[“”《》]", m.text):
                by_name.setdefault(m.text, m)
    for a in aliases:
        src = next((m for m in mentions if m.key == a.full), None)
        if src is not None and len(a.short) >= 2:
            by_name.setdefault(a.short, src)
    if not by_name:
        return mentions
    pattern = re.compile(trie_regex(by_name))
    text = doc.text
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for hit in pattern.finditer(text):
        s, e = hit.span()
        if any(taken[s:e]):
            continue
        src = by_name[hit.group()]
        extra.append(Mention(doc.id, s, e, text[s:e], src.type, src.subtype, "second_pass", hit.group()))
        taken[s:e] = b"\x01" * (e - s)
    return sorted([*mentions, *extra], key=lambda m: m.start)


def extract_entities(
    doc: Document, sections: tuple[Section, ...] = (), sentences: tuple[Sentence, ...] = ()
) -> tuple[tuple[Mention, ...], tuple[Alias, ...]]:
    """Mentions of entities in ``doc`` and the short names it declares."""
    text = doc.text
    cands: list[Candidate] = []
    cands += _quoted_candidates(text)
    cands += _gov_candidates(text)
    cands += _org_candidates(text)
    cands += _event_candidates(text)
    cands += _award_candidates(text)
    cands += _person_candidates(text)
    cands += _place_candidates(text)
    cands += _natural_candidates(text)
    cands += _structure_candidates(doc, sections)
    mentions = [m for m in (_to_mention(doc, c) for c in _select(cands)) if _valid(m)]
    aliases = _aliases(doc, mentions)
    # a declared short name is the same entity: type it like its full form
    mentions = _second_pass(doc, mentions, aliases)
    acronyms = _acronym_aliases(doc, mentions)
    return tuple(mentions), tuple(aliases + acronyms)


def _acronym_aliases(doc: Document, mentions: list[Mention]) -> list[Alias]:
    return []


def _structure_candidates(doc: Document, sections: tuple[Section, ...]) -> list[Candidate]:
    """Names given by document structure: case-book project names and field values, table cells."""
    out: list[Candidate] = []
    text = doc.text
    for sec in sections:
        if sec.kind == "case":
            fields = dict(sec.fields)
            for key, typ in (("project", "Project"), ("headline", None)):
                value = fields.get(key, "")
                if not value or typ is None:
                    continue
                pos = text.find(value, sec.start, sec.end)
                if pos >= 0:
                    out.append(Candidate(pos, pos + len(value), typ, None, "case.project", 5, clean_name(value)))
            for label, value in sec.fields:
                if label in ("项目机构", "实施机构", "申报机构", "执行机构", "获奖机构"):
                    out.extend(_field_orgs(text, sec, value))
        elif sec.kind == "table":
            header = dict(sec.fields).get("header", "").split("\t")
            cols = {h: i for i, h in enumerate(header)}
            for line_start, line in _table_rows(text, sec):
                cells = line.split("\t")
                offs = []
                pos = line_start
                for c in cells:
                    offs.append(pos)
                    pos += len(c) + 1
                for col, typ in (("案例名称", "Project"), ("项目名称", "Project"), ("案例机构", "Organization"), ("机构名称", "Organization"), ("实施机构", "Organization")):
                    i = cols.get(col)
                    if i is None or i >= len(cells) or not cells[i].strip():
                        continue
                    cell = cells[i].strip()
                    s = offs[i] + cells[i].index(cell)
                    sub = _subtype_of(cell) if typ == "Organization" else None
                    out.append(Candidate(s, s + len(cell), typ, sub, f"table.{col}", 5, clean_name(cell)))
    return out


def _field_orgs(text: str, sec: Section, value: str) -> list[Candidate]:
    """Organisations of a 项目机构 field: one per line, or one name broken over lines."""
    parts = [p.strip() for p in value.split("\n") if p.strip()]
    spans = []
    pos = sec.start
    for part in parts:
        at = text.find(part, pos, sec.end)
        if at < 0:
            return []
        spans.append((at, at + len(part)))
        pos = at + len(part)
    if _joined_org(value):
        name = clean_name("".join(parts))
        return [Candidate(spans[0][0], spans[-1][1], "Organization", _subtype_of(name), "case.org", 5, name)]
    return [
        Candidate(a, b, "Organization", _subtype_of(p), "case.org", 5, clean_name(p))
        for p, (a, b) in zip(parts, spans, strict=True)
    ]


def _joined_org(value: str) -> bool:
    """A field value broken over lines is one name when its first line has no suffix."""
    parts = [p for p in value.split("\n") if p.strip()]
    return len(parts) > 1 and not _suffix_re().search(parts[0][-4:])


def _table_rows(text: str, sec: Section):
    pos = sec.start
    first = True
    for line in text[sec.start : sec.end].split("\n"):
        if not first:
            yield pos, line
        first = False
        pos += len(line) + 1


def _subtype_of(name: str) -> str:
    best = ""
    for suf in org_suffixes():
        if name.endswith(suf) and len(suf) > len(best):
            best = suf
    if best:
        return org_suffixes()[best][1]
    return "Other"
