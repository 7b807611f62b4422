"""Entity recognition: rules over name structure, quotes, roles and gazetteers.

Recognisers propose candidate spans; overlaps are resolved longest-first; then every name
(and declared short name) found in a document is searched for again, so that a programme
named once in quotes is also found where it is used without them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import jieba

from kg.lexicon import (
    TrieScanner,
    county_shorts,
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
from kg.postag import Tagged
from kg.postag import lcut as pos_lcut
from kg.resources import load_lines, load_table

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


# --- segmentation, cached: the same short windows are segmented again and again -------------


@lru_cache(maxsize=1 << 16)
def _words(s: str) -> tuple[str, ...]:
    return tuple(jieba.lcut(s, HMM=False))


@lru_cache(maxsize=1 << 16)
def _tagged(s: str) -> tuple[Tagged, ...]:
    """Words with part-of-speech tags (``.word``, ``.flag``), as ``jieba.posseg`` without HMM."""
    return tuple(pos_lcut(s))


# --- compiled patterns -------------------------------------------------------------------


@cache
def _suffix_re() -> re.Pattern[str]:
    return re.compile(trie_regex(org_suffixes()))


@cache
def _place_scanner() -> TrieScanner:
    return TrieScanner(places())


@cache
def _county_scanner() -> TrieScanner:
    return TrieScanner(county_shorts())


@lru_cache(maxsize=2)
def _place_spans(text: str) -> list[tuple[int, int]]:
    """Spans of gazetteer places, as ``re.finditer`` of their trie regex (once per text)."""
    return _place_scanner().spans(text)


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

_LEFT_RUN = re.compile(f"(?:{NAME_CHAR}|[（(][^（）()\\n]{{1,12}}[）)])+\\Z")
_LEADING_JUNK = re.compile(r"^(?:\d+(?:\.\d+)?(?:年度|年|月|日|号|个|家|所|名|位|余|多|万|亿)*)+")
# a numeral with a classifier never sits inside a name: 10家|融媒体中心, 首批11所|湿地学校, 两省|X培训班,
# 15次|X工作会议 (第15次 is an edition and stays)
_COUNT = re.compile(
    r"(?:\d+|[一二两三四五六七八九十百千]+|首)(?:多|余)?(?:家|所|个|名|位|场|项|类|支|座|批|条|种|省|厅|局)"
    r"|(?<![第\d一二两三四五六七八九十百千])(?:\d+|[一二两三四五六七八九十百千]+)(?:多|余)?次"
)
# part-of-speech tags of words that do not begin a name (verbs, adverbs, prepositions,
# conjunctions, idioms, numerals, pronouns, particles, time words): 协助|渔政管理局
_NOT_NAME_START = frozenset({"v", "p", "c", "i", "m", "q", "r", "u", "t", "ad", "y", "e", "o", "vd", "uj", "ul", "ud", "uz", "ug", "uv"})
_NOT_NAME_START_LONG = frozenset({"b"})  # 大大, 主任: only as words of two or more characters
_NOT_NAME_START_SHORT = frozenset({"d", "f"})  # 不, 更, 还, 内: only as one-character words


def left_extend(text: str, end_of_stem: int, max_len: int = 24) -> int:
    """Start of the name whose stem ends at ``end_of_stem``: the longest run of name characters,
    cut after the rightmost boundary word (function word, trigger, time word) and after a
    numeral + classifier, then without leading verbs, adverbs and other non-name words."""
    lo = max(0, end_of_stem - max_len)
    m = _LEFT_RUN.search(text, lo, end_of_stem)
    if not m:
        return end_of_stem
    start = m.start()
    latin = _ENGLISH_TAIL.match(text, start, end_of_stem)
    if latin and start > 1 and text[start - 1] == " " and re.match(r"[A-Za-z,]", text[start - 2]):
        start = latin.end()  # the Melting Rooftop|故宫…: the end of an English phrase
    run = text[start:end_of_stem]
    tokens = _words(run)
    boundary = _boundary()
    pos = 0
    cut = 0
    for tok in tokens:
        pos += len(tok)
        if tok in boundary:
            if tok in _JOINERS:
                joined = _joins_name(run[:cut], run[cut : pos - len(tok)], run[pos:])
                if joined is not None:
                    cut += joined
                    continue
            cut = pos
    counted = False
    for cm in _COUNT.finditer(run, cut):
        cut = cm.end()
        counted = True
    for om in _OWNER_REPEAT.finditer(run, cut):
        cut = om.end()  # 省X厅|省Y厅: one body ends where the next one's owner begins
    for gm in _LATIN_GLOSS.finditer(run, cut):
        cut = gm.end()  # X（UITP）|巴士委员会: an acronym gloss closes the name before it
    start += cut
    while start < end_of_stem and text[start] in "·&-":
        start += 1  # · 6月20日|X沙龙: a bullet or a joiner never opens a name
    junk = _LEADING_JUNK.match(text[start:end_of_stem])
    if junk and start + junk.end() < end_of_stem:
        start += junk.end()
    stripped = _strip_leading(text, start, end_of_stem)
    if counted and cut and run[cut - 1 : cut] in "个家所" and stripped > start and _tagged(text[start:stripped])[0].flag == "v":
        return start  # 首个|包装标准联盟: right after a count the word is the name's, not a governing verb
    return stripped


_JOINERS = frozenset({"和", "与"})
_OWNER_REPEAT = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:厅|局)(?=省|市(?!场|民|级|政|委)|县)")
# continents and world regions (not in the place gazetteer): 欧洲|和|北非地区…委员会
_REGION_WORD = re.compile(r"(?:亚洲|欧洲|非洲|美洲|北美|南美|拉美|拉丁美洲|大洋洲|中东|东亚|东南亚|南亚|中亚|西亚|亚太|太平洋|西太平洋|大西洋|印度洋|北极|南极|加勒比)")
_LATIN_GLOSS = re.compile(r"[（(][A-Za-z][A-Za-z0-9&.\- ]*[）)]")
# a name glossed by an acronym or declared a short name right after it: X网络（GEFN）
_GLOSS_AFTER = re.compile(r"\s*[（(](?:[A-Za-z][A-Za-z0-9&.\- ]*|(?:以下|下文)?简称)")
_LATIN_GLOSS_BEFORE = re.compile(r"[（(][A-Za-z][A-Za-z0-9&.\- ]*[）)]$")
_ENGLISH_TAIL = re.compile(r"[A-Za-z]+(?=[\u4e00-\u9fff])")


# heads that close the name of a body (a left part ending so is no field of a joined name)
_BODY_END = re.compile(r"(?:[署馆局部委厅处司]|银行|机构|组织|中心|协会|学会|联盟|大学)$")


def _joins_name(before: str, left: str, right: str) -> int | None:
    """中国林业|与|环境促进会: a conjunction inside one name. The left part opens with a national
    or regional head and has no organisation suffix of its own; the right part has no head.
    Returns the offset in ``left`` where the joined name begins (after a verb or an earlier name
    before the place: 青松基金会积极参与|龙华区城市管理|和…局), or None."""
    if not left or (right and (_NATIONAL.match(right) or _place_scanner().match_end(right))):
        return None  # an empty right part: the suffix follows the conjunction (X研究|与|促进会)
    edition = re.match(r"(?:(?:19|20)\d\d年?)?第[一二三四五六七八九十百零〇\d]+[届次期]", left) or _LEADING_JUNK.match(left)
    offsets = [edition.end() if edition else 0]
    offsets += [a for a, _b in _place_spans(left) if a > offsets[0]]
    for i, first in enumerate(offsets):
        o = _strip_leading(left, first, len(left))
        part = left[o:]
        if not part or part[-1] in "院所" or _BODY_END.search(part):
            continue  # 中国林科院|和…, 联合国环境规划署|与…: the left part is a name of its own
        head = _NATIONAL.match(part) or _REGION_WORD.match(part)
        head_end = head.end() if head else _place_scanner().match_end(part)
        if not head_end or (not right and len(part) - head_end < 2):
            continue  # 北京市|与|联合会: the left part is a place of its own
        if not _suffix_re().search(part):
            return 0 if i == 0 else o  # the edition and leading words are dealt with by the caller
    return None


def _strip_leading(text: str, start: int, end_of_stem: int) -> int:
    """Drop leading words that cannot begin a name (the verb governing it, an adverb…)."""
    if end_of_stem - start < 2:
        return start
    toks = _tagged(text[start:end_of_stem])
    pos = start
    for i, t in enumerate(toks):
        if t.flag == "f" and _fragment_follows(toks, i):
            break  # 上|梧|溪流域: a one-character word opening an unknown name the dictionary splits
        if t.flag == "vn" and len(t.word) >= 2 and _place_scanner().match_end(text, pos + len(t.word), end_of_stem):
            pos += len(t.word)
            continue  # 运营和管理|海口X中心: the verbal noun before the seat governs the name
        if (
            t.flag in _NOT_NAME_START
            or (t.flag in _NOT_NAME_START_LONG and len(t.word) >= 2)
            or (t.flag in _NOT_NAME_START_SHORT and len(t.word) == 1)
        ):
            pos += len(t.word)
            continue
        break
    return pos


_NOUNY = frozenset({"n", "ng", "nr", "zg", "ns", "nz"})
_DEMONSTRATIVE = frozenset("该本此这那其各每某")


def _fragment_follows(toks: tuple, i: int) -> bool:
    """Token ``i`` is one character and the next two are one-character nouns: together they
    are an unknown proper name the dictionary cut into pieces (何|王|庙, 上|梧|溪)."""
    if len(toks[i].word) != 1 or toks[i].word in _DEMONSTRATIVE or i + 2 >= len(toks):
        return False
    return all(len(t.word) == 1 and t.flag in _NOUNY for t in toks[i + 1 : i + 3])


# --- recognisers ------------------------------------------------------------------------------


def _org_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    suffixes = org_suffixes()
    generic = word_set("generic_stems.txt")
    not_org = word_set("not_org_words.txt")
    for m in _suffix_re().finditer(text):
        suffix = m.group()
        # prefer the longest suffix ending here (the trie regex is greedy from the left)
        end = m.end()
        parent_only = False
        if end < len(text) and re.match(NAME_CHAR, text[end]) and text[end : end + 1] not in "和与及等的":
            # a suffix followed by more name characters may be part of a longer word
            nxt = text[end : end + 3]
            if not any(nxt.startswith(s) for s in ("（", "(")) and _longer_suffix_follows(text, end):
                if len(suffix) == 1:
                    continue
                parent_only = True  # X大学|Y研究院: kept only as a nested name (see _nested)
        start = left_extend(text, m.start())
        typ, sub = suffixes[suffix]
        described = _after_descriptor(text, start, m.start(), sub)
        start, described = described, described > start
        stem = text[start : m.start()]
        name = text[start:end]
        if start and text[start - 1] in "）)" and _LATIN_GLOSS_BEFORE.search(text, max(0, start - 24), start):
            continue  # X（UITP）|巴士委员会: a part of the body glossed before it, not a name of its own
        if len(suffix) == 1 and (len(stem) < 2 or re.search(r"第[一二三四五六七八九十百\d]+$", stem)):
            continue  # 中国第一|部: an ordinal + classifier, not a ministry
        if not stem or stem in generic or name in not_org or _not_org_tail(name, suffix, not_org):
            continue
        if sub in _DESCRIPTIVE_SUBTYPES and not described and _common_noun_stem(stem):
            continue  # 投资公司, 商业银行, 专家委员会: a kind of organisation, not a name
        if sub in _DESCRIPTIVE_SUBTYPES and _REMOTE_AREA.search(stem):
            continue  # 天津边远农村|中小学: the schools of a kind of area, not a named one
        if text.startswith("化", end):
            continue  # 集团|化的企业, 网络|化: the suffix begins another word
        if _KIND_QUANTIFIER.search(text, max(0, start - 3), start) and _descriptive_stem(stem):
            continue  # 多家|生态保护公益组织, 一所|环境学校: a kind of body counted, not a name
        if suffix in _TEAM_SUFFIXES and not _named_stem(stem):
            continue  # 湿地保护志愿服务队: a kind of team; a named one holds a place or a proper word
        if suffix in _KIND_SUFFIXES and not _GLOSS_AFTER.match(text, end) and _descriptive_stem(stem):
            continue  # 电池回收网络, 森林生态银行: a kind of network or scheme, not a named body
        if suffix in _OWNED_SUFFIXES and not _has_owner(stem):
            continue  # 部 / 局 / 委 / 政府 name a body only with its owner: 湖州市财政局, 外交部
        if len(suffix) == 1 and _glued_to_next(text, m.start(), end):
            continue  # 部分, 局面, 委托: the suffix character starts another word
        if _role_tail_re().search(name):
            continue
        if parent_only:
            out.append(Candidate(start, end, typ, sub, f"org.parent.{sub}", 2))
            continue
        out.append(Candidate(start, end, typ, sub, f"org.suffix.{sub}", 2))
        unit = _unit_after(text, end)
        if unit:
            out.append(Candidate(start, unit, typ, _unit_subtype(text[end:unit], sub), "org.unit", 2))
    return out


# suffixes that need an owner (a place, the state or the Party) at the start of the name
_OWNED_SUFFIXES = frozenset({"部", "局", "厅", "委", "政府", "人民政府", "办公室", "办公厅", "市委", "县委", "省委", "高院", "中院", "领导小组"})
_REMOTE_AREA = re.compile(r"边远|偏远|贫困|周边|当地|各地|附近|广大")
_KIND_QUANTIFIER = re.compile(r"(?:[一多数几各每两三]|\d+)(?:家|所|个|类|级|批)$")
_TEAM_SUFFIXES = frozenset({"志愿服务队", "服务队", "志愿队", "讲师团"})
# suffixes that also end descriptions of a kind of thing (回收网络, 生态银行)
_KIND_SUFFIXES = frozenset({"网络", "银行"})
# a trade or role noun before a company name describes it: 商业地产商|X集团, 供应商|X公司
_DESCRIPTOR_END = ("商", "商家")


def _after_descriptor(text: str, start: int, end_of_stem: int, sub: str | None) -> int:
    """Start of a company name after a descriptor on its left: a trade noun (地产商, 开发商) or
    a foreign country (日本|X集团: the country is a place of its own). Two characters stay."""
    if sub != "Company" or end_of_stem - start < 4:
        return start
    pos = start
    cut = start
    for t in _tagged(text[start:end_of_stem]):
        pos += len(t.word)
        if len(t.word) >= 2 and t.word.endswith(_DESCRIPTOR_END) and t.flag == "n" and end_of_stem - pos >= 2:
            cut = pos
    if cut == start:
        country = _foreign_country_re().match(text, start, end_of_stem)
        if country and end_of_stem - country.end() >= 2:
            cut = country.end()
    return cut


@cache
def _foreign_country_re() -> re.Pattern[str]:
    names = [n for n, p in places().items() if p.level == "country" and n not in ("中国", "中华人民共和国", "中华")]
    return re.compile(trie_regex(names))


def _named_stem(stem: str) -> bool:
    """The stem names something: a place or named region, Latin letters or digits, a proper-noun
    word or a rare one (京津冀新视听|服务队, not 市民湿地保护|服务队)."""
    if _LATIN_DIGIT.search(stem) or _place_scanner().contains(stem) or _named_places_re().search(stem):
        return True
    return any(t.flag in ("nr", "ns", "nz", "nt") or jieba.dt.FREQ.get(t.word, 0) < 50 for t in _tagged(stem))


def _descriptive_stem(stem: str) -> bool:
    """A stem made only of common words (电池|回收, 森林|生态, 全国|回收): no Latin, digit, place,
    known body or proper-noun word."""
    if _LATIN_DIGIT.search(stem) or _gov_re().search(stem):
        return False
    rest = stem[2:] if stem.startswith("全国") else stem
    if _NATIONAL.match(rest) or _place_scanner().contains(rest):
        return False
    for t in _tagged(rest):
        if t.flag.startswith(("nr", "nz", "nt")) or jieba.dt.FREQ.get(t.word, 0) == 0:
            return False
        if t.flag == "ns" and t.word not in _GENERIC_AREA:
            return False
    return True
_NATIONAL = re.compile(r"^(?:中华人民共和国|中国|中华|国家|中共|中央|国务院|全国|联合国|省|市|县|区|自治区|自治州)")


_OWNER_BEFORE = re.compile(r"(?:中华人民共和国|中国|中共|美国|英国|日本|法国|德国)$")


# the democratic parties' short names, which own committees like the Party does (民建X市委)
_PARTY = re.compile(r"(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)")


def _has_owner(stem: str) -> bool:
    if _NATIONAL.match(stem) or _gov_re().match(stem):
        return True
    party = _PARTY.match(stem)
    return bool(_place_scanner().match_end(stem, party.end() if party else 0))


def _not_org_tail(name: str, suffix: str, not_org: frozenset[str]) -> bool:
    """The name's last word is a common word longer than the suffix (格局, 全部, 地方政府)."""
    toks = _words(name)
    return bool(toks) and len(toks[-1]) > len(suffix) and toks[-1] in not_org


_DESCRIPTIVE_SUBTYPES = frozenset({"Company", "GovernmentAgency", "ResearchInstitute", "Other", "Network"})
_COMMON_FLAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "d", "b", "l", "m", "q", "f", "s", "z"})


def _common_noun_stem(stem: str) -> bool:
    """A stem of one or two common words and at most three characters (投资, 商业, 一流),
    or a single dictionary word: the whole is a description, not a proper name."""
    if _LATIN_DIGIT.search(stem) or _place_scanner().match_end(stem) or _NATIONAL.match(stem):
        return False
    toks = _tagged(stem)
    if not all(t.flag in _COMMON_FLAGS for t in toks):
        return False
    return len(toks) == 1 or len(stem) <= 3


def _glued_to_next(text: str, start: int, end: int) -> bool:
    """True when a one-character suffix forms a word with the characters after it."""
    if end >= len(text) or not re.match(f"[{CJK}]", text[end]):
        return False
    window = text[max(0, start - 2) : end + 2]
    pos = max(0, start - 2)
    for tok in _words(window):
        if pos <= start < pos + len(tok):
            return pos + len(tok) > end
        pos += len(tok)
    return False


def _longer_suffix_follows(text: str, end: int) -> bool:
    """True when the text goes on into another organisation suffix within a few characters
    (九江市委|常委 is not; 青山环境保护|基金会 would be handled by the longer match)."""
    window = text[end : end + 8]
    if _role_re().match(window):
        return False  # 统战部|副部长: a job title follows, not a longer name
    m = _suffix_re().search(window)
    role = _role_re().search(window)
    if m and role and role.start() <= m.start() < role.end():
        return False  # 内政部|前副部长: the "suffix" is part of a job title
    if not (m and m.start() <= 4 and all(re.match(NAME_CHAR, c) for c in window[: m.end()])):
        return False
    if any(tok in word_set("org_breaking_words.txt") for tok in _words(window[: m.start()])):
        return False  # 基金会|正式加入|联盟: a breaking verb separates the names
    # the longer name must reach back over this suffix (基金会|作为初始委托人 does not)
    return left_extend(text, end + m.start()) < end


def _gov_candidates(text: str) -> list[Candidate]:
    out = []
    bodies = gov_bodies()
    for m in _gov_re().finditer(text):
        _canonical, sub = bodies[m.group()]
        start, end = m.span()
        if re.match(r"[A-Za-z]", m.group()):
            if _LATIN_GLUE.match(text, end) or (start and _LATIN_GLUE.match(text[start - 1])):
                continue  # UNEP inside a longer Latin word
        elif len(m.group()) <= 2 and (_glued_to_next(text, start, end) or not _word_start(text, start)):
            continue  # 饿了么 / 华为: a short name must be a word of its own here
        owner = _OWNER_BEFORE.search(text, max(0, start - 8), start)
        if owner:  # 中国外交部, 美国内政部: the state named before the body
            start = owner.start()
        out.append(Candidate(start, end, "Organization", sub, "org.gazetteer", 2))
        if sub == "Company" and _CHARITY_ARM.match(text, end):
            # 腾讯公益, 字节跳动公益: a company's charity arm, named by the company + 公益
            out.append(Candidate(start, end + 2, "Organization", "Other", "org.charity_arm", 2))
        unit = _unit_after(text, end)
        if unit:  # 生态环境部|应对气候变化司, 兴业银行|南平分行: a unit under its parent
            out.append(Candidate(start, unit, "Organization", _unit_subtype(text[end:unit], sub), "org.unit", 2))
    return out


_CHARITY_ARM = re.compile(r"公益(?!基金|项目|活动|平台|事业|组织|慈善|行动|计划|机构|性|化|的)")
_LATIN_GLUE = re.compile(r"[A-Za-z0-9]")
_LATIN_DIGIT = _LATIN_GLUE


@cache
def _unit_re() -> re.Pattern[str]:
    heads = "|".join(sorted(_UNIT_HEADS, key=len, reverse=True))
    return re.compile(f"[{CJK}]{{1,12}}?(?:{heads})")


# heads of units inside a parent organisation: 司, 处, 分行, 中心, 学院, 研究所, 办公室…
_UNIT_HEADS = {
    "司": "GovernmentAgency", "处": None, "分行": "Company", "支行": "Company", "分公司": "Company",
    "中心": None, "学院": "ResearchInstitute", "研究所": "ResearchInstitute", "研究院": "ResearchInstitute",
    "所": "ResearchInstitute", "实验室": "ResearchInstitute", "办公室": None, "办": None, "局": "GovernmentAgency",
    "分会": "SocialOrganization", "专委会": "SocialOrganization", "专业委员会": "SocialOrganization",
    "工作委员会": "SocialOrganization", "秘书处": None, "代表处": None, "项目中心": None,
}


def _unit_subtype(unit: str, parent: str | None) -> str | None:
    for head, sub in sorted(_UNIT_HEADS.items(), key=lambda kv: -len(kv[0])):
        if unit.endswith(head):
            return sub or parent
    return parent


def _unit_after(text: str, end: int) -> int:
    """End of a unit named right after its parent organisation (农业农村部|渔政保障中心,
    清华大学|国际处, 中科院|半导体所), or 0. The unit part holds no boundary word and its head
    ends a word."""
    m = _unit_re().match(text, end)
    if not m:
        return 0
    unit = m.group()
    head_len = next(len(h) for h in sorted(_UNIT_HEADS, key=len, reverse=True) if unit.endswith(h))
    if len(unit) - head_len < 1 or (head_len == 1 and len(unit) - head_len < 2):
        return 0
    if head_len <= 2 and _glued_to_next(text, m.end() - head_len, m.end()):
        return 0
    boundary = _boundary()
    toks = _tagged(unit)
    verb_ok = unit[-1] in "司局" and toks[0].flag == "v"  # 应对气候变化司: departments named by a task
    # 环境科学与工程学院: a conjunction inside the name of an academic unit
    joins = {"与", "和"} if unit.endswith(("学院", "研究院", "研究所", "专业委员会", "专委会", "实验室")) else set()
    if any(t.word in boundary and t.word not in joins for t in toks):
        return 0
    if toks[0].flag in _NOT_NAME_START and not verb_ok:
        return 0
    if re.search("[的等及]" if joins else "[的等和与及]", unit[: len(unit) - head_len]):
        return 0
    return m.end()


def _place_candidates(text: str) -> list[Candidate]:
    out = []
    # a county named by its short form right after its province or city: 福建|安溪, 河北|张北
    counties = county_shorts()
    for a, b in _county_scanner().spans(text):
        before = _place_before(text, a)
        if before and counties[text[a:b]].parent_chain & {places()[before].name}:
            out.append(Candidate(a, b, "Place", None, "place.county_short", 1))
    out += _listed_localities(text)
    not_place = word_set("not_place_words.txt")
    for a, b in _place_spans(text):
        if text[a:b] in not_place or (text[b - 1 : b] == "区" and text[b : b + 1] == "域"):
            continue  # 西山|区域: the unit character begins the word 区域
        # do not take a place out of the middle of a longer word (e.g. 中山 in 中山装)
        out.append(Candidate(a, b, "Place", None, "place.gazetteer", 1))
    return out


@cache
def _natural_re() -> re.Pattern[str]:
    return re.compile(trie_regex(word_set("place_suffixes.txt")))


@cache
def _named_places_re() -> re.Pattern[str]:
    return re.compile(trie_regex(word_set("natural_places.txt")))


_DIRECTION = re.compile(r"(?:东南|西南|东北|西北|东|西|南|北|中)部")
_PARK_SUFFIXES = frozenset({"国家湿地公园", "湿地公园", "国家公园", "森林公园", "地质公园", "国家级自然保护区"})


def _natural_candidates(text: str) -> list[Candidate]:
    """Named natural areas and new districts: a stem + a geographic suffix (…国家级自然保护区,
    …湿地公园, …新区, …镇, …湖, …江), and well-known natural places by name (长江, 青藏高原)."""
    out = []
    generic = word_set("generic_stems.txt")
    for m in _natural_re().finditer(text):
        a, b = m.span()
        short = len(m.group()) == 1
        if _glued_to_next(text, a, b) or (short and not _word_end_at(text, b)):
            continue  # 江豚, 山区, 湖泊: the suffix character begins another word
        if m.group() in _ADMIN_UNIT_SUFFIXES:
            if _common_tail(text[max(0, a - 3) : b], m.group()):
                continue  # 重镇, 乡村, 农村: the suffix character ends a common word
        elif short and not _word_start(text, a):
            word = _proper_word_ending(text, a, b)
            if word >= 2 and text[word - 1] in "东西南北" and text[word - 2] in "、，,（(和与及":
                word -= 1  # 、东|洞庭湖、: a direction opening a list item names a part of the lake
            if word:  # 万泉河, 洋浦港: jieba reads the whole name as one place word
                out.append(Candidate(word, b, "Place", None, "place.natural_word", 1))
            continue  # 青山, 海岛: the suffix character ends a common word
        start = _after_verbs(text, left_extend(text, a, max_len=8), a)
        seat = start
        while (lead := _place_scanner().match_end(text, start, a)) and a - lead >= 2:
            seat, start = start, lead  # 成都|天府新区: the seat is a place of its own (广东|广州|X: the last one)
        if m.group() == "新区" and a - start == 3 and len(_words(text[start:a])[0]) == 1:
            start += 1  # 未来之城|雄安新区: new districts are named with two characters
        direction = _DIRECTION.match(text, start, a)
        if direction and a - direction.end() >= 2:
            start = seat = direction.end()  # 青海省东部|湟水流域: a part of the province, not of the name
        stem = text[start:a]
        if not (1 if short else 2) <= len(stem) <= (3 if short else 6) or stem in generic or _NATIONAL.fullmatch(stem):
            continue
        if m.group() in _ADMIN_UNIT_SUFFIXES and (len(stem) < 2 or stem in _GENERIC_AREA):
            continue  # 乡镇|街道, 城乡|社区: a kind of unit, not a named one
        name = text[start:b]
        if name in word_set("not_place_words.txt") or (short and _common_word(name) and not _is_geo_word(name)):
            continue
        if re.search(r"[A-Za-z0-9]", stem):
            continue
        if seat < start and m.group() in _PARK_SUFFIXES:
            # 广州|X国家湿地公园: a park's official name keeps its city (the short form is an alias)
            out.append(Candidate(seat, b, "Place", None, "place.natural_seat", 1))
            continue
        out.append(Candidate(start, b, "Place", None, "place.natural", 1 if _place_scanner().match_end(stem) else 0))
    for m in _named_places_re().finditer(text):
        if _glued_to_next(text, m.start(), m.end()) and len(m.group()) <= 2:
            continue
        out.append(Candidate(m.start(), m.end(), "Place", None, "place.named", 1))
    return out


_NATURAL_LIST = re.compile(
    f"((?:[{CJK}]{{2,7}}、)+[{CJK}]{{2,7}})等(?:[一二三四五六七八九十\\d]+[个处座条片])?[{CJK}]{{0,4}}?"
    r"(?:国家湿地公园|湿地公园|国家公园|森林公园|地质公园|自然保护区|保护区|保护地|湿地|湖泊|河流|水库|岛屿|山脉|流域)"
)


def _natural_list_candidates(text: str) -> list[Candidate]:
    """The items of a 、-list closed by 等 + a kind of natural area (A、B、C等五个省级湿地公园)
    are named natural places; the first item starts after the verb before it."""
    out = []
    for m in _NATURAL_LIST.finditer(text):
        pos = m.start(1)
        for i, item in enumerate(m.group(1).split("、")):
            s, e = pos, pos + len(item)
            pos = e + 1
            if i == 0:
                s = _after_verbs(text, left_extend(text, e, max_len=len(item)), e)
            name = text[s:e]
            if len(name) < 2 or _boundary_inside(name) or (_common_word(name) and not _is_geo_word(name)):
                continue
            out.append(Candidate(s, e, "Place", None, "place.list_kind", 1))
    return out


def _proper_word_ending(text: str, a: int, b: int) -> int:
    """Start of a place word of three or more characters that ends with the suffix at [a, b)
    (jieba tags it ns and it is not in not_place_words), or 0."""
    lo = max(0, a - 5)
    pos = lo
    for w in _words(text[lo : b + 2]):
        end = pos + len(w)
        if pos < a < end:
            if end != b or len(w) < 3 or (pos == lo and lo > 0) or w in word_set("not_place_words.txt") or w in places():
                return 0
            toks = _tagged(w)
            return pos if len(toks) == 1 and toks[0].flag == "ns" else 0
        pos = end
    return 0


_ADMIN_UNIT_SUFFIXES = frozenset({"镇", "乡", "村", "街道"})
_ADMIN_CHARS = frozenset("省市县区州旗盟")
# words for kinds of area that stand before a unit word without naming one: 城乡|社区, 乡镇|街道
_GENERIC_AREA = frozenset(
    {"城乡", "乡镇", "农村", "城市", "基层", "周边", "附近", "当地", "本地", "各地", "全国", "所在", "城镇", "乡村",
     "社区", "街道", "村镇", "城区", "郊区", "山区", "偏远", "边远", "贫困", "试点", "示范", "重点", "美丽", "和谐"}
)
_VERBISH = frozenset({"v", "vn", "d", "ad", "t", "i"})  # cut at these as words of 2+ characters (i: 积极参与)
_FUNCTION = frozenset({"p", "c", "r", "u", "uj"})  # cut at these at any length


def _after_verbs(text: str, start: int, end: int) -> int:
    """Start after the last verb, preposition or adverb of the stem: natural place names
    hold none (保护|海河湿地公园, 进入|三江源国家公园)."""
    pos = start
    cut = start
    prev = ""
    toks = _tagged(text[start:end])
    for i, t in enumerate(toks):
        pos += len(t.word)
        if t.flag == "r" and _fragment_follows(toks, i):
            continue  # 何|王|庙江豚保护区: a character of an unknown name, not a pronoun
        if t.flag in _FUNCTION or (t.flag in _VERBISH and len(t.word) >= 2) or (t.flag == "v" and prev == "v"):
            cut = pos  # 带|出|X峡谷: a verb and its complement, one character each
        prev = t.flag if len(t.word) == 1 else ""
    return cut


def _common_tail(span: str, suffix: str = "") -> bool:
    """The suffix ends a common two-character word (乡村, 城镇, 山村); the suffix word itself
    (街道) or a longer dictionary name (演丰镇) is not one."""
    toks = _tagged(span)
    last = toks[-1] if toks else None
    if last and last.word in word_set("not_place_words.txt"):
        return True
    if not last or last.word == suffix or (suffix and len(last.word) > 2):
        return False
    return bool(len(last.word) >= 2 and last.flag != "ns" and jieba.dt.FREQ.get(last.word, 0) > 0)


_CHAINED_UNIT = re.compile(f"([{CJK}]{{2,3}}?)(街道|镇|乡|村|社区)")


def _chained_units(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Towns, streets, villages and communities written right after the place above them
    (松江区|青石镇|白溪村, 某街道|东湖社区): a chain of administrative units."""
    out: list[Candidate] = []
    ends = sorted({c.end for c in cands if c.type == "Place"})
    seen: set[int] = set()
    while ends:
        end = ends.pop()
        if end in seen:
            continue
        seen.add(end)
        m = _CHAINED_UNIT.match(text, end)
        if not m or m.group(1)[0] in _ADMIN_CHARS:
            continue  # 余杭|区青山村: the unit above ends later
        stem = m.group(1)
        if stem in _GENERIC_AREA or _boundary_inside(stem) or stem in word_set("generic_stems.txt") or _REMOTE_AREA.search(stem):
            continue
        if m.group(2) in ("镇", "乡", "村") and _common_tail(m.group(), m.group(2)):
            continue  # 边远农村, 美丽乡村: the unit character ends a common word
        if m.group(2) in ("镇", "乡", "村") and _glued_to_next(text, m.end() - 1, m.end()):
            continue  # 村民, 乡镇, 镇上: the unit character begins another word
        out.append(Candidate(m.start(), m.end(), "Place", None, "place.chain", 1))
        ends.append(m.end())
    return out


def _place_before(text: str, pos: int) -> str:
    """The gazetteer place ending right at ``pos`` (the longest), or ""."""
    for i in range(max(0, pos - 8), pos - 1):
        if text[i:pos] in places():
            return text[i:pos]
    return ""


_LOCALITY = re.compile(f"([{CJK}]{{2,4}}?)(?=[、，,。；和及与]|等地|等)")
_PROVINCIAL = frozenset({"province", "city"})


_LIVING_KINDS = re.compile(r"[^。；\n]*?等[\u4e00-\u9fff]{0,4}?(?:树种|物种|品种|植物|动物|鸟类|作物|特产|农产品)")


def _listed_localities(text: str) -> list[Candidate]:
    """A locality written right after its province or city in a list of such pairs
    (四川青木林、吉林白沙、湖北松坪等地): the part after the known place is a place too."""
    out = []
    for a, b in _place_spans(text):
        if b - a > 3:
            continue
        place = places().get(text[a:b])
        if place is None or place.level not in _PROVINCIAL:
            continue
        loc = _LOCALITY.match(text, b)
        if not loc:
            continue
        in_list = text[a - 1 : a] == "、" or text[loc.end() : loc.end() + 1] == "、"
        name = loc.group(1)
        if not in_list or name in places() or _suffix_re().search(name) or _boundary_inside(name):
            continue
        if name in word_set("generic_stems.txt") or (_common_word(name) and not _is_geo_word(name)):
            continue
        if re.search("[的了在是为有等地区省市县]", name[-1]):
            continue
        if _LIVING_KINDS.match(text, loc.end(), loc.end() + 30):
            continue  # 青海云杉、祁连圆柏等乡土树种: species named after their region, not places
        out.append(Candidate(loc.start(), loc.end(), "Place", None, "place.listed", 1))
    return out


def _boundary_inside(name: str) -> bool:
    toks = _tagged(name)
    return any(t.word in _boundary() or t.flag in _FUNCTION or (t.flag == "v" and len(t.word) >= 2) for t in toks)


def _word_end_at(text: str, pos: int) -> bool:
    if pos >= len(text) or not re.match(f"[{CJK}]", text[pos]):
        return True
    return _word_start(text, pos)


def _is_geo_word(word: str) -> bool:
    toks = _tagged(word)
    return len(toks) == 1 and toks[0].flag == "ns"


_QUOTED = re.compile(r"“([^“”\n]{2,40})”|《([^《》\n]{2,60})》|「([^「」\n]{2,40})」")


@cache
def _generic_project_tail() -> re.Pattern[str]:
    return re.compile(
        r"(?:公益项目|项目|计划|行动|活动|平台|工程|品牌|系列活动|应用程序|小程序|APP|App|app|系统|"
        r"工具|产品|解决方案|服务清单|模块|网站)(?!库|书|组|部|办)"
    )


_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_TRIGGER_BEFORE = re.compile(
    r"(?:发起|启动|开展|实施|推出|上线|打造|搭建|设立|创立|创办|运营|举办|主办|承办|资助|支持|参与|加入|通过|依托|"
    r"开启|助力|携手|合作|名为|称为|命名为|荣获|获得|获评|入选|颁发|授予)(?:了|的)?$"
)


@cache
def _org_end_re() -> re.Pattern[str]:
    return re.compile("(?:" + trie_regex(org_suffixes()) + ")$")


@cache
def _role_tail_re() -> re.Pattern[str]:
    """Role words (two characters or more, not themselves an organisation suffix) at the end."""
    tails = [r for r in roles() if len(r) >= 2 and r not in org_suffixes()]
    return re.compile("(?:" + trie_regex(tails) + r")\Z") if tails else re.compile(r"(?!)")


_AWARD_LEVEL = re.compile(r"(.{2,}?奖)\s*(?:——|—|－|-)+\s*(.{2,}?(?:奖|称号|奖项))")


def _award_without_level(name: str) -> str:
    """星川环保奖-年度先锋奖 -> 星川环保奖: a level or category after a dash is no award of its own."""
    m = _AWARD_LEVEL.fullmatch(name)
    return m.group(1) if m else name


def award_level(surface: str) -> str | None:
    """The level written after an award's dash (“星川环保奖-年度先锋奖” -> 年度先锋奖), for a qualifier."""
    m = _AWARD_LEVEL.fullmatch(clean_name(surface))
    return m.group(2) if m else None


def _quoted_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    proj_end = _ends_re("project_suffixes.txt")
    event_end = _ends_re("event_suffixes.txt")
    award_end = _ends_re("award_suffixes.txt")
    pub_end = _ends_re("publication_suffixes.txt")
    org_end = _org_end_re()
    tail_re = _generic_project_tail()
    trigger_before = _TRIGGER_BEFORE
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        inner = _MD_LINK.sub(r"\1", inner)  # [title](#): a markdown link left by the PDF converter
        name = clean_name(inner)
        s, e = m.start(), m.end()
        after = text[e : e + 12]
        before = text[max(0, s - 6) : s]
        if name and m.group(1) is not None and not _ANAPHOR_THEME.search(text, max(0, s - 12), s) and (
            _is_event_theme(text, s, after)
            or (
                (_THEME_INTRO.search(before) or (before.endswith("以") and after.startswith(("为主题", "为题"))))
                and not _NAMED_EVENT_NEXT.match(text, e)
                and not _EVENT_OWNS_THEME.search(text, max(0, s - 12), s)
            )
        ):
            # “人人一平米，共同守护…”主题边会 / 平行论坛——“…”: the theme names the event
            out.append(Candidate(s, e, "Event", None, "quote.event_theme", 4, name))
            continue
        if name and m.group(1) is not None and re.match(r"(?:主题)?(?:活动|大会|论坛|峰会|沙龙|研讨会)(?![{CJK}])".replace("{CJK}", CJK), after) and re.search(r"[，,？?]", name):
            out.append(Candidate(s, e, "Event", None, "quote.event_theme", 4, name))  # “A，B”活动: the theme names it
            continue
        if name and m.group(1) is not None and re.search(r"[，,？?]", name) and (ev := _event_re().match(text, e)) and not _glued_to_next(text, ev.start(), ev.end()):
            # “A，B”行前会 / “A，B”座谈会: the theme and the kind of meeting name it together
            out.append(Candidate(s, ev.end(), "Event", None, "quote.event_theme", 4, name + ev.group()))
            continue
        if not name or re.search(r"[，。；！？,;!?]", name) or len(name) < 2:
            continue
        if m.group(1) is not None and (_DASH_EVENT.match(text, e) or (_DAY_EVENT.search(name) and not _common_word(name))):
            # “X”——…主题活动, “X企业日”: a quoted name introducing an event, or a named day/week
            out.append(Candidate(s, e, "Event", None, "quote.event_named", 4, name))
            continue
        if m.group(2) is not None:  # 《…》
            if re.search(r"(?:报|时报|日报|晚报|周刊|杂志|画报)$", name):
                if text.startswith("社", e):  # 《青岩日报》社: the newspaper's office is named with 社
                    out.append(Candidate(s, e + 1, "Organization", "MediaOrganization", "quote.media", 4, name + "社"))
                else:
                    out.append(Candidate(s, e, "Organization", "MediaOrganization", "quote.media", 4, name))
            elif text.startswith("秘书处", e) and re.search(r"(?:公约|协定|议定书|公约组织)$", name):
                # 《X公约》秘书处: the treaty's secretariat is a body (the title stays nested)
                out.append(Candidate(s, e + 3, "Organization", "GovernmentAgency", "quote.secretariat", 4, name + "秘书处"))
                out.append(Candidate(s, e, "Publication", None, "quote.title", 4, name))
            else:
                out.append(Candidate(s, e, "Publication", None, "quote.title", 4, name))
            continue
        tail = tail_re.match(after)
        award_tail = re.match(r"(?:十大案例|十佳\S{0,4}|奖项|奖)", after)
        if award_tail:
            full = name if award_tail.group() in ("奖项",) else name + award_tail.group()
            out.append(Candidate(s, e + (0 if award_tail.group() == "奖项" else award_tail.end()), "Award", None, "quote.award", 4, full))
        elif (award_end.search(name) or (_HONOUR_HEAD.search(name) and _HONOUR_BEFORE.search(before))) and not re.match(
            r"(?:活动|大会|论坛|评选|征集)", after
        ):
            # “X奖-年度先锋奖”: the award is X奖, the level after the dash stays in the surface only
            out.append(Candidate(s, e, "Award", None, "quote.award", 4, _award_without_level(name)))
        elif (
            _AWARD_VERB_BEFORE.search(before)
            and _HONOUR_NEXT.match(after)
            and not org_end.search(name)
            and not event_end.search(name)
        ):
            # 入选“全球清洁技术100强”, 被评为“X示范课程”: what one is selected into is an honour
            out.append(Candidate(s, e, "Award", None, "quote.honour", 4, _award_without_level(name)))
        elif (oe := org_end.search(name)) and len(oe.group()) > _match_len(proj_end.search(name)):
            # the organisation suffix is the longer one: “X自然保护中心” (保护中心 over 中心)
            if re.search(r"[+＋]", name) or re.match(r"所有|全部|一切|每个|各", name):
                continue  # “管委会+管理局+平台公司”, “所有方案报批文物局”: a formula or a rule, not a name
            typ, sub = org_suffixes()[oe.group()]
            out.append(Candidate(s, e, typ, sub, "quote.org", 4, name))
        elif (event_end.search(name) or re.match(r"(?:大会|论坛|峰会|年会|沙龙|活动|仪式|研讨会)", after)) and not re.search(r"[+＋]", name):
            ev_tail = re.match(r"(?:大会|论坛|峰会|年会|沙龙|研讨会)", after)
            if ev_tail:
                out.append(Candidate(s, e + ev_tail.end(), "Event", None, "quote.event", 4, name + ev_tail.group()))
            else:
                out.append(Candidate(s, e, "Event", None, "quote.event", 4, name))
        elif pub_end.search(name) and not proj_end.search(name):
            if name.endswith("方案") and len(name) <= 5:
                continue  # 提供“深圳方案”, 以“一线一方案”: a figure of speech, not a plan's title
            out.append(Candidate(s, e, "Publication", None, "quote.publication", 4, name))
        elif (named := _NAMED_BY_TAIL.match(after)) and _word_end_at(text, e + named.end()) and not re.search(r"[+＋]", name):
            # “A、B”行动, “我们的X”短视频征集计划, “X”建设项目: the programme noun right after the
            # quote names it, whatever the quoted words are (a list, a phrase with 的)
            out.append(Candidate(s, e, "Project", None, "quote.named_by_tail", 4, name))
        elif re.search(r"[、+＋]", name) or (_common_word(name) and not (tail and tail.group() in _NAMING_TAILS)):
            continue  # a list or a formula (A+B+C), a plain word (“赋能”系列活动): not a programme name
        elif _NOT_NAME_AFTER.match(after) or (_SLOGAN.search(name) and not _PROGRAMME_END.search(name)):
            continue  # “X”类, “X”建设, “看得见的X”, “X模式”: a category, a goal or a slogan
        elif _EVENT_TAIL.match(after) and len(name) < 3:
            continue  # “赋能”系列活动: a one-word theme of a series, not a name
        elif (ev_tail := _EVENT_TAIL.match(after)) and not proj_end.search(name) and not _common_word(name):
            # “X”绿色生态保护主题活动: the quoted name opens the event's name
            out.append(Candidate(s, e + ev_tail.end(), "Event", None, "quote.event", 4, name + ev_tail.group()))
        elif proj_end.search(name) or tail:
            out.append(Candidate(s, e, "Project", None, "quote.project", 4, name))
        elif _specific_tail(after):
            t = _specific_tail(after)
            out.append(Candidate(s, e + len(t), "Project", None, "quote.project_tail", 4, name + t))
        elif _PRODUCT_AFTER.match(after):
            # “识典古籍”阅读平台, “一元碳汇”微信小程序: the quoted name is the product's name
            out.append(Candidate(s, e, "Project", None, "quote.product", 4, name))
        elif trigger_before.search(before) or _PRODUCT_BEFORE.search(before):
            out.append(Candidate(s, e, "Project", None, "quote.after_trigger", 3, name))
    out = _quoted_lists(text, out)
    return [c for c in out if not (c.type == "Project" and c.rule.startswith("quote.") and _CATEGORY_AFTER.match(text, c.end))]


# quoted names closed by a word for kinds (设立“A”和“B”两大类): categories, not programmes
_CATEGORY_AFTER = re.compile(
    r"(?:[、，和与及]“[^“”\n]{1,20}”)*(?:[两三四五六七八九十\d]+大?|各)?(?:类|类别|领域|板块|赛道)(?![\u4e00-\u9fff]?项目)"
)


_NAMED_BY_TAIL = re.compile(
    f"(?:建设|公益|志愿|志愿服务|[{CJK}]{{1,4}}征集)?(?:项目|计划|行动)(?!库|组|部|办|书|制|经理|负责人|资金|团队|方案)"
)
def _match_len(m: re.Match[str] | None) -> int:
    return len(m.group()) if m else 0


_HONOUR_NEXT = re.compile(f"(?![{CJK}])|称号|荣誉|名单|榜单|等")  # not 入选“X”项目库
_AWARD_VERB_BEFORE = re.compile(r"(?:入选|荣获|获评|被评为|评为|被授予|获颁|被命名为)(?:了|为)?$")
_PRODUCT_BEFORE = re.compile(r"(?:工具|应用|小程序|平台|产品|系统|品牌|服务项目|公益项目)$")
_PRODUCT_AFTER = re.compile(f"[{CJK}]{{1,6}}?(?:平台|小程序|网站|系统|模块|App|APP)")
_PROGRAMME_END = re.compile(r"(?:项目|计划|行动|工程|基金|专项|倡议|平台)$")
_NAMING_TAILS = frozenset({"计划", "项目", "公益项目", "行动", "工程"})
# after a quoted phrase: it names a category, a goal or a policy, not a programme
_NOT_NAME_AFTER = re.compile(r"(?:类|类别|建设|试点|理念|原则|目标|精神|模式|机制|理论)")
# phrases with function words or abstract heads are slogans and models: “看得见的绿色”, “X在行动”
_SLOGAN = re.compile(r"[的让把都被将]|在(?!线)|(?:模式|机制|体系|理念|原则|基地|路径|思路|愿景|目标)$")
_EVENT_TAIL = re.compile(f"[{CJK}]{{0,8}}?(?:主题活动|系列活动|启动仪式|仪式|大会|论坛|峰会|年会|研讨会)(?![{CJK}])")
_QUOTE_GAP = re.compile(r"[、，和与及\s]{0,2}")
_LIST_TAIL = re.compile(r"等(?:[多个款项]+)?(?:解决方案|产品|平台|项目|应用|工具|服务|系统|品牌)")


def _quoted_lists(text: str, found: list[Candidate]) -> list[Candidate]:
    """Quoted names side by side (“A”“B”、“C”等解决方案) share a type: when one is a project or the
    list ends in a product noun, the members nothing else typed are projects too."""
    typed = {(c.start, c.end): c for c in found}
    quotes = [m for m in _QUOTED.finditer(text) if m.group(1) is not None]
    groups: list[list[re.Match[str]]] = []
    for m in quotes:
        if groups and _QUOTE_GAP.fullmatch(text, groups[-1][-1].end(), m.start()):
            groups[-1].append(m)
        else:
            groups.append([m])
    out = list(found)
    for g in groups:
        if len(g) < 2:
            continue
        kinds = {typed[(m.start(), m.end())].type for m in g if (m.start(), m.end()) in typed}
        if kinds - {"Project"}:
            continue
        if "Project" not in kinds and not _LIST_TAIL.match(text, g[-1].end()):
            continue
        for m in g:
            name = clean_name(m.group(1))
            if (m.start(), m.end()) in typed or not 2 <= len(name) <= 12 or re.search(r"[，。；！？、+＋]", name):
                continue
            out.append(Candidate(m.start(), m.end(), "Project", None, "quote.list", 3, name))
    return out


# 主题为“X”, 以“X”为主题: the quoted theme names the event
_THEME_INTRO = re.compile(r"(?:主题为|主题是|主题：|主题:)$")
# 本届峰会以“X”为主题 / 论坛主题为“X”: the theme of an event referred to by its generic head is no
# entity (the event is named elsewhere, or unnamed)
_EVENT_OWNS_THEME = re.compile(r"(?:峰会|论坛|大会|年会|会议|研讨会|沙龙|博览会|展会|活动)(?:的)?(?:以|主题为|主题是|主题[：:])$")
# …为主题的第二届“X论坛”: the event has a name of its own, the theme is no entity
_NAMED_EVENT_NEXT = re.compile(r"(?:为主题|为题)?的?[^，。；“”\n]{0,8}“")
_DASH_EVENT = re.compile(f"\\s*(?:——|—|－－|--)[^。\\n“”]{{0,24}}?(?:活动|大会|论坛|峰会|沙龙|展览|嘉年华|仪式|会议|研讨会)(?![{CJK}])")
_DAY_EVENT = re.compile(r"(?:企业日|公益日|行动日|活动日|宣传日|开放日|主题日|活动周|宣传周|公益周|气候周|嘉年华|成果展)$")
# X边会：THEME / 平行论坛：THEME (a line): the theme names the event, the lead is its slot
_THEME_LINE = re.compile(
    r"^([^\n：:。]{0,30}?(?:边会|分论坛|平行论坛|主题论坛|圆桌会|对话会)[一二三四五六七八九十\d]{0,2})[ \t]*[：:][ \t]*([^\n。：:“”]{4,40}?)[ \t]*$",
    re.M,
)


def _theme_line_candidates(text: str) -> list[Candidate]:
    out = []
    for m in _THEME_LINE.finditer(text):
        theme = clean_name(m.group(2))
        if len(theme) < 4 or re.fullmatch(r"[\d\s\-—:：年月日]+", theme):
            continue
        out.append(Candidate(m.start(1), m.end(2), "Event", None, "event.theme_line", 4, theme))
    return out


_THEME_AFTER = re.compile(r"(?:主题)?(?:边会|分论坛|平行论坛|对话会|圆桌会|研讨会|论坛)")
_THEME_BEFORE = re.compile(r"(?:论坛|年会|大会|边会|峰会|研讨会|活动)\s*(?:——|—|－－|--|：|:)\s*$")


# 本届峰会以“X”为主题: the theme of an event named before (by its own name), no event itself
_ANAPHOR_THEME = re.compile(r"(?:本届|本次|此次|该|这次|今年的?)(?:峰会|论坛|大会|会议|年会|活动|研讨会)\s*(?:以|的主题(?:为|是))[\s“\"]*$")


def _is_event_theme(text: str, start: int, after: str) -> bool:
    if _THEME_AFTER.match(after) and after.startswith("主题"):
        return True
    return bool(_THEME_BEFORE.search(text, max(0, start - 12), start))


def _specific_tail(after: str) -> str:
    """A short head noun after a quoted name that makes it a named programme: “X”海洋守护专项."""
    m = re.match(f"([{CJK}]{{0,6}}?(?:专项基金|专项|计划|基金|工程)|倡议|平台)", after)
    return m.group(1) if m else ""


@cache
def _event_re() -> re.Pattern[str]:
    sufs = trie_regex([w for w in word_set("event_suffixes.txt") if w not in ("活动", "会议")])
    return re.compile(f"(?:{sufs})")


_QUOTED_ONLY_EVENTS = frozenset({"主题活动", "宣传活动"})
_ORDINAL = re.compile(r"(?:(?:19|20)\d\d年?)?(?:第[一二三四五六七八九十百零〇\d]+[届次期]|(?:19|20)\d\d年?)$")
# events that are a part of another one: a name ending in an event does not swallow them
_PART_EVENTS = frozenset({"论坛", "边会", "分论坛", "平行论坛", "开幕式", "闭幕式", "颁奖典礼", "颁奖仪式", "发布会", "沙龙", "工作坊"})
_SPECIFIC_MARK = re.compile(r"[A-Za-z]|\d(?![\d]*[月日号])|第[一二三四五六七八九十百零〇\d]+[届次期]|^(?:联合国|国际|全球|世界|亚洲|亚太|全国)")


def _specific_event_stem(stem: str) -> bool:
    """The stem of an event name names something: a number or edition, a Latin name, a place,
    an organisation or a national/international scope, or a word that is not a dictionary word
    (a coined or proper name). 新闻|发布会, 气候|大会, 生物学|大会 are kinds of events."""
    if _SPECIFIC_MARK.search(stem) or _NATIONAL.match(stem):
        return True
    if _place_scanner().contains(stem) or _named_places_re().search(stem) or _gov_re().search(stem) or _suffix_re().search(stem):
        return True  # a place, a named region (a metropolitan area, a river), a body
    toks = _tagged(stem)
    return any(t.flag in ("nr", "ns", "nt", "nz", "nrt", "nrfg") or jieba.dt.FREQ.get(t.word, 0) == 0 for t in toks)


_POLITICAL_EVENT = re.compile(
    r"(?:党的|中共)(?:第)?[一二三四五六七八九十]+(?:大|届[一二三四五六七]中全会)(?![\u4e00-\u9fff]{0,1}(?:学|代表))"
    r"|(?:全国)?两会(?=[^\u4e00-\u9fff]|期间|上|召开|代表|委员|提案|建议)"
)
_BODY_SESSION = re.compile(r"第[一二三四五六七八九十百零〇\d]+[次届](?:全体)?会议")
_LATIN_BEFORE_SPACE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&]{1,15}[ \t]+$")


def _event_candidates(text: str) -> list[Candidate]:
    out = []
    generic = word_set("generic_stems.txt")
    for m in _event_re().finditer(text):
        start = left_extend(text, m.start(), max_len=30)
        quoted = False
        if start > 0 and text[start - 1] == "”":
            q = text.rfind("“", max(0, start - 24), start)
            if q >= 0 and not re.search(r"[，。；！？]", text[q:start]):
                start = q  # “湘江清流”志愿行动启动仪式: a quoted name opens the event name
                quoted = True
        if m.group().endswith("日") and text.startswith("前", m.end()):
            continue  # …活动|日前正式启动: 日前 is "recently"
        if re.match(r"\d", text[start : m.start()]) and (latin := _LATIN_BEFORE_SPACE.search(text, max(0, start - 16), start)):
            start = latin.start()  # QEGA 11月活动周: the organiser's Latin name opens the name
        stem = text[start : m.start()]
        if len(stem) < 2 or stem in generic or _ORDINAL.fullmatch(stem):
            continue  # 2024|年会, 第三届|论坛: an edition alone does not name the event
        inner = _event_re().search(stem[-5:] + "\x00")
        if inner and stem.endswith(inner.group()) and m.group() in _PART_EVENTS and not quoted:
            continue  # …2023年会|平行论坛: a part of the event named before it
        ordinal = _ORDINAL.search(text, max(0, start - 16), start)
        if ordinal:  # 第三届|…论坛, 2024|…年会: the edition belongs to the name
            start = ordinal.start()
        if m.group() in _QUOTED_ONLY_EVENTS and not quoted:
            continue  # X慈善日|主题活动: only “X”主题活动 names an event by its activity
        if m.group() in _QUOTED_ONLY_EVENTS and re.search(r"[日节周]”$", text[start : m.start()]):
            close = m.start() - 1  # “中华慈善日”|主题活动: the named day is the event, the activities are its own
            out.append(Candidate(start, close + 1, "Event", None, "event.suffix", 4, clean_name(text[start + 1 : close])))
            continue
        if not (quoted or ordinal or _specific_event_stem(text[start : m.start()])):
            continue  # 新闻发布会, 气候大会, 纪念大会: a kind of event, not a named one
        end = m.end()
        for k in range(m.start() + 1, m.end()):
            longer = _event_re().match(text, k)
            if longer and longer.end() > end:
                end = longer.end()  # 工作会|议: an overlapping suffix runs on (工作会议)
                break
        if end == m.end() and m.group().endswith("会") and text.startswith("议", end):
            end += 1  # 工作会|议, 推进会|议 (会议 itself is no suffix of its own)
        if m.group() in _ACTIVITY_KINDS and text.startswith("活动", end) and not _glued_to_next(text, end, end + 2):
            end += 2  # 青禾嘉年华|活动: the activity word belongs to the name
        name = re.sub("[“”]", "", clean_name(text[start:end])) if quoted else ""
        out.append(Candidate(start, end, "Event", None, "event.suffix", 4 if quoted else 2, name))
    for m in _BODY_SESSION.finditer(text):
        start = left_extend(text, m.start(), max_len=30)
        if _org_end_re().search(text, start, m.start()) and m.start() - start >= 4:
            # X委员会|第三次会议: a numbered session of a named body
            out.append(Candidate(start, m.end(), "Event", None, "event.body_session", 2))
    for m in _POLITICAL_EVENT.finditer(text):
        out.append(Candidate(m.start(), m.end(), "Event", None, "event.political", 3))  # 党的十八大, 两会
    for m in re.finditer(r"COP\s?\d{1,2}", text):
        out.append(Candidate(m.start(), m.end(), "Event", None, "event.cop", 3, m.group().replace(" ", "")))
    for m in _TREATY_SESSION.finditer(text):
        out.append(Candidate(m.start(), m.end(), "Event", None, "event.treaty_session", 4, clean_name(m.group())))
    return out


# kinds of event that are also called 活动: X嘉年华活动, X挑战赛活动
_ACTIVITY_KINDS = frozenset({"嘉年华", "挑战赛", "大赛", "竞赛", "马拉松", "艺术节", "文化节", "电影节", "训练营", "工作坊", "沙龙", "公益日", "成果展"})
# a session or anniversary of a treaty named after its title: 《…公约》第N次缔约方会议, 《…议定书》缔结X周年纪念大会
_TREATY_SESSION = re.compile(
    rf"(?:联合国)?《[^《》\n]{{2,40}}?(?:公约|议定书|协定)》[ \t]*(?:第[一二三四五六七八九十百零〇\d]+[次届])?"
    rf"[{CJK}\d]{{0,10}}?(?:缔约方大会|缔约方会议|纪念大会|大会|会议|峰会)"
)


# 暨 and an edition word the second name opens with (首场, 第二届: dropped by left_extend as a count)
_JOIN_GAP = re.compile(r"[ \t\n]*暨[ \t\n]*(?:首场|首届|首次|第[一二三四五六七八九十\d]+[场届次期])?")


def _joined_events(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A暨B: two unquoted events of suffix-built names joined by 暨 (a launch ceremony held together
    with a first activity) are one event named by both; the parts stay its short names (see
    ``_joined_aliases``). Quoted parts are names of their own and are not joined."""
    evs = [c for c in cands if c.type == "Event" and c.rule == "event.suffix" and not c.name]
    by_start: dict[int, Candidate] = {}
    for c in evs:
        if c.start not in by_start or c.end > by_start[c.start].end:
            by_start[c.start] = c  # the longest event opening at each position
    out = []
    for a in evs:
        gap = _JOIN_GAP.match(text[a.end : a.end + 12])
        b = by_start.get(a.end + gap.end()) if gap else None
        if b is not None and "暨" not in text[a.start : a.end]:
            out.append(Candidate(a.start, b.end, "Event", None, "event.joined", 2))
    return out


def _joined_aliases(doc: Document, mentions: list[Mention]) -> list[Alias]:
    out = []
    for m in mentions:
        if m.rule == "event.joined":
            for part in re.split(r"\s*暨\s*", m.key, maxsplit=1):
                if len(part) >= 4:
                    out.append(Alias(doc.id, m.key, part, "alias.joined", m.text))
    return out


# --- Latin-script names: reference lists, acronyms, English names next to Chinese ones ----------

_REF_LINE = re.compile(r"^[-*•]?[ \t]*(?:\[\d+\][ \t]*)+([^,，<>《》\[\]*\n]{2,40}?)[ \t]*[,，][ \t]*(?:<http|《|\*|“)", re.M)
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9 .&'\-]{1,38}[A-Za-z0-9.]")
_ORG_ACRONYM_SUBJECT = re.compile(
    r"(?:^|(?<=[，。；：、\s“（(]))([A-Z]{2,8}[a-z]?)(?=[ \t]*(?:发布|发起|联合|携手|主办|举办|承办|指出|认为|宣布|呼吁|成立|"
    r"报告显示|数据显示|统计显示|的报告|的数据|的统计|与|和))",
    re.M,
)
_ORG_NOUN_APPOSITION = re.compile(
    f"(?:机构|组织|NGO)([{CJK}]{{2,8}}?)[ \t]*[（(][ \t]*([A-Za-z][A-Za-z .&\\-]{{1,30}})[ \t]*[）)]"
)
_ORGLIKE_HEAD = re.compile(r"(?:平台|倡议|组织|联盟|网络|委员会|理事会|署|机构|小组|秘书处)$")


def _latin_candidates(text: str) -> list[Candidate]:
    """Organisations named in Latin script or introduced with one: the source of a reference
    line (- [3] Bloomberg, <https://…>), an all-caps acronym as the subject of a trigger verb
    (IPBES发布), a name after a generic organisation noun with an English gloss (环保机构|
    野生救援（WildAid）), a Chinese name with an organisation head and an acronym (…平台（IPBES））."""
    out: list[Candidate] = []
    stop = word_set("not_org_acronyms.txt")
    sn = surnames()
    for m in _REF_LINE.finditer(text):
        s, e = m.span(1)
        name = m.group(1).strip()
        if _LATIN_NAME.fullmatch(name) and len(name.split()) <= 5 and name not in stop:
            out.append(Candidate(s, s + len(name), "Organization", "Other", "org.reference", 3, clean_name(name)))
        elif re.fullmatch(f"[{CJK}]{{2,4}}", name) and (name[:1] in sn or name[:2] in sn) and not _suffix_re().search(name):
            out.append(Candidate(s, s + len(name), "Person", None, "person.reference", 3))
    for m in _ORG_ACRONYM_SUBJECT.finditer(text):
        if m.group(1) in stop or m.group(1).startswith("COP"):
            continue
        out.append(Candidate(m.start(1), m.end(1), "Organization", "Other", "org.acronym", 2))
    for m in _ORG_NOUN_APPOSITION.finditer(text):
        s, e = m.span(1)
        if _common_word(m.group(1)) or places().get(m.group(1)):
            continue
        out.append(Candidate(s, e, "Organization", "SocialOrganization", "org.apposition", 2))
    for m in re.finditer(r"[ \t]*[（(][ \t]*([A-Z][A-Za-z0-9\-]{1,9})[ \t]*[）)]", text):
        start = left_extend(text, m.start(), max_len=30)
        name = text[start : m.start()]
        if len(name) >= 4 and _ORGLIKE_HEAD.search(name) and m.group(1) not in stop:
            out.append(Candidate(start, m.start(), "Organization", "Other", "org.acronym_gloss", 2))
    return out


_PROJECT_HEAD = re.compile(r"(?:计划|项目|工程|生态园|共建花园|花园|网站|数据中心|公益保护地|保护地)(?![\u4e00-\u9fff]{0,1}(?:部|组|办|书|官|经理|负责人|管理|实施|资金|团队|地|点|区|中心))")


def _project_candidates(text: str) -> list[Candidate]:
    """Unquoted programme names: a specific stem + a project head (青山计划, 千岛湖项目,
    湿地修复项目, 青山数据中心, 临湖能源生态园). The stem must name something (see
    ``_specific_event_stem``) and not be a generic or demonstrative word (该项目, 公益项目)."""
    out: list[Candidate] = []
    generic = word_set("generic_stems.txt")
    for m in _PROJECT_HEAD.finditer(text):
        if m.group() in ("计划", "项目", "工程") and _glued_to_next(text, m.start(), m.end()):
            continue
        start = left_extend(text, m.start(), max_len=12)
        if m.group() in ("花园", "共建花园", "生态园"):
            for address in _ADDRESS_UNIT.finditer(text, start, m.start() - 2):
                start = address.end()  # X街道Y社区|Z共建花园: the address is not part of the garden's name
        stem = text[start : m.start()]
        if not 2 <= len(stem) <= (12 if _place_scanner().match_end(stem[:4]) else 10) or stem in generic or re.match(r"[该本此这那其各每某上下首]", stem):
            continue
        if re.search(r"[的、各]|同类|所有|相关|多个|\d+(?:个|万|亿|年|月)", stem) or _common_noun_stem(stem):
            continue
        if not _specific_project_stem(stem):
            continue
        if m.group() == "数据中心" and (
            re.search(r"[一二三四五六七八九十\d]+大", stem)
            or _gov_re().match(stem)
            or not (_place_scanner().match_end(stem) or _county_scanner().match_end(stem))
        ):
            continue  # X公司数据中心, 三大超级数据中心: a facility of a body or a count, not a named site
        out.append(Candidate(start, m.end(), "Project", None, "project.suffix", 1))
        out += _shared_head_items(text, start, m.end(), stem)
    return out


def _shared_head_items(text: str, start: int, end: int, stem: str) -> list[Candidate]:
    """A、B、C能源生态园: the items before the last one share its head (A能源生态园…). The last
    item opens with a place-like word; each earlier item is a word of the same length class."""
    toks = _tagged(stem)
    if not toks or len(toks[0].word) < 2 or len(toks[0].word) == len(stem):
        return []
    head = stem[len(toks[0].word) :] + text[end - (end - start - len(stem)) : end]
    out = []
    pos = start
    n = len(toks[0].word)
    while pos > n and text[pos - 1] == "、":
        a = pos - 1 - n
        item = text[a : pos - 1]
        if not re.fullmatch(f"[{CJK}]+", item) or _boundary_inside(item) or (_common_word(item) and not _is_geo_word(item)):
            break
        if not (a == 0 or text[a - 1] in "、，,：:；（(“\n" or _word_start(text, a)):
            break
        if not (_is_geo_word(item) or item in places() or item in county_shorts()):
            break  # 某某|龙花园: the items of such a list are places
        out.append(Candidate(a, pos - 1, "Project", None, "project.shared_head", 1, item + head))
        pos = a
    return out


# a street or community before a garden's own name
_ADDRESS_UNIT = re.compile(f"[{CJK}]{{1,6}}?(?:社区|街道)")
# a named river, lake, hill or island (two to four characters) right after a place
_FEATURE_AFTER_PLACE = re.compile(f"[{CJK}]{{1,3}}(?:河|湖|江|溪|湾|山|岛)(?:湿地|流域|区域)?")
_FUNCTION_FLAGS = frozenset({"p", "c", "u", "uj", "ul", "ud", "uz", "ug", "uv", "r", "m", "q", "d", "f", "y", "e", "o", "t", "v", "a", "k"})


def _coined_run(toks: tuple) -> bool:
    """Two or more one-character words in a row, none a function word or a verb, that the
    dictionary does not know together: the pieces of a coined or proper name (梅|沙, 艺|墅)."""
    run: list[str] = []
    for t in (*toks, None):
        if t is not None and len(t.word) == 1 and t.flag not in _FUNCTION_FLAGS and re.match(f"[{CJK}]", t.word):
            run.append(t.word)
            continue
        joined = "".join(run)
        if len(run) >= 2 and jieba.dt.FREQ.get(joined, 0) == 0 and not any(w in joined for w in word_set("domain_terms.txt")):
            return True
        run = []
    return False


_PRODUCT_NOUN = r"(?:平台|小程序|APP|App|app|系统|应用|工具|网站|产品|模块)"
# 青农网（数字管理平台）: a short name glossed by the kind of product it is
_PRODUCT_GLOSS = re.compile(f"[（(][^（）()\\n]{{0,16}}{_PRODUCT_NOUN}[）)]")
_GLOSSED_NAME = re.compile(f"[{CJK}A-Za-z0-9]{{2,6}}$")
_GLOSSED_NAME_LEFT = re.compile(r"(?:^|[、，：:；。\s“”]|包括|推出了?|上线了?|开发了?|打造了?|例如|比如)$")
# 开发推广平台（护田宝）: a product noun glossed by its short name
_PRODUCT_GLOSSED_BY_NAME = re.compile(f"{_PRODUCT_NOUN}[（(]([{CJK}A-Za-z0-9]{{2,6}})[）)]")


def _product_candidates(text: str) -> list[Candidate]:
    """Products named beside a product noun in parentheses: A（…平台）、B（…系统）, …平台（A）."""
    spans = []
    for m in _PRODUCT_GLOSS.finditer(text):
        run = _GLOSSED_NAME.search(text, max(0, m.start() - 6), m.start())
        if not run:
            continue
        # the name starts after a separator or a list verb: the shortest run that does
        for s in range(run.start(), m.start() - 1):
            if _GLOSSED_NAME_LEFT.search(text, max(0, s - 3), s) and text[s] not in "了的":
                spans.append((s, m.start()))
                break
    spans += [m.span(1) for m in _PRODUCT_GLOSSED_BY_NAME.finditer(text)]
    out = []
    for s, e in spans:
        name = text[s:e]
        if _common_word(name) or name in places() or _suffix_re().search(name) or re.search(r"[的了和与及在是为等]", name):
            continue
        if any(len(w) >= 2 and w in _boundary() for w in _words(name)):
            continue  # a clause, not a name (coined names hold one-character "function words": X况通)
        if re.fullmatch(r"[A-Za-z0-9]+", name) or re.match(r"[该本此这那其各每某上下首包即如]", name):
            continue
        out.append(Candidate(s, e, "Project", None, "project.product_gloss", 2))
    return out


_PUB_HEAD = r"(?:报告|白皮书|蓝皮书|指南|原则|标准|手册|守则|晴雨表|路线图)"
# 参照X原则, 根据X指数, 发布了X报告: an unquoted title right after a citing or publishing verb
_PUB_AFTER_VERB = re.compile(
    f"(?:参照|依据|根据|按照|遵循|发布了?|编制了?|出版了?|编写了?)([{CJK}A-Za-z0-9]{{2,14}}?{_PUB_HEAD})(?![{CJK}])"
)
# (WMO)第七次评估报告, 2030年政府工作报告: an edition or a year opens the title
_PUB_EDITION = re.compile(f"(?:(?:19|20)\\d\\d年?(?:中国)?|第[一二三四五六七八九十\\d]+次)[{CJK}]{{0,6}}?(?:评估报告|工作报告|白皮书|蓝皮书)")


def _publication_candidates(text: str) -> list[Candidate]:
    out = []
    for m in _PUB_AFTER_VERB.finditer(text):
        s, e = m.span(1)
        stem = re.sub(_PUB_HEAD + "$", "", m.group(1))
        if len(stem) < 2 or stem in word_set("generic_stems.txt") or _boundary_inside(stem) or _common_noun_stem(stem):
            continue
        if re.match(r"[该本此这那其各每某上下首相有]", stem) or re.search(r"[的了和与及]", stem) or _COUNT.search(stem):
            continue  # 该报告, 相关报告, 全国首个…报告: a description, not a title
        out.append(Candidate(s, e, "Publication", None, "publication.after_verb", 2))
    for m in _PUB_EDITION.finditer(text):
        out.append(Candidate(m.start(), m.end(), "Publication", None, "publication.edition", 2))
    return out


def _specific_project_stem(stem: str) -> bool:
    """A project stem names something: a place or a known body opens it (千岛湖|项目, 美团青山|计划),
    or it holds a proper-noun word; an organisation's own name (X基金会|海洋保护项目) does not count."""
    if _suffix_re().search(stem) or _NATIONAL.match(stem):
        return False
    if re.search(r"[A-Za-z]", stem) or _gov_re().match(stem):
        return True
    named = _named_places_re().match(stem)
    p_end = _place_scanner().match_end(stem) or (named.end() if named else 0)
    if p_end and len(stem) - p_end <= 4:
        return True
    if p_end and _FEATURE_AFTER_PLACE.match(stem, p_end) and len(stem) - p_end <= 10:
        return True  # 湖州|青溪河区域生态修复|项目: a place and a river, lake or hill of it
    toks = _tagged(stem)
    if any(t.flag in ("v", "vd", "d", "a", "ad", "p", "r") and len(t.word) >= 2 for t in toks):
        return False  # 多渠道筹集|项目, 远高于|…: a clause, not a name
    if len(stem) >= 3 and _coined_run(toks):
        return True  # 青|禾|书院|花园: single characters the dictionary does not join (a coined name)
    if toks and len(toks[0].word) >= 2 and len(stem) - len(toks[0].word) <= 4 and (
        (toks[0].flag == "ns" and toks[0].word not in _GENERIC_AREA) or _county_scanner().match_end(stem) == len(toks[0].word)
    ):
        return True  # 临湖|能源生态园: a district's short form opens the name
    return any(t.flag in ("nr", "nz", "nrt", "nrfg") and len(t.word) >= 2 for t in toks)


_HONOUR_HEAD = re.compile(r"(?:基地|城市|之星|示范单位|示范区|示范点|良好行为单位|先进集体|先进单位|荣誉证书|称号)$")
_HONOUR_BEFORE = re.compile(r"(?:被评为|评为|获评|入选|荣获|获得|获颁|被授予|授予|被命名为|命名为)(?:了)?(?:全球|全国)?(?:首批|第[一二三四五六七八九十\d]+批)?$")
_HONOUR_LIST = re.compile(r"(?:被评为|评为|获评|入选为?|荣获|获颁|被授予|授予|被命名为)([^。；;，,\n]{4,80})")


def _honour_candidates(text: str) -> list[Candidate]:
    """Honours and titles given to an organisation or a place: the items of a list after
    被评为/获评/入选/荣获 that end in an honour head (…教育基地, …湿地城市, …之星, …良好行为单位)."""
    out = []
    for m in _HONOUR_LIST.finditer(text):
        pos = m.start(1)
        for item in re.split(r"([、，和及])", m.group(1)):
            s, e = pos, pos + len(item)
            pos = e
            if len(item) == 1 and item in "、，和及":
                continue
            core = re.sub(r"等$", "", item)
            e = s + len(core)
            if "的" in core:  # 荣获联合国颁发的|…荣誉证书: the honour follows its giver
                cut = core.rindex("的") + 1
                s, core = s + cut, core[cut:]
            lead = re.match(r"(?:全球|全国)?(?:首批|第[一二三四五六七八九十\d]+批)", core)
            if lead and lead.group().endswith("批"):
                s += lead.end()
                core = core[lead.end() :]
            if core.endswith("证书") and _HONOUR_HEAD.search(core[:-2]):
                core, e = core[:-2], e - 2
            if not 4 <= len(core) <= 20 or not _HONOUR_HEAD.search(core) or re.search(r"[“”《》（）()]", core):
                break
            if re.search(r"\d{4}年|[的了在是为]", core):
                break
            out.append(Candidate(s, e, "Award", None, "award.honour", 2))
    return out


_AWARD_SETUP = re.compile(r"^[^设评颁授]{0,6}?(?:设立|设置|设有|共设|设|评出|评选出|颁发|授予)")
_LEVEL_ONLY = re.compile(r"(?:特等|[一二三四五六七八九十]等|优秀|优胜|提名|入围|鼓励|特别|最佳|单项|年度|[金银铜]|、)+")


def _award_candidates(text: str) -> list[Candidate]:
    out = _honour_candidates(text)
    for m in re.finditer(r"(?:大奖|金奖|奖章|奖)(?:(?![金励学助状杯牌品项章])|(?=[金银铜]奖))", text):
        start = left_extend(text, m.start(), max_len=16)
        if text[start : start + 1] == "度" and text[start - 1 : start] == "年":
            start += 1  # 2022年|度X奖: the year (a qualifier) takes its 年度 along
        stem = text[start : m.start()]
        setup = _AWARD_SETUP.search(stem)
        if setup:  # 大赛设|特等奖, 评出|优秀奖: what is set up or given is only a level
            start += setup.end()
            stem = stem[setup.end() :]
            if _LEVEL_ONLY.fullmatch(stem):
                continue
        year = max(re.finditer(r"(?:19|20)\d{2}\s*年度?", stem), key=lambda y: y.start(), default=None)
        if year is not None and "奖" in stem[: year.start()]:
            start += year.end()  # X奖一等奖|2023年|Y奖 (award lines the normaliser joined)
            stem = stem[year.end() :]
        if re.search(r"奖\s*[-—－]+", stem):
            continue  # 某某奖-年度先锋奖: the level after the dash is a qualifier
        if "奖" in stem:
            continue  # 某某奖年度机构奖: the level after the award's own 奖 is a qualifier
        if _common_noun_stem(stem) or re.search(r"最高|多项|各类|相关|部分", stem):
            continue
        if len(stem) < 3 or stem in word_set("generic_stems.txt") or re.fullmatch(r"[一二三四五六七八九十\d]+等", stem):
            continue
        out.append(Candidate(start, m.end(), "Award", None, "award.suffix", 2))
    return out


_SPEECH = "表示|介绍|指出|说|认为|强调|称|致辞|讲话|发言|坦言|透露|告诉|提到|谈到|呼吁|建议|解释"
# characters that, after surname + one character, begin the next word rather than end the name
_AFTER_NAME = frozenset("为在和与及等向对说也还都就将已曾则的是从到以于被把前")
# characters of transliterated foreign names (《外国人名译名手册》 conventions), for X·Y names
_TRANSLIT = (
    "阿埃艾安奥巴拜班邦保鲍贝本比彼宾波伯博布查达戴丹道德迪蒂丁东杜多恩尔法菲费芬弗福盖冈戈格"
    "古哈海汉豪赫亨胡华霍基吉加杰金卡凯坎康柯科克肯库奎拉莱兰朗劳勒雷蕾里理利莉连林琳卢鲁路伦"
    "罗洛马迈麦曼梅蒙米密明莫默姆穆纳奈南内尼妮纽努诺帕派潘佩皮珀普齐奇乔切琼萨塞桑瑟森沙尚舍"
    "什施史斯松苏索塔泰汤唐特藤提汀托瓦威韦维温沃乌伍西希谢辛休许雅亚扬耶伊英尤约泽扎詹兹佐丽"
    "娜莎黛露茜薇斐蒂雯贾尔滕夫芙霍格恩洛尼嘉翰瑞珊璐"
)


_UNIT_END = frozenset("处部局会司室科院所厅委")  # 赈济处|处长: a role right after a unit name
# a role glued to the end of an organisation's name by the segmenter (大学教授, 中心主任, 联盟主席)
_ROLE_AFTER_UNIT = _UNIT_END | frozenset("学校心团盟站馆")
_NOT_SURNAME_START = frozenset("和由")  # rare surnames and very common function words


_TITLE_END = re.compile(r"(?:先生|女士|教授|博士|院士|老师|律师|医生|记者|经理|主任|书记|总|局|处|师)$")


def _staff_name_len(text: str, s: int) -> int:
    """Length of the name opening a staff-list line: three characters when the rest of the
    line then begins with a word (任婷婷|北京代表处), else two (王婧|品牌和传播部)."""
    rest = _words(text[s + 3 : s + 12])
    return 3 if rest and len(rest[0]) >= 2 else 2


def _common_word(word: str) -> bool:
    """A dictionary word that is not a personal name (项目, 单位, 包括)."""
    toks = _tagged(word)
    return len(toks) == 1 and not toks[0].flag.startswith("nr") and jieba.dt.FREQ.get(word, 0) > 0


def _word_runs_past(text: str, s: int, e: int) -> bool:
    """True when the word opening at ``s`` is a common (not personal-name) word reaching past ``e``."""
    toks = _tagged(text[s : e + 4])
    return bool(toks) and len(toks[0].word) > e - s and not toks[0].flag.startswith("nr")


def _word_start(text: str, pos: int) -> bool:
    """True when ``pos`` starts a word (checked by segmenting a short window around it)."""
    lo = max(0, pos - 4)
    at = lo
    for tok in _words(text[lo : pos + 4]):
        if at == pos:
            return True
        if at > pos:
            return False
        at += len(tok)
    return at == pos


@cache
def _person_res() -> tuple[re.Pattern[str], ...]:
    sn = surnames()
    single = "".join(sorted(s for s in sn if len(s) == 1))
    double = "|".join(sorted((s for s in sn if len(s) == 2), key=len, reverse=True))
    name = f"(?:{double}|[{single}])[{CJK}]{{1,2}}"
    role = _role_re().pattern
    return (
        # role + name: 秘书长王棠, 总监王静正式发布
        re.compile(f"(?:{role})(?:、[^，。]{{0,10}}?)?({name})"),
        # name + role after a list separator or an organisation unit: 、张利院长带领, 学院|张利院长
        re.compile(f"(?:^|(?<=[、，。；：:\\s（(和与及{''.join(sorted(_UNIT_END))}]))({name})(?:{role})(?=[、，。；和与及等带（(\\s]|$)", re.M),
        # a staff list: a line of name, unit and role (PDF spaces between them are gone)
        re.compile(f"^((?:{double}|[{single}])[{CJK}]{{2}})(?=[ \\t]*[{CJK}、]{{1,16}}(?:{role})[ \\t]*$)", re.M),
        # name + speech verb: 据张杰介绍, 。李明表示
        re.compile(f"(?:^|(?<=[据，。；：:、\\s“”]))({name})(?=(?:{_SPEECH})(?:[，：:“。]|说|道|记者|$))", re.M),
        # name + honorific
        re.compile(f"({name}?)(?=先生|女士|教授|博士|院士|同志|老师|律师|医生)"),
        *_person_act_res(name, role),
    )


# --- persons named by an appointment or an act (pers3) ---------------------------------------
_ACT_RULES = frozenset({"person.appointed", "person.actor", "person.glossed", "person.caption", "person.bio", "person.is_role"})
_APPOINT = "聘任|聘请|任命|推选|选举|增补|委任|推举|特聘|聘"
_ACT = "当选为|当选|出任|担任|兼任|现任|曾任|历任|出席|主持|莅临|应邀|受邀|作为[^，。；]{1,12}?(?:代表|嘉宾|评委|专家)"


def _person_act_res(name: str, role: str) -> tuple[re.Pattern[str], ...]:
    """聘任李明为秘书长 / 选举李明担任…: the appointed person; 。李明当选…、，李明出席/主持…,
    李明在开幕式上致辞: a name opening a clause before an act of office or attendance; 李明（X基金会
    秘书长）: a name glossed by an organisation and title in brackets."""
    return (
        re.compile(f"(?:{_APPOINT})(?:了)?({name})(?=为|担任|出任|兼任)"),
        re.compile(
            f"(?:^|(?<=[据，。；：:、\\s“]))({name})"
            f"(?=(?:{_ACT})|在[^，。；\\n]{{1,24}}?(?:上|中|期间|现场)(?:{_SPEECH}|发表|作了?))",
            re.M,
        ),
        re.compile(f"(?:^|(?<=[，。；：:、\\s“由和与及]))({name})(?=[（(][^（）()\\n]{{2,30}}?(?:{role})[）)])", re.M),
        # photo captions: 吴晓燕（左二）
        re.compile(f"(?:^|(?<=[，。；：:、\\s“”]))({name})(?=[（(](?:左|右|中|前排|后排|居中)[一二三四五六七八九\\d]?[）)])", re.M),
        # a bio line or clause: 李晓东，X基金会创始人 / 黄文静是X学校的创办者
        re.compile(f"(?:^|(?<=[。；\\n”]))({name})(?=，[^，。；\\n]{{2,30}}?(?:{role})[，。；])", re.M),
        re.compile(f"(?:^|(?<=[。；，\\n”]))({name})(?=是[^，。；\\n]{{2,30}}?的?(?:{role}|创办者|创办人))", re.M),
    )


_LATIN_PERSON = r"[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?"


@cache
def _latin_person_re() -> re.Pattern[str]:
    """生物学家 Jane Doe (和 John Roe): a capitalised two-word Latin name right after an
    occupation noun, and a second one coordinated with it."""
    occ = trie_regex(word_set("occupations.txt"))
    return re.compile(
        f"(?:{occ})[ \t]*({_LATIN_PERSON})(?![A-Za-z])(?:[ \t]*[和与、及][ \t]*({_LATIN_PERSON})(?![A-Za-z]))?"
    )


def _person_candidates(text: str) -> list[Candidate]:
    """Persons: role + name, name + role, staff-list lines, name + speech verb, name +
    honorific (the name is a surname + 1–2 characters), and X·Y transliterated names."""
    out = []
    rules = ("person.role_name", "person.name_role", "person.staff_line", "person.speaker", "person.honorific", "person.appointed", "person.actor", "person.glossed", "person.caption", "person.bio", "person.is_role")
    for pat, rule in zip(_person_res(), rules, strict=True):
        for m in pat.finditer(text):
            s, e = m.span(1)
            if rule == "person.staff_line":
                e = s + _staff_name_len(text, s)
            elif e - s == 3 and (text[e - 1] in _AFTER_NAME or _glued_to_next(text, e - 1, e)):
                if rule in ("person.role_name", "person.honorific") or e >= len(text):
                    e -= 1
                elif text[e - 1] in _AFTER_NAME:
                    continue
            if e - s < 2 or text[s] in _NOT_SURNAME_START or _common_word(text[s:e]):
                continue
            if _TITLE_END.search(text, s, e):
                continue  # 张律师表示, 王总说: a surname and a title, not a name
            if rule in _ACT_RULES and (places().get(text[s:e]) or _word_runs_past(text, s, e)):
                continue  # 张家界出席…: a place or a longer word, not a name
            if rule != "person.staff_line" and not _word_start(text, s):
                continue  # 中华|青禾, 清华|大学: the "name" starts inside a word
            if rule == "person.role_name" and not _word_start(text, m.start()) and text[m.start() - 1 : m.start()] not in _ROLE_AFTER_UNIT:
                continue  # 湖北省|长江: a role word made of the end of a place and a name
            if rule == "person.role_name" and _word_runs_past(text, s, e):
                continue  # 代表|齐聚一堂: the "name" begins a longer common word
            out.append(Candidate(s, e, "Person", None, rule, 3))
    for m in _latin_person_re().finditer(text):
        for g in (1, 2):
            if m.group(g):
                out.append(Candidate(m.start(g), m.end(g), "Person", None, "person.latin", 3, m.group(g)))
    tr = f"[{_TRANSLIT}]"
    for m in re.finditer(f"{tr}{{1,5}}·{tr}{{1,8}}(?:·{tr}{{1,8}})?", text):
        out.append(Candidate(m.start(), m.end(), "Person", None, "person.foreign", 3, m.group().replace("·", "")))
    return out


def _coordinated_persons(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Names coordinated with a recognised person are persons too: 杨明、|李华|等."""
    sn = surnames()
    taken = bytearray(len(text) + 1)
    for c in chosen:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    out = list(chosen)
    queue = [c for c in chosen if c.type == "Person"]
    while queue:
        c = queue.pop()
        for s, e in _neighbour_names(text, c.start, c.end):
            name = text[s:e]
            if any(taken[s:e]) or not (name[:1] in sn or name[:2] in sn) or _common_word(name):
                continue
            new = Candidate(s, e, "Person", None, "person.coordinated", 3)
            out.append(new)
            queue.append(new)
            taken[s:e] = b"\x01" * (e - s)
    return sorted(out, key=lambda c: c.start)


_LIST_ITEM = re.compile(
    f"(?:、|(?<=包括)|(?<=与)|(?<=同)|(?<=联合)|(?<=携手)|(?<=[{CJK}]{{2}}[和及]))([{CJK}A-Za-z0-9·&\\-]{{2,12}}?)(?=、|等|和|与|及|，|。|；|\\n)"
)
# a list closed by a noun for organisations: …、X科技、Y数据等机构院所和企业
_ORG_LIST_END = re.compile(r"等(?:\d+家|[一二三四五六七八九十多数]+家)?(?:[^，。；\n]{0,4}?)(?:机构|企业|单位|组织|伙伴|院所|公司|高校|社会组织|合作伙伴|平台|媒体)")
_CLAUSE_END = re.compile(r"[，。；：:\n]")
_KIND_OF_BODY = re.compile(r"(?:部门|机构|单位|组织|院所|企业|高校|学校|公园|保护地|政府|社区|媒体|商|户)$")
# the rest of a 、-list of names closed at once by a noun for companies or bodies: 、B等企业
_TIGHT_ORG_LIST = re.compile(
    f"(?:、[{CJK}A-Za-z0-9·&\\-]{{2,10}}?)*等(?:\\d+(?:多|余)?家|[一二三四五六七八九十多数]+家)?(?:企业|公司|机构|单位|组织|品牌|商家|院所|高校)"
)


def _coordinated_orgs(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Unrecognised items of a 、-list of organisations (…青松基金会、X智能科技、Y超市等机构):
    an item after 、 in a clause whose list holds two recognised organisations or ends in
    等…机构/企业/单位. Items are short, without function words, places or common words."""
    orgs = [c for c in chosen if c.type == "Organization"]
    taken = bytearray(len(text) + 1)
    for c in chosen:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    org_starts = [c.start for c in orgs]
    seats = {c.start: c for c in chosen if c.type == "Place" and c.rule == "place.gazetteer"}
    out = list(chosen)
    for m in _LIST_ITEM.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        last = text[m.start() - 1 : m.start()] in ("和", "及") and bool(_ORG_LIST_END.match(text, e))
        seat = seats.get(s)
        if seat is not None and seat.end <= e - 2 and not any(taken[seat.end : e]):
            taken[s : seat.end] = b"\x00" * (seat.end - s)  # 、北京|协作者、: a seat opening the item's name
        else:
            seat = None
        if any(taken[s:e]) or (text[m.start()] != "、" and text[e : e + 1] != "、" and not last):
            if seat is not None:
                taken[s : seat.end] = b"\x01" * (seat.end - s)
            continue  # the first item (after 包括/与…) only in a 、-list, the last one (和X) before 等…企业
        lo = max(0, s - 80)
        left = [mm.end() for mm in _CLAUSE_END.finditer(text, lo, s)]
        c0 = left[-1] if left else lo
        right = _CLAUSE_END.search(text, e)
        c1 = right.start() if right else len(text)
        i = bisect_right(org_starts, c0 - 1)
        n = 0
        while i < len(orgs) and orgs[i].start < c1 and n < 2:
            n += 1
            i += 1
        tight = n == 0 and _TIGHT_ORG_LIST.match(text, e) and (text[m.start()] == "、" or text[e : e + 1] == "、")
        if not (n >= 2 or (n >= 1 and _ORG_LIST_END.search(text, e, c1)) or tight):
            continue
        if tight:
            dengs = text.find("等", e, c1)
            items = [re.split(r"与|同|和|及|包括|联合|携手", x)[-1] for x in text[c0:dengs].split("、")] + [name]
            if any(_common_word(x) or _KIND_OF_BODY.search(x) for x in items):
                continue  # 社区、学校等单位, 饲料、设备等企业: kinds of bodies or trades, not names
        if text[m.start() - 1 : m.start()] in ("和", "及") and not last:
            continue  # …A和|B: coordinated with the item before only when the list closes right after
        if re.search(r"\d|[的了是在等和与及]", name) or re.match(r"[该本此这那其各每某上下首]", name):
            continue
        if len(name) > 8 and not _suffix_re().search(name):
            continue
        if text[e : e + 1] in "和与及" and _suffix_re().search(text, e, c1):
            continue  # 明湖低碳技术|与政策研究院: the name goes on after the conjunction
        if name in places() or _common_word(name) or _boundary_inside(name):
            continue
        if seat is not None:
            out.remove(seat)
        out.append(Candidate(s, e, "Organization", _subtype_of(name), "org.coordinated", 2))
        taken[s:e] = b"\x01" * (e - s)
    return sorted(out, key=lambda c: c.start)


_LIST_SEP = "、"
_GLOSS = re.compile(r"\s*[（(][^（）()\n]{1,40}[）)]")
_LIST_END = "、，。；等和与及）)\n"


def _neighbour_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of 2–3 CJK characters separated from [start, end) by 、 and closed by a separator."""
    out = []
    gloss = _GLOSS.match(text, end)  # 琳·斯嘉丽 (Lynn Scarlett)、
    if gloss:
        end = gloss.end()
    if end < len(text) and text[end] == _LIST_SEP:
        for n in (3, 2):
            s, e = end + 1, end + 1 + n
            if e < len(text) and text[e] in _LIST_END and re.fullmatch(f"[{CJK}]+", text[s:e]):
                out.append((s, e))
                break
    if start > 0 and text[start - 1] == _LIST_SEP:
        for n in (3, 2):
            s, e = start - 1 - n, start - 1
            if s > 0 and text[s - 1] in "、，。；：:\n（(" and re.fullmatch(f"[{CJK}]+", text[s:e]):
                out.append((s, e))
                break
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
        if "称" not in m.group() and sum(b - a for a, b in _place_spans(short)) == len(re.sub(r"[·\s、]", "", short)):
            continue  # “P”（湖北宜昌）: where the project is, not its short name
        if re.fullmatch(r"\d+.*", short):
            continue
        if re.search(r"(?:成员|会员)(?:单位|机构)?(?:之一)?$", short):
            continue  # A（网络成员）: a gloss of membership, not a short name
        rule = "alias.declared" if "简称" in m.group() or "称" in m.group() else "alias.parenthesis"
        out.append(Alias(doc.id, full, short, rule, text[men.start : m.end()]))
    return out


def _seat_aliases(doc: Document, mentions: list[Mention]) -> list[Alias]:
    """广州X国家湿地公园 is also called X国家湿地公园: the park's name without its city."""
    out = []
    for m in mentions:
        if m.rule != "place.natural_seat":
            continue
        cut = _place_scanner().match_end(m.key)
        if cut and len(m.key) - cut >= 4:
            out.append(Alias(doc.id, m.key, m.key[cut:], "alias.seat", m.text))
    return out


_CASE_TAIL_HEAD = re.compile(r"(?:项目|计划|工程|行动|保护地|平台)$")


def _case_tail_aliases(doc: Document, sections: tuple[Section, ...], mentions: list[Mention]) -> list[Alias]:
    """A case headline that opens with what the project does (创新X机制实现Y|某乡Z自然体验项目)
    and whose body then calls the project by the headline's tail (某乡于2018年启动了Z自然体验项目):
    the longest such tail (from a word start, a stem of five characters or more, a programme head)
    is a short name of the case project."""
    out: list[Alias] = []
    text = doc.text
    heads = {(m.start, m.key) for m in mentions if m.rule == "case.project"}
    for sec in sections:
        if sec.kind != "case":
            continue
        value = dict(sec.fields).get("project", "")
        pos = text.find(value, sec.start, sec.end) if value else -1
        full = clean_name(value)
        if pos < 0 or (pos, full) not in heads or not _CASE_TAIL_HEAD.search(full):
            continue
        body = text[pos + len(value) : sec.end]
        at = 0
        for w in _words(full)[:-1]:
            at += len(w)
            tail = full[at:]
            head = _CASE_TAIL_HEAD.search(tail)
            if len(tail) - len(head.group()) < 5:
                break
            if tail in body:
                out.append(Alias(doc.id, full, tail, "alias.case_tail", f"{full} … {tail}"))
                break
    return out


# --- overlap resolution and the second pass ---------------------------------------------------


_TRIMMABLE = ("org.suffix", "event.suffix", "award.suffix", "place.natural", "org.gazetteer")


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates. Strong rules (structure, quotes, persons: priority >= 3)
    first, then longest (then highest priority). A suffix-built name whose left part is taken
    by a stronger one is trimmed to start after it (王静|中国绿化基金会)."""
    chosen: list[Candidate] = []
    maxend = max((c.end for c in cands), default=0)
    taken = bytearray(maxend + 1)

    def order(c: Candidate) -> tuple:
        strong = c.priority >= 3
        return (not strong, -c.priority if strong else 0, -(c.end - c.start) - 2 * c.priority, -c.priority, c.start)

    for c in sorted(cands, key=order):
        if c.end <= c.start:
            continue
        if any(taken[c.start : c.end]):
            if not c.rule.startswith(_TRIMMABLE) or c.name:
                continue
            last = taken.rfind(1, c.start, c.end) + 1
            if any(taken[last : c.end]) or c.end - last < 3:
                continue
            c = Candidate(last, c.end, c.type, c.subtype, c.rule, c.priority)
            if c.end - c.start < 3:
                continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


# outer mentions whose inner names are kept, and the types a nested name may have
_NESTING_OUTER = frozenset({"Organization", "Publication", "Event", "Project", "Award"})
_NESTED_TYPES = frozenset({"Organization", "Place", "Publication", "Project"})
_NESTED_RULES = ("org.suffix", "org.parent", "org.gazetteer", "place.natural", "place.named", "place.gazetteer", "quote.title", "quote.project")


def _parent_of_unit(text: str, parent: Candidate, unit: Candidate) -> bool:
    """The rest of the outer name after ``parent`` is a unit of it: no conjunction (中国石化|和…),
    and it ends in a unit head (部, 司, 中心, 研究院, 分会…)."""
    rest = text[parent.end : unit.end]
    if len(rest) < 2 or rest[0] in "和与及暨、（(":
        return False
    if rest.endswith("公司") and not rest.endswith("分公司"):
        return False  # X集团|股份有限公司: the legal form of one company, not a unit
    return rest.endswith(tuple(_UNIT_HEADS)) or rest.endswith(("部", "分会", "委员会", "专委会", "分院"))


def _nested(text: str, chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """A second, nested layer: names inside a selected name (the bodies in a 《》 title, the parent
    in X厅|Y局, the district in 上海市徐汇区…办事处), each by its own recogniser. Their rules carry the
    prefix ``nested.`` so that relation rules, which group mentions by position, can skip them."""
    outer = sorted((c for c in chosen if c.type in _NESTING_OUTER and c.end - c.start >= 4), key=lambda c: c.start)
    if not outer:
        return []
    inner = sorted(
        (c for c in cands if c.type in _NESTED_TYPES and c.rule.startswith(_NESTED_RULES)), key=lambda c: c.start
    )
    starts = [c.start for c in inner]
    out: list[Candidate] = []
    for o in outer:
        issuers_end = o.start + 1  # 《省X厅 省Y厅关于…》: bodies opening a title issue it
        i = bisect_right(starts, o.start - 1)
        found = []
        while i < len(inner) and inner[i].start < o.end:
            c = inner[i]
            i += 1
            if c.end <= o.end and c.end - c.start < o.end - o.start:
                found.append(c)
        for c in _select(found):
            if not (o.start <= c.start and c.end <= o.end and c.end - c.start < o.end - o.start):
                continue
            if c.type == "Organization" and o.rule == "quote.title" and re.fullmatch(r"[\s、]*", text[issuers_end : c.start]) and re.match(r"[\s、省市县]|关于|联合", text[c.end : c.end + 2]):
                issuers_end = c.end
            elif c.type == "Organization" and not (o.type == "Organization" and c.start == o.start and _parent_of_unit(text, c, o)):
                continue  # only the parent opening a unit's name (X厅|Y局, X大学|Y研究院)
            if c.type == "Place" and not c.rule.startswith(("place.natural", "place.named")) and o.rule != "quote.event_theme":
                continue  # the seat of a body (长沙|图书馆) is read as part of its name; a theme names places
            if c.type == "Publication" and o.rule not in ("event.treaty_session", "quote.secretariat"):
                continue  # 《…公约》第N次缔约方会议: the treaty is a title of its own
            if c.type == "Project" and o.type != "Event":
                continue  # 2023年“X行动”项目研讨会: a quoted programme the event is about
            out.append(Candidate(c.start, c.end, c.type, c.subtype, "nested." + c.rule, c.priority, c.name))
    return out


def _to_mention(doc: Document, c: Candidate) -> Mention:
    surface = doc.text[c.start : c.end]
    name = c.name or clean_name(surface)
    return Mention(doc.id, c.start, c.end, surface, c.type, c.subtype, c.rule, name)


def _valid(m: Mention) -> bool:
    name = m.key
    if len(name) < 2 or len(name) > 60:
        return False
    if m.type == "Person" and not (2 <= len(name) <= (16 if m.rule == "person.foreign" else 40 if m.rule == "person.latin" else 4)):
        return False
    return bool(re.search(f"[{CJK}A-Za-z]", name))


def _second_pass(doc: Document, mentions: list[Mention], aliases: list[Alias]) -> list[Mention]:
    """Find every further occurrence of a name (or a declared short name) already recognised."""
    by_name: dict[str, Mention] = {}
    for m in mentions:
        if m.type in ("Organization", "Project", "Event", "Award", "Person") and len(m.key) >= 2:
            by_name.setdefault(m.key, m)
            if m.text != m.key and len(m.text) >= 2 and not re.search(r"[“”《》]", m.text) and m.rule not in _PLACE_TEXT_RULES:
                by_name.setdefault(m.text, m)
    for a in aliases:
        src = next((m for m in mentions if m.key == a.full), None)
        if src is not None and len(a.short) >= 2:
            by_name.setdefault(a.short, src)
    if not by_name:
        return mentions
    text = doc.text
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    place_spans = sorted((m.start, m.end) for m in mentions if m.type == "Place")
    extra = []
    dropped: set[tuple[int, int]] = set()
    for s, e in TrieScanner(by_name).spans(text):
        src = by_name[text[s:e]]
        if any(taken[s:e]):
            # 粤北|乡村生态向导培训计划 again: a known project or organisation name wins over the
            # places recognised inside it (only places that lie wholly inside the span)
            inner = [k for k in place_spans[bisect_left(place_spans, (s, 0)) : bisect_left(place_spans, (e, 0))] if k[1] <= e]
            if src.type == "Place" or e - s < 4 or not inner:
                continue
            cover = bytearray(e - s)
            for a, b in inner:
                cover[a - s : b - s] = b"\x01" * (b - a)
            if any(t and not c for t, c in zip(taken[s:e], cover, strict=True)) or all(cover):
                continue  # (a name made of places only — 湖北宜昌 read as a short name — stays places)
            dropped.update(inner)
        extra.append(Mention(doc.id, s, e, text[s:e], src.type, src.subtype, "second_pass", text[s:e]))
        taken[s:e] = b"\x01" * (e - s)
    if dropped:  # the places stay as places nested in the name (as for names found the first time)
        mentions = [m if (m.start, m.end) not in dropped else replace(m, rule="nested." + m.rule) for m in mentions]
    return sorted([*mentions, *extra], key=lambda m: m.start)


# --- contracted company names ----------------------------------------------------------------

_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司")
_COMPANY_HEADS = (("控股集团", ("控股", "集团")), ("科技集团", ("科技", "集团")), ("科技", ("科技",)), ("集团", ("集团",)), ("控股", ("控股",)))
# what may follow a bare stem (青禾|表示, 青禾|和…): a list joiner or a verb of the genre
_BARE_NEXT = re.compile(
    r"(?:[、和与及]|表示|发起|联合|携手|捐赠|捐资|出资|资助|支持|发布|推出|开展|启动|参与|设立|成立|承办|主办|协办|"
    r"负责|作为|通过|共同|积极|一直|持续|还|也|将|已|等)"
)
_BARE_BEFORE = frozenset("，。；：:、（(“”《》\n 和与及由向同被对是在")
# a contracted form that goes on as another name (青禾科技|馆, 青禾集团|公司)
_FORM_GOES_ON = frozenset("馆园城部院所厅局会校站港区公股团网")


def _drop_region_prefix(stem: str) -> str:
    """``stem`` without its longest province/city/county prefix (or 中国) that leaves two characters."""
    for k in range(len(stem) - 2, 1, -1):
        head = stem[:k]
        p = places().get(head)
        if head in ("中国", "中华") or (p is not None and p.level in ("province", "city", "county")):
            return stem[k:]
    return ""


def _company_forms(name: str) -> tuple[set[str], set[str]]:
    """Contracted forms of a full company name: (X科技 / X集团 / X控股 forms, bare stems X).
    杭州青禾科技股份有限公司 -> ({杭州青禾科技, 青禾科技}, {杭州青禾, 青禾}); () when the name has
    neither a legal form nor a company head."""
    base = name
    for lf in _LEGAL_FORMS:
        if base.endswith(lf) and len(base) > len(lf):
            base = base[: -len(lf)]
            break
    stems: list[tuple[str, tuple[str, ...]]] = []
    for head, shorts in _COMPANY_HEADS:
        if base.endswith(head) and len(base) - len(head) >= 2:
            stems.append((base[: -len(head)], shorts))
            break
    if not stems:
        return set(), set()
    stem, shorts = stems[0]
    forms: set[str] = set()
    bare: set[str] = set()
    for st in {stem, _drop_region_prefix(stem)} - {""}:
        forms |= {st + h for h in shorts}
        if len(st) >= 2 and not places().get(st) and not _common_word(st):
            bare.add(st)
    if base != name:
        forms.add(base)
    forms.discard(name)
    return forms, bare


def _glued_on_left(text: str, s: int) -> bool:
    """The form at ``s`` is the tail of a longer word (新青禾科技), not a name of its own."""
    return s > 0 and bool(re.match(NAME_CHAR, text[s - 1])) and text[s - 1] not in _BARE_BEFORE and not _word_start(text, s)


def _contracted_mentions(doc: Document, mentions: list[Mention]) -> tuple[list[Mention], list[Alias]]:
    """Later bare uses of a company's contracted name (青禾科技 / 青禾集团 / 青禾控股 after 杭州青禾科技
    股份有限公司; 青禾 alone as a standalone word before a verb or a list joiner) are mentions of the
    same company — when exactly one full name of the document contracts to that form. Each form is
    recorded as an alias (rule ``contraction``) so that resolution merges it with its full name."""
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Organization" and not m.rule.startswith("nested."):
            first.setdefault(m.key, m)
    owners: dict[str, set[str]] = {}
    bare_forms: set[str] = set()
    for full in first:
        forms, bare = _company_forms(full)
        for f in forms | bare:
            owners.setdefault(f, set()).add(full)
        bare_forms |= bare
    forms = {f: next(iter(fs)) for f, fs in owners.items() if len(fs) == 1 and f not in first}
    if not forms:
        return mentions, []
    text = doc.text
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra: list[Mention] = []
    aliases: dict[str, Alias] = {}
    for s, e in TrieScanner(forms).spans(text):
        form = text[s:e]
        src = first[forms[form]]
        if s < src.end or any(taken[s:e]):
            continue  # only after the full name, and never inside another name
        if form in bare_forms:
            if not (s == 0 or text[s - 1] in _BARE_BEFORE or _word_start(text, s)) or not _BARE_NEXT.match(text, e):
                continue
        elif (e < len(text) and text[e] in _FORM_GOES_ON) or _glued_on_left(text, s):
            continue
        extra.append(Mention(doc.id, s, e, form, "Organization", src.subtype, "org.contraction", form))
        taken[s:e] = b"\x01" * (e - s)
        aliases.setdefault(form, Alias(doc.id, src.key, form, "contraction", f"{src.key} -> {form}: " + re.sub(r"\s+", " ", text[max(0, s - 8) : e + 8]).strip()))
    if not extra:
        return mentions, []
    return sorted([*mentions, *extra], key=lambda m: m.start), list(aliases.values())


_FIELD_NAME = re.compile(r"(项目名称|案例名称|活动名称|会议名称)[ \t]*[：:][ \t]*")
# other labels of a colon-layout record (the normaliser may join its lines): a value ends at them
_RECORD_LABELS = ("项目周期", "所获荣誉", "获得荣誉", "联系人", "联系方式", "项目简介", "申报单位", "合作单位")


@cache
def _record_label_re() -> re.Pattern[str]:
    words = set(load_lines("field_labels.txt")) | {row[0] for row in load_table("rel_role_predicates.tsv")} | set(_RECORD_LABELS)
    return re.compile(f"(?:{trie_regex(words)})[ \t]*[：:]")


def _field_value_candidates(text: str) -> list[Candidate]:
    """项目名称：X / 活动名称：Y (a colon-layout record, maybe joined to its other fields): the value
    up to the line end, a clause end or the next field label names the project or event."""
    out = []
    for m in _FIELD_NAME.finditer(text):
        end = re.compile(r"[\n。；;，,]").search(text, m.end(), m.end() + 42)
        stop = end.start() if end else min(len(text), m.end() + 40)
        nxt = _record_label_re().search(text, m.end(), stop)
        if nxt:
            stop = nxt.start()
        value = text[m.end() : stop].strip()
        name = clean_name(value.strip("“”\"《》"))
        if not 2 <= len(name) <= 40 or re.search(r"[：:]", value):
            continue
        typ = "Project" if m.group(1) in ("项目名称", "案例名称") else "Event"
        s_ = m.end() + (len(text[m.end() : stop]) - len(text[m.end() : stop].lstrip()))
        out.append(Candidate(s_, s_ + len(value), typ, None, "field.name", 5, name))
    return out


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
    cands += _theme_line_candidates(text)
    cands += _award_candidates(text)
    cands += _latin_candidates(text)
    cands += _project_candidates(text)
    cands += _product_candidates(text)
    cands += _publication_candidates(text)
    cands += _person_candidates(text)
    cands += _place_candidates(text)
    cands += _natural_candidates(text)
    cands += _natural_list_candidates(text)
    cands += _structure_candidates(doc, sections)
    cands += _field_value_candidates(text)
    cands += _general_candidates(text)
    cands += _chained_units(text, cands)
    cands += _joined_events(text, cands)
    cands = _general_fix(text, cands)
    cands += _coordinated_field_names(text)
    cands = _edition_names(text, cands)
    cands = _precision_filters(text, cands)
    chosen = _select([c for c in cands if not c.rule.startswith("org.parent")])
    chosen = _coordinated_persons(text, chosen)
    chosen = _coordinated_orgs(text, chosen)
    mentions = [m for m in (_to_mention(doc, c) for c in chosen) if _valid(m)]
    aliases = _aliases(doc, mentions) + _case_tail_aliases(doc, sections, mentions) + _seat_aliases(doc, mentions)
    # a declared short name is the same entity: type it like its full form
    mentions = _type_like_full(mentions, aliases)
    mentions = _second_pass(doc, mentions, aliases)
    mentions, contracted = _contracted_mentions(doc, mentions)
    aliases += contracted
    nested = [m for m in (_to_mention(doc, c) for c in _drop_org_inner_places(chosen, _nested(text, chosen, cands))) if _valid(m)]
    mentions = sorted([*mentions, *nested], key=lambda m: (m.start, -m.end))
    acronyms = _acronym_aliases(doc, mentions) + _quoted_award_aliases(doc, mentions) + _joined_aliases(doc, mentions)
    return tuple(mentions), tuple(aliases + acronyms + _gazetteer_aliases(doc, mentions, sections))


def _type_like_full(mentions: list[Mention], aliases: list[Alias]) -> list[Mention]:
    """（以下简称“青禾工程”）: the quoted short name of an organisation is typed by its full form,
    not by the quote recogniser (which reads …工程 as a programme)."""
    first: dict[str, Mention] = {}
    for m in mentions:
        first.setdefault(m.key, m)
    typed: dict[str, Mention] = {}
    for a in aliases:
        full = first.get(a.full)
        if full is not None:
            typed.setdefault(a.short, full)
    if not typed:
        return mentions
    return [
        replace(m, type=typed[m.key].type, subtype=typed[m.key].subtype)
        if m.key in typed and (m.type, m.subtype) != (typed[m.key].type, typed[m.key].subtype)
        else m
        for m in mentions
    ]


def gazetteer_name(typ: str, key: str) -> str:
    """The gazetteer's full name of a place or government body (福建 -> 福建省), else ``key``."""
    if typ == "Place":
        p = places().get(key)
        if p is not None:
            return p.name
    elif typ == "Organization":
        g = gov_bodies().get(key)
        if g is not None:
            return g[0]
    return key


def _gazetteer_aliases(doc: Document, mentions: list[Mention], sections: tuple[Section, ...]) -> list[Alias]:
    """Short and full forms of one place or body (福建 … 福建省) used in the same article or case:
    the evidence for merging them. A compilation (a newspaper page, a case book) holds many
    independent articles; forms in different ones stay as written."""
    bounds = sorted((s.start, s.end) for s in sections)
    starts = [b[0] for b in bounds]
    groups: dict[tuple[int, str, str], set[str]] = {}
    for m in mentions:
        if m.type not in ("Place", "Organization"):
            continue
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and m.start >= bounds[i][1]:
            i = -1 - i  # between sections: a block of its own
        groups.setdefault((i, m.type, gazetteer_name(m.type, m.key)), set()).add(m.key)
    out = []
    for (_i, _typ, full), forms in sorted(groups.items()):
        if len(forms) < 2:
            continue
        keep = full if full in forms else sorted(forms, key=lambda f: (-len(f), f))[0]
        for f in sorted(forms - {keep}):
            out.append(Alias(doc.id, keep, f, "alias.gazetteer", f"{f} = {full}"))
    return out


def _acronym_aliases(doc: Document, mentions: list[Mention]) -> list[Alias]:
    return []


def _quoted_award_aliases(doc: Document, mentions: list[Mention]) -> list[Alias]:
    """“深圳市十佳花园”奖: the quoted title alone is the same award (recorded as an alias)."""
    out = []
    for m in mentions:
        if m.rule == "quote.award" and m.text.endswith("”奖") and len(m.key) > 3:
            out.append(Alias(doc.id, m.key, m.key[:-1], "alias.quoted_award", m.text))
    return out


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
            out.extend(_table_cell_candidates(text, sec))
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

# --- table roles ---------------------------------------------------------------------------
# Tab-separated tables: header cells name the role of their column (kg/resources/
# table_columns.tsv); a plausible cell of a typed column is a name of that type even without the
# usual suffix cues (a name in 姓名 is a Person, a cell of 执行机构 an Organization).

_UNIT_BRACKET = re.compile(r"[（(][^（）()]{0,12}[）)]$")
_CELL_SPLIT = re.compile(r"[、；;，,/]|\s{2,}")
_NOT_CELL = re.compile(r"[。；！？!?]|^[\d\s.,，%％万亿元千百十\-—~～/年月日]+$|^(?:合计|总计|小计|共计|其他|其它|无|暂无|待定|不详|—+|-+)$")
_TABLE_ORG_ROLES = frozenset({"executor", "recipient", "partner", "member", "host", "supporter"})


@cache
def _table_column_words() -> dict[str, str]:
    return {row[0]: row[1] for row in load_table("table_columns.tsv")}


def table_column_role(header: str) -> str | None:
    """The role of a table column by its header cell (金额（万元） -> amount), or None."""
    h = re.sub(r"\s+", "", header)
    words = _table_column_words()
    if h in words:
        return words[h]
    h = _UNIT_BRACKET.sub("", h)
    if h in words:
        return words[h]
    # 主办/承办, 项目名称及编号: the first part that names a role
    return next((words[p] for p in re.split(r"[/／、]|及|和", h) if p in words), None)


def table_header_unit(header: str) -> str:
    """The unit a header names in brackets: 金额（万元） -> 万元."""
    m = re.search(r"[（(]\s*(?:单位\s*[：:])?\s*((?:万|亿|千)?(?:元|美元|港元|欧元))\s*[）)]", header)
    return m.group(1) if m else ""


def table_cells(text: str, sec: Section) -> list[tuple[int, list[tuple[int, int]]]]:
    """The rows of a table section after its header: (row start, [(cell start, cell end)]),
    each cell span trimmed of white space (an empty cell is an empty span)."""
    rows = []
    for line_start, line in _table_rows(text, sec):
        spans, pos = [], line_start
        for cell in line.split("\t"):
            lead = len(cell) - len(cell.lstrip())
            spans.append((pos + lead, pos + lead + len(cell.strip())))
            pos += len(cell) + 1
        rows.append((line_start, spans))
    return rows


def table_grid(text: str, sec: Section) -> tuple[list[str], list[tuple[int, int, list[tuple[int, int]]]]]:
    """The header cells and the rows (start, end, cell spans) of a table section. A table whose
    first column holds the labels (项目名称<TAB>X / 执行机构<TAB>Y: a record written as label-value
    lines) is read as one row under those labels."""
    lines = [(sec.start, text[sec.start : sec.end].split("\n")[0]), *_table_rows(text, sec)]
    full = [(a, ln) for a, ln in lines if ln.strip()]
    labelled = [ln.split("\t")[0] for _, ln in full if table_column_role(ln.split("\t")[0])]
    if len(full) >= 2 and len(labelled) >= 2 and len(labelled) * 5 >= len(full) * 3 and all(ln.count("\t") == 1 for _, ln in full):
        header, cells = [], []
        for a, ln in full:
            label, value = ln.split("\t")
            lead = len(value) - len(value.lstrip())
            start = a + len(label) + 1 + lead
            header.append(label.strip())
            cells.append((start, start + len(value.strip())))
        return header, [(sec.start, sec.end, cells)]
    header = dict(sec.fields).get("header", "").split("\t")
    return header, [(a, a + len(ln), spans) for a, spans in table_cells(text, sec) for ln in [text[a : text.find("\n", a, sec.end) if text.find("\n", a, sec.end) >= 0 else sec.end]]]


def _cell_parts(text: str, a: int, b: int, split: bool) -> list[tuple[int, int]]:
    """Parts of a cell holding several names (A、B): trimmed spans."""
    if not split:
        return [(a, b)]
    out, pos = [], a
    for m in [*_CELL_SPLIT.finditer(text, a, b), None]:
        end = m.start() if m else b
        seg = text[pos:end]
        lead = len(seg) - len(seg.lstrip())
        if seg.strip():
            out.append((pos + lead, pos + lead + len(seg.strip())))
        pos = m.end() if m else b
    return out


def _plausible_cell(cell: str, longest: int = 40, colon: bool = False) -> bool:
    """A cell that can be a name: short, not a sentence or a number; a colon only in a
    project's or event's title (双百计划：废塑料回收)."""
    name = clean_name(cell)
    if not colon and re.search("[：:]", name):
        return False
    return 2 <= len(name) <= longest and not _NOT_CELL.search(name) and bool(re.search(f"[{CJK}A-Za-z]", name))


def _table_person(name: str) -> bool:
    """A cell of a name column that is a Chinese personal name (inner PDF spaces dropped)."""
    name = re.sub(r"\s+", "", name)
    return bool(_name_re().fullmatch(name)) and name[0] not in _NOT_SURNAME_START and not _role_re().search(name) and not _suffix_re().search(name)


def _table_org(name: str) -> bool:
    """A cell of an organisation column: a name with an organisation suffix, or a short proper
    name that is not a dictionary word (绿色江河, 自然之友)."""
    if _subtype_of(name) != "Other":
        return True
    return 3 <= len(name) <= 20 and not _common_word(name) and not _role_re().search(name[-3:]) and not re.search(r"(?:社区|群众|村民|居民|志愿者|学校|政府|企业|个人|爱心人士|单位|机构|组织|社会各界)$", name)


_PERSON_CELL = re.compile(r"(?:(?:主持人|主持|主讲|嘉宾|发言|致辞)\s*[：:]\s*)?(.+?)\s*(?:[（(][^（）()]{1,40}[）)])?")


def _table_cell_candidate(text: str, a: int, b: int, role: str) -> Candidate | None:
    cell = text[a:b]
    if role in ("person", "speaker") and (pm := _PERSON_CELL.fullmatch(cell)) and pm.group(1) != cell:
        # 主持人：甲 / 甲（某大学教授）: the name before its bracket
        a, b = a + pm.start(1), a + pm.end(1)
        cell = text[a:b]
    if role in _TABLE_ORG_ROLES or role == "funder":
        tail = _UNIT_BRACKET.search(cell)  # 某某基金会（简称X）: the name before its bracket
        if tail and tail.start() >= 2:
            b = a + tail.start()
            cell = text[a:b]
    titled = role in ("project", "event")
    if not _plausible_cell(cell, 60 if titled else 40, colon=titled):
        return None
    name = clean_name(cell)
    if role in ("person", "speaker", "funder", "winner") and _table_person(cell):
        return Candidate(a, b, "Person", None, f"table.{role}", 5, re.sub(r"\s+", "", name))
    if role in ("project", "event"):
        typ = "Project" if role == "project" else "Event"
        return Candidate(a, b, typ, None, f"table.{role}", 5, name) if len(name) >= 3 else None
    if role in _TABLE_ORG_ROLES or role in ("funder", "winner"):
        return Candidate(a, b, "Organization", _subtype_of(name), f"table.{role}", 5, name) if _table_org(name) else None
    if role == "employer":
        # 广东某某集团有限公司董事长: the organisation before the role, when it has a suffix
        tail = re.search(f"(?:原|前|退休)?(?:{_role_re().pattern})$", name)
        if tail:
            name = name[: tail.start()]
        if len(name) >= 4 and _subtype_of(name) != "Other" and _suffix_re().search(name[-4:]):
            return Candidate(a, a + _span_len(cell, name), "Organization", _subtype_of(name), "table.employer", 5, name)
    return None


def _span_len(cell: str, name: str) -> int:
    """Length in ``cell`` (which may hold spaces) of its prefix that reads ``name``."""
    n = 0
    for i, ch in enumerate(cell):
        if not ch.isspace():
            n += 1
        if n == len(name):
            return i + 1
    return len(cell)


_CAPTION_FUNDER_NAME = re.compile(r"(?:资助方|出资方|捐赠方|资助机构|资助单位|出资单位)\s*[：:]\s*([^，,。；;：:、（）()\n]{2,30}?)\s*(?=[，,。；;）)\n]|$)")


def _table_cell_candidates(text: str, sec: Section) -> list[Candidate]:
    header, rows = table_grid(text, sec)
    roles_ = {i: r for i, h in enumerate(header) if (r := table_column_role(h))}
    if not roles_:
        return []
    out = []
    # the caption above the table: （资助方：X） names an organisation
    for m in _CAPTION_FUNDER_NAME.finditer(text, max(0, sec.start - 200), sec.start):
        name = clean_name(m.group(1))
        if _table_org(name) and _plausible_cell(name):
            out.append(Candidate(m.start(1), m.end(1), "Organization", _subtype_of(name), "table.caption", 4, name))
    for _a, _b, cells in rows:
        for i, role in roles_.items():
            if i >= len(cells) or cells[i][0] == cells[i][1]:
                continue
            split = role in _TABLE_ORG_ROLES or role in ("person", "speaker", "funder", "winner")
            for a, b in _cell_parts(text, *cells[i], split):
                c = _table_cell_candidate(text, a, b, role)
                if c is not None:
                    out.append(c)
    return out



# --- generalisation (held-out) ---------------------------------------------------------------
# Rules for layouts and phrasings common in the genre beyond the development documents: board
# tables, signature blocks, chains of roles before a name.


@cache
def _name_re() -> re.Pattern[str]:
    """A whole string that is a Chinese personal name: surname + one or two characters."""
    sn = surnames()
    single = "".join(sorted(s for s in sn if len(s) == 1))
    double = "|".join(sorted((s for s in sn if len(s) == 2), key=len, reverse=True))
    return re.compile(f"(?:{double}|[{single}])[{CJK}]{{1,2}}")


def _plain_name(name: str) -> bool:
    """``name`` is exactly a personal name and not a dictionary word or role."""
    return (
        bool(_name_re().fullmatch(name))
        and name[0] not in _NOT_SURNAME_START
        and not _common_word(name)
        and not _role_re().search(name)
        and not _suffix_re().search(name)
    )


def _ends_in_role(cell: str) -> bool:
    return any(cell.endswith(r) for r in roles())


def _table_persons(text: str) -> list[Candidate]:
    """职务<TAB>姓名<TAB>单位: a tab-separated cell that is exactly a name, next to a cell that
    is (or ends in) a role."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            at = pos
            offs = []
            for c in cells:
                offs.append(at)
                at += len(c) + 1
            for i, cell in enumerate(cells):
                name = cell.strip()
                if not _plain_name(name):
                    continue
                near = [cells[j].strip() for j in (i - 1, i + 1) if 0 <= j < len(cells)]
                if any(c and _ends_in_role(c) for c in near):
                    s = offs[i] + cell.index(name)
                    out.append(Candidate(s, s + len(name), "Person", None, "person.table", 4))
        pos += len(line) + 1
    return out


def _signature_persons(text: str) -> list[Candidate]:
    """A signature block: a line holding only a name, and as the next non-empty line an
    organisation or unit ending in a role (远山基金会理事长)."""
    out = []
    for m in re.finditer(f"(?:^|\n)[ \t]*([{CJK}]{{2,3}})[ \t]*\n\\s*([^\n]{{2,60}})", text):
        name, nxt = m.group(1), m.group(2).strip()
        if not _plain_name(name):
            continue
        last = re.split("[、，,]", nxt)[-1]
        if _ends_in_role(nxt) and _ends_in_role(last) and not re.search("[。；！？]", nxt):
            out.append(Candidate(m.start(1), m.end(1), "Person", None, "person.signature", 4))
    return out


@cache
def _role_chain_re() -> re.Pattern[str]:
    role = _role_re().pattern
    return re.compile(f"(?:{role})(?:、(?:{role}))+({_name_re().pattern})")


def _role_chain_persons(text: str) -> list[Candidate]:
    """创始人、首席执行官X: a name after a 、-chain of roles."""
    out = []
    for m in _role_chain_re().finditer(text):
        s, e = m.span(1)
        if e - s == 3 and (text[e - 1] in _AFTER_NAME or _glued_to_next(text, e - 1, e)):
            e -= 1
        if _plain_name(text[s:e]) and not _TITLE_END.search(text, s, e):
            out.append(Candidate(s, e, "Person", None, "person.role_chain", 3))
    return out


def _general_candidates(text: str) -> list[Candidate]:
    return _table_persons(text) + _signature_persons(text) + _role_chain_persons(text) + _region_candidates(text) + _heading_projects(text) + _launched_projects(text) + _counted_sites(text)


_PAIRS = {"）": "（", ")": "(", "”": "“", "』": "『", "」": "「", "》": "《"}


def _unbalanced_closer(span: str) -> int:
    """Index of the last closing bracket or quote in ``span`` without its opener, else -1."""
    depth = dict.fromkeys(_PAIRS.values(), 0)
    cut = -1
    for i, ch in enumerate(span):
        if ch in depth:
            depth[ch] += 1
        elif ch in _PAIRS:
            if depth[_PAIRS[ch]]:
                depth[_PAIRS[ch]] -= 1
            else:
                cut = i
    return cut
_SUBJECT_LINKS = ("联合", "携手", "会同", "与", "和", "同")


def _clean_org_start(text: str, c: Candidate) -> Candidate | None:
    """Trim or drop an organisation span built leftwards from a suffix (org.suffix) that
    starts with leftovers: a closing bracket (“简称”）联合X公司), a breaking verb or
    preposition (加入|X网络), a time word + 向 (年内|向X基金会); drop it when only a kind
    of organisation or nothing name-like is left (社区基金会, 熟悉|基金会, 4A级基金会)."""
    if not c.rule.startswith(("org.suffix", "org.unit")) or c.name:
        return c
    s, e = c.start, c.end
    span = text[s:e]
    cut = _unbalanced_closer(span)
    if cut >= 0:
        s += cut + 1
        for w in _SUBJECT_LINKS:
            if text.startswith(w, s):
                s += len(w)
                break
    if text[s : s + 2] in ("内向", "中向") and text[s - 1 : s] in "年月日天期":
        s += 2
    at = s
    brk = word_set("org_breaking_words.txt")
    for tok in _words(text[s:e]):
        at += len(tok)
        if tok in brk and at < e:
            s = at
    suffix = _suffix_re().search(text, s, e)
    stem_end = suffix.start() if suffix and suffix.end() == e else e
    stem = text[s:stem_end]
    if re.search(r"\d+A级", stem):
        return None
    kinds = word_set("org_kind_words.txt")
    rest = stem
    changed = True
    while rest and changed:
        changed = False
        for k in kinds:
            if rest.startswith(k):
                rest = rest[len(k) :]
                changed = True
    if not rest or (s != c.start and len(stem) < 2):
        return None
    if s == c.start:
        return c
    return replace(c, start=s)


def _placed_in_org(text: str, c: Candidate, orgs: list[Candidate]) -> bool:
    """湖北省|楚天|生态保护基金会: a "name" after a role list that is really the middle of an
    organisation's name (it follows a province/city and lies inside an org.suffix span)."""
    if c.rule != "person.role_name" or text[c.start - 1 : c.start] not in ("省", "市", "县", "区"):
        return False
    return any(o.start < c.start and o.end > c.end for o in orgs)


def _spurious(text: str, c: Candidate, orgs: list[Candidate]) -> bool:
    """A person that is the middle of an org name or a title prefix (原副|局长), a natural
    place whose stem is no name."""
    if c.type == "Person":
        return _placed_in_org(text, c, orgs) or text[c.end - 1] in "副原前代"
    return c.type == "Place" and not _clean_natural(text, c)


def _general_fix(text: str, cands: list[Candidate]) -> list[Candidate]:
    orgs = [c for c in cands if c.rule.startswith("org.suffix")]
    out = []
    for c in cands:
        if c.type == "Organization":
            c = _clean_org_start(text, c)
            if c is None:
                continue
        elif _spurious(text, c, orgs):
            continue
        elif c.type == "Event":
            c = _named_day_event(text, c)
        elif c.type == "Award":
            c = _award_level_only(text, c)
            if c is None:
                continue
        out.append(c)
    return out


@cache
def _region_scanner() -> TrieScanner:
    names = {w for f in ("world_places.txt", "cn_regions.txt") for line in load_lines(f) for w in line.split()}
    return TrieScanner(names)


def _region_candidates(text: str) -> list[Candidate]:
    """World regions, further countries and cities, and Chinese regions named without an
    administrative suffix (reference lists); a match must be a word of its own."""
    out = []
    not_place = word_set("not_place_words.txt")
    for a, b in _region_scanner().spans(text):
        name = text[a:b]
        if name in not_place or not _word_start(text, a) or _glued_to_next(text, a, b):
            continue
        out.append(Candidate(a, b, "Place", None, "place.region", 1))
    return out


def _drop_org_inner_places(chosen: list[Candidate], nested: list[Candidate]) -> list[Candidate]:
    """A river, lake or range named only inside an organisation's name (X江生态保护志愿者协会,
    X山国家级自然保护区管理局) is part of that name, not a place mentioned by the text."""
    orgs = sorted((c.start, c.end) for c in chosen if c.type == "Organization")
    starts = [a for a, _ in orgs]
    out = []
    for c in nested:
        if c.type == "Place" and c.rule.startswith(("nested.place.natural", "nested.place.named")):
            i = bisect_right(starts, c.start) - 1
            if i >= 0 and orgs[i][1] >= c.end:
                continue
        out.append(c)
    return out


_STEM_OPENERS = frozenset({"部分", "全部", "各", "每", "多个", "所有", "周边", "沿岸", "一些", "其他", "其它", "该", "此", "这", "那"})
_NOT_NAME_FLAGS = ("v", "m", "q", "r", "d", "p", "c", "u")


def _clean_natural(text: str, c: Candidate) -> bool:
    """Keep a place built from a stem + one-character geographic suffix (X湖, X江, X山) unless
    its stem opens with a verb, pronoun, quantifier or function word (入|湖河道, 流向|流域,
    部分|湖汊, 守|山人)."""
    if c.rule != "place.natural":
        return True
    toks = _tagged(text[c.start : c.end])
    if len(toks) < 2:
        return True
    first = toks[0]
    one_char = len(toks[-1].word) == 1 or bool(_natural_re().fullmatch(text, c.end - 1, c.end))
    if first.word in _STEM_OPENERS or (one_char and first.flag.startswith(_NOT_NAME_FLAGS) and not _is_geo_word(first.word)):
        return False
    brk = word_set("org_breaking_words.txt")
    return not any(
        t.word in brk or (t.flag.startswith("v") and len(t.word) == 2 and not _is_geo_word(t.word)) for t in toks[1:-1]
    )


def _award_level_only(text: str, c: Candidate) -> Candidate | None:
    """An award span is cut after a verb inside it (每年评选|年度大奖); what is left is only a
    level of an award, not an award, when it opens with 年度 without a year and is unquoted
    (获得年度先锋机构奖) or quoted after another award named in the sentence, or when, quoted,
    it directly follows another award's name (X奖“Y奖”)."""
    if c.type != "Award":
        return c
    s = c.start
    if c.rule.startswith("award.suffix") and not c.name:
        at = s
        brk = word_set("org_breaking_words.txt")
        for tok in _words(text[s : c.end]):
            at += len(tok)
            if tok in brk and at < c.end:
                s = at
    body = text[s : c.end].strip("“”\"")
    if body.startswith("年度") and not re.search(r"\d年?$", text[max(0, s - 5) : s]):
        if text[s : s + 1] != "“":
            return None
        opening = max(text.rfind(ch, 0, s) for ch in "。！？\n") + 1
        if "奖" in text[max(opening, s - 40) : s]:
            return None  # X奖评选中获得“年度Y奖”: a level of the award named before it
    if text[max(0, s - 1) : s + 1] == "奖“" or text[max(0, s - 2) : s] == "奖“":
        return None
    return c if s == c.start else replace(c, start=s)


def _coordinated_field_names(text: str) -> list[Candidate]:
    """X县林业和草原局, Y大学可持续发展与新型城镇化智库: a name whose field is two fields joined
    by 和/与. The part before 和/与 must open with a place or an organisation (a unit's owner),
    must not itself end in an organisation suffix (then it is a name of its own: A基金会和B报社),
    and must hold no verb."""
    out = []
    suffixes = org_suffixes()
    for m in _suffix_re().finditer(text):
        if m.end() < len(text) and _glued_to_next(text, m.start(), m.end()):
            continue
        right = left_extend(text, m.start(), max_len=8)
        p = max(text.rfind("和", max(0, right - 3), right), text.rfind("与", max(0, right - 3), right))
        if p < 2 or m.start() - p < 3:
            continue
        s = left_extend(text, p)
        left = text[s:p]
        if not 3 <= len(left) <= 14 or any(left.endswith(x) for x in suffixes) or left[-1] in _UNIT_END:
            continue  # A基金会和|B报社, 中国林科院和|复旦大学: two names
        head = _tagged(text[p + 1 : m.start()])
        if head and head[0].flag.startswith(("ns", "nr", "nt", "nz")):
            continue  # …和|复旦大学: the second part opens with a proper name of its own
        owner = _place_scanner().match_end(text, s, p)
        if owner <= s:
            admin = re.match(f"[{CJK}]{{1,5}}?[省市县区州旗]", left)
            owner = s + admin.end() if admin else 0
        if not re.fullmatch(f"[{CJK}]+", left):
            continue
        inner = _suffix_re().search(left)
        if inner and owner <= s and suffixes[inner.group()][1] == "Company":
            continue  # X集团品牌与社会责任部: a company's department, not a body of its own
        if not (owner > s or (inner and inner.end() < len(left))):
            continue
        field_start = owner if owner > s else s + inner.end()
        if re.search("[省市县区州旗]$", text[field_start:p]) or _place_scanner().spans(text, field_start, p):
            continue  # 北京市朝阳区和|海淀区教育局: two places, not two fields
        toks = _tagged(text[field_start:p])
        if not toks or any(t.flag.startswith(("v", "p", "c", "u", "r")) and t.flag != "vn" for t in toks):
            continue
        typ, sub = suffixes[m.group()]
        out.append(Candidate(s, m.end(), typ, sub, f"org.suffix.{sub}.coord", 2))
    return out


_EDITION = re.compile(r"^(?:第[一二三四五六七八九十百\d]+届|\d{4}年?)")


def _edition_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """An event named once with its edition (“第四届X研讨会”) and elsewhere without it (X研讨会
    在…举行) is the same event: the short mention takes the full name."""
    full: dict[str, str] = {}
    for c in cands:
        if c.type == "Event":
            surface = clean_name(c.name or text[c.start : c.end]).strip("“”")
            m = _EDITION.match(surface)
            if m and len(surface) - m.end() >= 4:
                full.setdefault(surface[m.end() :], surface)
    if not full:
        return cands
    out = []
    for c in cands:
        if c.type == "Event" and not c.name and text[c.start : c.end] in full and not _EDITION.search(text[max(0, c.start - 4) : c.start] + "|"):
            c = replace(c, name=full[text[c.start : c.end]])
        out.append(c)
    return out


_NUMBERED_HEADING = re.compile(f"^[ \\t]*(?:\\d{{1,2}}[.、．]|[（(]\\d{{1,2}}[）)])[ \\t]*([{CJK}]{{4,20}}?(?:计划|行动|项目|工程))[ \\t]*$", re.M)


def _heading_projects(text: str) -> list[Candidate]:
    """"2. X保护行动" as a numbered heading of its own, with X保护行动 used again in the text
    (the section describes the programme): a project."""
    out = []
    for m in _NUMBERED_HEADING.finditer(text):
        name = m.group(1)
        if text.find(name, m.end()) < 0 or _suffix_re().search(name) or re.match(r"[该本此这那其各每某上下首]", name):
            continue
        if name in word_set("generic_stems.txt") or _common_noun_stem(name[:-2]):
            continue
        out.append(Candidate(m.start(1), m.end(1), "Project", None, "project.heading", 3))
    return out


_DAY_THEN_ACTIVITY = re.compile(f"“([{CJK}A-Za-z0-9·]{{2,16}}[日周节月])”(?:主题活动|系列活动|主题宣传活动|宣传活动|活动)$")


def _named_day_event(text: str, c: Candidate) -> Candidate:
    """“X慈善日”主题活动: the activities held on a named day, week or festival; the event named is
    the day itself (the activities are many and unnamed)."""
    if c.type != "Event" or not c.rule.startswith("quote.event"):
        return c
    m = _DAY_THEN_ACTIVITY.fullmatch(text, c.start, c.end)
    if not m:
        return c
    return Candidate(m.start(1) - 1, m.end(1) + 1, c.type, c.subtype, c.rule, c.priority, m.group(1))


# --- project recall ---------------------------------------------------------------------------

@cache
def _project_action_res() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The patterns of ``_launched_projects``, built from project_action_words.tsv."""
    w = {row[0]: "|".join(row[1].split()) for row in load_table("project_action_words.tsv")}
    return (
        # 设立/建立 X专项基金: a fund the text sets up by name (FORMAT: named 专项基金 are projects)
        (re.compile(f"(?:{w['fund_verb']})了?([{CJK}]{{2,8}}(?:{w['fund_head']}))(?![会{CJK}])"), "project.fund_set_up"),
        # 启动了 X项目: a descriptive project named right after a launch verb
        (re.compile(f"(?:{w['launch_verb']})([{CJK}]{{6,12}}(?:{w['launch_head']}))(?![{CJK}])"), "project.launched"),
        # 开发 X管理系统: a system the text builds by name
        (re.compile(f"(?:{w['built_verb']})了?([{CJK}]{{4,10}}(?:{w['built_head']}))(?![{CJK}])"), "project.built"),
        # a Latin-named building or substance + 改造/淘汰 + 项目/计划 (X Tower大楼改造项目, CFC淘汰计划)
        (
            re.compile(
                f"(?<![A-Za-z0-9])((?:[A-Z][A-Za-z0-9]+)(?: [A-Z][A-Za-z0-9]+){{0,3}}(?:（[{CJK}]{{2,8}}）)?"
                f"[{CJK}]{{0,3}}(?:{w['works_action']})(?:{w['works_head']}))"
            ),
            "project.latin_works",
        ),
    )


# rules whose mention text is only the place of a site (萧山|、余杭三座能源生态园): the bare place
# elsewhere in the text is not the site
_PLACE_TEXT_RULES = frozenset({"project.counted_sites"})


@cache
def _counted_sites_re() -> re.Pattern[str]:
    heads = "|".join(dict(load_table("project_action_words.tsv"))["site_head"].split())
    return re.compile(
        f"((?:[{CJK}]{{2,3}}、)+[{CJK}]{{2,3}})(?:和|及|与)([{CJK}]{{2,3}})"
        f"[两三四五六七八九十\\d]+[座个处所家]([{CJK}]{{0,4}}?(?:{heads}))"
    )


def _counted_sites(text: str) -> list[Candidate]:
    """萧山、余杭和桐庐三座能源生态园: each place of the
    list with the shared head is a site of its own; every item must be a place word."""
    out = []
    for m in _counted_sites_re().finditer(text):
        items = [*m.group(1).split("、"), m.group(2)]
        geo = _is_geo_word(items[0]) or items[0] in places() or items[0] in county_shorts()
        if len(items[0]) == 3 and not geo:
            items[0] = items[0][1:]  # 的|临湖: the list opens after a function character
        if not all(_is_geo_word(it) or it in places() or it in county_shorts() for it in items):
            continue
        spans = [(m.start(2), m.end(2))]
        end = m.start(2) - 1  # the 和/及/与 before the last item
        for it in reversed(items[:-1]):
            spans.append((end - len(it), end))
            end -= len(it) + 1  # the 、 before the item
        for (a, e) in reversed(spans):
            out.append(Candidate(a, e, "Project", None, "project.counted_sites", 2, text[a:e] + m.group(3)))
    return out


def _quoted_longer(text: str, name: str) -> bool:
    """A quoted name elsewhere in the text ends with ``name`` after more characters (“太湖X”)."""
    i = text.find(name + "”")
    while i >= 0:
        if i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
            return True
        i = text.find(name + "”", i + 1)
    return False


def _launched_projects(text: str) -> list[Candidate]:
    """Projects named by what the text does to them: a fund set up, a project launched, a system
    built. The name must not hold a clause (的、 or a count) nor open with a demonstrative."""
    out = []
    for rx, rule in _project_action_res():
        for m in rx.finditer(text):
            name = m.group(1)
            if re.search(r"[的、和与及]|[一二三四五六七八九十两\d][个项套]", name) or re.match(r"[该本此这那其各每某一]", name):
                continue
            if _quoted_longer(text, name):
                continue  # 设立蓝藻防治专项基金 in a headline, “太湖蓝藻防治专项基金” in the text: a short form
            out.append(Candidate(m.start(1), m.end(1), "Project", None, rule, 2))
    return out


# --- precision filters (ent3) -------------------------------------------------------------------
# Candidates a careful reader would not list as entities: units and committees named only by
# their function, quoted formulas that qualify a generic noun, places made of other places.

# the head of an internal unit of a body (its name is the function words before it)
_UNIT_HEAD = re.compile(r"(?:工作委员会|专门委员会|委员会|专委会|组委会|执委会|理事会|监事会|秘书处|工作组|工作小组|小组|办公室)$")


def _functional_unit(name: str) -> bool:
    """评审委员会, 科学顾问委员会, 薪酬与考核委员会, ESG委员会: a unit named only by what it does."""
    head = _UNIT_HEAD.search(name)
    if not head or head.start() == 0:
        return False
    words = word_set("unit_function_words.txt")
    return all(w in words for w in _words(name[: head.start()]))


def _generic_body(name: str) -> bool:
    """项目合作学校, 受助学校, 定点帮扶中心: a kind of body described by its role, not named."""
    suffix = _org_end_re().search(name)
    if not suffix or suffix.start() == 0:
        return False
    words = word_set("generic_org_modifiers.txt") | word_set("unit_function_words.txt")
    stem = _words(name[: suffix.start()])
    return all(w in words for w in stem) and any(w in word_set("generic_org_modifiers.txt") for w in stem)


_AREA_KIND = re.compile(r"(?:山区|农村|乡村|偏远地区|边远地区|贫困地区|牧区|林区)(?:学校|小学|中学|幼儿园|医院|卫生院)$")


def _schools_of_an_area(name: str) -> bool:
    """桂西山区学校, 甘南牧区小学: the schools of a kind of area, not a named school."""
    return bool(_AREA_KIND.search(name))


# 河长, 湖长, 林长 (the official in charge of a river, lake or forest), not 黄河|长江
_CHIEF_AFTER = re.compile(r"长(?![江城沙白春治寿兴安宁岛汀海])")
_DIRECTIONS = frozenset({"东南", "西南", "东北", "西北"})


# a street, square or park named after a place (中山|公园, 北京|路): the place is not meant
_NAMED_AFTER_PLACE = re.compile(f"(?:路|大道|大街|街(?!道)|公园|广场)(?![{CJK}]?(?:段|线|上|边))")


def _not_a_place_here(text: str, c: Candidate) -> bool:
    """市民河|长: a river chief's title; 浙西|南山区: 西南|山区 read as a district; 中山|公园,
    人民|路: a place in a street's or a park's name; 沿|海城市: 沿海|城市 read as 海城市."""
    if c.type != "Place":
        return False
    if c.rule == "place.gazetteer" and _NAMED_AFTER_PLACE.match(text, c.end) and not text.endswith(("市", "县", "区", "省"), c.start, c.end):
        return True
    if c.rule == "place.gazetteer" and text.endswith("城市", c.start, c.end) and not _word_start(text, c.start):
        return True
    if c.rule.startswith("place.natural") and text[c.end - 1] in "河湖江林" and _CHIEF_AFTER.match(text, c.end):
        return True
    if c.rule == "place.gazetteer" and text.endswith("山区", c.start, c.end) and c.start:
        pair = text[c.start - 1 : c.start + 1]  # 浙西|南山区, 粤西|山区: 西南, 粤西 + 山区
        return pair in _DIRECTIONS or pair in places() or bool(_region_scanner().spans(pair))
    return False


def _status_project(text: str, c: Candidate) -> bool:
    """参评项目, 入选项目, 重点示范工程: a project head after status words only (a kind of project)."""
    if c.type != "Project" or c.rule != "project.suffix":
        return False
    head = _PROJECT_HEAD.search(text, c.start, c.end)
    words = _words(text[c.start : head.start()]) if head else ()
    return bool(words) and all(w in word_set("generic_project_modifiers.txt") for w in words)


# a kind of organisation (公益组织, 社会组织) after at most one common word (建议|公益组织)
_KIND_OF_ORG = re.compile(f"([{CJK}]{{0,3}}?)(?:公益|社会|慈善|环保|民间|草根|志愿服务|志愿者|社区|环境|生态|国际)组织")


def _kind_of_org(name: str) -> bool:
    m = _KIND_OF_ORG.fullmatch(name)
    return bool(m) and (not m.group(1) or (_common_word(m.group(1)) and not _place_scanner().match_end(m.group(1))))


def _slogan_or_formula(name: str) -> bool:
    """Quoted words that are no programme's name: a campaign slogan (X在行动), a quality + a
    place (美丽中国, 绿色陕西). (Numbered formulas — 三线一单 but also 十城千辆 — stay.)"""
    if name.endswith("在行动"):
        return True
    for i in range(2, min(4, len(name) - 1)):
        if name[:i] in word_set("slogan_adjectives.txt") and (name[i:] in places() or name[i:] in _SLOGAN_PLACES):
            return True
    return False


_SLOGAN_PLACES = frozenset({"中国", "乡村", "城市", "家园", "校园", "社区", "城乡"})


# 国内顶尖大学, 全国示范性环境学校, 国家重点实验室: a rank or label + a kind of body
@cache
def _ranked_kind_re() -> re.Pattern[str]:
    return re.compile(f"(?:世界|国际|国内|全国|国家|省级|市级)?(?:{trie_regex(word_set('rank_labels.txt'))})[{CJK}]{{0,4}}")


def _ranked_kind(name: str) -> bool:
    return bool(_ranked_kind_re().fullmatch(name)) and bool(_org_end_re().search(name))


def _business_line_only(text: str, c: Candidate) -> bool:
    sfx = _org_end_re().search(text, c.start, c.end)
    if not sfx or sfx.start() == c.start or _GLOSS_AFTER.match(text, c.end):
        return False
    words = word_set("business_line_words.txt")
    return all(w in words for w in _words(text[c.start : sfx.start()]))


def _kind_metaphor(name: str) -> bool:
    """“森林银行”, “湿地网络”: a kind suffix after common words only (quoted as a metaphor)."""
    suffix = next((k for k in _KIND_SUFFIXES if name.endswith(k)), None)
    return suffix is not None and len(name) > len(suffix) and _descriptive_stem(name[: -len(suffix)])


def _bare_suffix(name: str) -> bool:
    """“公司”, 2024年度|联盟: a bare organisation suffix (after a date) is no name."""
    junk = _LEADING_JUNK.match(name)
    rest = name[junk.end() if junk else 0 :]
    return rest in org_suffixes() and rest not in gov_bodies()  # (国务院 is a body and a suffix)


def _quote_modifies_head(text: str, c: Candidate) -> bool:
    """实施“一河一策”治理方案, 打造“零碳社区”示范点: the quote qualifies the generic noun after it."""
    if c.type != "Project" or c.rule not in ("quote.after_trigger", "quote.list"):
        return False
    toks = _words(text[c.end : c.end + 8])
    return bool(toks) and toks[0] in word_set("quote_modified_heads.txt")


def _crosses_two_places(c: Candidate, inner: set[int], starts: dict[int, Candidate], ends: dict[int, Candidate]) -> bool:
    if c.type != "Place" or c.rule not in ("place.named", "place.region", "place.natural_word"):
        return False
    return c.start in inner and c.end in inner and any(e in starts and e in ends for e in range(c.start + 1, c.end))


# a named period of activities (环境周, 读书季, 文化节): an event, not a programme
_PERIOD_END = re.compile(f"[{CJK}]{{2}}(?:周|季|节)$")
_NOT_PERIOD = re.compile(r"(?:一周|每周|上周|本周|下周|季节|环节|细节|关节|春节|情节|节节|调节|章节|礼节|时节|四季|季季)$")
# 《X》学术期刊, 《X》杂志: the title is a journal, i.e. a media organisation
_JOURNAL_AFTER = re.compile(r"(?:学术)?(?:期刊|杂志|刊物|月刊|季刊|双月刊|周刊)")


# “X”创新大赛, “X”公益徒步, “X”音乐会: a quoted name with a kind of happening right after it
_HAPPENING_AFTER = re.compile(
    f"(?:[{CJK}]{{0,4}}?(?:大赛|挑战赛|竞赛|比赛|音乐会|晚会|摄影展|展览|公益跑|健步走|徒步|马拉松|夏令营|冬令营|市集))(?![{CJK}])"
)


_CLAUSE_PREPOSITIONS = frozenset("离在从向到被把对给")
_UN_MISREAD = re.compile(r"联合(?=国网|国家|国务院)")


@cache
def _org_leading_re() -> re.Pattern[str]:
    return re.compile(trie_regex(word_set("org_leading_words.txt")))


def _trim_leading_verb(text: str, c: Candidate) -> Candidate:
    """现任|天津大学环境学院: an appointment verb the dictionary reads as a noun opens no name;
    嘉宾们|入住|X酒店: a plural suffix (and the verb after it) ends what comes before the name."""
    if c.type != "Organization" or c.name:
        return c
    m = _org_leading_re().match(text, c.start, c.end)
    if m and c.end - m.end() >= 3:
        return replace(c, start=m.end())
    joined = _UN_MISREAD.search(text, c.start, c.end)
    if joined and c.end - joined.end() >= 4:
        return replace(c, start=joined.end())  # X联合|国网Y供电公司: the verb 联合, not the UN
    pos = c.start
    for t in _tagged(text[c.start : c.end])[:-1]:
        pos += len(t.word)
        if t.word in _CLAUSE_PREPOSITIONS:
            return replace(c, start=pos)  # 家住得离|医院太远: a clause, the name (if any) is after it
    plural = text.rfind("们", c.start, c.end - 3)
    if plural >= 0:
        start = _strip_leading(text, plural + 1, c.end)
        return replace(c, start=start) if c.end - start >= 3 else c
    return c


def _retype(text: str, c: Candidate) -> Candidate:
    """Type fixes: a quoted period of activities, or a quoted name before a kind of happening,
    is an event; a journal's title is a media body."""
    name = c.name or clean_name(text[c.start : c.end])
    if c.type == "Project" and c.rule.startswith("quote.") and text[c.end - 1 : c.end] == "”" and (h := _HAPPENING_AFTER.match(text, c.end)):
        return replace(c, end=h.end(), type="Event", subtype=None, name=name + h.group())
    if c.type == "Project" and c.rule.startswith("quote.") and _PERIOD_END.search(name) and not _NOT_PERIOD.search(name):
        return replace(c, type="Event", subtype=None)
    if c.type == "Publication" and c.rule == "quote.title" and _JOURNAL_AFTER.match(text, c.end):
        return replace(c, type="Organization", subtype="MediaOrganization")
    return c


_BARE_EDITION = re.compile(r"(?:19|20)\d\d年?(?:度)?(?:工作报告|年度报告|评估报告)")


def _precision_filters(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates of the false-positive classes above; a place read across two places
    (海南|海口 read as 南海, 河北|唐山 read as a mountain) gives way to the two places."""
    gaz = [c for c in cands if c.rule == "place.gazetteer"]
    gaz_ends = {c.end: c for c in gaz}
    gaz_starts = {c.start: c for c in gaz}
    inner_ends = {e for c in gaz for e in range(c.start + 1, c.end)}  # inside a place (places are short)
    out = []
    for c in cands:
        c = _trim_leading_verb(text, c)
        if c.type == "Organization" and _functional_unit(c.name or clean_name(text[c.start : c.end])):
            continue
        if c.type == "Organization" and _bare_suffix(c.name or clean_name(text[c.start : c.end])):
            continue
        if _quote_modifies_head(text, c) or _not_a_place_here(text, c) or _status_project(text, c):
            continue
        if c.rule == "org.suffix.Company" and _business_line_only(text, c):
            continue  # 新设投资咨询公司: a kind of company named by its business line only
        if c.rule == "quote.org" and _kind_metaphor(c.name or clean_name(text[c.start : c.end])):
            continue  # 村里的“森林银行”: a figure of speech, not a bank
        if c.type == "Event" and c.rule == "quote.event" and _COUNT.search(c.name or ""):
            continue  # “A”“B”“C”三个分论坛: a count of events, not one event's name
        if c.rule == "publication.edition" and _BARE_EDITION.fullmatch(text, c.start, c.end):
            continue  # 2024年工作报告: a body's report of a year, named only by its owner (not here)
        if c.type == "Project" and c.rule.startswith("quote.") and _slogan_or_formula(c.name or clean_name(text[c.start : c.end])):
            continue
        if c.type == "Organization" and (c.rule.startswith(("org.suffix", "org.gazetteer")) and text.startswith("门", c.end)):
            continue  # 教育部|门, 民政部|门: a kind of department, not the ministry
        if c.type == "Organization" and (_generic_body(name := c.name or clean_name(text[c.start : c.end])) or _kind_of_org(name) or _schools_of_an_area(name) or _ranked_kind(name)):
            continue
        if _crosses_two_places(c, inner_ends, gaz_starts, gaz_ends):
            continue  # 海南|海口: 南海 crosses the border of two places that meet inside it
        if c.type == "Place" and c.rule == "place.natural" and c.start in gaz_starts:
            first = gaz_starts[c.start]
            if first.end in gaz_starts and gaz_starts[first.end].end == c.end:
                continue  # 河北|唐山 is two places, not a hill named 河北唐
        out.append(_retype(text, c))
    return out

