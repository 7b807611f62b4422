"""Vocabularies loaded once from the data files in kg/resources, and regex builders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg.resources import load_lines, load_table


def trie_regex(words: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """A compact alternation matching any of ``words``, longest first (trie-shaped)."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


class TrieScanner:
    """Finds the same spans as ``re.compile(trie_regex(words)).finditer(text)`` (leftmost, then
    longest, non-overlapping), several times faster on large word lists: a character-class
    regex finds the positions where a word may start (its first two characters), and a dict
    trie is walked from there."""

    def __init__(self, words: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> None:
        words = [w for w in words if w]
        self.root: dict = {}
        for w in words:
            node = self.root
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = True

        def cls(chars: set[str]) -> str:
            return "[" + "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars)) + "]"

        self.firsts = "".join(sorted({w[0] for w in words}))
        self.seconds = frozenset(w[1] for w in words) if words and min(map(len, words)) >= 2 else None
        self.start: re.Pattern[str] | None = None
        if len(self.firsts) > self.FIND_MAX:
            # many first characters: one class regex finds the next start
            if self.seconds is not None:
                self.start = re.compile(cls(set(self.firsts)) + "(?=" + cls(set(self.seconds)) + ")")
            else:
                self.start = re.compile(cls(set(self.firsts)))

    # Up to this many distinct first characters, starts are found with str.find, one pass per
    # character: compiling the class regex costs milliseconds (a scanner is built per document
    # for the names it has seen), more than the scans.
    FIND_MAX = 48

    def _starts(self, text: str, pos: int, n: int) -> list[int]:
        """Positions in [pos, n) where a word may start (as ``self.start`` would find them)."""
        out: list[int] = []
        seconds = self.seconds
        for ch in self.firsts:
            i = text.find(ch, pos, n)
            while i >= 0:
                if seconds is None or (i + 1 < n and text[i + 1] in seconds):
                    out.append(i)
                i = text.find(ch, i + 1, n)
        out.sort()
        return out

    def match_end(self, text: str, pos: int = 0, endpos: int | None = None) -> int:
        """End of the longest word starting at ``pos`` (as ``pattern.match``), or 0."""
        n = len(text) if endpos is None else min(endpos, len(text))
        node = self.root
        last = 0
        j = pos
        while j < n:
            node = node.get(text[j])
            if node is None:
                break
            j += 1
            if "" in node:
                last = j
        return last

    def prefix_ends(self, text: str) -> list[int]:
        """Ends of all words that ``text`` starts with, shortest first."""
        node = self.root
        out = []
        for j, ch in enumerate(text):
            node = node.get(ch)
            if node is None:
                break
            if "" in node:
                out.append(j + 1)
        return out

    def contains(self, text: str) -> bool:
        """True when a word occurs in ``text`` (as ``pattern.search``)."""
        return bool(self.spans(text, first=True))

    def spans(self, text: str, pos: int = 0, endpos: int | None = None, first: bool = False) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        n = len(text) if endpos is None else endpos
        if self.start is None:
            starts: Iterable[int] = self._starts(text, pos, min(n, len(text)))
        else:
            starts = (m.start() for m in self.start.finditer(text, pos, n))
        for i in starts:
            if i < pos:
                continue  # inside the word found last
            last = self.match_end(text, i, n)
            if last > 0:
                out.append((i, last))
                if first:
                    return out
                pos = last
        return out


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    level: str  # province / city / county / country / natural
    parent: str  # parent's full name ("" for top level)


PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
COUNTY_SUFFIXES = ("自治县", "自治旗", "县", "区", "市", "旗")


# the 55 minority nationalities, longest first: the short form of an ethnic autonomous
# prefecture is the part before the first of them (西双版纳|傣族自治州, 黔东南|苗族侗族自治州)
_ETHNIC = (
    "柯尔克孜|乌孜别克|维吾尔|哈萨克|达斡尔|鄂温克|鄂伦春|塔吉克|俄罗斯|傈僳|景颇|纳西|土家|布依|仡佬|毛南|仫佬|"
    "哈尼|撒拉|保安|东乡|裕固|独龙|普米|阿昌|德昂|布朗|基诺|拉祜|锡伯|赫哲|门巴|珞巴|高山|蒙古|朝鲜|"
    "傣|苗|侗|白|藏|彝|壮|回|羌|黎|瑶|畲|水|土|怒|佤|京|满"
)
_ETHNIC_PREFECTURE = re.compile(f"^(\\w{{2,4}}?)(?:(?:{_ETHNIC})族|蒙古)+自治州$")
_ETHNIC_COUNTY = re.compile(f"^(\\w{{2,4}}?)(?:(?:{_ETHNIC})族|蒙古|鄂伦春|鄂温克|达斡尔)*(自治县|自治旗)$")


def _short(name: str, suffixes: tuple[str, ...]) -> str:
    for suf in suffixes:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return ""


@cache
def places() -> dict[str, Place]:
    """Surface form -> Place (full names and unambiguous short forms)."""
    rows = load_table("admin_divisions.tsv")
    by_code = {r[0]: r for r in rows}
    out: dict[str, Place] = {}
    shorts: list[tuple[str, Place]] = []
    for row in rows:
        _code, name, level = row[:3]
        parent = row[3] if len(row) > 3 else ""
        parent_name = by_code[parent][1] if parent in by_code else ""
        place = Place(name, level, parent_name)
        out.setdefault(name, place)
        if level in ("province", "city"):
            s = _short(name, PROVINCE_SUFFIXES if level == "province" else CITY_SUFFIXES)
            if s:
                shorts.append((s, place))
            ethnic = _ETHNIC_PREFECTURE.match(name)
            if ethnic:  # 大理白族自治州 -> 大理, 大理州
                shorts.append((ethnic.group(1), place))
                shorts.append((ethnic.group(1) + "州", place))
        elif level == "county":
            county = _ETHNIC_COUNTY.match(name)
            if county:  # 五峰土家族自治县 -> 五峰县, 鄂伦春自治旗 -> 鄂伦春旗 (the customary short forms)
                shorts.append((county.group(1) + county.group(2)[-1], place))
    by_short: dict[str, list[Place]] = {}
    for s, place in shorts:
        by_short.setdefault(s, []).append(place)
    for s, cands in by_short.items():
        if s in out:
            continue
        if len(cands) == 1:
            out[s] = cands[0]
        elif (len(cands) == 2 and cands[1].parent == cands[0].name) or (len(cands) == 2 and cands[0].parent == cands[1].name):
            # 吉林省 / 吉林市: a province and its own seat share the short form; read the province
            out[s] = cands[0] if cands[0].level == "province" else cands[1]
        elif sum(p.level == "province" for p in cands) == 1:
            # 海南省 / 海南藏族自治州: the bare short form is the province's customary name
            out[s] = next(p for p in cands if p.level == "province")
    for name in load_lines("countries.txt"):
        out.setdefault(name, Place(name, "country", ""))
    return out


def place_full_name(surface: str) -> str:
    p = places().get(surface)
    return p.name if p else surface


@cache
def org_suffixes() -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in load_table("org_suffixes.tsv")}


@cache
def gov_bodies() -> dict[str, tuple[str, str]]:
    """Surface -> (canonical name, subtype): central bodies (gov_bodies.tsv) and well-known
    organisations named without a suffix or by an abbreviation (known_orgs.tsv)."""
    out: dict[str, tuple[str, str]] = {}
    rows = load_table("gov_bodies.tsv") + load_table("known_orgs.tsv")
    for row in rows:
        name, subtype = row[0], row[1]
        out[name] = (name, subtype)
        if len(row) > 2:
            for alias in row[2].split(","):
                if alias.strip():
                    out.setdefault(alias.strip(), (name, subtype))
    return out


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(load_lines(name))


@cache
def surnames() -> frozenset[str]:
    out: set[str] = set()
    for line in load_lines("surnames.txt"):
        out.update(line.split())
    return frozenset(out)


@cache
def roles() -> tuple[str, ...]:
    return tuple(sorted(load_lines("roles.txt"), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class County:
    name: str
    parent_chain: frozenset[str]  # full names of the city and province above it


@cache
def county_shorts() -> dict[str, County]:
    """Short forms of counties and districts (安溪 for 安溪县), unambiguous across the country;
    used only right after their own province or city."""
    rows = load_table("admin_divisions.tsv")
    by_code = {r[0]: r for r in rows}
    found: dict[str, list[County]] = {}
    for row in rows:
        if row[2] != "county":
            continue
        s = _short(row[1], COUNTY_SUFFIXES)
        if not s:
            continue
        chain = set()
        parent = row[3] if len(row) > 3 else ""
        while parent in by_code:
            chain.add(by_code[parent][1])
            parent = by_code[parent][3] if len(by_code[parent]) > 3 else ""
        found.setdefault(s, []).append(County(row[1], frozenset(chain)))
    return {s: c[0] for s, c in found.items() if len(c) == 1}
