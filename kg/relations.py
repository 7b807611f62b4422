"""Relation extraction: document structure first, then sentence patterns.

Every rule is registered with an id, a description, its predicate and a confidence
(``RULES``); ``kg eval --by-rule`` reports each rule's precision. Sentence rules come from
``resources/relation_rules.tsv``; structural rules (case-book fields, tables, roles, place
chains) are code below. Domain and range checks from the ontology drop impossible triples.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import combinations, pairwise
from typing import Any

from kg.entities import award_level, table_column_role, table_grid, table_header_unit
from kg.lexicon import Place, places, roles
from kg.model import DocResult, Mention, Relation, Section, Sentence
from kg.resources import load_lines, load_table

TYPE_CODES = {
    "O": "Organization",
    "P": "Person",
    "J": "Project",
    "L": "Place",
    "A": "Award",
    "E": "Event",
    "B": "Publication",
}


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    predicate: str
    confidence: float
    description: str
    trigger: re.Pattern[str] | None = None
    subject_types: frozenset[str] = frozenset()
    object_types: frozenset[str] = frozenset()


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    RULES[rule.id] = rule
    return rule


# Confidence = the rule's measured precision on the development set (``kg eval --by-rule``), rounded
# to .05 and at most .95; a rule with fewer than 10 triples is smoothed toward .7 with 3 pseudo-triples
# (a floor for tiny samples), a rule that produced none keeps at most .7.
CASE_IMPLEMENTS = register(Rule("case.org", "implements", 0.95, "case book: 项目机构 field -> implements the case project"))
CASE_LOCATION = register(Rule("case.location", "locatedIn", 0.95, "case book: 实施地点 field -> project locatedIn place"))
CASE_AWARD = register(Rule("case.award", "receivedAward", 0.95, "case book: 获奖情况 with category·year -> receivedAward the book's prize"))
PLACE_CHAIN = register(Rule("place.chain", "partOf", 0.9, "adjacent places 江西九江市 / 广东省广州市: the second is partOf the first"))
ROLE_NAME = register(Rule("worksFor.org_role_name", "worksFor", 0.95, "organisation + role + person (青山环保基金会理事长林青)"))
MEMBER_LIST = register(Rule("memberOf.list", "memberOf", 0.95, "member lists: 成员包括A、B / N由A、B组成"))
SEAT = register(Rule("locatedIn.held_at", "locatedIn", 0.85, "E 在 X 举行/开幕/召开, P 落户 X"))
ROLE_DEPT = register(Rule("worksFor.org_dept_role_name", "worksFor", 0.9, "organisation + department + role + person (X基金会气候项目总监Y)"))
ROLE_CARD = register(Rule("worksFor.name_card", "worksFor", 0.8, "person + organisation + role (name card: 张三 X基金会理事长)"))
PLACE_LIST = register(Rule("place.chain_list", "partOf", 0.85, "province + coordinated cities (甘肃省张掖市、天水市): each city partOf the province"))
PLACE_COUNTRY = register(Rule("place.country", "partOf", 0.75, "country directly before a place (加拿大蒙特利尔)"))
LOC_AT = register(Rule("locatedIn.at_places", "locatedIn", 0.9, "project + 在 X、Y(等地) + verb (also 该项目/dropped subject of a case): each finest place"))
LOC_SEAT = register(Rule("locatedIn.seat", "locatedIn", 0.8, "X 位于/坐落于/总部设在/设有办事处 Y"))
LOC_PREFIX = register(Rule("locatedIn.place_prefix", "locatedIn", 0.9, "place directly before a quoted project or event (美国“X计划”, 哥本哈根首届“Y峰会”)"))
SCENE = register(Rule("participatesIn.scene", "participatesIn", 0.9, "会上/开幕式上/现场，A、B 签订/发布/致辞/展示 …: the actors of the clause take part in the event named before"))
FUND_ROLE = register(Rule("funds.role", "funds", 0.85, "A 作为(主要)捐资方/投资方/委托人: A funds the project of the context"))
FUND_RECEIVE = register(Rule("funds.receive", "funds", 0.75, "P 获得 A (的)授信/资助/捐赠/投资: A funds P"))
FUND_AMOUNT = register(Rule("funds.amount", "funds", 0.8, "N 万元由 A 支持/出资/资助; A (累计)投入(资金) N 万元: A funds the project of the context"))
SUPPORT_PROVIDE = register(Rule("supports.provide", "supports", 0.65, "A 为 P 提供技术/智力/政策支持 (资金支持: funds)"))
STAFF_LIST = register(Rule("worksFor.staff_list", "worksFor", 0.95, "a heading line naming an organisation, then lines 'person role' (staff lists)"))
SUBPROJECT = register(Rule("partOf.subproject", "partOf", 0.9, "inside a case block: 开展/开发/启动/推出 “X” (a named programme) -> X partOf the case project; X 是 P 的一部分/子项目"))
LOC_VERB_PLACES = register(Rule("locatedIn.verb_places", "locatedIn", 0.9, "project + 建成/开拓/覆盖(了) A、B 等国家/五大…: each listed place"))
CHAIRS = register(Rule("worksFor.chairs", "worksFor", 0.9, "(N)现任/历任主席为/包括 A ROLE 甲、B ROLE 乙: each person chairs the network N (named before or in context)"))
PURPOSE = register(Rule("supports.purpose", "supports", 0.6, "为助力/为支持 X，…，“Y”正式启动/举行: the launched Y supports X"))
LOC_NESTED = register(Rule("locatedIn.name_nesting", "locatedIn", 0.8, "a natural place inside a project's name (Z湖水基金项目 -> locatedIn Z湖)"))
REFERENCE = register(Rule("publishes.reference", "publishes", 0.85, "reference list line: [n] AUTHOR, 《TITLE》, YEAR (the author a recognised organisation or person)"))
PLACE_SEAT = register(Rule("place.located", "partOf", 0.7, "place X 位于/地处 Y, 位于 Y 的 X (a place): X partOf the finest place of Y"))
INVITE = register(Rule("participatesIn.invite", "participatesIn", 0.95, "E/本次论坛 邀请(到) A、B 等嘉宾: each invited organisation or person takes part in the event"))
SUBORG_NAME = register(Rule("subOrg.name_nesting", "subOrganizationOf", 0.8, "a unit named after its parent organisation (X学会Y分会, X部Y办公室)"))
JURY = register(Rule("memberOf.jury", "memberOf", 0.9, "“W奖”评委/评审委员会委员 甲、乙: each person memberOf the award's jury (an organisation W奖评审委员会 of the document)"))
THANKS = register(Rule("supports.thanks", "supports", 0.9, "X（…）得到 A、B 等的大力支持，以及 C 的帮助: each backer supports X (本X / the sentence's subject / the case project)"))
VETTED = register(Rule("supports.vetted", "supports", 0.8, "经/通过 A (多年)的监测/审批/授权…，P …: A supports P (the next clause's subject)"))
FUND_NAME = register(Rule("funds.name_nesting", "funds", 0.8, "a project named after its lender or donor, an organisation of the document (X银行贷款Y项目 -> X funds it)"))
AS_MEMBER = register(Rule("memberOf.as_member", "memberOf", 0.8, "A 作为/是/成为 N（alias）(的)…委员单位/会员单位/成员: A memberOf N"))


@cache
def sentence_rules() -> tuple[Rule, ...]:
    out = []
    for row in load_table("relation_rules.tsv"):
        rid, pred, trig, st, ot, conf, desc = row[:7]
        rule = Rule(
            rid,
            pred,
            float(conf),
            desc,
            re.compile(trig),
            frozenset(TYPE_CODES[c] for c in st),
            frozenset(TYPE_CODES[c] for c in ot),
        )
        out.append(register(rule))
    return tuple(out)


# Ontology domain/range (mirrors ontology/kg.ttl), used to drop impossible triples.
DOMAIN_RANGE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "funds": (frozenset({"Organization", "Person"}), frozenset({"Organization", "Project", "Event"})),
    "supports": (
        frozenset({"Organization", "Person", "Project"}),
        frozenset({"Organization", "Project", "Event", "Publication"}),
    ),
    "partnersWith": (frozenset({"Organization", "Project", "Person"}), frozenset({"Organization", "Project"})),
    "implements": (frozenset({"Organization", "Person"}), frozenset({"Project"})),
    "initiates": (
        frozenset({"Organization", "Person"}),
        frozenset({"Project", "Event", "Organization", "Publication", "Award"}),
    ),
    "organizes": (frozenset({"Organization", "Person"}), frozenset({"Event"})),
    "participatesIn": (frozenset({"Organization", "Person", "Project"}), frozenset({"Event", "Project"})),
    "locatedIn": (frozenset({"Organization", "Project", "Event"}), frozenset({"Place"})),
    # a city or a park holds titles too (X城市 / X基地 titles)
    "receivedAward": (frozenset({"Organization", "Project", "Person", "Place"}), frozenset({"Award"})),
    "memberOf": (frozenset({"Organization", "Person"}), frozenset({"Organization"})),
    "worksFor": (frozenset({"Person"}), frozenset({"Organization"})),
    "publishes": (frozenset({"Organization", "Person", "Project"}), frozenset({"Publication"})),
    "subOrganizationOf": (frozenset({"Organization"}), frozenset({"Organization"})),
    # a sub-forum or session of an event, a pavilion of a conference, an event of a programme
    "partOf": (frozenset({"Place", "Project", "Event"}), frozenset({"Place", "Project", "Event"})),
}


def allowed(pred: str, s: Mention, o: Mention) -> bool:
    dom, rng = DOMAIN_RANGE[pred]
    if s.type not in dom or o.type not in rng:
        return False
    if pred == "partOf" and s.type != o.type and "Place" in (s.type, o.type):
        return False  # places nest in places; projects and events in projects and events
    return s.key != o.key


# --- mention groups around a trigger ---------------------------------------------------------

# a connector between coordinated names; an alias parenthesis （以下简称“X”） may precede it
_CONNECT = re.compile(
    # a company's short name may be followed by the rest of its full name (极氪|智能科技与 B)
    r"^\s*(?:[\u4e00-\u9fff]{0,4}(?:科技|集团|控股|股份|传媒|网络|有限公司))?(?:[（(][^（）()]{1,30}[）)])?[\s“”\"]*(?:、|，|,|和|与|及|以及|同|跟|联合|携手|及其|及会员单位[-—]?)[\s“”\"]*$"
    r"|^\s*[”\"]\s*[“\"]\s*$"  # “A”“B”: quoted names written back to back
)
# 与/同/跟 split a group into two sides (X 与 A、B 合作: X with each of A, B)
_SIDE_SPLIT = re.compile(r"^\s*(?:[（(][^（）()]{1,30}[）)])?[\s“”\"]*(?:分别)?(?:与|同|跟|携手|联合)[\s“”\"]*$")
_NUM = r"[\d一二三四五六七八九十两多数几百]+余?"
# 等九家全国性社会组织 / 三部门 / 等机构: a quantifier closing a coordinated group
_QUANT = (
    rf"(?:等{{1,2}}(?:{_NUM}\s*(?:家|个|所|方|位|名))?(?:[^\s，。；、“”]{{0,8}}?(?:机构|单位|组织|部门|企业|伙伴|公司|团体|媒体|高校|院校|嘉宾|代表|专家|领导|基金会))?"
    rf"|{_NUM}\s*(?:家|个|所|方)?(?:机构|单位|部门|方|部委|家))"
)
_TIME = (
    r"(?:(?:于|在|自|从)?\s*(?:\d{4}\s*年|去年|今年|前年|同年|当年)(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:底|初|上旬|中旬|下旬)?(?:起|以来|开始)?"
    r"|(?:于|在)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
    rf"|(?:(?:在|于)(?:未来|今后)?)?(?:连续|先后|累计|历时)?{_NUM}\s*(?:年|个月|届|次|期)(?:内|间|来|以来)?)"  # 连续三年 / 多次 / 在三年内
)


# A 联合 23 家公益机构 / 携手 [an unrecognised name] + verb: co-actors without a recognised name
# between the subject and its verb leave the subject in place
_CO_ACTOR_GAP = (
    rf"(?:联合|携手|会同|与|和)\s*(?:{_NUM}\s*(?:家|个|所|位|名)[^，。；、“”《》的]{{0,10}}?"
    r"(?:机构|单位|组织|企业|伙伴|公司|团体|高校|院校|基金会|媒体)"
    r"|(?<=联合|携手|会同)[^，。；、：:“”《》（）()的\s]{2,16}?)"
)

# A 组织志愿者参与 P / A 组织专家编写《X》: the people A mobilises act for A
_MOBILISE_GAP = r"(?:(?:组织|动员|带领|发动|号召|召集|邀请)[^，。；、]{0,8}?(?:志愿者|员工|会员|成员机构|成员|伙伴|师生|学生|居民|村民|公众|市民|青少年|专家|团队|代表|人员|力量)(?:们)?)"

# A 捐资 200 万元设立 P / 共同出资成立 B: the money put in before the verb of founding
_FUNDING_GAP = r"(?:(?:共同|联合|各)?(?:捐资|出资|投资|注资|捐赠|投入)(?:资金)?(?:[\d.,一二三四五六七八九十百千万亿余多近约]+\s*(?:万|亿)?\s*(?:元|美元|港元|欧元))?)"


# unrecognised names between two coordinated mentions: A、[X促进会]、[Y研究院]和B (each item a
# short run without clause punctuation or verbs of a new clause)
_UNKNOWN_ITEMS = re.compile(
    r"^[\s“”\"]*(?:[（(][^（）()]{1,30}[）)])?(?:[\s“”\"]*、[\s“”\"]*[^，。；、：:！？\s]{2,22}?[\s“”\"]*(?:[（(][^（）()]{1,30}[）)])?){1,3}[\s“”\"]*(?:、|和|与|及|以及)[\s“”\"]*$"
)


def _quoted_pair(text: str, a: Mention, b: Mention) -> bool:
    """“A”“B” / 《A》《B》: two quoted names written back to back are coordinated."""
    left = text[a.start : b.start].rstrip()
    right = text[a.end : b.end].lstrip()
    return left.endswith(("”", '"', "》")) and right.startswith(("“", '"', "《")) and re.fullmatch(r"[\s“”\"《》]*", text[a.end : b.start]) is not None


_APPOSITION = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{0,4}?(?:论坛|分论坛|会议|边会|活动|分会场|研讨会|展览|子项目|专项))?\s*(?:——|—|--|：|:)\s*[“\"「\[]?\s*"
)
_BY_PREFIX = re.compile(r"[\s“”\"]*(?:[^，。；、：:！？\s]{2,22}?[\s“”\"]*(?:[（(][^（）()]{1,30}[）)])?[\s“”\"]*(?:、|和|与|及)[\s“”\"]*)?")


@cache
def _adverb_alt() -> str:
    return "|".join(re.escape(w) for w in sorted(load_lines("rel_adverbs.txt"), key=len, reverse=True))


@cache
def _gap_before() -> re.Pattern[str]:
    adv = _adverb_alt()
    advs = rf"(?:(?:{adv}|{_TIME})[\s“”\"]*)*"
    return re.compile(
        rf"^[\s“”\"]*(?:[（(][^（）()]{{1,30}}[）)])?[\s“”\"]*(?:{_QUANT})?[\s“”\"]*{advs}(?:{_CO_ACTOR_GAP}[\s“”\"]*{advs})?(?:{_FUNDING_GAP}[\s“”\"]*)?(?:{_MOBILISE_GAP}[\s“”\"]*{advs})?$"
    )


@cache
def _adverbs_only() -> re.Pattern[str]:
    """A clause opening with nothing but adverbs / time before its verb: its subject was dropped."""
    adv = _adverb_alt()
    return re.compile(rf"^[\s“”\"]*(?:(?:{adv}|{_TIME}|而且|而|且|还|其)[\s“”\"]*)*$")


@cache
def _co_actor() -> re.Pattern[str]:
    """A clause opening 联合/与/携手 before its group: the dropped subject acts together with it
    (…，联合 A、B 发起 X / 其与 A 合作上线 X)."""
    adv = _adverb_alt()
    return re.compile(rf"[\s“”\"]*(?:(?:{adv}|{_TIME}|其|并|还)[\s“”\"]*)*(?:联合|携手|会同|与|同|跟)[\s“”\"]*")


def _start(m: Mention) -> int:
    return m.start


def window(ms: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The mentions of ``ms`` (sorted by start) that start in [lo, hi): a bisection, so rules
    stay linear on long texts where a scan of every mention per trigger would be quadratic."""
    return ms[bisect_left(ms, lo, key=_start) : bisect_left(ms, hi, key=_start)]


def group_before(ms: list[Mention], text: str, pos: int, types: frozenset[str], floor: int) -> list[Mention]:
    """The coordinated mentions ending just before ``pos`` (A、B和C + trigger)."""
    cands = [m for m in window(ms, floor, pos) if m.end <= pos]
    # a mention of another type inside the gap (等九家全国性组织: 全国) does not break the group
    while cands and cands[-1].type not in types and _gap_before().match(text[cands[-1].start : pos]):
        cands.pop()
    if not cands:
        return []
    last = cands[-1]
    if not _gap_before().match(text[last.end : pos]) or last.type not in types:
        return []
    group = [last]
    edge = last.start  # where the latest item's name begins (a country or city may open it)
    for m in reversed(cands[:-1]):
        if m.type not in types:
            # a place inside an unrecognised list item (A、中国X促进会、B): the gap check of the
            # next mention of the group decides; a place written right before the item (日本X集团)
            # opens its name
            if m.type == "Place" and m.end == edge:
                edge = m.start
            continue
        gap = text[m.end : edge]
        if group[-1].type == "Person" and m.type == "Organization" and _org_role_tail().fullmatch(gap):
            continue  # A 理事长甲: the listed person's organisation, not an item of the list
        if _CONNECT.match(gap) or _quoted_pair(text, m, group[-1]) or _UNKNOWN_ITEMS.match(gap) or (m.type == group[-1].type == "Person" and _person_link(ms, text, m, group[-1])):
            group.append(m)
            edge = m.start
        else:
            break
    return list(reversed(group))


@cache
def _role_gap() -> re.Pattern[str]:
    """理事长甲、监事长乙: a connector and the next person's title between two listed people."""
    return re.compile(rf"\s*[、，,和及]\s*(?:{_role_alt()})\s*")


@cache
def _titled() -> re.Pattern[str]:
    """A person's title before the name (美国前财长 / 时任理事长): a short qualifier, then a role."""
    return re.compile(rf"[\s“”\"]*[\u4e00-\u9fff]{{0,4}}?(?:前|原|时任|现任|首任)?(?:{_role_alt()})[\s“”\"]*")


@cache
def _org_role_tail() -> re.Pattern[str]:
    """What follows the next person's organisation: (department) title(s) (党组成员、副局长)."""
    role = _role_alt()
    return re.compile(rf"\s*[\u4e00-\u9fffA-Za-z0-9]{{0,10}}?(?:{role})(?:\s*(?:兼|、|和)\s*(?:{role}))*\s*")


def _person_link(ms: list[Mention], text: str, a: Mention, b: Mention) -> bool:
    """Two listed people: 理事长甲、监事长乙, or A 理事长甲、B 院长乙 / A 巡视员甲，B 副局长乙 (a connector,
    the next person's organisation and title)."""
    gap = text[a.end : b.start]
    if _role_gap().fullmatch(gap):
        return True
    between = [x for x in ms if a.end <= x.start and x.end <= b.start]
    if len(between) != 1 or between[0].type != "Organization":
        return False
    org = between[0]
    return re.fullmatch(r"\s*[、，,和及]\s*(?:以及)?\s*", text[a.end : org.start]) is not None and _org_role_tail().fullmatch(
        text[org.end : b.start]
    ) is not None


def group_after(ms: list[Mention], text: str, pos: int, types: frozenset[str], ceiling: int, max_gap: int = 12) -> list[Mention]:
    """The coordinated mentions starting soon after ``pos`` (trigger + 了“X”和“Y”)."""
    cands = [m for m in window(ms, pos, ceiling) if m.end <= ceiling]
    first = None
    for m in cands:
        if m.type in types and m.start - pos <= max_gap and not re.search(r"[，。；！？]", text[pos : m.start]):
            first = m
            break
        if m.start - pos > max_gap:
            break
    if first is None:
        # 联合可持续发展及ESG咨询机构商道纵横: a descriptor ending in a classifier noun before the name
        first = next((m for m in cands if m.start - pos <= 24), None)
        if first is None or first.type not in types or not _DESCRIPTOR.fullmatch(text[pos : first.start]):
            return []
    group = [first]
    for m in cands[cands.index(first) + 1 :]:
        gap = text[group[-1].end : m.start]
        if m.type != group[-1].type and re.match(r"[\s“”\"]*[，,]", gap):
            break  # 设立“X基金”，B 首期捐赠…: after a comma another kind of name opens the next clause
        if (_CONNECT.match(gap) or _quoted_pair(text, group[-1], m) or _UNKNOWN_ITEMS.match(gap)) and m.type in types:
            group.append(m)
        else:
            break
    if len(group) == 1:
        # 平行论坛——“主题”: the apposition names the entity itself
        nxt = next((m for m in cands if m.start >= first.end), None)
        if nxt is not None and nxt.type == first.type and _APPOSITION.fullmatch(text[first.end : nxt.start]):
            group = [nxt]
    return group


_DESCRIPTOR = re.compile(r"[\s“”\"]*[^，。；、：:“”《》（）()\s]{0,20}(?:机构|组织|公司|企业|媒体|平台|团队|智库|品牌)[\s“”\"]*")


def _rel(s: Mention, pred: str, o: Mention, sent: Sentence, rule: Rule, quals: tuple = ()) -> Relation:
    return Relation(s, pred, o, sent.doc_id, sent.text[:200], sent.start, sent.end, rule.id, rule.confidence, quals)


def _pairs(
    subjects: Sequence[Mention], pred: str, objects: Sequence[Mention], sent: Sentence, rule: Rule, quals: tuple = ()
) -> Iterator[Relation]:
    """``pred`` from each subject to each object, where the predicate's domain and range allow it."""
    for s in subjects:
        for o in objects:
            if allowed(pred, s, o):
                yield _rel(s, pred, o, sent, rule, quals)


def _year_of(text: str) -> tuple[tuple[str, str], ...]:
    m = re.search(r"((?:19|20)\d{2})\s*年", text)
    return (("year", m.group(1)),) if m else ()


# --- context: case projects, anaphora, dropped subjects ---------------------------------------


@dataclass
class Ctx:
    text: str
    ms: list[Mention]  # all mentions of the document, in text order
    sections: dict[int, Section]
    case_projects: dict[int, Mention]
    case_orgs: dict[int, list[Mention]] = None  # type: ignore[assignment]  # 项目机构 of each case block


@cache
def _anaphora() -> dict[str, str]:
    return {row[0]: row[1] for row in load_table("rel_anaphora.txt")}


@cache
def _anaphor_re() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(_anaphora(), key=len, reverse=True))
    return re.compile(rf"(?:本次|此次|该|本|这一?|上述|此)\s*(?:{heads})")


def _resolve_head(ctx: Ctx, sent: Sentence, pos: int, head: str, types: frozenset[str]) -> Mention | None:
    """The entity a generic noun (本次培训班, 该项目) refers back to."""
    want = _anaphora().get(head)
    if want is None or want not in types:
        return None
    if want == "Project" and sent.section in ctx.case_projects and head in ("项目", "计划", "工程", "平台"):
        return ctx.case_projects[sent.section]
    sec = ctx.sections.get(sent.section)
    floor = max(sec.start if sec else 0, pos - 600)
    before = [m for m in window(ctx.ms, floor, pos) if m.end <= pos and m.type == want]
    # “X”行动 (the mention's text carries the head its key lacks) names an action as well
    named = [m for m in before if m.key.endswith(head) or m.text.rstrip("”\"").endswith(head)]
    if named:
        return named[-1]
    return before[-1] if before and pos - before[-1].end < (800 if want == "Event" else 300) else None


def _anaphor_before(ctx: Ctx, sent: Sentence, pos: int, floor: int, types: frozenset[str]) -> Mention | None:
    """本次培训班 / 该项目 (+ adverbs) right before a trigger."""
    for m in _anaphor_re().finditer(ctx.text, floor, pos):
        if _gap_before().match(ctx.text[m.end() : pos]):
            head = re.sub(r"^(?:本次|此次|该|本|这一?|上述|此)\s*", "", m.group())
            return _resolve_head(ctx, sent, m.start(), head, types)
    return None


def _anaphor_after(ctx: Ctx, sent: Sentence, pos: int, types: frozenset[str]) -> Mention | None:
    """Trigger + (了)(本次)启动仪式: the generic noun names the latest such entity."""
    heads = "|".join(re.escape(h) for h in sorted(_anaphora(), key=len, reverse=True))
    m = re.compile(
        rf"[\s了]*(?:本次|此次|该|本|这一?|上述|此)?\s*(?:{_NUM}\s*(?:场|次|期|届|个|份))?[\u4e00-\u9fff]{{0,4}}?({heads})(?![\u4e00-\u9fff])"
    ).match(ctx.text, pos, sent.end)
    if not m:
        return None
    ref = _resolve_head(ctx, sent, pos, m.group(1), types)
    if ref is not None and not re.search(r"本次|此次|该|本|这|上述|此", m.group()) and m.group(1) not in ref.key:
        return None  # 举办新闻发布会: a bare generic noun introduces a new event, unless the named one is of its kind
    return ref


_LEAD = re.compile(
    r"(?:\s|[，,]|当地时间|上午|下午|晚上|近日|日前|此外|同时|另外|其中|目前|随后|如今|今年|去年|截至目前|会上|会议期间|现场|据介绍|据悉|据了解|据统计|"
    r"在[^，。；]{1,40}?(?:下|基础上|过程中|之际)(?=[，,\s])|过去[^，。；]{0,4}年|近[^，。；]{0,3}年来?|多年来|\d+\s*年来|"
    r"(?!在)[\u4e00-\u9fff]{0,8}?(?:发布会|开幕式|闭幕式|仪式|大会|论坛|峰会|年会|活动|沙龙)(?:上|期间|现场)(?=[，,])|"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[-—至到]\s*\d{1,2}\s*日)?|"
    r"(?:自|从|于|在)?\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:起|以来|开始|至今)?)*"
)
_SUBJECT_PRONOUN = re.compile(r"(?:该项目|本项目|项目|该案例|该模式|该平台|项目方|该基金会)")


def sentence_subject(ctx: Ctx, sent: Sentence, ms: list[Mention], types: frozenset[str]) -> list[Mention]:
    """The topic subject that opens the sentence (after time phrases), carried into later clauses."""
    text = ctx.text
    pos = _LEAD.match(text, sent.start, sent.end).end()
    first = next((m for m in ms if m.start >= pos), None)
    if first is not None and not text[pos : first.start].strip(" “”\"") and first.type in types:
        group = group_after(ms, text, pos, types, sent.end, max_gap=1)
        if group and not re.match(r"[\s”\"]*(?:的|之|[-—])", text[group[-1].end : group[-1].end + 3]):
            return group
        return []
    if first is not None and not text[pos : first.start].strip(" “”\"") and first.type == "Project":
        # “P”携手 A、B，发起…: the project's co-actors carry into the later clauses
        co = re.match(r"[\s”\"]*(?:(?:联合|携手|会同)[\s“”\"]*)", text[first.end : sent.end])
        if co:
            group = group_after(ms, text, first.end + co.end(), types, sent.end, max_gap=1)
            if group and re.match(r"[\s”\"]*(?:等[^，。；]{0,10}?)?[，,]", text[group[-1].end : group[-1].end + 12]):
                return group
    parties = _PARTIES.match(text, pos, sent.end)
    if parties and "Organization" in types:
        return _parties_before(ctx, sent, pos, parties.group(1))  # 双方将…，并联合发布…
    if sent.section in ctx.case_projects and "Project" in types:
        m = _SUBJECT_PRONOUN.match(text, pos, sent.end)
        if m and text[m.end() : m.end() + 1] not in ("的", "组", "区", "地"):
            return [ctx.case_projects[sent.section]]
    if ctx.case_orgs and sent.section in ctx.case_orgs and "Organization" in types and _TEAM.match(text, pos, sent.end):
        # 项目团队积极开发…: in a case block the team is the case's project organisation
        return list(ctx.case_orgs[sent.section])
    return []


# predicates whose dropped subject may be carried over a longer run of clauses
_CARRY_FAR = frozenset({"publishes", "initiates"})


@cache
def _manner() -> re.Pattern[str]:
    """A manner or basis phrase opening a clause whose subject was dropped (以X为基础, 在…的基础上,
    历经/经过 N 年, 通过…), then adverbs before the verb."""
    adv = _adverb_alt()
    return re.compile(
        rf"[\s“”\"]*(?:以[^，。；]{{1,40}}?为(?:基础|依据|蓝本|框架|参考|指导)|在[^，。；]{{1,40}}?(?:的)?基础上|(?:历经|经过|历时|用时)[^，。；]{{1,16}}|通过[^，。；]{{1,24}}?)?"
        rf"[\s“”\"]*(?:(?:{adv}|{_TIME}|而且|并|还|又|再|最终|终于)[\s“”\"]*)*"
    )


def _clause_topic(ctx: Ctx, sent: Sentence, ms: list[Mention], pos: int, types: frozenset[str]) -> list[Mention]:
    """The subject of the nearest earlier clause of the sentence that opens with a named group
    (…，A 牵头组织专家团队，历经两年，编制完成《X》: A); a clause opening with 由 A gives A too."""
    text = ctx.text
    cuts = [sent.start] + [m.end() for m in re.finditer(r"[，,；;]", text[sent.start : pos])]
    for c in reversed(cuts):
        c = c if c == sent.start else sent.start + c
        if c >= pos:
            continue
        lead = _LEAD.match(text, c, pos).end()
        by = re.match(r"[\s“”\"]*(?:由|经)", text[lead:pos])
        start = lead + (by.end() if by else 0)
        group = group_after(ms, text, start, types, pos, max_gap=1)
        if group and group[0].start - start <= 1 and not re.match(r"[\s”\"]*(?:的|之|[-—])", text[group[-1].end : group[-1].end + 3]):
            return group
    return []


_TEAM = re.compile(r"(?:项目团队|项目机构|项目实施团队|项目执行团队)(?![\u4e00-\u9fff]{0,2}的)")


# --- sentence rules ---------------------------------------------------------------------------


def _sentence_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    for rule in sentence_rules():
        assert rule.trigger is not None
        for t in rule.trigger.finditer(ctx.text, sent.start, sent.end):
            yield from _apply(ctx, rule, t, sent, ms)


_SUPPORT_UNDER = re.compile(
    r"[\s”\"]*(?:等[^，。；]{0,10}?)?的?\s*(?:大力|鼎力|全力|积极|共同)?(?:支持|指导|资助|捐助|捐赠|帮助|协助|推动|倡导|倡议|发起|监督)(?:和|与|、)?(?:支持|指导|资助|帮助|协助|推动|监督)?下"
)
_DONATION = re.compile(r"[\s”\"]*的?\s*(?:捐资|捐赠|捐款|资助|捐助|善款|资金支持)")


_VERB_COORD = re.compile(
    r"(?:发起|主办|承办|协办|策划|组织|指导|支持|资助|出资|捐资|执行|实施|设立|成立|创立|参与|参加|出席)(?:并|和|及|、)(?:共同|联合)?[\s“”\"]*$"
)


def _apply(ctx: Ctx, rule: Rule, t: re.Match[str], sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    pred = rule.predicate
    clause_start = _clause_start(text, sent.start, t.start())
    if rule.id == "funds.donate_to":
        # A 向 B 捐赠: B right after 向, then a donation verb
        subj = group_before(ms, text, t.start(), rule.subject_types, sent.start)
        if not subj and _adverbs_only().match(text[clause_start : t.start()]) and clause_start > sent.start:
            subj = sentence_subject(ctx, sent, ms, rule.subject_types)
        recips = group_after(ms, text, t.end(), rule.object_types, sent.end, max_gap=2)
        if not recips:
            # 向全国多个地区捐赠上万所“P”: the donated project follows the verb
            v = re.match(r"[^，。；]{0,12}?(?:捐赠|捐资|捐建|援建)(?:了)?", text[t.end() : sent.end])
            if v:
                recips = group_after(ms, text, t.end() + v.end(), frozenset({"Project"}), sent.end, max_gap=10)
                if recips and not re.fullmatch(r"[\s“”\"]*(?:[\d一二三四五六七八九十百千万余多近上]+\s*(?:所|个|座|套|台|间|批|家|处))?[\s“”\"]*", text[t.end() + v.end() : recips[0].start]):
                    recips = []
            if not recips:
                return
        elif not re.match(r"[^，。；]{0,12}?(?:捐赠|捐资|捐建|资助|捐助|捐款|提供资金|投入资金|注资|拨付|出资|提供(?:了)?[^，。；]{0,16}?(?:资金|贷款|授信|善款|经费))", text[recips[-1].end : sent.end]):
            return
        yield from _pairs(subj, pred, recips, sent, rule, _year_of(sent.text))
        return
    if rule.id == "funds.accept":
        # B 接受 A 的捐资: A funds B
        recips = group_before(ms, text, t.start(), rule.object_types, sent.start)
        donors = group_after(ms, text, t.end(), rule.subject_types, sent.end, max_gap=2)
        if not donors or not _DONATION.match(text, donors[-1].end):
            return
        yield from _pairs(donors, pred, recips, sent, rule, _year_of(sent.text))
        return
    if rule.id == "supports.under":
        # 在 A、B 的支持下，C …: A supports C (in a case block: the case project)
        backers = group_after(ms, text, t.end(), rule.subject_types, sent.end, max_gap=1)
        m = _SUPPORT_UNDER.match(text, backers[-1].end) if backers else None
        if not m:
            return
        after = re.match(r"[，,\s]*", text[m.end() : sent.end]).end() + m.end()
        actor = group_after(ms, text, after, frozenset({"Organization", "Person"}), sent.end, max_gap=1)
        # the thing made in the actor's own clause (or a document calling itself 本《X》)
        made = _made_object(ctx, ms, m.end(), _clause_end(text, after, sent.end) if actor else sent.end)
        if not made:
            made = [x for x in _made_object(ctx, ms, m.end(), sent.end) if "本《" in text[x.start - 2 : x.start + 1]]
        if not made and actor:
            made = _made_later(ctx, ms, _clause_end(text, after, sent.end), sent.end)
        if not made:
            made = _launched_under(ms, text, after, sent.end)
        if not made and sent.section not in ctx.case_projects and re.match(r"[\s“”\"]*由", text[after : sent.end]):
            return  # 在 A 的指导下，由 B 主办的[unrecognised event]: B is an organiser, not what A guides
        if not made and actor and re.match(r"[，,\s]*由", text[m.end() : sent.end]):
            # 在 A 的指导下，由 B 主办、C 协办的 E 在…启动: A backs E, the object of the 由 chain
            for de in re.finditer(r"的", text[after : sent.end]):
                if re.search(r"[。；！？]", text[after : after + de.start()]):
                    break
                cand = group_after(ms, text, after + de.end(), frozenset({"Event", "Project"}), sent.end, max_gap=3)
                if cand:
                    made = cand
                    break
        if made:
            # 在 A 的支持下，C 撰写了《X》 / 编制完成本《规划》: A supports what was made
            targets = made
        elif sent.section in ctx.case_projects:
            targets = [ctx.case_projects[sent.section]]
        else:
            after = re.match(r"[，,\s]*", text[m.end() : sent.end]).end() + m.end()
            targets = group_after(ms, text, after, rule.object_types, sent.end, max_gap=1)
        # 在 A 的资助下 (money only): funds; 在 A 的倡议/发起下: initiates
        under_rule = _UNDER_RULES.get(re.sub(r"[^\u4e00-\u9fff]|等.*的|的|大力|鼎力|全力|积极|共同|下$", "", m.group()), rule)
        yield from _pairs(backers, under_rule.predicate, targets, sent, under_rule)
        return

    # subject: the group before the trigger, 由 A 主办, 本次X, or the sentence's dropped subject
    mode = "direct"
    subj = group_before(ms, text, t.start(), rule.subject_types, sent.start)
    if not subj:
        by = text.rfind("由", clause_start, t.start())
        if by >= 0:
            subj = group_after(ms, text, by + 1, rule.subject_types, t.start(), max_gap=1)
            if subj and not _gap_before().match(text[subj[-1].end : t.start()]) and not _BY_COORD.fullmatch(text[subj[-1].end : t.start()]):
                subj = []  # (由 A 发起并主办: a coordinated role verb may stand between)
            if not subj:
                # 由 [unrecognised]、A、B 联合主办: the group before the verb, reaching back to 由
                back = group_before(ms, text, t.start(), rule.subject_types, by + 1)
                if back and _BY_PREFIX.fullmatch(text[by + 1 : back[0].start]):
                    subj = back
            if not subj:
                # 由美国前财长甲于2011年创建: a person after a (place and) title
                person = next((x for x in ms if by < x.start < t.start() and x.type == "Person"), None)
                if (
                    person is not None
                    and "Person" in rule.subject_types
                    and _titled().fullmatch(text[by + 1 : person.start])
                    and _gap_before().match(text[person.end : t.start()])
                ):
                    subj = [person]
            mode = "by"
    if not subj and rule.id not in ("supports.support",):
        at = _at_phrase().search(text, clause_start, t.start())
        if at is not None:
            subj = group_before(ms, text, at.start(), rule.subject_types, clause_start)
    if subj and mode == "direct" and re.search(r"由[\s“”\"]*$", text[clause_start : subj[0].start]):
        mode = "by"
    if not subj and mode == "direct" and (coord := _VERB_COORD.search(text, clause_start, t.start())) is not None:
        # A 发起并主办 E / A 策划和组织 E: the subject of the first verb is the subject of both
        subj = group_before(ms, text, coord.start(), rule.subject_types, clause_start)
    co: list[Mention] = []
    if subj and mode == "direct" and clause_start > sent.start and _co_actor().fullmatch(text[clause_start : subj[0].start]):
        co = [x for x in sentence_subject(ctx, sent, ms, rule.subject_types) if x.end <= clause_start]
    if (
        not subj
        and rule.id == "partnersWith.together"
        and clause_start > sent.start
        and _adverbs_only().match(text[clause_start : t.start()])
    ):
        # …，联合 A、B 发起 X: the dropped subject is the partner of A and B
        subj, mode = sentence_subject(ctx, sent, ms, rule.subject_types), "carried"
    if not subj and "Organization" in rule.subject_types:
        # 双方/三方/各方 + verb: the parties named together before (A 与 B 签订协议。双方将共同…)
        parties = _PARTIES.match(text, _LEAD.match(text, clause_start, t.start()).end(), t.start())
        if parties and _gap_before().match(text[parties.end() : t.start()]):
            subj, mode = _parties_before(ctx, sent, clause_start, parties.group(1)), "parties"
    if not subj and pred not in ("partnersWith", "memberOf", "subOrganizationOf"):
        a = _anaphor_before(ctx, sent, t.start(), clause_start, rule.subject_types)
        if a is not None:
            subj, mode = [a], "anaphor"
        elif clause_start > sent.start and _adverbs_only().match(text[clause_start : t.start()]):
            subj, mode = sentence_subject(ctx, sent, ms, rule.subject_types), "carried"
            if not subj and pred in _CARRY_FAR:
                subj = _clause_topic(ctx, sent, ms, clause_start, rule.subject_types)
        elif clause_start > sent.start and pred in _CARRY_FAR and _manner().fullmatch(text[clause_start : t.start()]):
            # A 牵头…，历经两年，以《Y》为基础撰写了《X》 / 在全面总结…的基础上编制了《X》
            subj, mode = sentence_subject(ctx, sent, ms, rule.subject_types), "carried"
            if not subj:
                subj = _clause_topic(ctx, sent, ms, clause_start, rule.subject_types)
        elif pred == "implements" and (appos := _clause_final_org(ms, text, clause_start, t.start(), sent.start)):
            subj, mode = appos, "carried"
        elif ctx.case_orgs and sent.section in ctx.case_orgs and "Organization" in rule.subject_types:
            team = _TEAM.match(text, _LEAD.match(text, clause_start, t.start()).end(), t.start())
            if team and _adverbs_only().match(text[team.end() : t.start()]):
                subj, mode = list(ctx.case_orgs[sent.section]), "carried"
    if not subj and rule.id == "supports.support" and clause_start > sent.start and _CO_VERB.fullmatch(text[clause_start : t.start()]):
        # …A、B 等18人，深度参与讨论，贡献经验和支持会务: the listed names back the passage's event
        subj, mode = _listed_before(ms, text, sent, clause_start, rule.subject_types), "carried"
        if subj and re.match(r"(?:了)?(?:会务|活动|会议|本次活动|本次会议)(?:组织|筹备|举办|开展)?\s*(?:[，。；！？,;]|$)", text[t.end() : sent.end]):
            ev = _scene_event(ctx, sent, ms, clause_start) or _latest_event(ctx, sent, sent.start)
            if ev is not None:
                yield from _pairs(subj, "supports", [ev], sent, rule)
            return
        subj = []
    if rule.id == "participates.attend":
        # ORG ROLE 甲，ORG ROLE 乙 等嘉宾 … 出席: every listed person
        head = text[sent.start : t.start()]
        if re.search(r"(?:等[^，。；]{0,12}?(?:嘉宾|领导|代表|人|专家|机构|单位)|(?:嘉宾|领导|代表|专家)等)[^。；]{0,40}$", head):
            subj = [m for m in ms if m.end <= t.start() and m.type == "Person"] or subj
        if not subj and clause_start > sent.start:
            # 包括 A、B、C 等18人，深度参与小组讨论: the listed organisations or people take part
            subj = _listed_before(ms, text, sent, t.start(), rule.subject_types)
        # 以及 A 和 B 的代表等共同参加: organisations sent representatives
        for rep in re.finditer(r"的?(?:代表|负责人|相关负责人)", text[clause_start : t.start()]):
            reps = group_before(ms, text, clause_start + rep.start(), frozenset({"Organization"}), clause_start)
            subj = subj + [x for x in reps if x not in subj]
        if not subj and re.search(r"作为[^，。；]{1,16}?(?:代表|嘉宾|成员|单位|机构|伙伴)[^，。；]{0,4}$", text[clause_start : t.start()]):
            # A 作为社会组织代表受邀参会
            pos = clause_start + text[clause_start : t.start()].rfind("作为")
            subj = group_before(ms, text, pos, rule.subject_types, clause_start)
    invited = re.search(r"(?:受|应)[^，。；受应]{1,30}?(?:的)?(?:邀请|邀约|委托)\s*(?:前来|前往|负责|具体)?\s*$", text[clause_start : t.start()])
    if not subj and invited and pred not in ("partnersWith", "memberOf", "subOrganizationOf"):
        # B 受 A 邀请参加 E / B 受 A 委托实施 P: the agent before 受
        subj = group_before(ms, text, clause_start + invited.start(), rule.subject_types, clause_start)
    if not subj:
        return

    obj = group_after(ms, text, t.end(), rule.object_types, sent.end)
    if obj and re.match(r"(?:了)?的\s*(?:、|于|在)", text[t.end() : obj[0].start]):
        obj = []  # A 资助的、于 B 设立的 X: B opens another modifier of X, it is not the object
    if obj and re.fullmatch(r"[\s“”\"]*[、，,][\s“”\"]*", text[t.end() : obj[0].start]) and _NEXT_ROLE.match(text, obj[-1].end):
        obj = []  # 由 A 发起、B 支持的 P / P 由 A 出资、B 执行: B is the next role's agent, not the object
    if obj and re.search(r"的[^，。；]{0,3}\d\s*(?:所|个|座|家|处|套|间)", text[t.end() : obj[0].start]):
        obj = []  # 援建的13所“X”交付仪式: counted instances, the named entity is something else
    quals_lv: dict[str, str] = {}
    if rule.id == "award.win" and obj:
        # 荣获 A 和 …… B: every award of the clause
        end = _clause_end(text, t.end(), sent.end)
        obj = [m for m in ms if t.end() <= m.start and m.end <= end and m.type in rule.object_types]
        # 获得 W 提名 / 入围 W 候选名单: a nomination is no award received; W 评委会的评价: no award
        obj = [m for m in obj if not re.match(r"[\s”\"]*(?:的)?(?:提名|候选|入围|初选|参评|评委|评审|组委会|颁奖)", text[m.end : m.end + 5])]
        # “W”慈善项目奖: a level or category written right after the award is no award of its own
        levels = {
            b.key: a for a, b in pairwise(obj) if re.fullmatch(r"[\s”]*", text[a.end : b.start]) and text[a.end - 1 : a.end] in ("”", '"') and text[b.start : b.start + 1] not in ("“", '"')
        }
        quals_lv = {levels[k].key: k for k in levels}
        obj = [m for m in obj if m.key not in levels]
    if not obj and pred in ("organizes", "initiates", "publishes", "supports", "funds", "implements"):
        # the object follows 的: 由A发起的“P” / 由 A 主办、B 承办的 “E”
        m = re.match(r"[^，。；]{0,6}?的", text[t.end() : sent.end])
        if m:
            obj = group_after(ms, text, t.end() + m.end(), rule.object_types, sent.end, max_gap=4)
            if obj and re.search(r"\d\s*(?:所|个|座|家|处|套|间)", text[t.end() + m.end() : obj[0].start]):
                obj = []
            if obj and re.match(r"\s*(?:、|于|在)", text[t.end() + m.end() : obj[0].start]):
                obj = []  # A 资助的、于 B 设立的 X: B opens another modifier of X, it is not the object
        if not obj and mode == "by":
            for m in re.finditer(r"的", text[t.end() : sent.end]):
                cand = group_after(ms, text, t.end() + m.end(), rule.object_types, sent.end, max_gap=3)
                if cand and re.search(r"\d\s*(?:所|个|座|家|处|套|间)", text[t.end() + m.end() : cand[0].start]):
                    break  # 援建的13所…: counted instances, not the named entity
                if cand:
                    obj = cand
                    break
                if re.search(r"[。；]", text[t.end() : t.end() + m.start()]):
                    break
        if not obj:
            # “E”由 A 主办: the object precedes 由
            before = [m for m in ms if m.end <= subj[0].start and m.start >= clause_start and m.type in rule.object_types]
            gap = re.sub(r"^[\s“”\"]*[（(][^（）()]{1,30}[）)]", "", text[before[-1].end : subj[0].start]) if before else ""
            if before and (
                gap.strip(" “”\"") in ("由", "是由", "将由", "，由")
                or (gap.strip(" “”\"") == "是" and re.match(r"(?:了)?的", text[t.end() : t.end() + 2]))  # P 是 A 发起的(公益项目)
                or _BY_CHAIN_GAP.fullmatch(gap) is not None  # P 由 A 出资、B 执行
                or (subj[0].type == "Person" and (by_title := re.fullmatch(r"[\s“”\"，]*(?:是|将)?由(.*)", gap, re.S)) and _titled().fullmatch(by_title.group(1)))
            ):
                obj = [before[-1]]  # …由(美国前财长)甲创建
        if not obj and mode in ("direct", "by"):
            # “E”由 A 指导，B 主办，C 承办: later clauses of the same 由 chain
            for m in reversed([x for x in ms if x.end <= clause_start and x.type in rule.object_types]):
                gap = re.match(r"[\s“”\"]*(?:（[^）]{0,30}）)?[\s“”\"]*(?:将|已|也)?由", text[m.end : clause_start])
                if gap and not re.search(r"[。；！？]", text[m.end : t.start()]):
                    obj = [m]
                break
        if not obj and mode == "by":
            # 报告由 A、B 共同完成: a bare head noun opening the clause refers back
            heads = "|".join(re.escape(h) for h in sorted(_anaphora(), key=len, reverse=True))
            bare = re.compile(rf"[\s“”\"]*({heads})[\s“”\"]*(?:将|已|也|是)?由").match(text, clause_start, t.start())
            if bare:
                ref = _resolve_head(ctx, sent, clause_start, bare.group(1), rule.object_types)
                if ref is not None:
                    obj = [ref]
        if not obj and mode in ("direct", "by"):
            # 本次培训班由 A 指导，B 主办，C 承办: the chain's object is an anaphor
            for a in _anaphor_re().finditer(text, sent.start, t.start()):
                if re.match(r"[\s“”\"]*(?:将|已|也|是)?由", text[a.end() : t.start()]) and not re.search(r"[。；！？]", text[a.end() : t.start()]):
                    head = re.sub(r"^(?:本次|此次|该|本|这一?|上述|此)\s*", "", a.group())
                    ref = _resolve_head(ctx, sent, a.start(), head, rule.object_types)
                    if ref is not None:
                        obj = [ref]
    if not obj and pred == "publishes":
        # 联合发布的…文件——《X》 / 共同发布旨在…的《X》: the first publication of the clause
        end = _clause_end(text, t.end(), sent.end)
        pub = next((x for x in ms if t.end() <= x.start and x.end <= end and x.type == "Publication"), None)
        if pub is not None and pub.start - t.end() <= 40 and re.search(r"的|——|：", text[t.end() : pub.start]):
            obj = [pub]
        # 提交多个提案，包括《A》《B》等: the titles listed after the counted noun
        listed = _LISTED.match(text, t.end(), sent.end)
        if not obj and listed:
            obj = group_after(ms, text, listed.end(), rule.object_types, sent.end, max_gap=1)
    if not obj and pred == "participatesIn":
        # 参与 盐田区…局的“P” / 参与由 A 主办的“E”: the entity after 的
        # (a quoted name may start at its opening quote: the quote is left to the gap)
        m = re.match(r"[^，。；]{0,30}?的\s*", text[t.end() : sent.end])
        if m:
            obj = group_after(ms, text, t.end() + m.end(), rule.object_types, sent.end, max_gap=1)
    if (
        not obj
        and mode in ("direct", "by")
        and pred in ("organizes", "initiates", "supports", "funds", "implements")
        and re.fullmatch(r"[\s了]*", text[t.end() : _clause_end(text, t.end(), sent.end)])
    ):
        # 由 A 发起，B 主办，C 技术支持，“X”正式启动: the object of a chain comes clauses later
        launched = _chain_object(ms, text, _clause_end(text, t.end(), sent.end), sent.end, rule.object_types)
        if launched is not None:
            obj = [launched]
    if not obj and pred not in ("partnersWith", "memberOf", "subOrganizationOf"):
        a = _anaphor_after(ctx, sent, t.end(), rule.object_types)
        if a is not None:
            obj = [a]
    if not obj and rule.id == "participates.attend":
        # COP28拉开帷幕，A、B 等机构抵达迪拜 / 会上，A 参会: the event of the sentence or the scene
        ev = _scene_event(ctx, sent, ms, subj[0].start)
        bare = re.match(r"[\s了]*(本次|此次|该|这次)?(会议|活动|论坛|大会|峰会|仪式|开幕式|启动仪式|发布会|研讨会|年会|培训班|培训|(?:小组|圆桌|现场)?(?:讨论|交流|对话|研讨|分享))?\s*(?:并|[，。；！？,;]|$)", text[t.end() : sent.end])
        if ev is None and bare:
            # A 受邀参会。/ 出席开幕式并致辞: a bare verb (or the event's 开幕式/仪式, 本次X) refers to the
            # event the passage is about; a kind of event (出席会议/发布会) only to an event of that kind
            ev = _latest_event(ctx, sent, sent.start)
            if ev is not None and bare.group(2) and not bare.group(1) and bare.group(2) not in ("开幕式", "闭幕式", "仪式", "启动仪式") and bare.group(2) not in ev.key:
                ev = None
            if ev is not None and _UNNAMED_CEREMONY.search(text, ev.end, t.start()):
                ev = None  # 捐赠仪式在宁德举行。甲出席仪式: the unnamed ceremony, not the earlier named event
        if ev is not None:
            obj = [ev]
    if (
        not obj
        and pred in ("supports", "funds", "implements")
        and sent.section in ctx.case_projects
        and mode == "by"
        and re.match(r"[\s了]*(?:[，。；！？,;]|$)", text[t.end() : sent.end])
        and not re.search(_MONEY, text[clause_start : t.start()])  # 约 300 万元由 A 支持: funds.amount's
    ):
        # (case block) 由 A 提供技术支持。/ 由 A 负责实施。: the bare verb is about the case project
        obj = [ctx.case_projects[sent.section]]
        rule = CASE_BARE[pred]
    if (
        not obj
        and pred == "organizes"
        and re.search(r"主办|承办|协办", t.group())
        and not re.search(r"在[\s“”\"]*$", text[clause_start : subj[0].start])
        and re.match(r"[\s了]*(?:[，。；！？,;]|$)", text[t.end() : sent.end])
    ):
        # A、B 将参与联合主办。: the event the passage is about
        ev = _latest_event(ctx, sent, sent.start)
        if ev is not None:
            obj = [ev]
    if pred == "supports" and re.search(r"(?:捐资|出资|投资|注资|捐赠|捐款|资助)$", text[clause_start : t.start()]):
        return  # (重点)出资支持 P: funding (funds.donate)
    if pred == "supports" and mode == "direct" and re.search(r"捐资|出资|投资|注资|捐赠|投入", text[subj[-1].end : t.start()]):
        return  # A 出资 100 万元支持 P: the money is funds' (funds.donate)
    if pred == "supports" and mode == "carried" and re.search(rf"(?:捐资|出资|投资|注资|捐赠|捐款|资助|投入|提供)[^，。；]{{0,8}}?{_MONEY}(?:的?(?:资金|善款|款项))?[\s，,]*$", text[sent.start : clause_start]):
        rule, pred = FUND_PURPOSE, "funds"  # A 捐赠 100 万元，支持 P 的实施: the money goes to P
    if pred == "funds" and mode == "carried" and len(subj) > 1:
        subj = _split_sides(subj, text)[0]  # A 与 B 签署捐赠协议，捐赠 N 万元…: the donor is A
    if rule.id == "partnersWith.relation":
        obj = []  # A 与 B 建立合作关系 / 开展“P”合作: the partners are the subject group only
    if rule.id == "partnersWith.together" and obj and _MADE_BETWEEN.search(text, t.end(), obj[0].start):
        obj = []  # A 联合 23 家机构成立了 X联盟: X is what they made, not a partner
    if pred == "partnersWith":
        if rule.id == "partnersWith.joint" and len(subj) > 3:
            return  # 九家机构共同发起: a long list of co-initiators is not a statement of partnership
        if rule.id in ("partnersWith.joint", "partnersWith.together") and not obj and _MANY.search(text, subj[-1].end, t.start()):
            return  # A、B、C 等10家单位联合发布: an open list of many co-actors, no statement of partnership
        yield from _partner_pairs(rule, subj, obj, sent, ms, text)
        if rule.id == "partnersWith.together":
            for a in co:
                for b in subj:
                    if a.key != b.key and allowed(pred, a, b):
                        yield _rel(a, pred, b, sent, rule)
        return
    if rule.id == "initiates.launch" and obj and mode in ("direct", "by"):
        yield from _co_initiator_pairs(subj, obj, sent, text)
    if pred == "publishes":
        subj = subj + [o for o in _speaker_orgs(ms, text, subj) if o not in subj]
    subj = subj + [c for c in co if c not in subj]
    if rule.id == "memberOf.join":
        # A 加入 N: A memberOf N (a network, alliance or association, not a company)
        for a in subj:
            for n in obj[:1]:
                if n.subtype in ("Network", "SocialOrganization", "Other", None) and allowed(pred, a, n):
                    yield _rel(a, pred, n, sent, rule)
        return
    if pred == "memberOf":
        # N 成员 A: A memberOf N (N precedes the trigger); N成员一起走访了 A 支持的…: A is no member
        if obj and not re.fullmatch(r"[\s“”\"]*(?:伙伴|机构|单位)?(?:包括|有|为|是)?[：:]?[\s“”\"]*", text[t.end() : obj[0].start]):
            return
        for network in subj[-1:]:
            yield from _pairs(obj, pred, [network], sent, rule)
        return
    if pred == "subOrganizationOf":
        for parent in subj[-1:]:
            for child in obj[:1]:
                if allowed(pred, child, parent):
                    yield _rel(child, pred, parent, sent, rule)
        return
    if rule.id == "participates.project" and subj and re.search(r"(?:组织|动员|带领|发动|号召)[^，。；、]{0,6}?(?:员工|职工)", text[subj[-1].end : t.start()]):
        rule, pred = SUPPORT_MOBILISE, "supports"  # A 组织员工参与 P: A backs the project, its staff take part
    quals = _year_of(text[clause_start : t.end()]) if pred in ("initiates", "publishes", "receivedAward", "funds") else ()
    for s in subj:
        for o in obj:
            if allowed(pred, s, o):
                q = (*quals, ("level", quals_lv[o.key])) if rule.id == "award.win" and o.key in quals_lv else quals
                yield _rel(s, pred, o, sent, rule, q)


_PARTIES = re.compile(r"(?:签约|签订|签署|协议|合作|参与)?(双|两|三|四|五|各)方(?:机构|单位)?")
_PARTY_COUNT = {"双": 2, "两": 2, "三": 3, "四": 4, "五": 5}


def _parties_before(ctx: Ctx, sent: Sentence, pos: int, word: str) -> list[Mention]:
    """双方/三方/各方: the latest group of (two/three/…) organisations named together before ``pos``
    in the same section (the signers of an agreement, the co-initiators of a project)."""
    want = _PARTY_COUNT.get(word)
    sec = ctx.sections.get(sent.section)
    floor = max(sec.start if sec else 0, pos - 400)
    orgs = frozenset({"Organization"})
    before = [m for m in window(ctx.ms, floor, pos) if m.end <= pos and m.type == "Organization"]
    if not before:
        return []
    group = group_before(ctx.ms, ctx.text, before[-1].end, orgs, floor)  # only the latest group
    return group if (want is None and len(group) >= 2) or len(group) == want else []


@cache
def _at_phrase() -> re.Pattern[str]:
    """A 在 X(园区内) + verb: a place/venue phrase between the subject and its verb."""
    adv = _adverb_alt()
    return re.compile(
        rf"在(?![^，。；]*?(?:由|的支持|的指导|的帮助|下))[^，。；在由]{{1,24}}?(?:内|上|中|里|期间|现场|之际)?[\s“”\"]*(?:(?:{adv}|{_TIME})[\s“”\"]*)*$"
    )


# a support for the making of a publication goes to the publication (the ontology allows it);
# 在 A 的支持下，C 发起了“P”: A supports C (the actor), as FORMAT.md states
_MADE = re.compile(r"(?:编制完成|编制|撰写|编写|编纂|发布|出版|完成|研究制定|制定)(?:了)?")
_MADE_TYPES = frozenset({"Publication"})


def _made_object(ctx: Ctx, ms: list[Mention], pos: int, end: int) -> list[Mention]:
    """What the main clause after 在…支持下 makes: C 撰写了《X》 / 编制完成本《规划》 / 发布旨在…的《X》
    (the verb's object)."""
    text = ctx.text
    for v in _MADE.finditer(text, pos, end):
        objs = group_after(ms, text, v.end(), _MADE_TYPES, end, max_gap=40)
        if objs and (text[v.end() : objs[0].start].strip("了本《“\" ") == "" or re.fullmatch(r"[^，。；]{0,36}的[\s《“\"]*", text[v.end() : objs[0].start])):
            return objs
    return []


def _made_later(ctx: Ctx, ms: list[Mention], pos: int, end: int) -> list[Mention]:
    """在 A 支持下，C 举办发布会，共同发布《X》: a later clause of the same actor (dropped subject:
    adverbs, then a verb of making) makes X."""
    text = ctx.text
    while pos < end:
        cstart = pos + 1
        cend = _clause_end(text, cstart, end)
        v = _MADE.search(text, cstart, cend)
        if v is not None and _adverbs_only().match(text[cstart : v.start()]):
            return _made_object(ctx, ms, v.start(), cend)
        pos = cend
    return []


_CHAIN_VERB = re.compile(r"主办|承办|协办|支持|指导|发起|执行|实施|冠名|赞助|协助|出品|联合|参与|提供|策划|资助|捐赠")
_LAUNCHED = re.compile(
    r"[\s”\"（(）)A-Za-z0-9]*(?:活动|项目|计划|论坛|大会|仪式)?(?:于|在)?[^，。；]{0,20}?(?:正式|隆重|成功|顺利|圆满|同时|也)?"
    r"(?:启动|举行|举办|开幕|召开|上线|揭幕|发布|落地|开启|拉开帷幕|开始|开展|开赛|启幕)"
)


def _chain_object(ms: list[Mention], text: str, pos: int, end: int, types: frozenset[str]) -> Mention | None:
    """由 A 发起，B 主办，C 技术支持，“X”正式启动: the entity launched after a chain of role clauses
    starting at ``pos`` (a comma); short purpose clauses without names may stand in between."""
    cur = pos
    for _ in range(6):
        sep = re.match(r"[，,]\s*", text[cur:end])
        if not sep:
            return None
        cstart = cur + sep.end()
        cend = _clause_end(text, cstart, end)
        inner = [x for x in ms if cstart <= x.start and x.end <= cend]
        lead = _LEAD.match(text, cstart, cend).end()
        if inner and not text[lead : inner[0].start].strip(" “”\"") and inner[0].type in types and _LAUNCHED.match(text, inner[0].end, cend):
            return inner[0]
        if cend - cstart > 40 or (inner and not _CHAIN_VERB.search(text, cstart, cend)) or (not inner and cend - cstart > 20):
            return None
        cur = cend
    return None


_SCENE = re.compile(
    r"[^，。；]{0,16}?(?:开幕式|闭幕式|启动仪式|仪式|会议|大会|论坛|峰会|会|活动|发布会|沙龙|边会|培训班|工作坊)(?:上|期间|现场|中)[，,]"
    r"|(?:现场|会上|会议期间|活动现场|活动期间)[，,]"
)


_GENERIC_EVENT = re.compile(r"(?:本次|此次|该|本届)?(?:论坛|大会|会议|峰会|活动|仪式|开幕式|闭幕式|启动仪式|发布会|年会)+")
_SCENE_VERB = re.compile(r"签订|签署|签约|发布|致辞|讲话|发言|展示|分享|宣布|启动|亮相|发表|作了|做了|主持|出席|参加|参与|介绍|演讲|作报告|做报告|表示|指出|颁发|授予|见证|揭牌|宣读|讨论|对话")


def _scene_event(ctx: Ctx, sent: Sentence, ms: list[Mention], before: int) -> Mention | None:
    """The event a clause happens at: one named earlier in the sentence, or after 会上/开幕式上
    the latest event named before (in the same section)."""
    evs = [m for m in ms if m.type == "Event" and m.end <= before]
    if evs:
        return evs[-1]
    lead = _LEAD.match(ctx.text, sent.start, sent.end).end()
    scene = _SCENE.match(ctx.text[lead : sent.end]) or _SCENE.match(ctx.text[sent.start : sent.end])
    if not scene:
        return None
    sec = ctx.sections.get(sent.section)
    floor = max(sec.start if sec else 0, sent.start - 800)
    prev = [m for m in window(ctx.ms, floor, sent.start) if m.type == "Event" and m.end <= sent.start]
    # 捐赠仪式上: an event of that kind (the latest named …仪式), not just the latest event
    head = re.search(r"(仪式|发布会|论坛|峰会|沙龙|边会|培训班|工作坊|研讨会|年会)(?:上|期间|现场|中)", scene.group())
    if head:
        prev = [m for m in prev if head.group(1) in m.key]
    return prev[-1] if prev else None


_SUB_VERB = re.compile(r"(?:开展|启动|推出|打造|设立|建立|发起成立|成立|谋划实施|实施|创建|上线|开发|构建|发起)(?:了)?")
# 开发…小程序（X） / 实施…工程——“X项目”: the named part after a generic noun
_TOOL_NOUN = re.compile(r"[\s”\"]*(?:应用程序|小程序|手机应用|APP|App|app|系统|平台|网站)")
_SUB_GLOSS = re.compile(r"[^，。；“”\"（）()]{0,20}?(?:平台|系统|程序|应用|工具|产品|工程|项目)(?:——|—|[（(])")
_PART_OF = re.compile(r"[\s”\"]*(?:是|为|属于|作为)[\s“\"]*")
_PART_TAIL = re.compile(r"[\s”\"]*的?(?:一部分|组成部分|子项目|分项目|重要内容|重要组成部分|之一)")


_PURPOSE = re.compile(r"为(?:了)?(?:助力|支持|服务于|配合)\s*")


def _purpose_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """为助力“X”，…由 A 发起，…，“Y”活动正式启动: Y (the thing launched) supports X."""
    text = ctx.text
    lead = _LEAD.match(text, sent.start, sent.end).end()
    m = _PURPOSE.match(text, lead, sent.end)
    if not m:
        return
    goal = group_after(ms, text, m.end(), frozenset({"Event", "Project", "Organization"}), sent.end, max_gap=0)
    if not goal or not re.match(r"[\s”\"]*[，,]", text[goal[-1].end : goal[-1].end + 3]):
        return
    end = _clause_end(text, goal[-1].end, sent.end)
    launched = _chain_object(ms, text, end, sent.end, frozenset({"Event", "Project"}))
    if launched is None:
        return
    yield from _pairs([launched], "supports", goal, sent, PURPOSE)


def _subproject_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """Sub-programmes: X 是 P 的一部分; inside a case block, 开展/开发/启动 “X” of the case project."""
    text = ctx.text
    projs = [m for m in ms if m.type == "Project"]
    for a, b in pairwise(projs):
        if _PART_OF.fullmatch(text[a.end : b.start]) and _PART_TAIL.match(text, b.end):
            yield _rel(a, "partOf", b, sent, SUBPROJECT)
    case = ctx.case_projects.get(sent.section)
    if case is None:
        return
    for t in _SUB_VERB.finditer(text, sent.start, sent.end):
        # 开发/发起 “X”: often a sibling product or the organisation's own new programme; only
        # a name glossing a generic noun of the case (开发…平台（X）) is a part of the project
        objs = group_after(ms, text, t.end(), frozenset({"Project"}), sent.end, max_gap=6)
        if t.group().startswith(("开发", "发起")) and not t.group().startswith("发起成立"):
            # …开发了“X”应用程序 / 小程序: a tool of the project (not 开发“X”“Y”等解决方案)
            objs = [o for o in objs[:1] if len(objs) == 1 and _TOOL_NOUN.match(text, o.end)]
        glossed = False
        if not objs and (g := _SUB_GLOSS.match(text, t.end(), sent.end)):
            objs = group_after(ms, text, g.end(), frozenset({"Project"}), sent.end, max_gap=1)
            glossed = True
        for o in objs:
            quoted = text[o.start - 1 : o.start] in ("“", '"', "—") or text[o.start : o.start + 1] in ("“", '"')
            if (quoted or glossed) and o.key not in case.key and allowed("partOf", o, case):
                yield _rel(o, "partOf", case, sent, SUBPROJECT)


def _latest_event(ctx: Ctx, sent: Sentence, pos: int) -> Mention | None:
    """The latest event named in the same section, not too far before ``pos``."""
    sec = ctx.sections.get(sent.section)
    floor = max(sec.start if sec else 0, pos - 600)
    prev = [m for m in window(ctx.ms, floor, pos) if m.type == "Event" and m.end <= pos]
    if prev and _NEW_STORY.search(ctx.text, prev[-1].end, pos):
        return None  # 本报讯 / （记者 甲）: a new story began after the event was named
    return prev[-1] if prev else None


# the start of a new news item on a page (本报讯, 本刊讯, 新华社电) or the byline closing one
_UNNAMED_CEREMONY = re.compile(r"(?:捐赠|签约|签字|揭牌|授牌|颁奖|启动|发布|开工|交付|启用)(?:仪式|典礼|会)")
_NEW_STORY = re.compile(r"本报讯|本刊讯|本网讯|社电|（记者[^）\n]{0,12}）|\(记者[^)\n]{0,12}\)")


_INVITE = re.compile(
    r"(?:(?:本次|此次|该|本届)?(论坛|大会|会议|峰会|活动|边会|研讨会|沙龙|培训班|工作坊|发布会|年会))?[\s”\"]*(?:还|也|特别|特|共|先后|分别)?(?:邀请|邀约)(?:到|了)?\s*"
)
# the invitees are guests, not a task's workers: 邀请 A 为/对/担任/参与… is no attendance
_INVITE_TASK = re.compile(r"[\s”\"]*(?:（[^）]{0,30}）)?\s*(?:为|对|担任|作为|参与|加入|开展|进行|提供|负责|撰写|设计|编写)")


def _invite_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """论坛邀请到 A、B、C 等机构的嘉宾 / “E”邀请了 A: each invitee takes part in the event (named
    right before 邀请, or a generic 论坛/会议 naming the latest event of that kind)."""
    text = ctx.text
    for t in _INVITE.finditer(text, sent.start, sent.end):
        if "邀" not in t.group():
            continue
        verb = t.start() + t.group().index("邀")
        ev = None
        if t.group(1):
            floor = max(ctx.sections[sent.section].start if sent.section in ctx.sections else 0, t.start() - 800)
            prev = [m for m in window(ctx.ms, floor, t.start()) if m.type == "Event" and m.end <= t.start()]
            named = [m for m in prev if t.group(1) in m.key or t.group(1) in ctx.text[m.end : m.end + 8]]
            ev = named[-1] if named else (prev[-1] if prev else None)
        else:
            before = group_before(ms, text, verb, frozenset({"Event"}), _clause_start(text, sent.start, verb))
            ev = before[-1] if before else None
        if ev is None:
            continue
        guests = group_after(ms, text, t.end(), frozenset({"Organization", "Person"}), sent.end, max_gap=1)
        if not guests or _INVITE_TASK.match(text, guests[-1].end):
            continue
        yield from _pairs(guests, "participatesIn", [ev], sent, INVITE)


def _scene_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """开幕式上，A、B、C 签订了… / 论坛闭幕式上，X 副理事长 Y 介绍: the actors took part in the event."""
    text = ctx.text
    m = _SCENE.match(text, sent.start, sent.end)
    if not m:
        return
    lead_evs = [x for x in ms if x.end <= m.end() and not _GENERIC_EVENT.fullmatch(x.key)]
    ev = _scene_event(ctx, sent, lead_evs, m.end())
    if ev is None:
        return
    end = _clause_end(text, m.end(), sent.end)
    if not _SCENE_VERB.search(text, m.end(), end):
        return
    head = [x for x in ms if m.end() <= x.start and x.end <= end]
    if not head:
        return
    persons = [x for x in head if x.type == "Person"]
    if persons:
        actors = persons
    else:
        actors = group_after(ms, text, m.end(), frozenset({"Organization", "Person"}), end, max_gap=1)
        if not actors:
            # 会上，[unrecognised name]与 A 签订…: A acts with an unrecognised co-actor
            later = group_after(ms, text, m.end(), frozenset({"Organization", "Person"}), end, max_gap=16)
            if later and re.fullmatch(r"[\s“”\"]*[^，。；、\s“”\"]{2,12}?[\s“”\"]*(?:与|和|同|携手)[\s“”\"]*", text[m.end() : later[0].start]):
                actors = later
        # the group must be the clause's subject: a verb follows
        if not actors or not re.match(r"[\s”\"]*(?:（[^）]{0,30}）)?[\s”\"]*(?:等[^，。；]{0,10}?)?(?:共同|分别|一起|正式|还|也|现场)?[\u4e00-\u9fff]", text[actors[-1].end : end]):
            return
    yield from _pairs(actors, "participatesIn", [ev], sent, SCENE)


def _split_sides(group: list[Mention], text: str) -> tuple[list[Mention], list[Mention]]:
    """X 与 A、B: (X), (A, B) — the side split by 与/同/跟/携手/联合 inside a coordinated group."""
    for i in range(1, len(group)):
        if _SIDE_SPLIT.match(text[group[i - 1].end : group[i].start]):
            return group[:i], group[i:]
    return group, []


def _partner_pairs(rule: Rule, subj: list[Mention], obj: list[Mention], sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """Pairs of cooperating parties: within the joint subject, and subject × partners."""
    left, right = _split_sides(subj, text)
    if right and obj:
        left, right = subj, []
    if right and len(left) >= 2:
        # A、B 与 C 联合主办: all are co-subjects of the joint action
        left, right = subj, []
    if not right:
        right = [o for o in obj if o not in left]
        # A、B 分别与 C、D 签署: the group before 与
        if rule.id == "partnersWith.sign" and not obj and left:
            pre = re.search(r"(?:分别)?(?:与|同|跟|和)\s*$", text[max(sent.start, left[0].start - 4) : left[0].start])
            if pre:
                cut = left[0].start - len(pre.group())
                while cut > sent.start and text[cut - 1] in "，, ":
                    cut -= 1
                other = group_before(ms, text, cut, rule.subject_types, sent.start)
                if other:
                    left, right = other, left
    pairs: list[tuple[Mention, Mention]] = []
    if not right or rule.id == "partnersWith.sign":
        pairs += list(combinations(left, 2))
    pairs += [(a, b) for a in left for b in right]
    for a, b in pairs:
        if a.key.startswith(b.key) or b.key.startswith(a.key):
            continue  # a unit and its parent (X学会Y分会 与 X学会) act together, they are not partners
        if allowed("partnersWith", a, b):
            yield _rel(a, "partnersWith", b, sent, rule)


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    m = re.compile(r"[，；。,;]").search(text, pos, ceiling)
    return m.start() if m else ceiling


def _clause_start(text: str, floor: int, pos: int) -> int:
    cut = max(text.rfind(c, floor, pos) for c in "，；：,;")
    return cut + 1 if cut >= floor else floor


# --- verb rules (funds, supports, initiates, publishes, organizes, participates, partners, implements) ---

CO_INITIATORS = register(Rule("partnersWith.co_initiators", "partnersWith", 0.8, "由 A 和 B (联合)发起/创立 X: two or three co-initiators are partners"))
PUB_NOMINAL = register(Rule("publishes.nominal", "publishes", 0.8, "A（alias）(等N部委)(的)《X》 / 甲的著作《X》: an organisation (a person with 著作/报告…) right before a publication's title is its author"))

FUND_UNDER = register(Rule("funds.under", "funds", 0.7, "在 A 的资助/捐助下，C …: A funds C (the case project, the thing made)"))
INIT_UNDER = register(Rule("initiates.under", "initiates", 0.7, "在 A 的倡议/发起下，X 成立/启动: A initiates X"))
_UNDER_RULES = {"资助": FUND_UNDER, "捐助": FUND_UNDER, "捐赠": FUND_UNDER, "倡议": INIT_UNDER, "发起": INIT_UNDER}

SUPPORT_RECEIVE = register(Rule("supports.receive", "supports", 0.7, "P 获得/得到 A 的(技术)指导/支持/帮助: A supports P"))
_RECEIVE_HELP = re.compile(r"[\s”\"]*(?:（[^）]{0,30}）)?\s*(?:等)?的?\s*(?:大力|鼎力|全力|积极|专业|技术|学术|政策|悉心)?(?:支持|指导|帮助|协助)(?![\u4e00-\u9fff]{0,2}下)")


def _received_help(ctx: Ctx, sent: Sentence, ms: list[Mention], pos: int, backers: list[Mention]) -> Iterator[Relation]:
    """P 获得 A 的技术指导 (at ``pos``): the group before the verb, else the sentence's subject."""
    text = ctx.text
    types = frozenset({"Project", "Organization", "Event", "Publication"})
    clause = _clause_start(text, sent.start, pos)
    recips = group_before(ms, text, pos, types, clause)
    if not recips and _adverbs_only().match(text[clause:pos]):
        recips = [x for x in sentence_subject(ctx, sent, ms, types) if x.end <= pos] if clause > sent.start else []
    yield from _pairs(backers, "supports", recips, sent, SUPPORT_RECEIVE)


ORG_EVENT_NAME = register(Rule("organizes.name_nesting", "organizes", 0.8, "an event named after its organiser, an organisation of the document (X协会年会, CEGA交流活动 -> X organizes it)"))


def _organiser_name_relations(res: DocResult, ms: list[Mention]) -> Iterator[Relation]:
    """X协会2023年会 / CEGA优秀案例交流活动: the organisation opening an event's name, when the
    document names it as an organisation too (a Latin acronym of 3+ letters, else 4+ characters)."""
    orgs: dict[str, Mention] = {}
    for m in res.mentions:  # short names declared in parentheses（简称 X）count too
        if m.type == "Organization" and not m.rule.startswith("nested.") and (len(m.key) >= 4 or re.fullmatch(r"[A-Za-z]{3,}", m.key)):
            orgs.setdefault(m.key, m)
    if not orgs:
        return
    longest = max(len(k) for k in orgs)
    done: set[str] = set()
    for e in ms:
        if e.type != "Event" or e.key in done:
            continue
        for n in range(min(longest, len(e.key) - 2), 1, -1):
            org = orgs.get(e.key[:n])
            if org is None or (org.key.isascii() and re.match(r"[A-Za-z0-9]", e.key[n])):
                continue  # CEGA优秀… yes, CEGAX… no
            done.add(e.key)
            sent = Sentence(res.document.id, -1, e.start, e.end, e.text, -1)
            if allowed("organizes", org, e):
                yield _rel(org, "organizes", e, sent, ORG_EVENT_NAME)
            break


_LISTED = re.compile(r"(?:了)?[^，。；《》“”]{0,12}?(?:报告|提案|建议|议案|文件|标准|指南|书籍|著作|成果|手册|课程|教材)[，,：:]\s*(?:包括|如|例如|分别是|即|有)[：:]?")


CASE_BARE = {
    pred: register(Rule(f"{pred}.case_bare", pred, 0.8 if pred == "supports" else 0.7, f"(case block) 由 A + bare {pred} verb (提供技术支持/资助/负责实施) + clause end: A {pred} the case project"))
    for pred in ("supports", "funds", "implements")
}
SUPPORT_RELY = register(Rule("supports.rely", "supports", 0.8, "X 依托/借助/得益于 A(旗下 B)(的…): A (B) supports X (named before, 该X, the sentence's subject or the case project)"))
_RELY = re.compile(r"(?:依托|借助|依靠|得益于|受益于|背靠)(?:于)?")


def _reliance_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """该平台依托 A 旗下 B / P 借助 A 的技术: the organisation relied on supports the project."""
    text = ctx.text
    for t in _RELY.finditer(text, sent.start, sent.end):
        backers = group_after(ms, text, t.end(), frozenset({"Organization"}), sent.end, max_gap=1)
        if not backers or backers[0].start - t.end() > 1:
            continue
        sub = re.match(r"[\s“”\"]*(?:旗下|下属)(?:的)?", text[backers[-1].end : sent.end])
        if sub:
            child = group_after(ms, text, backers[-1].end + sub.end(), frozenset({"Organization"}), sent.end, max_gap=1)
            backers = child or backers
        targets = _supported_topic(ctx, sent, ms, t.start())
        targets = [x for x in targets if x.type in ("Project", "Event")]
        yield from _pairs(backers, "supports", targets, sent, SUPPORT_RELY)


# a role verb after a listed agent: 由 A 发起、B 支持的 P
_NEXT_ROLE = re.compile(r"[\s“”\"]*(?:等)?(?:联合|共同|提供|负责|具体)?(?:支持|主办|承办|协办|执行|实施|参与|指导|资助|出资|发起|冠名|运营|技术支持|捐赠|协助)")

_BY_CHAIN_GAP = re.compile(r"[\s“”\"，]*(?:是|将)?由[^，。；]{1,30}?(?:支持|主办|承办|协办|执行|实施|指导|资助|出资|发起|运营|捐赠|协助)[、，,]\s*")

FUND_PURPOSE = register(Rule("funds.donate_purpose", "funds", 0.7, "A 捐赠 N 万元，(用于)支持 P: the carried donor funds P"))
AT_EVENT = register(Rule("participatesIn.at_event", "participatesIn", 0.7, "A 在 E 上/期间 发布/发表/致辞/签署…: A takes part in E (the person, not the organisation of a titled person)"))
_AT_PREP = re.compile(r"在")
_AT_EVENT_TAIL = re.compile(r"[\s”\"]*(?:（[^）]{0,30}）)?[\s”\"]*(?:的)?(?:开幕式|闭幕式|主论坛|分论坛|开幕式和主论坛|现场|会场|平行论坛)?(?:上|期间|现场|中)[\s，,]*")


def _at_event_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """A 在“E”上发布了《X》 / 甲在 E 开幕式上致辞: the actor of the clause takes part in E."""
    text = ctx.text
    for t in _AT_PREP.finditer(text, sent.start, sent.end):
        evs = group_after(ms, text, t.end(), frozenset({"Event"}), sent.end, max_gap=1)
        if not evs:
            continue
        tail = _AT_EVENT_TAIL.match(text, evs[-1].end, sent.end)
        if tail is None or not _SCENE_VERB.search(text, tail.end(), _clause_end(text, tail.end(), sent.end)):
            continue
        clause = _clause_start(text, sent.start, t.start())
        actors = group_before(ms, text, t.start(), frozenset({"Organization", "Person"}), clause)
        if not actors and clause > sent.start and _adverbs_only().match(text[clause : t.start()]):
            actors = sentence_subject(ctx, sent, ms, frozenset({"Organization", "Person"}))
        yield from _pairs(actors, "participatesIn", evs, sent, AT_EVENT)


FUND_SOURCE = register(Rule("funds.source", "funds", 0.7, "P 的资金(主要)来自/来源于 A(、B): A funds P"))
_SOURCE = re.compile(r"(?:的)?(?:资金|经费|善款|捐款)(?:主要|全部|均)?(?:来自|来源于|来源为|由)(?:于)?")


def _source_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """“P”的资金来自 A、B: each source funds P (named before, else the context project)."""
    text = ctx.text
    for t in _SOURCE.finditer(text, sent.start, sent.end):
        donors = group_after(ms, text, t.end(), frozenset({"Organization", "Person"}), sent.end, max_gap=1)
        if not donors or (t.group().endswith("由") and not re.match(r"[\s”\"]*(?:等)?(?:提供|捐赠|出资|承担|筹集|资助)", text[donors[-1].end : sent.end])):
            continue
        clause = _clause_start(text, sent.start, t.start())
        targets = group_before(ms, text, t.start(), frozenset({"Project", "Event", "Organization"}), clause)
        if not targets:
            p = _context_project(ctx, sent, ms, t.start(), local_first=True)
            targets = [p] if p is not None else []
        yield from _pairs(donors, "funds", targets, sent, FUND_SOURCE)


_LISTED_PEOPLE = re.compile(
    r"等\s*(?:[\d一二三四五六七八九十两多数几百余]+\s*(?:人|位|名)|[\d一二三四五六七八九十两多数几百余]+\s*家[^，。；]{0,6}?(?:机构|单位)|[^，。；]{0,6}?(?:嘉宾|代表))[，,]"
)
# a clause opening with adverbs and other coordinated verb phrases (深度参与讨论，贡献经验和支持…)
_CO_VERB = re.compile(r"[\s“”\"]*(?:[\u4e00-\u9fff]{1,8}?(?:和|并|、|及))?[\s“”\"]*")


def _listed_before(ms: list[Mention], text: str, sent: Sentence, pos: int, types: frozenset[str]) -> list[Mention]:
    """包括 A、B、C 等18人，… (clauses of dropped subject) + verb at ``pos``: the listed group closing
    the latest 等N人/等N家机构/等嘉宾 clause of the sentence, when only verb clauses follow it."""
    last = None
    for m in _LISTED_PEOPLE.finditer(text, sent.start, pos):
        last = m
    if last is None or re.search(r"[；;。]", text[last.end() : pos]):
        return []
    # the clauses in between open with adverbs or verbs, not with a new name
    for c in re.finditer(r"[，,]", text[last.end() - 1 : pos]):
        at = last.end() - 1 + c.end()
        if window(ms, at, min(at + 2, pos)):
            return []
    return group_before(ms, text, last.start(), types, sent.start)


_BY_COORD = re.compile(r"[\s“”\"]*(?:发起|主办|承办|协办|指导|支持|资助|出资|执行|实施|设立|成立|创立|策划)(?:并|和|、|及)(?:共同|联合)?[\s“”\"]*")
THANKS_TO = register(Rule("supports.thanks_to", "supports", 0.7, "感谢/致谢 A、B 对 P 的(大力)支持/帮助/指导: each supports P (named, else the sentence's or context's project/event)"))
_THANK = re.compile(r"(?:特别|衷心|诚挚|由衷|真诚)?(?:感谢|致谢|鸣谢)")


def _thanks_to_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """感谢 A、B 对“P”的大力支持 / 感谢 A 的帮助: the thanked backers support P."""
    text = ctx.text
    backer_types = frozenset({"Organization", "Person"})
    for t in _THANK.finditer(text, sent.start, sent.end):
        backers = group_after(ms, text, t.end(), backer_types, sent.end, max_gap=1)
        if not backers:
            continue
        tail = re.match(r"[\s”\"]*(?:（[^）]{0,30}）)?[\s”\"]*(?:等[^，。；]{0,10}?)?(?:(对|为|给予))?", text[backers[-1].end : sent.end])
        pos = backers[-1].end + tail.end()
        targets = group_after(ms, text, pos, frozenset({"Project", "Event", "Publication", "Organization"}), sent.end, max_gap=1) if tail.group(1) else []
        rest = targets[-1].end if targets else pos
        if not re.match(r"[\s”\"]*(?:工作|活动|项目|建设|发展)?的?\s*(?:大力|鼎力|全力|积极|热情|悉心|无私|长期|一贯|持续)?(?:支持|帮助|指导|协助|关心|厚爱)", text[rest : sent.end]):
            continue
        if not targets:
            targets = _supported_topic(ctx, sent, ms, t.start())
        yield from _pairs(backers, "supports", targets, sent, THANKS_TO)


_MANY = re.compile(r"等\s*(?:[4-9]|\d{2,}|[四五六七八九十百多数几])[\d十余多]*\s*(?:家|个|所)")

# verbs of making between 联合 and a name: the name is the thing made, not a partner
_MADE_BETWEEN = re.compile(r"成立|发起|启动|举办|主办|承办|发布|推出|创办|创立|设立|开展|打造|建立|搭建|编制|出版")


def _co_initiator_pairs(subj: list[Mention], obj: list[Mention], sent: Sentence, text: str) -> Iterator[Relation]:
    """由 A 和 B 发起 X: the two or three organisations of one coordinated subject group are partners
    (FORMAT: 共同发起 -> partnersWith; 联合发起 / bare 发起 by a pair states the same)."""
    orgs = [x for x in subj if x.type == "Organization"]
    if not 2 <= len(orgs) <= 3 or len(orgs) != len(subj):
        return
    if re.search(r"(?:联合|携手|会同|与|同|跟)[\s“”\"]*$", text[max(sent.start, subj[0].start - 3) : subj[0].start]):
        return  # X 联合 A、B 发起: the group is X's co-actor side (X partners with each, not they together)
    if "等" in text[subj[-1].end : obj[0].start if obj[0].start > subj[-1].end else subj[-1].end]:
        return  # A、B 等发起: an open list
    for a, b in combinations(orgs, 2):
        if a.key.startswith(b.key) or b.key.startswith(a.key):
            continue
        if allowed("partnersWith", a, b):
            yield _rel(a, "partnersWith", b, sent, CO_INITIATORS)


def _speaker_orgs(ms: list[Mention], text: str, subj: list[Mention]) -> list[Mention]:
    """X基金会海洋项目总监甲发布《Y》: the organisation whose officer releases a publication."""
    out = []
    for p in subj:
        if p.type != "Person":
            continue
        before = [x for x in ms if x.end <= p.start and p.start - x.end <= 16]
        if before and before[-1].type == "Organization" and _org_role_tail().fullmatch(text[before[-1].end : p.start]):
            out.append(before[-1])
    return out


def _clause_final_org(ms: list[Mention], text: str, clause_start: int, pos: int, floor: int) -> list[Mention]:
    """…成立 B，作为…运营主体 / 项目机构为 A，负责…: a clause opening with the verb (after adverbs)
    continues the organisation that closed the previous clause."""
    if clause_start <= floor or not _adverbs_only().match(text[clause_start:pos]):
        return []
    prev = [x for x in ms if x.end <= clause_start]
    if not prev or prev[-1].type != "Organization" or not re.fullmatch(r"[\s”\"]*(?:[（(][^（）()]{1,30}[）)])?[\s”\"]*[，,]", text[prev[-1].end : clause_start]):
        return []
    return [prev[-1]]


@cache
def _pub_gap() -> re.Pattern[str]:
    return re.compile(
        rf"[\s“”\"]*(?:[（(][^（）()]{{1,30}}[）)])?\s*(?:等\s*(?:{_NUM})?\s*(?:个|家)?(?:部委|部门|单位|机构|厅局|委办局))?\s*"
        r"(?:(?:联合|共同)?(?:发布|编制|出版|编写|印发|制定|发表)?的(?:[\u4e00-\u9fff]{0,4}(?:著作|作品|专著|新书|报告|白皮书|论文|文章|书籍))?)?\s*[《“\"]?"
    )


def _nominal_publication_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """A《X》 / A（IPCC）第六次评估报告 / A 等七部委《X》 / A 的《X》: A publishes X."""
    for a, b in pairwise(ms):
        if a.type not in ("Organization", "Person") or b.type != "Publication":
            continue
        gap = text[a.end : b.start]
        if a.type == "Person" and not re.search(r"著作|作品|专著|新书|报告|论文|文章|书籍", gap):
            continue  # a person before a title: only 甲的(科普)著作《X》
        if _pub_gap().fullmatch(gap) and allowed("publishes", a, b):
            yield _rel(a, "publishes", b, sent, PUB_NOMINAL)


@cache
def _role_predicates() -> dict[str, tuple[str, str]]:
    """role word -> (predicate, scope) from resources/rel_role_predicates.tsv."""
    return {row[0]: (row[1], row[2]) for row in load_table("rel_role_predicates.tsv")}


ROLE_RULES = {
    pred: register(Rule(f"{pred}.role", pred, 0.85 if pred == "implements" else 0.7, f"A 作为(X 的)…{word}: A {pred} X (named in the phrase, else of the context)"))
    for pred, word in (("implements", "运营主体/执行机构"), ("organizes", "主办方/承办单位"), ("initiates", "发起方"), ("supports", "支持单位/指导单位"))
} | {"funds": FUND_ROLE}
LABEL_RULES = {
    pred: register(Rule(f"{pred}.label_line", pred, 0.7, f"notice line '{word}：A、B': each organisation {pred} the event/project the notice is about"))
    for pred, word in (("organizes", "主办单位/承办单位"), ("initiates", "发起单位"), ("supports", "指导单位/支持单位"), ("funds", "资助方"), ("implements", "执行单位"))
}

LABEL_PARTNERS = register(Rule("partnersWith.label_line", "partnersWith", 0.7, "notice line '主办单位：A、B(、C、D)': co-hosts are partners"))


@cache
def _role_phrase_re() -> re.Pattern[str]:
    roles_ = "|".join(re.escape(w) for w, (_p, scope) in sorted(_role_predicates().items(), key=lambda x: -len(x[0])) if scope == "any")
    return re.compile(rf"(?:作为|担任|成为|是)[^，。；]{{0,20}}?({roles_})(?:之一)?(?![\u4e00-\u9fff])")


@cache
def _label_re() -> re.Pattern[str]:
    roles_ = "|".join(re.escape(w) for w in sorted(_role_predicates(), key=len, reverse=True))
    return re.compile(rf"(?:[-*•·]\s*)?(?:项目|本次活动|本次会议)?({roles_})[ \t\u3000]*[：:][ \t\u3000]*")


def _role_target(ctx: Ctx, sent: Sentence, ms: list[Mention], pred: str, a: int, b: int) -> Mention | None:
    """What a role phrase at [a, b) is about: a name or 本次X inside it, else a project/event of the
    sentence (the nearest before, then the first after), else the case project or latest event."""
    types = DOMAIN_RANGE[pred][1] - {"Organization", "Publication", "Award"}
    inner = [x for x in ms if a <= x.start and x.end <= b and x.type in types]
    if inner:
        return inner[0]
    an = _anaphor_re().search(ctx.text, a, b)
    if an is not None:
        head = re.sub(r"^(?:本次|此次|该|本|这一?|上述|此)\s*", "", an.group())
        ref = _resolve_head(ctx, sent, an.start(), head, types)
        if ref is not None:
            return ref
    before = [x for x in ms if x.end <= a and x.type in types]
    if before:
        return before[-1]
    after = [x for x in ms if x.start >= b and x.type in types]
    if after:
        return after[0]
    if "Project" in types and sent.section in ctx.case_projects:
        return ctx.case_projects[sent.section]
    return _latest_event(ctx, sent, a) if "Event" in types else None


def _role_phrase_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """A 作为 P 的项目执行方 / 设立 A 和 B 作为…运营主体 / 成立 B，作为…运营主体 / A 作为本次论坛的主办方."""
    text = ctx.text
    orgs = frozenset({"Organization"})
    for m in _role_phrase_re().finditer(text, sent.start, sent.end):
        pred = _role_predicates()[m.group(1)][0]
        if pred == "funds" and m.group().startswith("作为"):
            continue  # A 作为捐资方: funds.role (_funding_relations)
        clause = _clause_start(text, sent.start, m.start())
        subj = group_before(ms, text, m.start(), orgs, clause)
        if not subj:
            by = text.rfind("由", clause, m.start())
            if by >= 0:
                subj = group_after(ms, text, by + 1, orgs, m.start(), max_gap=1)
        if not subj:
            subj = _clause_final_org(ms, text, clause, m.start(), sent.start)
        target = _role_target(ctx, sent, ms, pred, m.start(), m.end())
        for a in subj:
            if target is not None and allowed(pred, a, target):
                yield _rel(a, pred, target, sent, ROLE_RULES[pred])


@cache
def _role_is_re() -> re.Pattern[str]:
    roles_ = "|".join(re.escape(w) for w, (_p, scope) in sorted(_role_predicates().items(), key=lambda x: -len(x[0])) if scope == "any")
    return re.compile(rf"(?:的|之)?(?:{_NUM}\s*(?:家|个))?({roles_})(?:分别)?(?:为|是|包括|有)[：:]?")


def _role_is_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """X 的执行机构为 A / 本次论坛的主办单位是 A、B: each organisation after the role relates to X
    (named right before the role, 本次X, else the sentence's or context's project/event)."""
    text = ctx.text
    for m in _role_is_re().finditer(text, sent.start, sent.end):
        pred = _role_predicates()[m.group(1)][0]
        members = group_after(ms, text, m.end(), frozenset({"Organization"}), sent.end, max_gap=1)
        if not members:
            continue
        clause = _clause_start(text, sent.start, m.start())
        target = _role_target(ctx, sent, [x for x in ms if x.end <= m.start()], pred, clause, m.start())
        if pred == "funds" and (topic := _donor_list_topic(ctx, sent, ms, m.start())) is not None:
            target = topic  # (基金会的)主要捐赠方包括 A、B: the organisation the passage is about
        for a in members:
            if target is not None and allowed(pred, a, target):
                yield _rel(a, pred, target, sent, ROLE_RULES[pred])


_MASTHEAD = re.compile(r"(?:编辑|主编|责任编辑|编委|投稿|邮箱|电话|地址|网址|版权|刊号|出版|印刷|发行|设计|排版|联系方式)[ \t\u3000]*[：:]")


def _notice_target(ctx: Ctx, pred: str, pos: int) -> Mention | None:
    """The event or project a notice line is about: the latest one named in the 400 characters
    before ``pos``. A masthead (主办：… next to 编辑：/地址：… lines) is about the publication itself."""
    types = DOMAIN_RANGE[pred][1] - {"Organization", "Publication", "Award"}
    if _MASTHEAD.search(ctx.text, max(0, pos - 120), pos + 160):
        return None
    before = [m for m in window(ctx.ms, max(0, pos - 400), pos) if m.end <= pos and m.type in types]
    if not before:
        return None
    between = ctx.text[before[-1].end : pos]
    # the same notice block: at most three line breaks and no blank line or other label list between
    if between.count("\n") > 3 or re.search(r"\n\s*\n", between):
        # a notice: 关于举办 E 的通知 … 定于…举办 E。…一、组织机构 / 指导单位：… (the event of the
        # notice's own text, with only a numbered heading and blank lines after its last sentence)
        tail = ctx.text[before[-1].end : pos]
        if not re.fullmatch(r"[^\n]*?(?:[。！]|$)(?:\s*(?:[一二三四五六七八九十]+、|\d+[.、])?[^\n。：:]{0,10}\s*)?\s*", tail):
            return None
        # the notice is about the event its title names (the first one of the text before)
        first = next((m for m in window(ctx.ms, 0, 200) if m.type in types and m.end <= pos), None)
        if first is not None and first.key in {m.key for m in before}:
            return first
    return before[-1]


def _label_line_relations(ctx: Ctx, doc_id: str) -> Iterator[Relation]:
    """Event-notice lines: 主办单位：A、B / 指导单位：C / 承办：D (a list of organisations, maybe
    continued on lines holding nothing but names): each organisation relates to the notice's
    event or project by the label's predicate. A label opens a line or a clause, or follows the
    last name of the previous label's list (lines the normaliser joined)."""
    text = ctx.text
    ms = ctx.ms
    name_ends = {m.end for m in ms}
    labels = [m for m in _label_re().finditer(text) if m.start() == 0 or text[m.start() - 1] in "\n；;。，,： \t\u3000（(”\"》" or m.start() in name_ends]
    block: tuple[Mention, int] | None = None  # the target of the label block read so far, where it ends
    for i, m in enumerate(labels):
        pred = _role_predicates()[m.group(1)][0]
        limit = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        stop = re.compile(r"[。\n；;]").search(text, m.end(), limit)
        end = stop.start() if stop else limit
        # continuation lines made of names only (承办单位：\nA\nB)
        while stop is not None and stop.group() == "\n" and end < limit:
            nxt = re.compile(r"\n").search(text, stop.end(), limit)
            line_end = nxt.start() if nxt else limit
            inside = [x for x in window(ms, stop.end(), line_end) if x.end <= line_end]
            rest = text[stop.end() : line_end]
            for x in reversed(inside):
                rest = rest[: x.start - stop.end()] + rest[x.end - stop.end() :]
            if not inside or not re.fullmatch(r"[\s、，,“”\"]*", rest) or any(x.type != "Organization" for x in inside):
                break
            end, stop = line_end, nxt
        members = [x for x in window(ms, m.end(), end) if x.end <= end and x.type == "Organization"]
        if not members:
            continue
        target = _notice_target(ctx, pred, m.start())
        if target is None and block is not None and re.fullmatch(r"\s*", text[block[1] : m.start()]):
            target = block[0] if block[0].type in DOMAIN_RANGE[pred][1] else None  # the next label of the same block
        if target is None:
            continue
        block = (target, end)
        sent = Sentence(doc_id, -1, m.start(), end, text[m.start() : end], -1)
        for a in members:
            if allowed(pred, a, target):
                yield _rel(a, pred, target, sent, LABEL_RULES[pred])
        if "主办" in m.group(1) and 2 <= len(members) <= 4:
            # 主办单位：A、B: co-hosts are partners (as 由 A、B 联合主办)
            for a, b in combinations(members, 2):
                if a.key != b.key and allowed("partnersWith", a, b):
                    yield _rel(a, "partnersWith", b, sent, LABEL_PARTNERS)


# --- structural rules -------------------------------------------------------------------------


def _sentence_at(sents: list[Sentence], pos: int) -> Sentence | None:
    for s in sents:
        if s.start <= pos < s.end:
            return s
    return None


def _case_relations(res: DocResult, sec: Section, ms: list[Mention], award: Mention | None) -> Iterator[Relation]:
    text = res.document.text
    in_sec = [m for m in ms if sec.start <= m.start < sec.end]
    fields = dict(sec.fields)
    project = next((m for m in in_sec if m.rule == "case.project" and m.type == "Project"), None)
    if project is None:
        return
    label_pos = {label: text.find(label, sec.start, sec.end) for label in ("项目机构", "实施地点", "获奖情况")}

    def field_sentence(label: str, value: str) -> Sentence:
        a = label_pos.get(label, -1)
        if a < 0:
            a = sec.start
        b = text.find(value.split("\n")[-1], a, sec.end)
        b = b + len(value.split("\n")[-1]) if b >= 0 else a + len(label)
        return Sentence(res.document.id, -1, a, b, re.sub(r"\s+", "", text[a:b]), sec.index)

    for label in ("项目机构", "实施机构", "申报机构", "执行机构", "获奖机构"):
        if label in fields:
            sent = field_sentence(label, fields[label])
            for m in in_sec:
                if m.rule == "case.org" and m.type == "Organization":
                    yield _rel(m, "implements", project, sent, CASE_IMPLEMENTS)
    if "实施地点" in fields:
        sent = field_sentence("实施地点", fields["实施地点"])
        locs = [m for m in in_sec if m.type == "Place" and sent.start <= m.start < sent.end]
        chained = _chain_children(locs, text)
        for m in locs:
            if m.key not in chained:
                yield _rel(project, "locatedIn", m, sent, CASE_LOCATION)
        for child, parent in _place_pairs(locs, text):
            yield _rel(child, "partOf", parent, sent, PLACE_CHAIN)
    if "获奖情况" in fields and award is not None:
        value = fields["获奖情况"]
        lines = [x.strip() for x in value.split("\n") if x.strip()]
        quals: list[tuple[str, str]] = []
        for line in lines:
            m = re.match(r"(.+?类别?)\s*[·•・]\s*((?:19|20)\d{2}(?:\s*[—-]\s*(?:19|20)\d{2})?)", line)
            if m:
                quals += [("category", m.group(1)), ("year", m.group(2).replace(" ", ""))]
            elif not quals and len(line) <= 12:
                quals.append(("level", line))
        sent = field_sentence("获奖情况", value)
        yield _rel(project, "receivedAward", award, sent, CASE_AWARD, tuple(sorted(set(quals))))


_SUB_SUFFIX = ("县", "区", "市", "旗")


def _place_info(key: str) -> Place | None:
    """The gazetteer entry of a place name; a county given without its suffix (郧阳, 蒲江) too."""
    table = places()
    if key in table:
        return table[key]
    for suf in _SUB_SUFFIX:
        if key + suf in table and table[key + suf].level == "county":
            return table[key + suf]
    return None


def _is_ancestor(parent: str, child: Place | None) -> bool:
    table = places()
    seen = 0
    while child is not None and child.parent and seen < 4:
        if child.parent == parent:
            return True
        child = table.get(child.parent)
        seen += 1
    return False


def _place_pairs(locs: list[Mention], text: str) -> Iterator[tuple[Mention, Mention]]:
    """Adjacent places where the second lies in the first (广东省广州市, 山东寿光, 美兰区三江镇)."""
    for a, b in pairwise(locs):
        if b.start - a.end > 0 and text[a.end : b.start] not in ("“", '"', "「"):
            continue  # adjacent, or a quoted finer place right after its division (X镇“Y湖”)
        pa, pb = _place_info(a.key), _place_info(b.key)
        if pa and pb and (_is_ancestor(pa.name, pb) or (pb.level == "county" and pa.level == "province")):
            # county given directly under its province (municipality or skipped city) too
            yield b, a
        elif pa and pb and pa.level == pb.level == "country" and pa.name != pb.name:
            # two "countries" written without a separator: the second is a city of the first
            yield b, a
        elif pa and pb is None and pa.level in ("province", "city", "county"):
            # a place the gazetteer does not know (town, village, reserve, new district) right after
            # a known division lies inside it
            yield b, a
        elif pb is None and (pa is None or pa.level not in ("country",)) and 0 < _admin_rank(a.key) < _admin_rank(b.key):
            # 龙泉镇涵泳村 / 凤翔街道新潭村: unknown divisions ranked by their suffixes
            yield b, a
        elif pa is None and pb is None and _admin_rank(a.key) >= 3 and _admin_rank(b.key) == 0:
            # 石桥镇“白鹭湖”: a named natural place right after a town or county lies in it
            yield b, a


_ADMIN_RANKS = ((r"(?:省|自治区)$", 1), (r"(?:市|自治州|州|盟|地区)$", 2), (r"(?:县|区|旗|自治县)$", 3), (r"(?:镇|乡|街道)$", 4), (r"(?:村|社区|居委会|嘎查)$", 5))


def _admin_rank(key: str) -> int:
    """The level of a division by its suffix (省 1 … 村/社区 5); 0 when the name has none. The
    longest matching suffix decides (东岸社区 is a community, not a 区; 山南地区 a prefecture)."""
    best, best_len = 0, 0
    for pat, rank in _ADMIN_RANKS:
        m = re.search(pat, key)
        if m and len(m.group()) > best_len:
            best, best_len = rank, len(m.group())
    return best


def _chain_children(locs: list[Mention], text: str) -> set[str]:
    """Places of a chain that are parents of a following place: only the finest is the location."""
    return {parent.key for _child, parent in _place_pairs(locs, text)}


@cache
def _role_alt() -> str:
    words = set(roles()) | set(load_lines("rel_roles.txt"))
    return "|".join(re.escape(r) for r in sorted(words, key=len, reverse=True))


_DEPT_GAP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()]{0,16}")


def _role_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """ORG (department) ROLE(、ROLE) PERSON, chained with 、; and the name-card order PERSON ORG ROLE."""
    role_alt = _role_alt()
    roles_re = re.compile(rf"((?:{role_alt})(?:\s*(?:兼|、|和)\s*(?:{role_alt}))*)\s*(?:、\s*)?$")
    orgs = [o for o in ms if o.type == "Organization"]
    prev_person: Mention | None = None
    prev_org: Mention | None = None
    for p in ms:
        if p.type != "Person":
            continue
        pos = p.start
        chain: list[tuple[Mention, str, Rule]] = []
        for _ in range(4):
            window = text[max(sent.start, pos - 40) : pos]
            m = roles_re.search(window.rstrip())
            if not m:
                break
            role_start = pos - (len(window) - m.start())
            role = re.split(r"\s*(?:兼|、|和)\s*", m.group(1))
            org = next((o for o in orgs if o.end == role_start), None)
            rule = ROLE_NAME
            if org is None:
                # a department between organisation and title: SEE基金会 气候变化项目 总监
                org = next(
                    (o for o in reversed(orgs) if o.end < role_start and _DEPT_GAP.fullmatch(text[o.end : role_start])
                     and not any(x.start >= o.end and x.end <= role_start for x in ms)),
                    None,
                )
                rule = ROLE_DEPT
            if org is None:
                break
            chain.append((org, "兼".join(role), rule))
            pos = org.start
            sep = re.search(r"[、，,]\s*$", text[max(sent.start, pos - 3) : pos])
            if sep:
                pos -= len(sep.group())
            else:
                break
        if not chain and prev_person is not None and prev_org is not None:
            # X基金会副理事长甲、监事长乙: the second title continues the first person's organisation
            m = roles_re.search(text[prev_person.end : p.start].rstrip())
            if m and re.fullmatch(r"\s*[、，,和及]\s*", text[prev_person.end : prev_person.end + m.start()]):
                role = re.split(r"\s*(?:兼|、|和)\s*", m.group(1))
                chain.append((prev_org, "兼".join(role), ROLE_NAME))
        prev_person, prev_org = p, (chain[0][0] if chain else None)
        for org, role, rule in chain:
            quals: tuple[tuple[str, str], ...] = (("role", role),)
            if re.search(r"(?:原|前|曾任)\s*$", text[max(sent.start, org.start - 3) : org.start]):
                quals += (("former", "true"),)
            yield _rel(p, "worksFor", org, sent, rule, quals)
        # name card: 戴某 X基金会副主席兼总裁 (person first, then organisation and title)
        if not chain:
            nxt = next((o for o in orgs if o.start >= p.end), None)
            if nxt is not None and re.fullmatch(r"[\s：:，,]{0,3}", text[p.end : nxt.start]):
                m = re.match(rf"\s*((?:{role_alt})(?:\s*(?:兼|、)\s*(?:{role_alt}))*)", text[nxt.end : sent.end])
                if m:
                    role = "兼".join(re.split(r"\s*(?:兼|、)\s*", m.group(1)))
                    yield _rel(p, "worksFor", nxt, sent, ROLE_CARD, (("role", role),))


_FORMER = re.compile(r"^(?:原|前)")


def _strip_former(ms: list[Mention], text: str) -> list[Mention]:
    """原X基金会 read as one name: use the organisation without 原 when the text names it too."""
    keys = {m.key for m in ms}
    out = []
    for m in ms:
        if m.type == "Organization" and _FORMER.match(m.key) and (m.key[1:] in keys or (len(m.key) >= 6 and m.key[1] not in "子沿海进")):
            m = Mention(m.doc_id, m.start + 1, m.end, m.text[1:], m.type, m.subtype, m.rule, m.key[1:])
        out.append(m)
    return out


_UNIT_END = re.compile(r"(?:分会|专业委员会|委员会|办公室|学院|研究院|研究所|研究中心|实验室|中心|分公司|子公司|事业部|工作站|管理局|管理处|秘书处|专委会|分行|支行|代表处|分院|[^办]处|司|所)$")


_LOCATED_HEAD = re.compile(r"(?:项目|计划|行动|工程|案例|专项基金)$")


def _nested_relations(res: DocResult, nested: list[Mention], ms: list[Mention]) -> Iterator[Relation]:
    """The nested layer of names (kg.entities): the parent opening a unit's name (X大学|Y研究院 ->
    subOrganizationOf X大学) and a natural place inside a project's name (Z湖水基金项目 -> locatedIn
    Z湖; not inside a quoted theme, not for platforms, bodies or events)."""
    text = res.document.text
    outer = [m for m in ms if m.type in ("Organization", "Project")]
    # a state body or academy quoted only as the opening of its units' official names (X部Y中心,
    # X科学院Y研究所: an affiliation) is no entity of its own unless the text names it alone too;
    # an association, university or company opening its unit's name (X协会Y分会) is
    nested_count: dict[str, int] = {}
    for n in nested:
        nested_count[n.key] = nested_count.get(n.key, 0) + 1
    compact = re.sub(r"\s+", "", text)
    done: set[tuple[str, str, str]] = set()
    for n in nested:
        host = next((o for o in outer if o.start <= n.start and n.end <= o.end and o.end - o.start > n.end - n.start), None)
        if host is None:
            continue
        sent = Sentence(res.document.id, -1, host.start, host.end, host.text, -1)
        if n.type == "Organization" and host.type == "Organization" and host.start == n.start and _UNIT_END.search(host.key):
            if compact.count(n.key) <= nested_count[n.key] and (n.subtype == "GovernmentAgency" or re.search(r"(?:科学院|研究所|研究院)$", n.key)):
                continue
            key = (host.key, "subOrganizationOf", n.key)
            if key not in done and allowed("subOrganizationOf", host, n):
                done.add(key)
                yield _rel(host, "subOrganizationOf", n, sent, SUBORG_NAME)
        elif n.type == "Place" and host.type == "Project" and (_LOCATED_HEAD.search(host.key) or _LOCATED_HEAD.search(host.text.rstrip("”\""))):
            inside = text[host.start : n.start].lstrip("“\"「『 ")
            if re.search(r"[“”\"「」——]", inside):
                continue  # “一个长江”…计划: a place in a quoted theme or slogan
            key = (host.key, "locatedIn", n.key)
            if key not in done and allowed("locatedIn", host, n):
                done.add(key)
                yield _rel(host, "locatedIn", n, sent, LOC_NESTED)


_LEGAL_FORM = re.compile(r"(?:[（(][^（）()]{1,8}[）)])?(?:股份)?有限(?:责任)?公司")


def _name_nesting_relations(res: DocResult, ms: list[Mention], text: str) -> Iterator[Relation]:
    """中国动物学会保护生物学分会 -> subOrganizationOf 中国动物学会 (the parent is named in the text too)."""
    orgs = {m.key: m for m in ms if m.type == "Organization"}
    done: set[tuple[str, str]] = set()
    for m in ms:
        if m.type != "Organization" or not _UNIT_END.search(m.key):
            continue
        for n in range(len(m.key) - 2, 1, -1):
            parent = orgs.get(m.key[:n])
            if parent is None or (parent.subtype == "Network" and len(m.key) - n < 3):
                continue
            if _LEGAL_FORM.fullmatch(m.key[n:]):
                break  # X银行（中国）有限公司: the company's registered name, not a unit of X
            if (m.key, parent.key) not in done:
                done.add((m.key, parent.key))
                sent = Sentence(res.document.id, -1, m.start, m.end, m.text, -1)
                yield _rel(m, "subOrganizationOf", parent, sent, SUBORG_NAME)
            break


def _chain_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    places_in = [m for m in ms if m.type == "Place"]
    for child, parent in _place_pairs(places_in, text):
        yield _rel(child, "partOf", parent, sent, PLACE_CHAIN)
    table = places()
    # 甘肃省张掖市、天水市和兰州市: the province distributes over the coordinated list
    for i, a in enumerate(places_in[:-1]):
        b = places_in[i + 1]
        pa, pb = table.get(a.key), table.get(b.key)
        if b.start != a.end or not pa or not pb or pb.parent != pa.name:
            continue
        prev = b
        for c in places_in[i + 2 :]:
            if not _CONNECT.match(text[prev.end : c.start]):
                break
            pc = table.get(c.key)
            if pc and pc.parent == pa.name:
                yield _rel(c, "partOf", a, sent, PLACE_LIST)
            prev = c
    # 加拿大蒙特利尔: a country directly before a foreign place
    for a, b in pairwise(places_in):
        pa, pb = table.get(a.key), table.get(b.key)
        if b.start == a.end and pa and pa.level == "country" and (pb is None or pb.level != "country") and (
            pa.name in ("中国", "中华人民共和国") or pb is None
        ):
            yield _rel(b, "partOf", a, sent, PLACE_COUNTRY)


_SEAT_SUBJ_GAP = re.compile(
    r"^[\s“”\"]*(?:[（(][^（）()]{1,30}[）)])?[\s“”\"]*(?:将|已|也|还|于[^，。；在]{0,16}|日前|近日|(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[-—至到]\s*\d{1,2}\s*日)?)?\s*$"
)


_HELD_OBJECT = re.compile(r"了?\s*(?:(?:19|20)\d{2}\s*年(?:度)?)?\s*(?:首届|第[一二三四五六七八九十百\d]+届)?\s*")


def _seat_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """E 在 X 举行: the event directly before 在, the finest place of the chain right before the verb."""
    for m in re.finditer(r"在([^，。；]{2,20}?)(?:成功|隆重|圆满|顺利|正式)?(?:举行|举办|召开|开幕|闭幕|落幕|拉开帷幕|启幕|收官|开班|开营|启动|揭幕|落地|开展)|落户([^，。；]{2,10})", text[sent.start : sent.end]):
        a = sent.start + m.start()
        place = next((p for p in reversed(ms) if p.type == "Place" and a <= p.start and p.end <= sent.start + m.end()), None)
        if place is None:
            continue
        if m.group(1) is not None:
            rest = re.sub(r"(?:成功|隆重|圆满|顺利|正式)$", "", text[place.end : sent.start + m.end(1)]).strip(" “”\"")
            if 1 <= len(rest) <= 4 and re.search(r"(?:城|角|岛|湾|港|园区|新区|镇|村|乡|馆)$", rest):
                continue  # 在 X世博城/X角 举办: the place only opens a finer, unrecognised place's name
        subj = [x for x in ms if x.type in ("Event", "Project") and x.end <= a and x.start >= sent.start]
        if subj and _SEAT_SUBJ_GAP.match(text[subj[-1].end : a]):
            s = subj[-1]
            if allowed("locatedIn", s, place):
                yield _rel(s, "locatedIn", place, sent, SEAT)
        elif m.group(1) is not None and re.search(r"(?:举行|举办|召开)$", m.group()):
            # A 于…在 X 举办了(第三届)“E”: the event named right after the verb
            held = _HELD_OBJECT.match(text, sent.start + m.end(), sent.end)
            nxt = next((x for x in ms if x.start >= sent.start + m.end()), None) if held else None
            if nxt is not None and nxt.start - held.end() in (0, 1) and text[held.end() : nxt.start] in ("", "“", '"') and nxt.type == "Event" and allowed("locatedIn", nxt, place):
                yield _rel(nxt, "locatedIn", place, sent, SEAT)


_PLACE_LIST_GAP = re.compile(r"^[\s“”\"]*(?:[（(]|[）)]|、|，(?=[^，。；]{0,12}[）)])|和|与|及|以及|或)*[\s“”\"（(]*$")
_PLACE_TAIL = re.compile(
    r"[\s）)]*(?:等(?:\s*[\d一二三四五六七八九十两多数几百]+\s*(?:个|座|处|所))?[^，。；]{0,8}?(?:地区?|国家?|省份?|市|城市|县|区域|地方|流域|水域|海域|沿海)"
    r"|[两三四五六七八九十多]\s*(?:地|省|市|县|国))?"
    r"(?:的[^，。；]{0,12}?)?(?:[，,]?\s*)"
)
_LOC_VERB = re.compile(
    r"(?:先后|分别|相继|陆续|已|已经|都|均|也|还|成功|积极|正式|持续|广泛|率先|全面)*"
    r"(?:实施|开展|推广|落地|应用|建成|建立|建设|覆盖|开拓|完成|启动|试点|运营|援建|捐建|种植|种下|修复|落户|推行|部署|设立|成立|开设|铺设|上线|投放|走进|深入)"
)


def _places_after(ms: list[Mention], text: str, pos: int, ceiling: int) -> tuple[list[Mention], int]:
    """The coordinated places of a 在-phrase starting at ``pos`` and where the phrase ends."""
    out: list[Mention] = []
    last = pos
    for m in window(ms, pos, ceiling):
        if m.start < last or m.end > ceiling:
            continue
        gap = text[last : m.start]
        if not out:
            if m.type != "Place" or gap.strip(" “”\"") != "":
                break
        elif m.type != "Place" or not _place_gap_ok(gap):
            break
        out.append(m)
        last = m.end
    return out, last


def _place_gap_ok(gap: str) -> bool:
    """Separators between listed places, possibly with the rest of an unrecognised name
    (新疆[生产建设兵团零碳果园]、福建安溪) or a parenthesis (长江（安庆、宜昌）)."""
    if _PLACE_LIST_GAP.match(gap):
        return True
    return (
        len(gap) <= 20
        and re.search(r"[、（()）和与及]", gap) is not None
        and re.search(r"[。；！？在]|，(?![^（(]*[）)])", gap) is None
    )


def _located_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """在 X、Y 等地 + verb: the project (before 在, 该项目, or the case project) is at each place."""
    text = ctx.text
    for m in re.finditer(r"在", text[sent.start : sent.end]):
        a = sent.start + m.start()
        locs, end = _places_after(ms, text, a + 1, sent.end)
        if not locs:
            continue
        longer = _long_place_list(ms, text, a + 1, sent.end)
        if longer and len(longer[0]) > len(locs):
            locs, end = longer
        tail = _count_tail(text, end, sent.end) or _PLACE_TAIL.match(text, end, sent.end)
        after = tail.end() if tail else end
        seat_verb = re.match(r"设有|设立了?|成立了?", text[after : after + 4])
        # 在成都蒲江，该项目覆盖了…: the project named right after the place phrase
        pron_after = re.match(r"(?:该项目|本项目|项目)[\s]*(?:(?:" + _adverb_alt() + r")\s*)*", text[after:sent.end])
        verb_at = after + pron_after.end() if pron_after else after
        if (
            not seat_verb
            and not _LOC_VERB.match(text, verb_at, sent.end)
            and not re.match(r"(?:覆盖|惠及|辐射)", text[verb_at : verb_at + 2])
            and not re.match(r"[^，。；]{0,10}?等地", text[end:sent.end])
            and not _SITES_TAIL.match(text, end, sent.end)
        ):
            continue
        subj = _loc_subject(ctx, sent, ms, a, after, bool(seat_verb))
        if seat_verb:
            # A 在宁波设立了“P”: the named project set up there is at the place, not A
            made = group_after(ms, text, after + seat_verb.end(), frozenset({"Project", "Event"}), sent.end, max_gap=1)
            subj = made or subj
        if not subj:
            continue
        parents = _chain_children(locs, text)
        for s in subj:
            for o in locs:
                if o.key not in parents and allowed("locatedIn", s, o):
                    yield _rel(s, "locatedIn", o, sent, LOC_AT)


_VERB_PLACES_TAIL = re.compile(
    r"[\s”\"]*(?:等(?:\s*[\d一二三四五六七八九十两多数几百]+\s*(?:个|座|处|所))?[^，。；、]{0,6}?(?:地区?|国家?|省份?|省市|城市|县|区域|地方)"
    r"|[\d一二三四五六七八九十两多数几百]+\s*(?:大|个|座|处|所|地|省|市|县|国)"
    r"|的\s*[\d一二三四五六七八九十两多数几百]+\s*(?:个|座|处|所)(?:县|区|市|乡镇|村|社区|学校))"  # 推广到 A、B 的 8 个县
)


def _verb_place_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """(该项目已在全国)建成 A、B、C 五大中心 / 开拓了 A、B 等国家的业务: the project is at each place
    listed right after the verb (a closing 等…/N大 marks the list as the places of the activity)."""
    text = ctx.text
    for v in _LOC_VERB.finditer(text, sent.start, sent.end):
        pos = re.match(r"了?(?:到|至)?", text[v.end() : v.end() + 2]).end() + v.end()  # 推广到 A、B
        locs, end = _places_after(ms, text, pos, sent.end)
        if not locs:
            # the first item unrecognised: 建成[张北]、河源、南通…
            skip = re.match(r"[\s“”\"]*[\u4e00-\u9fff]{2,4}[\s“”\"]*、", text[pos : pos + 12])
            if skip:
                locs, end = _places_after(ms, text, pos + skip.end(), sent.end)
        if len(locs) < 2 or not _VERB_PLACES_TAIL.match(text, end, sent.end):
            continue
        before = text[_clause_start(text, sent.start, v.start()) : v.start()]
        # 在X、Y建成… is the 在-rule's; here 在 may only name a whole country or region
        at = before.rfind("在")
        if at >= 0 and not re.fullmatch(r"在(?:全国|国内|各地|海外|国外|全球|全省|全市|多地)[\s“”\"]*(?:(?:" + _adverb_alt() + r")\s*)*", before[at:]):
            continue
        a = v.start() - (len(before) - at if at >= 0 else 0)
        subj = _loc_subject(ctx, sent, ms, a, v.start())
        parents = _chain_children(locs, text)
        for x in subj:
            for o in locs:
                if o.key not in parents and allowed("locatedIn", x, o):
                    yield _rel(x, "locatedIn", o, sent, LOC_VERB_PLACES)


def _long_place_list(ms: list[Mention], text: str, pos: int, ceiling: int) -> tuple[list[Mention], int] | None:
    """A long 在-list whose items the recogniser did not all find (在长江（A、B）、C、湖北[X]保护区、…等N个
    水域 + verb): every place up to the 等…/verb tail, when only list items stand between."""
    stop = re.compile(r"[。；！？]|，(?![^（(]*[）)])").search(text, pos, ceiling)
    end_clause = stop.start() if stop else ceiling
    span = text[pos:end_clause]
    tail = re.search(r"等\s*(?:[\d一二三四五六七八九十两多数几百]+\s*(?:个|座|处|所))?[^，。；、]{0,8}?(?:地区?|国家?|省份?|城市|县|区域|地方|流域|水域|海域)", span)
    if tail is None or "、" not in span[: tail.start()]:
        return None
    inner = [x for x in ms if pos <= x.start and x.end <= pos + tail.start()]
    if not inner or inner[0].type != "Place" or text[pos : inner[0].start].strip(" “”\"") or any(x.type not in ("Place", "Organization") for x in inner):
        return None
    # 新疆生产建设兵团第四师零碳果园: a site named after a body is an item of the list, not a place
    inner = [x for x in inner if x.type == "Place"]
    # the items: separated by 、 (outside parentheses), each short
    items = re.split(r"、(?![^（(]*[）)])", span[: tail.start()])
    if any(len(it) > 24 or re.search(r"[在对将把向为]", it) for it in items):
        return None
    return inner, pos + tail.start()


def _loc_subject(ctx: Ctx, sent: Sentence, ms: list[Mention], a: int, after: int, seat_verb: bool = False) -> list[Mention]:
    """Who is at the places of a 在-phrase (or of a verb) at ``a``: the project or event before it,
    该项目, the sentence's topic, or the case project when the clause dropped its subject."""
    text = ctx.text
    clause = _clause_start(text, sent.start, a)
    subj = group_before(ms, text, a, frozenset({"Project", "Event"}), clause)
    if not subj and seat_verb:
        subj = group_before(ms, text, a, frozenset({"Organization"}), clause)
        if not subj and clause > sent.start and _adverbs_only().match(text[clause:a]):
            subj = sentence_subject(ctx, sent, ms, frozenset({"Organization"}))
    if not subj:
        an = _anaphor_before(ctx, sent, a, clause, frozenset({"Project"}))
        if an is not None:
            subj = [an]
    if not subj and clause > sent.start and _adverbs_only().match(text[clause:a]):
        subj = sentence_subject(ctx, sent, ms, frozenset({"Project", "Event"}))
        lead = _LEAD.match(text, sent.start, sent.end).end()
        an = _anaphor_re().match(text, lead, a)
        if not subj and an is not None:
            # 该项目走向国门，成功开拓了…: the sentence's topic is an anaphor
            head = re.sub(r"^(?:本次|此次|该|本|这一?|上述|此)\s*", "", an.group())
            ref = _resolve_head(ctx, sent, an.start(), head, frozenset({"Project", "Event"}))
            subj = [ref] if ref is not None else []
    if not subj and sent.section in ctx.case_projects:
        head = text[clause:a]
        pron = _SUBJECT_PRONOUN.search(head)
        if not pron and clause > sent.start and sentence_subject(ctx, sent, ms, frozenset({"Organization"})):
            # 青山基金会采用同样的模式，相继在 A、B 建立…: the organisation acts elsewhere
            pass
        elif pron or _adverbs_only().match(head) or re.fullmatch(r"[^，。；]{0,10}?(?:年|月|日|以来|期间|后)[，,\s]*", head):
            subj = [ctx.case_projects[sent.section]]
    if not subj and clause == sent.start and sent.section in ctx.case_projects:
        # 在成都蒲江，该项目覆盖了…: the place phrase opens the sentence, the project follows
        nxt = text[after : after + 8]
        if _SUBJECT_PRONOUN.match(nxt.lstrip("，, ")):
            subj = [ctx.case_projects[sent.section]]
    return subj


def _seat_phrase_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """X 位于/坐落于/总部设在 Y (和 Z): the subject is located at each place."""
    for m in re.finditer(
        r"(?:的)?(?:总部|秘书处|办公室|办公地点|项目点|项目地|实施地|所在地|(?:项目|实施|活动|举办|会议)地点)?(?:位于|坐落于|坐落在|地处|设在|落户|落地|设于|选址于|选址在|分布在|分布于)"
        r"|(?:的)?(?:(?:项目|实施|活动|举办|会议)地点|所在地)(?:为|是|在)",
        text[sent.start : sent.end],
    ):
        a = sent.start + m.start()
        locs, _end = _places_after(ms, text, sent.start + m.end(), sent.end)
        if not locs:
            continue
        head = re.search(r"(?:公益|示范|试点)?(?:项目|计划|工程|活动)$", text[sent.start : a])
        if head:
            a -= len(head.group())  # “X”公益项目落户 Y
        parents = _chain_children(locs, text)
        finest = [o for o in locs if o.key not in parents]
        # 位于 Y 的 X: X (named right after 的) lies in Y
        after = re.match(r"(?:境内|内|[东南西北中]部)?的[\s“\"]*", text[_end : sent.end]) if re.search(r"位于|坐落", m.group()) else None
        if after:
            x = next((x for x in ms if x.start == _end + after.end()), None)
            if x is not None:
                pred, rule = ("partOf", PLACE_SEAT) if x.type == "Place" else ("locatedIn", LOC_SEAT)
                yield from _pairs([x], pred, finest, sent, rule)
        subj = group_before(ms, text, a, frozenset({"Organization", "Project", "Event", "Place"}), _clause_start(text, sent.start, a))
        if not subj:
            continue
        whole = re.match(r"\s*(?:[东南西北中]部|东北部|西北部|东南部|西南部|境内|腹地|交界处|(?:地理)?(?:几何)?中心(?:地带|位置|城区)?|城区|市区|[东南西北]{0,2}(?:近|远)?郊区?)?\s*(?:[，。；,;]|$)", text[_end : sent.end])
        for s in subj:
            pred, rule = ("partOf", PLACE_SEAT) if s.type == "Place" else ("locatedIn", LOC_SEAT)
            if s.type == "Place" and (not m.group().endswith(("位于", "地处", "坐落于", "坐落在")) or not whole):
                continue  # 落户/设在 say nothing about where a place lies; 位于 Y 首批… is no containment
            yield from _pairs([s], pred, finest, sent, rule)


def _place_prefix_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """美国“老虎计划” / 北京市东城融媒、海淀融媒: a place written right before a project or units."""
    for i, p in enumerate(ms):
        if p.type != "Place" or i + 1 >= len(ms):
            continue
        nxt = ms[i + 1]
        gap = text[p.end : nxt.start]
        quoted = gap.strip().lstrip("的") in ("“", "\"") or text[nxt.start : nxt.start + 1] in ("“", "\"")
        ordinal = r"(?:首届|第[一二三四五六七八九十\d]+届)?" if nxt.type == "Event" else ""
        adjacent = not gap and nxt.type == "Project" and _admin_rank(p.key) >= 4  # X社区Y花园
        if nxt.type not in ("Project", "Event") or not (quoted or adjacent) or not re.fullmatch(r"(?:的)?" + ordinal + r"\s*[“\"]?", gap):
            continue  # (宜昌市五峰县的“P”: the place the project of the phrase is at)
        if allowed("locatedIn", nxt, p):
            yield _rel(nxt, "locatedIn", p, sent, LOC_PREFIX)
    # “P”（湖北宜昌）: places in parentheses right after a project or event
    for x in ms:
        if x.type not in ("Project", "Event"):
            continue
        op = re.match(r"[”\"]?[（(]", text[x.end : x.end + 2])
        if op is None:
            continue
        locs, end = _places_after(ms, text, x.end + op.end(), sent.end)
        if not locs or not re.match(r"\s*(?:等地?)?[）)]", text[end : end + 4]):
            continue
        yield from _pairs([x], "locatedIn", [y for y in locs if y.key not in _chain_children(locs, text)], sent, LOC_PREFIX)


@cache
def _funder_role_re() -> re.Pattern[str]:
    roles_ = "|".join(re.escape(w) for w in sorted(load_lines("rel_funder_roles.txt"), key=len, reverse=True))
    return re.compile(rf"作为[^，。；]{{0,16}}?(?:{roles_})")


_MONEY = r"[\d０-９.,，一二三四五六七八九十百千万亿两余多近约超过逾]+\s*(?:万|亿)?\s*(?:元|美元|港元|欧元|英镑)"
_RECEIVE = re.compile(r"(?:获得|获|得到|接受)(?:了)?")
_RECEIVE_TAIL = re.compile(rf"[\s”\"]*(?:（[^）]{{0,30}}）)?\s*(?:等(?:{_NUM}\s*家)?(?:爱心)?(?:企业|机构|单位|组织)?)?\s*(?:的)?\s*(?:{_MONEY})?\s*(?:的)?\s*(?:联合|共同|大力|定向|专项)?(?:授信|资助|捐赠|捐资|捐款|投资|贷款|资金支持|资金资助|注资|专项资金)")
_AMOUNT_BY = re.compile(rf"{_MONEY}[^，。；]{{0,6}}?由")
_INVEST = re.compile(rf"(?:累计|共|先后|已|已经|总计|共计|合计)*(?:投入|投资|出资|捐资|捐赠|资助|捐款|拨付|拨款|提供)(?:了)?(?:公益|专项|配套)?(?:资金|善款)?(?:达|超过|逾|约|近|共)*\s*{_MONEY}")
_PROVIDE = re.compile(r"为|对|向")
_PROVIDE_TAIL = re.compile(
    r"[^，。；]{0,6}?(?:提供|给予|予以|进行)(?:了)?[^，。；]{0,14}?(资金|技术|智力|专业|政策|数据|平台|科学|学术|品牌|传播|志愿|场地)?(?:等)?(?:方面的)?(?:支持|支撑|保障|指导|帮助|培训)"
)
# 为(该|本)项目/本次活动提供…: the object is the project or event of the context
_PROVIDE_ANAPHOR = re.compile(r"[\s“”\"]*(?:(?:该|本|这个|整个)?(项目|计划)|(?:本次|此次|该|本届)(活动|论坛|大会|会议|峰会))")


def _context_project(ctx: Ctx, sent: Sentence, ms: list[Mention], pos: int, local_first: bool = False) -> Mention | None:
    """The project a clause is about: the case project of a case block, else the latest project
    named earlier in the sentence (that one first with ``local_first``)."""
    before = [m for m in ms if m.type == "Project" and m.end <= pos]
    if local_first and before:
        return before[-1]
    if sent.section in ctx.case_projects:
        return ctx.case_projects[sent.section]
    if before:
        return before[-1]
    # 为该项目支出… / 本项目: the project named before
    for a in _anaphor_re().finditer(ctx.text, sent.start, pos):
        head = re.sub(r"^(?:本次|此次|该|本|这一?|上述|此)\s*", "", a.group())
        ref = _resolve_head(ctx, sent, a.start(), head, frozenset({"Project"}))
        if ref is not None:
            return ref
    return None


def _funding_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    orgs = frozenset({"Organization", "Person"})
    # A 作为主要捐资方 / 由 A 发起并作为主要捐资方
    for m in _funder_role_re().finditer(text, sent.start, sent.end):
        clause = _clause_start(text, sent.start, m.start())
        funders = group_before(ms, text, m.start(), orgs, clause)
        if not funders:
            by = text.rfind("由", clause, m.start())
            if by >= 0:
                funders = group_after(ms, text, by + 1, orgs, m.start(), max_gap=1)
        if not funders and clause > sent.start and _adverbs_only().match(text[clause : m.start()]):
            funders = sentence_subject(ctx, sent, ms, orgs)
        proj = _context_project(ctx, sent, ms, m.start())
        # …作为委托人，通过慈善信托资助进入“P”: the project the money goes to, when named
        v = re.search(r"(?:资助|捐赠|捐资|注入|用于|进入|投向)+", text[m.end() : sent.end])
        if v:
            later = group_after(ms, text, m.end() + v.end(), frozenset({"Project", "Organization"}), sent.end, max_gap=4)
            proj = later[0] if later else proj
        for f in funders:
            if proj is not None and allowed("funds", f, proj):
                yield _rel(f, "funds", proj, sent, FUND_ROLE)
    # P 获得 A 授信 9 亿元 / 获得 A 的资助
    for m in _RECEIVE.finditer(text, sent.start, sent.end):
        donors = group_after(ms, text, m.end(), orgs, sent.end, max_gap=1)
        if donors and not _RECEIVE_TAIL.match(text, donors[-1].end) and _RECEIVE_HELP.match(text, donors[-1].end):
            yield from _received_help(ctx, sent, ms, m.start(), donors)
            continue
        if not donors or not _RECEIVE_TAIL.match(text, donors[-1].end):
            continue
        clause = _clause_start(text, sent.start, m.start())
        recips = group_before(ms, text, m.start(), frozenset({"Project", "Organization", "Event"}), clause)
        if not recips:
            p = _context_project(ctx, sent, ms, m.start(), local_first=True)
            recips = [p] if p is not None else []
        yield from _pairs(donors, "funds", recips, sent, FUND_RECEIVE, _year_of(sent.text))
    # 约 300 万元由 A 支持 / A 累计投入资金 2000 多万元
    for m in _AMOUNT_BY.finditer(text, sent.start, sent.end):
        donors = group_after(ms, text, m.end(), orgs, sent.end, max_gap=1)
        if not donors or not re.match(r"[\s”\"]*(?:（[^）]{0,30}）)?\s*(?:支持|出资|资助|捐赠|捐资|承担|提供|筹集|配套)", text[donors[-1].end : sent.end]):
            continue
        p = _context_project(ctx, sent, ms, m.start())
        for d in donors:
            if p is not None and allowed("funds", d, p):
                yield _rel(d, "funds", p, sent, FUND_AMOUNT)
    for m in _INVEST.finditer(text, sent.start, sent.end):
        clause = _clause_start(text, sent.start, m.start())
        gap_ok = re.compile(r"[\s“”\"]*(?:[^，。；]{0,8}?(?:年|以来|后|来))?[\s“”\"]*(?:(?:" + _adverb_alt() + r")[\s“”\"]*)*")
        donors = [x for x in ms if clause <= x.start and x.end <= m.start() and x.type in orgs]
        if donors and re.search(r"(?:向|给|为|对)[\s“”\"]*$", text[clause : donors[-1].start]):
            # A 向 B 捐赠 N 万元，用于 P: the giver is the group before 向
            recipient = donors[-1]
            donors = group_before(ms, text, recipient.start - 1, orgs, clause)
            if donors and re.match(r"[\s“”\"]*(?:[（(][^（）()]{1,30}[）)])?[\s“”\"]*(?:(?:" + _adverb_alt() + "|" + _TIME + r")[\s“”\"]*)*向", text[donors[-1].end : recipient.start]):
                donors = donors[-1:]
            else:
                continue
        elif not donors or not gap_ok.fullmatch(text[donors[-1].end : m.start()]):
            continue
        elif len(donors) >= 2 and re.fullmatch(r"[\s“”\"]*(?:" + _adverb_alt() + r")*通过[\s“”\"]*", text[donors[-2].end : donors[-1].start]):
            donors = donors[:-1]  # A 通过 B 捐赠 N 万元: A gives, B only passes the money on
        # 用于 P: the money goes to the project named after 用于 (设立 P: the fund or project it sets up)
        tail = re.match(r"[^。；]{0,12}?(?:用于|设立|发起设立)|[，,]?\s*(?:用于|专项|持续|继续)?(?:支持|资助)", text[m.end() : sent.end])
        target = None
        if tail:
            nxt = group_after(ms, text, m.end() + tail.end(), frozenset({"Project", "Organization", "Event"}), sent.end, max_gap=8)
            target = nxt[0] if nxt else None
        if target is None:
            target = _context_project(ctx, sent, ms, donors[-1].start)
        d = donors[-1]
        if target is not None and allowed("funds", d, target):
            yield _rel(d, "funds", target, sent, FUND_AMOUNT)
    # A 为 P 提供资金/技术支持
    for m in _PROVIDE.finditer(text, sent.start, sent.end):
        tail = None
        objs = group_after(ms, text, m.end(), frozenset({"Project", "Organization", "Event"}), sent.end, max_gap=1)
        if objs:
            tail = _PROVIDE_TAIL.match(text, objs[-1].end)
        elif (an := _PROVIDE_ANAPHOR.match(text, m.end(), sent.end)) is not None and (tail := _PROVIDE_TAIL.match(text, an.end())) is not None:
            head = an.group(1) or an.group(2)
            ref = _resolve_head(ctx, sent, m.end(), head, frozenset({"Project", "Event"}))
            objs = [ref] if ref is not None else []
        if tail is None or not objs:
            continue
        clause = _clause_start(text, sent.start, m.start())
        subj = group_before(ms, text, m.start(), frozenset({"Organization", "Person", "Project"}), clause)
        if not subj and clause > sent.start and _adverbs_only().match(text[clause : m.start()]):
            subj = sentence_subject(ctx, sent, ms, frozenset({"Organization", "Person"}))
        pred, rule = ("funds", FUND_AMOUNT) if tail.group(1) == "资金" else ("supports", SUPPORT_PROVIDE)
        yield from _pairs(subj, pred, objs, sent, rule)


_GOT = re.compile(r"(?:得到|获得|受到|取得)(?:了)?")
_HELP = re.compile(
    r"(?:等[^，。；]{0,10}?)?的\s*(?:大力|鼎力|全力|积极|热情|悉心|无私|有益|宝贵|专业|持续|长期)?(?:支持|帮助|指导|协助)(?:和|与|、)?(?:支持|帮助|指导)?(?!下)"
)
_HELP_MORE = re.compile(r"[，,]\s*(?:以及|及|和|还有)")
_VETTED = re.compile(r"(?<![已曾历神])(?:经过|经|通过)")
_VETTED_NOUN = re.compile(
    r"[^，。；]{0,16}?(?:监测|评估|审批|授权|批准|认证|论证|审核|评审|检测|鉴定|验收)(?:和|与|、)?[^，。；]{0,4}[，,]"
)


def _supported_topic(ctx: Ctx, sent: Sentence, ms: list[Mention], pos: int) -> list[Mention]:
    """What a sentence credits its backers for: the group right before ``pos``, 本X opening the
    sentence, the sentence's subject, or the case project."""
    types = frozenset({"Project", "Event", "Publication", "Organization"})
    text = ctx.text
    clause = _clause_start(text, sent.start, pos)
    near = group_before(ms, text, pos, types, clause)
    if near:
        return near
    lead = _LEAD.match(text, sent.start, pos).end()
    a = _anaphor_re().match(text, lead, pos)
    if a is not None:
        ref = _resolve_head(ctx, sent, a.start(), re.sub(r"^(?:本次|此次|该|本|这一?|上述|此)\s*", "", a.group()), types)
        return [ref] if ref is not None else []
    subj = [x for x in sentence_subject(ctx, sent, ms, types) if x.end <= pos]
    if subj:
        return subj
    return [ctx.case_projects[sent.section]] if sent.section in ctx.case_projects else []


def _backing_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    backer_types = frozenset({"Organization", "Person"})
    # 得到 A、B 等的大力支持，以及 C 的有益帮助
    for g in _GOT.finditer(text, sent.start, sent.end):
        pos, backers = g.end(), []
        while True:
            end = _clause_end(text, pos, sent.end)
            h = _HELP.search(text, pos, end)
            group = group_before(ms, text, h.start(), backer_types, pos) if h else []
            if not group or len(text[pos : group[0].start]) > 16:
                break
            backers += group
            more = _HELP_MORE.match(text, h.end())
            if not more:
                break
            pos = more.end()
        if not backers:
            continue
        for o in _supported_topic(ctx, sent, ms, g.start()):
            yield from _pairs(backers, "supports", [o], sent, THANKS)
    # 经 A 连续多年的科学监测，P …
    for v in _VETTED.finditer(text, sent.start, sent.end):
        group = group_after(ms, text, v.end(), backer_types, sent.end, max_gap=1)
        if not group or group[0].start - v.end() > 1:
            continue
        noun = _VETTED_NOUN.match(text, group[-1].end, sent.end)
        if noun is None or any(x.end <= noun.end() and x.start >= group[-1].end for x in ms):
            continue
        # the subject of the next clause (a case block's project is often named otherwise there)
        lead = _LEAD.match(text, noun.end(), sent.end).end()
        targets = group_after(ms, text, lead, frozenset({"Project", "Event"}), sent.end, max_gap=1)
        if not targets and sent.section in ctx.case_projects and not any(x.start >= lead for x in group_after(ms, text, lead, frozenset({"Organization", "Person", "Place"}), sent.end, max_gap=1)):
            targets = [ctx.case_projects[sent.section]]  # 通过 A 审批，成为…: in a case block, the case project
        yield from _pairs(group, "supports", targets, sent, VETTED)


_FUNDER_NAME = re.compile(r"([^\s“”\"]{2,20}?)(?:贷款|赠款|资助|捐赠|捐建|援建|出资)(?=[\u4e00-\u9fff])")


def _funder_name_relations(res: DocResult, ms: list[Mention]) -> Iterator[Relation]:
    """X银行贷款Y项目: the lender or donor opening a project's name, when the document names it
    as an organisation too."""
    orgs: dict[str, Mention] = {}
    for m in ms:
        if m.type == "Organization":
            orgs.setdefault(m.key, m)
    for p in ms:
        f = _FUNDER_NAME.match(p.key) if p.type == "Project" else None
        if f is None or f.group(1) not in orgs:
            continue
        sent = Sentence(res.document.id, -1, p.start, p.end, p.text, -1)
        yield _rel(orgs[f.group(1)], "funds", p, sent, FUND_NAME)


_STAFF_UNIT = re.compile(r"(?:代表处|办事处|分会|分公司|子公司|分院|研究院|研究所|学院|中心|委员会|办公室|实验室|分行|支行)")


def _staff_list_relations(res: DocResult, ms: list[Mention]) -> Iterator[Relation]:
    """工作组成员 / 机构名 heading, then one line per person: 张三 项目总监."""
    text = res.document.text
    role_re = re.compile(rf"(?:{_role_alt()})")
    by_start = {m.start: m for m in ms}
    orgs_by_key: dict[str, Mention] = {}
    for m in ms:
        if m.type == "Organization":
            orgs_by_key.setdefault(m.key, m)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(lines):
        a, b = lines[i]
        stripped = text[a:b].strip()
        org = next((m for m in ms if m.type == "Organization" and a <= m.start and m.end <= b and m.text.strip() == stripped), None)
        i += 1
        if org is None:
            continue
        unknown = 0
        while i < len(lines):
            la, lb = lines[i]
            off = la + (len(text[la:lb]) - len(text[la:lb].lstrip()))
            person = by_start.get(off)
            rest = text[person.end : lb].strip() if person is not None else ""
            if person is None and unknown < 2 and _staff_line_unrecognised(text[la:lb], ms, la, lb, role_re):
                unknown += 1  # Terry Townshend 项目顾问: a staff line whose name was not recognised
                i += 1
                continue
            if person is None or person.type != "Person" or not rest or len(rest) > 30 or not role_re.search(rest):
                break
            employer: Mention | None = org
            unit = _STAFF_UNIT.search(rest[: [r.start() for r in role_re.finditer(rest)][-1]])
            if unit:
                # 甲 上海办事处主任 / 乙 环境学院副院长: the heading's unit, when the document
                # names it in full (X基金会上海办事处, X大学环境学院)
                employer = orgs_by_key.get(org.key + rest[: unit.end()].strip())
            elif any(m.type == "Organization" and person.end <= m.start < lb for m in ms):
                break
            if employer is not None:
                sent = Sentence(res.document.id, -1, la, lb, text[la:lb], -1)
                yield _rel(person, "worksFor", employer, sent, STAFF_LIST, (("role", rest),))
            i += 1


def _staff_line_unrecognised(line: str, ms: list[Mention], la: int, lb: int, role_re: re.Pattern[str]) -> bool:
    """A short line 'Name Role' whose name the recogniser missed (a Latin name, a rare name)."""
    m = re.fullmatch(r"\s*([A-Za-z][A-Za-z .·'-]{2,40}?|[\u4e00-\u9fff·]{2,4})\s*(\S.{1,28})\s*", line)
    return m is not None and role_re.search(m.group(2)) is not None and not any(la <= x.start < lb for x in ms if x.type == "Organization")


_REFERENCE_LINE = re.compile(r"[ \t]*(?:[-*•·]\s*)?(?:[\[［【(（]\s*\d{1,3}\s*[\]］】)）]\s*)+(?=\S)")
_REFERENCE_SEP = re.compile(r"\s*[,，.．、:：]\s*[*_“\"《]*\s*")


def _reference_relations(res: DocResult, ms: list[Mention]) -> Iterator[Relation]:
    """Reference lists: [n] AUTHOR, 《TITLE》, YEAR -> AUTHOR publishes TITLE, only when the whole
    author field is a recognised organisation or person and the title a recognised publication."""
    text = res.document.text
    by_start = {m.start: m for m in ms}
    for line in re.finditer(r"[^\n]+", text):
        head = _REFERENCE_LINE.match(line.group())
        if not head:
            continue
        author = by_start.get(line.start() + head.end())
        if author is None or author.type not in ("Organization", "Person"):
            continue
        title = next((m for m in ms if author.end < m.start <= author.end + 8), None)
        if title is None or title.type != "Publication" or not _REFERENCE_SEP.fullmatch(text[author.end : title.start]):
            continue
        tail = text[title.end : line.end()]
        year = re.match(r"[》”\"*_\s]*[,，.．]?\s*((?:19|20)\d{2})(?!\d)", tail)
        if not year:
            continue
        sent = Sentence(res.document.id, -1, line.start(), line.end(), line.group(), -1)
        if allowed("publishes", author, title):
            yield _rel(author, "publishes", title, sent, REFERENCE, (("year", year.group(1)),))


@cache
def _bodies() -> frozenset[str]:
    return frozenset(load_lines("rel_bodies.txt"))


def _network_in_context(ctx: Ctx, pos: int) -> Mention | None:
    """The network a section talks about: the latest Network organisation named before ``pos``."""
    nets = [m for m in ctx.ms if m.end <= pos and m.type == "Organization" and m.subtype == "Network" and pos - m.end < 3000]
    return nets[-1] if nets else None


_LISTED_PARTNER = re.compile(r"\s*、\s*(?:战略|核心|重要)?(?:合作)?伙伴(?:单位|机构)?\s*")


def _list_after(ms: list[Mention], text: str, pos: int, ceiling: int) -> list[Mention]:
    """A listed enumeration of organisations (lenient: separators of up to 4 characters)."""
    out: list[Mention] = []
    last = pos
    for m in ms:
        if m.start < pos or m.end > ceiling:
            continue
        gap = text[last : m.start]
        if len(gap.strip(" “”\"")) > (2 if not out else 8) or re.search(r"[。；与]|以及", gap):
            break
        if ("伙伴" in gap or len(gap.strip(" “”\"")) > 4) and not (out and _LISTED_PARTNER.fullmatch(gap)):
            break  # 成员包括 A、B，合作伙伴包括 C: a new list; but A、战略合作伙伴B is an item of this one
        if m.type == "Organization":
            out.append(m)
            last = m.end
    return out


def _member_list_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for m in re.finditer(r"(?:由|成员(?:伙伴|单位|机构)?(?:包括|有|为)|会员(?:单位)?(?:包括|有|为))", text[sent.start : sent.end]):
        a = sent.start + m.end()
        members = _list_after(ms, text, a, sent.end)
        if not members or (len(members) < 2 and "由" in m.group()):
            continue
        tail = text[members[-1].end : sent.end]
        if "由" in m.group() and not re.match(r"[^，。；]{0,16}(?:组成|构成)", tail):
            continue
        head = [x for x in ms if x.end <= sent.start + m.start() and x.type == "Organization" and x.start >= sent.start]
        network = head[-1] if head else None
        if network is not None and text[network.end : sent.start + m.start()].strip(" “”\"") not in ("", "目前", "的", "现有"):
            network = None
        if network is not None and network.key not in _bodies():
            network = _body_owner(ctx, network) or network  # YFN决策委员会由 A、B 组成: members of YFN
        if network is None or network.key in _bodies():
            network = _network_in_context(ctx, sent.start)
        if network is None:
            continue
        yield from _pairs(members, "memberOf", [network], sent, MEMBER_LIST)


_MEMBER_DASH = re.compile(r"[\s”\"]*及(?:其)?(?:会员|成员)(?:单位|机构)\s*[-—–：:]+\s*")
_AS_MEMBER = re.compile(r"(?:作为|是|成为|系|当选为|当选|入选为|被吸纳为|获批成为)")
_MEMBER_ROLE = re.compile(
    r"[\s”\"]*(?:[（(][^（）()]{1,30}[）)])?\s*的?[^，。；、,;]{0,12}?"
    r"((?:成员|会员|委员|常务理事|副?理事长|理事|监事|轮值主席|主席|副主席|副?会长|创始|发起)(?:单位|机构)|创始成员|成员|会员)(?![\u4e00-\u9fff]{0,1}(?:单位|机构|会|国))"
)
_JURY = re.compile(r"[\s”\"]*的?\s*(?:评委|评审委员|评审专家)(?:会成员|会委员)?(?:包括|有|为)?[：:]?")
_JURY_NAME = re.compile(r"(?:评审委员会|评委会|评选委员会|评审会)$")


def _jury_of(ctx: Ctx, award: Mention) -> Mention | None:
    """The jury of an award: an organisation of the document named after it (W奖评审委员会)."""
    return next((m for m in ctx.ms if m.type == "Organization" and m.key.startswith(award.key) and _JURY_NAME.search(m.key)), None)


def _membership_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """N 及会员单位-A; A 作为 N（X）…委员单位; “W奖”评委 甲、乙."""
    text = ctx.text
    people = frozenset({"Person"})
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if nxt is None:
            continue
        if m.type == "Organization" and (d := _MEMBER_DASH.match(text, m.end)) and d.end() <= nxt.start:
            # N 及会员单位-A、B
            yield from _pairs(_list_after(ms, text, d.end(), sent.end), "memberOf", [m], sent, MEMBER_LIST)
        if m.type in ("Award", "Organization") and (j := _JURY.match(text, m.end)) and j.end() <= nxt.start:
            jury = m if m.type == "Organization" and _JURY_NAME.search(m.key) else (_jury_of(ctx, m) if m.type == "Award" else None)
            if jury is None:
                continue
            yield from _pairs(group_after(ms, text, j.end(), people, sent.end, max_gap=1), "memberOf", [jury], sent, JURY, (("role", "评委"),))
    for t in _AS_MEMBER.finditer(text, sent.start, sent.end):
        subj = group_before(ms, text, t.start(), frozenset({"Organization", "Person"}), _clause_start(text, sent.start, t.start()))
        nets = group_after(ms, text, t.end(), frozenset({"Organization"}), sent.end, max_gap=1) if subj else []
        role = _MEMBER_ROLE.match(text, nets[-1].end) if nets else None
        if role is None:
            continue
        paren = re.match(r"[\s”\"]*[（(][^（）()]{1,30}[）)]", text[nets[-1].end : role.end()])
        free = nets[-1].end + (paren.end() if paren else 0)
        if any(x.type == "Organization" and free <= x.start < role.end() for x in ms):
            continue  # 作为 A 旗下 B 的成员单位: the member belongs to another organisation
        yield from _pairs(subj, "memberOf", nets, sent, AS_MEMBER, (("role", role.group(1)),))


_CHAIRS = re.compile(r"(?:现任|历任|首任|前任|新任|轮值)(?:联席|执行)?(主席|理事长|会长|召集人)(?:团)?(?:分别)?(?:为|包括|是|有|由)[：:]?")


def _chair_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """(N)现任主席为 A 基金会秘书长甲和 B 基金会秘书长乙 / 历任主席包括…: each listed person chairs the
    network named before (or the network the section is about)."""
    text = ctx.text
    for m in _CHAIRS.finditer(text, sent.start, sent.end):
        head = [x for x in ms if x.type == "Organization" and x.end <= m.start()]
        network = head[-1] if head and re.fullmatch(r"[\s“”\"（(）)A-Za-z]*的?", text[head[-1].end : m.start()]) else None
        if network is None:
            network = _network_in_context(ctx, m.start())
        if network is None:
            continue
        stop = re.compile(r"[；;。]").search(text, m.end(), sent.end)
        end = stop.start() if stop else sent.end
        last = m.end()
        for x in ms:
            if x.start < m.end() or x.end > end:
                continue
            gap = text[last : x.start]
            if re.search(r"[。；！？]", gap) or len(gap) > 30:
                break
            if x.type == "Person" and allowed("worksFor", x, network):
                yield _rel(x, "worksFor", network, sent, CHAIRS, (("role", m.group(1)),))
            last = x.end


def _document_award(res: DocResult) -> Mention | None:
    """The prize a case book is about: the award mentioned most often in the document."""
    counts: dict[str, list[Mention]] = {}
    for m in res.mentions:
        if m.type == "Award":
            counts.setdefault(m.key, []).append(m)
    if not counts:
        return None
    best = max(sorted(counts), key=lambda k: len(counts[k]))
    return counts[best][0]


_DECLARATION = re.compile(r"\s*[（(](?:以下|下文)?(?:简称|又称|英文简称)?[为：:]?[“\"「]?\s*")


def _without_alias_declarations(ms: list[Mention], text: str) -> list[Mention]:
    """Drop the short name inside A（以下简称“B”）: it names A again, it is not a new argument."""
    out: list[Mention] = []
    for m in ms:
        # 长江（安庆、宜昌）: finer places in parentheses, not a short name
        # “P”（湖北宜昌）: a place in parentheses after a name that does not declare it a short name
        if (
            out
            and m.start - out[-1].end <= 8
            and _DECLARATION.fullmatch(text[out[-1].end : m.start])
            and not (m.type == out[-1].type == "Place")
            and not (m.type == "Place" and out[-1].type in ("Project", "Event") and "称" not in text[out[-1].end : m.start])
            and not (out[-1].type == "Person" and m.type == "Organization")  # 甲（X基金会秘书长）: the person's organisation
        ):
            continue
        out.append(m)
    return out


def _resolve_anaphoric_mentions(ctx: Ctx, sents: tuple[Sentence, ...]) -> list[Mention]:
    """A mention that is only 本次培训班 / 该项目 stands for the entity it refers back to."""
    out: list[Mention] = []
    si = 0
    for m in ctx.ms:
        if _anaphor_re().fullmatch(m.key):
            while si + 1 < len(sents) and sents[si].end <= m.start:
                si += 1
            head = re.sub(r"^(?:本次|此次|该|本|这一?|上述|此)\s*", "", m.key)
            ref = _resolve_head(ctx, sents[si], m.start, head, frozenset(TYPE_CODES.values())) if sents else None
            if ref is None:
                continue
            m = Mention(m.doc_id, m.start, m.end, m.text, ref.type, ref.subtype, m.rule, ref.key)
        out.append(m)
    return out


def _case_project(sec: Section, ms: list[Mention]) -> Mention | None:
    return next((m for m in ms if sec.start <= m.start < sec.end and m.rule == "case.project" and m.type == "Project"), None)


# --- structural rules (places, units, members, awards, roles) ---------------------------------

PLACE_SUPERLATIVE = register(Rule("place.superlative", "partOf", 0.8, "Y 最长的河流 X / Y 第二大淡水湖 X: the place singled out of Y lies in Y"))
SUB_EVENT = register(
    Rule("partOf.sub_event", "partOf", 0.85, "E 平行论坛——“X”; X 被纳入 E 的分论坛之一; 在本次E上，A 举办了 X; 依托 E，…举办的 X: X partOf E")
)
PROGRAMME_ITEMS = register(
    Rule("partOf.items", "partOf", 0.9, "P(的…平台)包括 A（…）、B（…）; P … 支持完成 A、B 等<head of P>: each listed project partOf P")
)

_SUPERLATIVE_GAP = re.compile(r"(?:境内)?(?:最[\u4e00-\u9fff]{1,2}的|第[二三四五六七八九十]大的?)[\u4e00-\u9fff]{0,4}?")


def _superlative_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """X岛最长的河流Y江 / X省第二大淡水湖Y湖: the second place lies in the first."""
    places_in = [m for m in ms if m.type == "Place"]
    for a, b in pairwise(places_in):
        if _SUPERLATIVE_GAP.fullmatch(text[a.end : b.start]) and allowed("partOf", b, a):
            yield _rel(b, "partOf", a, sent, PLACE_SUPERLATIVE)


_EVENT_TYPES = frozenset({"Event", "Project"})
_SUB_EVENT_WORD = r"(?:平行论坛|分论坛|子论坛|主题论坛|专题论坛|边会|分会场|专场|配套活动|系列活动|主题活动)"
_SUB_EVENT_GAP = re.compile(rf"[\s”\"]*的?[\u4e00-\u9fffA-Za-z&]{{0,8}}?{_SUB_EVENT_WORD}\s*(?:之一)?\s*(?:——|—|--|：|:)\s*[“\"「\[]?\s*")
_SUB_EVENT_OF = re.compile(r"(?:被)?(?:纳入|列为|列入|作为|成为|是|为)(?:了)?[\s“\"]*(?:首届|第[一二三四五六七八九十\d]+届)?[\s“\"]*$")
_SUB_EVENT_TAIL = re.compile(rf"[\s”\"]*的?(?:重要)?(?:{_SUB_EVENT_WORD}|组成部分|一部分|重要活动)")
_AT_EVENT = re.compile(r"在(?:本次|此次|本届|该)?(?:(大会|论坛|峰会|年会|会议|博览会)|(?=[\s“\"]*[^\s“\"]))")
_HOLD = re.compile(r"(?:联合|共同)?(?:举办|举行|召开|主办|承办)(?:了)?")
_EVENTISH = re.compile(r"(?:周|节|大会|论坛|博览会|峰会|年会|展|季|大赛|会议)$")


def _closing_quote(text: str, m: Mention) -> int:
    """The end of the quoted part of a mention whose span runs past its closing quote (“X”的配套活动
    read as one span by the recogniser), else 0."""
    if not text.startswith(("“", '"'), m.start):
        return 0
    close = max(text.find("”", m.start + 1, m.end), text.find('"', m.start + 1, m.end))
    return close + 1 if 0 < close < m.end - 1 else 0


def _sub_event_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """Sub-events: a parallel forum named after its conference (E平行论坛——“X”), X 被纳入 E 的
    分论坛之一, an event held at a conference (在本次大会上，A 举办了 X) or on the back of one
    (依托 E，…联合举办的 X)."""
    text = ctx.text
    evs = [m for m in ms if m.type in _EVENT_TYPES]
    for a, b in pairwise(evs):
        if a.type == "Event" and _SUB_EVENT_GAP.fullmatch(text[a.end : b.start]) and allowed("partOf", b, a):
            yield _rel(b, "partOf", a, sent, SUB_EVENT)
    # X 被纳入 E 的分论坛之一 (X may be 本次论坛)
    for e in evs:
        if e.type != "Event" or not _SUB_EVENT_TAIL.match(text, e.end):
            continue
        clause = _clause_start(text, sent.start, e.start)
        verb = _SUB_EVENT_OF.search(text, clause, e.start)
        if verb is None:
            continue
        subj = group_before(ms, text, verb.start(), _EVENT_TYPES, clause)
        an = _anaphor_re().search(text, clause, verb.start())
        if not subj and an is not None and _gap_before().match(text[an.end() : verb.start()]):
            # 本次论坛被列为 E 的分论坛之一: the latest other event named before
            prev = [m for m in window(ctx.ms, max(0, an.start() - 600), an.start()) if m.type == "Event" and m.key != e.key]
            subj = prev[-1:]
        yield from _pairs(subj, "partOf", [e], sent, SUB_EVENT)
    # 在本次大会上/在 E 期间，A 举办了 X
    lead = _LEAD.match(text, sent.start, sent.end).end()
    at = _AT_EVENT.match(text, lead, sent.end)
    host: Mention | None = None
    if at is not None:
        if at.group(1):
            scene = re.match(r"(?:上|期间)[，,]", text[at.end() : at.end() + 3])
            if scene and re.search(r"本次|此次|本届|该", at.group()):
                host = _resolve_head(ctx, sent, at.start(), at.group(1), frozenset({"Event"}))
        else:
            named = group_after(ms, text, at.end(), frozenset({"Event"}), sent.end, max_gap=1)
            if len(named) == 1 and re.match(r"[\s”\"]*(?:上|期间)[，,]", text[named[0].end : named[0].end + 4]):
                host = named[0]
    else:
        # “E”期间，A 举办了 X
        named = group_after(ms, text, lead, frozenset({"Event"}), sent.end, max_gap=1)
        if len(named) == 1 and re.match(r"[\s”\"]*期间[，,]", text[named[0].end : named[0].end + 4]):
            host = named[0]
            at = re.compile(r"[^，,]*[，,]").match(text, named[0].end)
    if at is not None and host is not None:
        for h in _HOLD.finditer(text, at.end(), sent.end):
            for x in group_after(ms, text, h.end(), frozenset({"Event"}), _clause_end(text, h.end(), sent.end), max_gap=2):
                if x.key != host.key and allowed("partOf", x, host):
                    yield _rel(x, "partOf", host, sent, SUB_EVENT)
    # 作为“E”的配套活动，“X”在…举行
    as_part = re.match(r"作为\s*", text[lead : sent.end])
    if as_part:
        e = group_after(ms, text, lead + as_part.end(), _EVENT_TYPES, sent.end, max_gap=1)[:1]
        close = _closing_quote(text, e[0]) if e else 0
        tail = (_SUB_EVENT_TAIL.match(text, e[0].end) or (close and _SUB_EVENT_TAIL.match(text, close))) if e else None
        comma = re.match(r"(?:之一)?\s*[，,]", text[tail.end() : tail.end() + 4]) if tail else None
        if comma:
            nxt = _LEAD.match(text, tail.end() + comma.end(), sent.end).end()
            for x in group_after(ms, text, nxt, _EVENT_TYPES, sent.end, max_gap=1):
                if x.key != e[0].key and allowed("partOf", x, e[0]):
                    yield _rel(x, "partOf", e[0], sent, SUB_EVENT)
    # 依托 E，由 A、B 联合举办的 X
    for dep in re.finditer(r"依托\s*", text[sent.start : sent.end]):
        clause = _clause_start(text, sent.start, sent.start + dep.start())
        if _LEAD.match(text, clause, sent.end).end() < sent.start + dep.start():
            continue
        base = group_after(ms, text, sent.start + dep.end(), _EVENT_TYPES, sent.end, max_gap=1)
        if len(base) == 1 and _EVENTISH.search(base[0].key) and re.match(r"[\s”\"]*[，,]", text[base[0].end : base[0].end + 3]):
            for h in re.finditer(r"(?:举办|举行|主办|承办|召开)的", text[base[0].end : sent.end]):
                pos = base[0].end + h.end()
                yield from _pairs(group_after(ms, text, pos, frozenset({"Event"}), sent.end, max_gap=2), "partOf", [base[0]], sent, SUB_EVENT)
                break


_INCLUDE = re.compile(r"(?:包括|包含|涵盖|囊括|下设|设有|分为)(?:了)?[：:]?")
_INCLUDE_HEAD = re.compile(
    r"[\s”\"]*(?:[（(][^（）()]{0,30}[）)])?(?:的[^，。；、]{0,14}?(?:平台|体系|系统|产品|板块|模块|子项目|项目|活动|内容))?\s*(?:主要|共|还)?$"
)
_ITEMS_TAIL = re.compile(r"[\s”\"]*(?:（[^）]{0,30}）)?\s*(?:在内|等|[\d一二三四五六七八九十两]+\s*(?:大|个|项|款))")


def _programme_item_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """The named parts of a programme: P(的服务平台)包括 A（…）、B（…）三大板块; in a
    case block 项目…包括 A、B…在内的… (the case project); …“P”，…支持完成 A、B 等花园 (the items
    share the programme's head word)."""
    text = ctx.text
    projects = frozenset({"Project"})
    for t in _INCLUDE.finditer(text, sent.start, sent.end):
        items = group_after(ms, text, t.end(), _EVENT_TYPES, sent.end, max_gap=1)
        # “B”两个子项目 may be read as one span: the tail then starts at the closing quote
        close = _closing_quote(text, items[-1]) if items else 0
        if len(items) < 2 or not (_ITEMS_TAIL.match(text, items[-1].end) or (close and _ITEMS_TAIL.match(text, close))):
            continue
        clause = _clause_start(text, sent.start, t.start())
        before = [m for m in ms if clause <= m.start and m.end <= t.start()]
        parent: Mention | None = None
        if before and before[-1].type in _EVENT_TYPES and _INCLUDE_HEAD.match(text[before[-1].end : t.start()]):
            parent = before[-1]
        elif not before and sent.section in ctx.case_projects:
            pron = _SUBJECT_PRONOUN.match(text, _LEAD.match(text, clause, t.start()).end(), t.start())
            if pron and not re.search(r"[，。；]", text[pron.end() : t.start()]) and t.start() - pron.end() <= 24:
                parent = ctx.case_projects[sent.section]
        if parent is None:
            continue
        for x in items:
            if x.key != parent.key and not parent.key.startswith(x.key) and allowed("partOf", x, parent):
                yield _rel(x, "partOf", parent, sent, PROGRAMME_ITEMS)
    # …“P”…，已建成 A、B、C 等花园: items named by P's head word
    for m in re.finditer(r"等(?:[\d一二三四五六七八九十两]+\s*(?:个|座|处|所))?([\u4e00-\u9fff]{2,3}?)(?:建设|项目|工程|[，。；、])", text[sent.start : sent.end]):
        pos = sent.start + m.start()
        items = group_before(ms, text, pos, projects, sent.start)
        if len(items) < 2 or not all(x.key.endswith(m.group(1)) for x in items):
            continue
        head = m.group(1)
        progs = [
            p for p in ms
            if p.type == "Project" and p.end <= items[0].start and head in p.key and re.search(r"(?:计划|项目|行动|工程)$", p.key)
        ]
        if not progs:
            continue
        for x in items:
            if x.key != progs[-1].key and allowed("partOf", x, progs[-1]):
                yield _rel(x, "partOf", progs[-1], sent, PROGRAMME_ITEMS)


EDITION = register(Rule("partOf.edition", "partOf", 0.8, "a year's (and a place's) edition of a programme named in the document: 2023年X区Y计划 partOf Y计划"))
_EDITION_PREFIX = re.compile(r"(?:19|20)\d{2}\s*年度?[\u4e00-\u9fff]{0,6}?(?:省|市|区|县|镇|街道)?")


def _edition_relations(res: DocResult, ms: list[Mention]) -> Iterator[Relation]:
    """2024年X区社区花园计划 -> partOf 社区花园计划, when the document names the programme alone."""
    progs: dict[str, Mention] = {}
    for m in ms:
        if m.type == "Project" and re.search(r"(?:计划|项目|行动|工程)$", m.key):
            progs.setdefault(m.key, m)
    done: set[str] = set()
    for key, m in progs.items():
        for n in range(5, len(key) - 3):
            parent = progs.get(key[n:])
            if parent is not None and _EDITION_PREFIX.fullmatch(key[:n]) and key not in done:
                done.add(key)
                sent = Sentence(res.document.id, -1, m.start, m.end, m.text, -1)
                yield _rel(m, "partOf", parent, sent, EDITION)
                break


LOC_LIST_PREFIX = register(
    Rule("locatedIn.prefix_list", "locatedIn", 0.95, "X省A融媒、B融媒、…: a division opening the first of a list of like units is the seat of each")
)
LOC_NATIONWIDE = register(
    Rule("locatedIn.nationwide", "locatedIn", 0.85, "在全国各地推广“P” / P 覆盖了全国N个省份 / 实施地点 全国: P locatedIn 中国")
)
LOC_SCENE = register(Rule("locatedIn.scene", "locatedIn", 0.8, "在 X(…会场)，“E”成功举行: the event opening the next clause is at X"))
LOC_SEAT_TOPIC = register(Rule("locatedIn.seat_topic", "locatedIn", 0.8, "A 是…，坐落于/位于 X…: the sentence's subject is at X"))

_COUNTRY = "中国"


def _place_mention(doc_id: str, start: int, key: str, rule: str) -> Mention:
    """A place the text writes only inside another name (X省|A融媒) or as 全国: it joins the
    graph only where the corpus names that place as an entity of its own."""
    return Mention(doc_id, start, start + len(key), key, "Place", None, rule, key)


def _division_prefix(key: str) -> Place | None:
    """The province or city (full name, 北京市/河北省) opening a name, if any."""
    for n in (4, 3):
        p = _place_info(key[:n])
        if p is not None and p.name == key[:n] and p.level in ("province", "city"):
            return p
    return None


def _prefix_list_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """X省A融媒、B融媒，Y市C融媒、D融媒: in a list of three or more
    like local units (short names sharing their head), a province or city opening an item's name
    is the seat of that item and of the items after it that name no division themselves."""
    orgs = [m for m in ms if m.type == "Organization"]
    i = 0
    while i < len(orgs):
        run = [orgs[i]]
        head = orgs[i].key[-2:]
        for m in orgs[i + 1 :]:
            if not re.fullmatch(r"\s*[、，,]\s*", text[run[-1].end : m.start]) or not m.key.endswith(head):
                break
            run.append(m)
        i += len(run)
        if len(run) < 3:
            continue
        seat: Mention | None = None
        for m in run:
            p = _division_prefix(m.key)
            rest = len(m.key) - (len(p.name) if p else 0)
            if rest > 6:
                seat = None  # X市青山环保基金会、…: full names of their own, not local units
                break
            if p is not None:
                seat = _place_mention(m.doc_id, m.start, p.name, "rel.place_prefix")
            if seat is not None:
                yield _rel(m, "locatedIn", seat, sent, LOC_LIST_PREFIX)


_NATIONWIDE = re.compile(
    r"在(?:全国|国内)(?:范围内)?(?:[\d一二三四五六七八九十百多数几]+\s*个)?(?:多个|各地|各个)?(?:省市|省份|省区|地区|城市|市县|区县|县市|省)?(?:的[^，。；]{1,10}?)?"
)
_NATIONWIDE_COVER = re.compile(r"(?:参与了?|覆盖了?|遍及|走进了?|惠及)(?:全国|中国)\s*[\d一二三四五六七八九十百多数几]+\s*个(?:省份|省区|省市|省|城市|地区)")


def _nationwide_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    projects = frozenset({"Project"})
    for m in _NATIONWIDE.finditer(text, sent.start, sent.end):
        adv = re.match(r"(?:(?:" + _adverb_alt() + r")\s*)*", text[m.end() : sent.end])
        verb = _LOC_VERB.match(text, m.end() + adv.end(), sent.end)
        if verb is None or re.search(r"率先|首|第一", text[m.end() : verb.end()]):
            continue  # 在全国率先推广: a ranking, not a place
        if any(x.type == "Place" for x in window(ms, verb.end(), _clause_end(text, verb.end(), sent.end))):
            continue  # 在全国建成 A、B…: the listed places are the locations
        after = verb.end() + re.match(r"了?", text[verb.end() : verb.end() + 1]).end()
        subj = group_after(ms, text, after, projects, _clause_end(text, after, sent.end), max_gap=1)
        if not subj:
            subj = [x for x in _loc_subject(ctx, sent, ms, m.start(), after) if x.type == "Project"]
        seat = _place_mention(sent.doc_id, m.start() + 1, _COUNTRY, "rel.nationwide")
        for s in subj:
            yield _rel(s, "locatedIn", seat, sent, LOC_NATIONWIDE)
    for m in _NATIONWIDE_COVER.finditer(text, sent.start, sent.end):
        subj = group_before(ms, text, m.start(), projects, _clause_start(text, sent.start, m.start()))
        seat = _place_mention(sent.doc_id, m.start(), _COUNTRY, "rel.nationwide")
        for s in subj:
            yield _rel(s, "locatedIn", seat, sent, LOC_NATIONWIDE)


def _nationwide_case_relations(res: DocResult, ms: list[Mention]) -> Iterator[Relation]:
    """A case book's 实施地点 field reading 全国(多个地区): the case project is at 中国."""
    text = res.document.text
    for sec in res.sections:
        value = dict(sec.fields).get("实施地点", "").strip()
        if sec.kind != "case" or not value.startswith(("全国", "中国全国")):
            continue
        project = _case_project(sec, ms)
        pos = text.find(value[:2], sec.start, sec.end)
        if project is None or pos < 0:
            continue
        sent = Sentence(res.document.id, -1, pos, pos + len(value), value, sec.index)
        yield _rel(project, "locatedIn", _place_mention(res.document.id, pos, _COUNTRY, "rel.nationwide"), sent, LOC_NATIONWIDE)


_SCENE_HELD = re.compile(r"[\s”\"]*(?:[^，。；]{0,6}?)(?:成功|顺利|隆重|圆满|正式)?(?:举行|举办|召开|开幕|启幕)")


def _scene_place_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """在 X 市 Y 会场，“E”如期举行: the place phrase opening the sentence is the event's seat."""
    text = ctx.text
    lead = _LEAD.match(text, sent.start, sent.end).end()
    if not text.startswith("在", lead):
        return
    end = _clause_end(text, lead, sent.end)
    if end >= sent.end or end - lead > 40 or re.search(r"支持|指导|帮助|下$", text[lead:end]):
        return
    locs, _e = _places_after(ms, text, lead + 1, end)
    if not locs:
        return
    finest = [o for o in locs if o.key not in _chain_children(locs, text)]
    nxt = lead_next = _LEAD.match(text, end + 1, sent.end).end()
    evs = group_after(ms, text, lead_next, frozenset({"Event"}), sent.end, max_gap=1)
    if len(evs) != 1 or not _SCENE_HELD.match(text, evs[0].end) or evs[0].start - nxt > 1:
        return
    yield from _pairs([evs[0]], "locatedIn", finest, sent, LOC_SCENE)


_SEAT_VERB = re.compile(r"(?:坐落于|坐落在|位于|地处)")


def _seat_topic_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """A 是…的科研基地之一，坐落于X市西郊…: the clause dropped its subject, the sentence's
    subject (an organisation, project or event) is at the places right after the verb."""
    text = ctx.text
    types = frozenset({"Organization", "Project", "Event"})
    for v in _SEAT_VERB.finditer(text, sent.start, sent.end):
        clause = _clause_start(text, sent.start, v.start())
        if clause <= sent.start or not _adverbs_only().match(text[clause : v.start()]):
            continue
        locs, _e = _places_after(ms, text, v.end(), sent.end)
        if not locs:
            continue
        subj = [x for x in sentence_subject(ctx, sent, ms, types) if x.end <= clause]
        finest = [o for o in locs if o.key not in _chain_children(locs, text)]
        yield from _pairs(subj, "locatedIn", finest, sent, LOC_SEAT_TOPIC)


BIO_CARD = register(Rule("worksFor.bio_card", "worksFor", 0.9, "a name line, then lines 'ORG（alias）(前)ROLE' (an author's or juror's card): each organisation"))
ORG_NAME_ROLE = register(Rule("worksFor.org_name_role", "worksFor", 0.85, "ORG + person + ROLE (X大学外事处甲处长)"))
FOUND_UNIT = register(Rule("subOrg.found_unit", "subOrganizationOf", 0.8, "A (于2018年)成立 B中心/委员会/办公室…: the unit B subOrganizationOf A"))


@cache
def _card_role_re() -> re.Pattern[str]:
    role = _role_alt()
    return re.compile(
        rf"\s*(?:[（(][^（）()]{{1,30}}[）)])?\s*[\n\s]*(前|原)?[\u4e00-\u9fffA-Za-z0-9]{{0,12}}?((?:{role})(?:\s*(?:兼|、|和)\s*(?:{role}))*)"
        rf"(?:、[^，。；、\s]{{1,12}}?(?:{role}))?\s*[，,；;。]?\s*$"  # 、美国前财长: a title elsewhere
    )


def _bio_card_relations(res: DocResult, ms: list[Mention]) -> Iterator[Relation]:
    """甲 / (Latin name) / blank / X研究所研究员， / Y联盟 (ABC) ⏎ 东亚区委员会主席 …: every card
    line opening with an organisation and ending with a title."""
    text = res.document.text
    by_start = {m.start: m for m in ms}
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    role_re = _card_role_re()
    for idx, (a, b) in enumerate(lines):
        line = text[a:b]
        off = a + len(line) - len(line.lstrip())
        person = by_start.get(off)
        if person is None or person.type != "Person" or text[person.end : b].strip():
            continue
        j, blanks = idx + 1, 0
        while j < len(lines) and blanks <= 1:
            la, lb = lines[j]
            body = text[la:lb].strip()
            if not body:
                blanks += 1
                j += 1
                continue
            if re.fullmatch(r"[(（]?[A-Za-z][A-Za-z .·'-]*[)）]?", body):
                j += 1  # the name in Latin letters
                continue
            break
        emitted = 0
        while j < len(lines) and emitted < 12:
            la, lb = lines[j]
            body = text[la:lb].strip()
            if not body:
                break
            start = la + len(text[la:lb]) - len(text[la:lb].lstrip())
            org = by_start.get(start)
            if org is None or org.type != "Organization":
                if _CARD_OTHER.fullmatch(body) or _JURY_LINE.match(body):
                    j += 1  # a title of a body the recogniser did not name: skip the line
                    continue
                break
            end = lb
            m = role_re.fullmatch(text[org.end : end])
            if m is None and j + 1 < len(lines):
                # Y联盟 (ABC) ⏎ 东亚区委员会主席: a card line wrapped after the name
                nb = lines[j + 1][1]
                m = role_re.fullmatch(text[org.end : nb])
                if m is not None and not any(x.start >= lines[j + 1][0] and x.end <= nb and x.type == "Organization" for x in ms):
                    j += 1
                    end = nb
                else:
                    m = None
            if m is None:
                break
            quals: tuple[tuple[str, str], ...] = (("role", re.sub(r"\s+", "", m.group(2))),)
            if m.group(1):
                quals += (("former", "true"),)
            sent = Sentence(res.document.id, -1, la, end, re.sub(r"\s+", "", text[la:end]), -1)
            if allowed("worksFor", person, org):
                yield _rel(person, "worksFor", org, sent, BIO_CARD, quals)
            emitted += 1
            j += 1


_JURY_LINE = re.compile(r"[^\s]{2,16}?(?:评委|评审委员)")
# a card line naming a body the recogniser missed (Wetland 2030国际项目理事会成员，): skipped
_CARD_OTHER = re.compile(r"[^，。；：:]{2,36}?(?:成员|委员|主席|理事|顾问|主任|主编|教授|研究员|院士|会长|理事长|秘书长|总裁|官)[，,；;。]?")


def _org_name_role_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """X大学外事处甲处长 / X基金会上海办事处乙主任: an organisation, the person, then the title."""
    role = _role_alt()
    after = re.compile(rf"\s?((?:{role})(?:兼(?:{role}))*)(?!助理|秘书|级|长)")
    for o, p in pairwise(ms):
        if o.type != "Organization" or p.type != "Person" or p.start - o.end > 1 or text[o.end : p.start].strip():
            continue
        if re.match(r"(?:原|前|副|代|常务)", p.key):
            continue  # X局原副局长: a title prefix read as a name
        if re.search(rf"(?:{role})\s*$", text[max(sent.start, p.start - 8) : p.start]):
            continue  # ORG ROLE 甲: the role-before-name rules' case
        m = after.match(text, p.end, sent.end)
        if m and allowed("worksFor", p, o):
            yield _rel(p, "worksFor", o, sent, ORG_NAME_ROLE, (("role", m.group(1)),))


ROLE_LIST_FIRST = register(
    Rule("worksFor.role_list_first", "worksFor", 0.8, "ORG ROLE、[unrecognised body] ROLE 甲: 甲 holds the first title at ORG (X市Y委副主席、Y主委甲)")
)


def _role_list_first_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """A person's titles listed before the name where the second body was not recognised: the
    first (recognised) organisation and its title still belong to the person."""
    role = _role_alt()
    pat = re.compile(rf"((?:{role})(?:兼(?:{role}))*)、[^，。；、\s]{{1,12}}?(?:{role})\s*")
    for i, p in enumerate(ms):
        if p.type != "Person":
            continue
        prev = [o for o in ms[max(0, i - 4) : i] if o.type == "Organization"]
        if not prev:
            continue
        o = prev[-1]
        m = pat.fullmatch(text, o.end, p.start)
        if m is None or any(x.type in ("Person", "Organization") and o.end <= x.start < p.start for x in ms):
            continue
        if allowed("worksFor", p, o):
            yield _rel(p, "worksFor", o, sent, ROLE_LIST_FIRST, (("role", m.group(1)),))


def _found_unit_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """X省林业局于2019年成立X省林业监测中心: a body founding a unit (a centre, office,
    committee) is its parent; 发起成立 (co-founding a network or an independent body) is not."""
    orgs = frozenset({"Organization"})
    for t in re.finditer(r"(?<!发起)(?<!注册)(?<!联合)(?<!共同)成立(?:了)?", text[sent.start : sent.end]):
        pos = sent.start + t.start()
        parent = group_before(ms, text, pos, orgs, _clause_start(text, sent.start, pos))
        units = group_after(ms, text, sent.start + t.end(), orgs, sent.end, max_gap=1)
        if len(parent) != 1 or len(units) != 1 or not _UNIT_END.search(units[0].key):
            continue
        if units[0].key.startswith(parent[0].key):
            continue  # X学会成立X学会Y分会: the name-nesting rule's case
        if allowed("subOrganizationOf", units[0], parent[0]):
            yield _rel(units[0], "subOrganizationOf", parent[0], sent, FOUND_UNIT)


AWARD_CASE = register(
    Rule("award.case_subject", "receivedAward", 0.85, "case block: 该技术/该项目 … 先后获得 A、B 等奖项 / (dropped subject) 荣获“W奖” / 取得…奖项，如 A 和 B: the case project")
)
AWARD_TITLE = register(Rule("award.title", "receivedAward", 0.8, "A (a place too) 荣获/获评/被…授予 “W”称号: A received the title"))

_CASE_PREP = re.compile(r"在|通过")
_PLATFORMS = re.compile(r"[”\"]?\s*等(?:国际性?|国内外|全国性?)?(?:平台|会议|活动|场合|论坛)(?:上)?[\s，,]*")
_CASE_PRONOUN = re.compile(r"(?:该|本)?(?:技术|项目|模式|平台|案例|系统|产品)(?![\u4e00-\u9fff]{0,2}的)")
_PRIZE_VERB = re.compile(r"(?:多次|先后|连续|还|也|曾|均|并)*(?:荣获|获得|获颁|荣膺|斩获|喜获|连获|入选)(?:了)?")
_POINT_HEADING = re.compile(r"[■•●◆\-*\s]*[^，。；：:\s]{1,10}[：:]\s*")
_AWARD_LIST = re.compile(r"[^，。；]{0,16}?奖项[，,：:]\s*(?:如|包括|例如)")


def _case_award_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """Awards of a case block's project: a clause whose subject is 该技术/该项目 (the project or its
    core technique), or a clause that dropped its subject when the sentence names no other actor."""
    case = ctx.case_projects.get(sent.section)
    if case is None:
        return
    text = ctx.text
    actors = frozenset({"Organization", "Person", "Project", "Place"})
    if any(x.key != case.key for x in sentence_subject(ctx, sent, ms, actors)):
        return  # the sentence's own subject gets the award (award.win)
    cuts = [sent.start] + [m.end() for m in re.finditer(r"[，,；;]", text[sent.start : sent.end])]
    topic = False
    for k, c in enumerate(cuts):
        c = c if k == 0 else sent.start + c
        end = _clause_end(text, c, sent.end)
        lead = _LEAD.match(text, c, end).end()
        heading = _POINT_HEADING.match(text, lead, end)  # ■ 技术亮点：…
        lead = _LEAD.match(text, heading.end(), end).end() if heading else lead
        pron = _CASE_PRONOUN.match(text, lead, end)
        if pron and _PRIZE_VERB.search(text, pron.end(), end):
            topic = True  # 该技术曾获…、先后获得 A、B 等奖项
        verb = _PRIZE_VERB.match(text, pron.end() if pron else lead, end)
        if verb is None and not topic:
            more = _AWARD_LIST.match(text, lead, sent.end) if re.match(r"取得|获得", text[lead : lead + 2]) else None
            if more is None:
                continue
            # 取得多项国家级奖项，如 A 和 B 等
            end = _clause_end(text, more.end(), sent.end)
            verb = more
        verb_pos = lead if verb is None else verb.end()
        if not topic and not pron and (verb is None or text[lead : verb.start()].strip()):
            continue
        for a in ms:
            if a.type == "Award" and verb_pos <= a.start and a.end <= end and allowed("receivedAward", case, a):
                yield _rel(case, "receivedAward", a, sent, AWARD_CASE, _year_of(text[sent.start : end]))


AWARD_MEMBERS = register(
    Rule("award.with_members", "receivedAward", 0.8, "A 及(N家)会员单位(-B) 荣获/获评 W / 荣获此奖项: A (and B) received W")
)
_WITH_MEMBERS = re.compile(r"\s*(?:及|与|和)(?:其)?(?:[\d一二三四五六七八九十]+\s*家)?(?:会员|成员)(?:单位|机构)[^，。；]{0,30}?(?:分别|共同|均|也)?\s*$")
_AWARD_WIN = re.compile(r"(?:荣获|获评|获得|荣膺|获颁)(?:了)?")


def _member_award_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """X联合会及其3家会员单位获评“W” / A 与会员单位“B”共同荣获“W” / …荣获此奖项 (the award named
    before): the network (and a member named in the phrase) received the award."""
    text = ctx.text
    for v in _AWARD_WIN.finditer(text, sent.start, sent.end):
        clause = _clause_start(text, sent.start, v.start())
        orgs = [m for m in ms if clause <= m.start and m.end <= v.start() and m.type == "Organization"]
        head = next((o for o in orgs if _WITH_MEMBERS.match(text[o.end : v.start()])), None)
        if head is None:
            continue
        subj = [head] + [o for o in orgs if o.start > head.end]
        end = _clause_end(text, v.end(), sent.end)
        awards = [a for a in ms if a.type == "Award" and v.end() <= a.start and a.end <= end]
        if not awards and re.match(r"\s*(?:此|该|这一?)(?:奖项|奖|荣誉)", text[v.end() : end]):
            prev = [a for a in window(ctx.ms, max(0, v.start() - 400), v.start()) if a.type == "Award"]
            awards = prev[-1:]
        yield from _pairs(subj, "receivedAward", awards, sent, AWARD_MEMBERS, _year_of(text[clause:end]))


AWARD_RELATIVE = register(Rule("award.relative", "receivedAward", 0.7, "荣获/获评“W”(称号)的 A: the organisation, person or project the relative clause describes received W"))
_AWARD_OF = re.compile(r"[\s”\"]*(?:(?:荣誉)?称号|荣誉)?的[\s“\"]*")


def _award_relative_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """荣获“绿色先锋奖”的宜昌市护鸟协会: the award verb opens a relative clause before its winner."""
    text = ctx.text
    for v in _AWARD_WIN.finditer(text, sent.start, sent.end):
        if group_before(ms, text, v.start(), frozenset({"Organization", "Person", "Project"}), _clause_start(text, sent.start, v.start())):
            continue  # A 荣获 W 的…: the ordinary subject, award.win's case
        awards = group_after(ms, text, v.end(), frozenset({"Award"}), sent.end, max_gap=6)
        if not awards:
            continue
        of = _AWARD_OF.match(text, awards[-1].end)
        if of is None:
            continue
        winner = next((x for x in window(ms, of.end(), of.end() + 1) if x.start == of.end()), None)
        if winner is None:
            continue
        yield from _pairs([winner], "receivedAward", awards, sent, AWARD_RELATIVE, _year_of(sent.text))


AWARD_LIST = register(Rule("award.list", "receivedAward", 0.7, "a 获奖情况/所获荣誉 heading, then award lines (2023年｜一等奖｜W): the winner on the line, else the case project or the name the block is titled with"))
_AWARD_HEADING = re.compile(
    r"(?:^|\n)[ \t#*■•\-]*(?:获奖情况|获奖记录|所获荣誉|主要荣誉|荣誉奖项|所获奖项|获得荣誉|荣誉|获奖)[ \t]*[：:]?[ \t]*(?=\n|\d|[（(])"
    r"|(?<=[\u4e00-\u9fff”])(?:所获荣誉|获得荣誉|获奖情况)[ \t]*[：:][ \t]*"  # a record's field joined to the line before
)


_ITEM_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年")


def _award_list_relations(ctx: Ctx, res: DocResult) -> Iterator[Relation]:
    """获奖情况 / 所获荣誉：followed by lines of awards (maybe joined by the normaliser): each
    award was received by the organisation, person or project named on its line, else by the
    case project, else by the name the block is titled with (a line of its own before it)."""
    text, ms = ctx.text, ctx.ms
    cases = {sec.index: (sec.start, sec.end) for sec in res.sections if sec.kind == "case"}
    holders = frozenset({"Organization", "Person", "Project"})
    for h in _AWARD_HEADING.finditer(text):
        blank = re.compile(r"\n[ \t]*\n").search(text, h.end(), h.end() + 800)
        end = blank.start() if blank else min(len(text), h.end() + 800)
        if any(a <= h.start() < b for a, b in cases.values()):
            continue  # case books: _case_relations reads the 获奖情况 field
        block = window(ms, h.end(), end)
        awards = [a for a in block if a.type == "Award" and a.end <= end]
        if not awards:
            continue
        title = None
        if not h.group().startswith("\n") and h.start() > 0 and text[h.start() - 1] != "\n":
            # 项目名称：P…所获荣誉：W (a record joined into one line): the record's project
            title = next((x for x in reversed(window(ms, max(0, h.start() - 300), h.start())) if x.type == "Project" and x.rule == "field.name"), None)
        for x in [] if title is not None else reversed(window(ms, max(0, h.start() - 400), h.start())):
            if x.type in ("Organization", "Project") and (x.start == 0 or text[x.start - 1] in "\n“\"") and re.fullmatch(r"[”\"]?[ \t]*", text[x.end : text.find("\n", x.end, h.start() + 1) if "\n" in text[x.end : h.start() + 1] else h.start()]):
                title = x
                break
        for a in awards:
            # the award's item: its line, cut at the years opening items the normaliser joined
            ls = text.rfind("\n", 0, a.start) + 1
            le = text.find("\n", a.end)
            le = len(text) if le < 0 else le
            years = [y.start() for y in _ITEM_YEAR.finditer(text, ls, le)]
            ls = max([y for y in years if y <= a.start], default=ls)
            le = min([y for y in years if y >= a.end], default=le)
            on_line = [x for x in block if x.type in holders and ls <= x.start and x.end <= le]
            winner = on_line[0] if len(on_line) == 1 else title if not on_line else None
            if winner is None:
                continue
            sent = Sentence(res.document.id, -1, ls, le, text[ls:le], -1)
            if allowed("receivedAward", winner, a):
                yield _rel(winner, "receivedAward", a, sent, AWARD_LIST, _year_of(text[max(ls, a.start - 12) : a.end]))


_TITLE_VERB = re.compile(r"(?:荣获|获评|获得|被[^，。；]{0,10}?授予|被评为|授予)(?:了)?(?:首批|首届|全国首批)?[\s“\"]*")


def _title_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """X市荣获首批“Y城市”称号 / X公园先后被多家机构授予“Y”称号: a title (an award) of a
    place, an organisation or a project, named right before the verb."""
    types = frozenset({"Place", "Organization", "Project"})
    for v in _TITLE_VERB.finditer(text, sent.start, sent.end):
        aw = next((a for a in ms if a.start >= v.end() - 1 and a.start - v.end() <= 1), None)
        if aw is None or aw.type != "Award" or not re.match(r"[\s”\"]*(?:荣誉)?称号", text[aw.end : aw.end + 5]):
            continue
        clause = _clause_start(text, sent.start, v.start())
        subj = group_before(ms, text, v.start(), types, clause)
        if subj and re.search(r"在[\s“\"]*$", text[clause : subj[0].start]):
            continue  # 在海口荣获…: the place of the ceremony
        yield from _pairs(subj, "receivedAward", [aw], sent, AWARD_TITLE, _year_of(text[clause : v.end()]))


AWARD_GIVE = register(Rule("award.give", "receivedAward", 0.7, "授予/颁发给/向 B 颁发 (了) “W”: B received W"))
SUBORG_IS = register(
    Rule("subOrg.is_unit", "subOrganizationOf", 0.7, "B 是/为 A 的(全资)子公司/下属单位/直属机构/分支机构; B 隶属(于) A: B subOrganizationOf A")
)
_GIVE = re.compile(r"(?:授予|颁发给|颁给|授给)(?:了)?|向(?=[^，。；]{2,30}?颁发)")
_UNIT_OF = re.compile(
    r"[\s”\"]*的(?:一家|一个)?(?:全资|控股)?(?:子公司|下属单位|下属机构|下属企业|直属单位|直属机构|分支机构|二级机构|派出机构|分会|分支)"
)


def _award_give_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """组委会授予青禾基金会“X奖” / 向 B 颁发了“W”: the one named after the verb received W."""
    types = frozenset({"Organization", "Person", "Project"})
    for v in _GIVE.finditer(text, sent.start, sent.end):
        who = group_after(ms, text, v.end(), types, sent.end, max_gap=1)
        if not who:
            continue
        end = _clause_end(text, who[-1].end, sent.end)
        gap = re.match(r"[\s”\"]*(?:颁发(?:了)?)?[\s“\"]*(?:首届|第[一二三四五六七八九十\d]+届)?[\s“\"]*", text[who[-1].end : end])
        pos = who[-1].end + gap.end()
        if v.group().startswith("向") and "颁发" not in gap.group():
            continue
        awards = group_after(ms, text, pos - 1 if text[pos - 1 : pos] in ("“", '"') else pos, frozenset({"Award"}), end, max_gap=1)
        yield from _pairs(who, "receivedAward", awards, sent, AWARD_GIVE, _year_of(text[sent.start : end]))


def _unit_of_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """B 是 A 的全资子公司 / 下属单位; B 隶属(于) A."""
    orgs = [m for m in ms if m.type == "Organization"]
    for b, a in pairwise(orgs):
        gap = text[b.end : a.start]
        if re.fullmatch(r"[\s”\"]*(?:（[^）]{0,30}）)?\s*(?:是|为|系|作为)[\s“\"]*", gap) and _UNIT_OF.match(text, a.end):
            pass
        elif not re.fullmatch(r"[\s”\"]*(?:（[^）]{0,30}）)?\s*(?:直接)?隶属(?:于)?[\s“\"]*", gap):
            continue
        if allowed("subOrganizationOf", b, a):
            yield _rel(b, "subOrganizationOf", a, sent, SUBORG_IS)


_SCENE_MADE = re.compile(r"(?:(?:" + r"正式|成功|共同|联合|还|也" + r")\s*)*(?:启动|实施|开展|发起|推出|设立)(?:了)?")


def _scene_project_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """在云南省普洱市，青禾基金会启动了“P”: the project launched in the clause after a place phrase
    opening the sentence is at the place."""
    text = ctx.text
    lead = _LEAD.match(text, sent.start, sent.end).end()
    if not text.startswith("在", lead):
        return
    end = _clause_end(text, lead, sent.end)
    if end >= sent.end or end - lead > 24:
        return
    locs, last = _places_after(ms, text, lead + 1, end)
    if not locs or text[last:end].strip(" “”\"") not in ("", "境内", "当地", "期间"):
        return
    finest = [o for o in locs if o.key not in _chain_children(locs, text)]
    nxt = _LEAD.match(text, end + 1, sent.end).end()
    actors = group_after(ms, text, nxt, frozenset({"Organization", "Person"}), sent.end, max_gap=1)
    if not actors:
        return
    v = _SCENE_MADE.match(text, actors[-1].end, sent.end)
    if v is None:
        return
    clause_end = _clause_end(text, v.end(), sent.end)
    yield from _pairs(group_after(ms, text, v.end(), frozenset({"Project"}), clause_end, max_gap=2), "locatedIn", finest, sent, LOC_SCENE)


LOC_AT_MADE = register(
    Rule("locatedIn.at_made", "locatedIn", 0.7, "(A) 在 X 实施/开展(的)“P”; 本次论坛在 X 举行; P 覆盖 X 的 N 个乡镇: P (E) locatedIn X")
)
_MADE_AT = re.compile(r"(?:(?:正式|成功|共同|联合|先后|持续|还|也)\s*)*(?:实施|开展|推进|启动|发起|建设|推出|试点)(?:了|的)?")
_SEAT_ANAPHOR_VERB = re.compile(r"(?:成功|隆重|圆满|顺利|正式)?(?:举行|举办|召开|开幕|闭幕|落幕|拉开帷幕|启幕|开班|开营)")
_COVER_ONE = re.compile(r"(?:覆盖|惠及|辐射|走进|来到|扎根)(?:了)?")
_COVER_TAIL = re.compile(r"[\s”\"]*的?\s*[\d一二三四五六七八九十两多数几百]+\s*(?:个|所|座)?(?:乡镇|镇|乡|村|县|区|社区|街道|市|州|学校|保护区)")


def _at_made_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """Where a named project is carried out or an event held, when its name comes after the place:
    (A) 在普洱市(开展)实施了“P” / 在 X 开展的“P”; 本次论坛在 X 举行 (the event named before);
    P 覆盖 X 的 12 个乡镇."""
    text = ctx.text
    for m in re.finditer(r"在", text[sent.start : sent.end]):
        a = sent.start + m.start()
        locs, end = _places_after(ms, text, a + 1, sent.end)
        if not locs:
            continue
        finest = [o for o in locs if o.key not in _chain_children(locs, text)]
        v = _MADE_AT.match(text, end, sent.end)
        if v is not None:
            yield from _pairs(group_after(ms, text, v.end(), frozenset({"Project"}), _clause_end(text, v.end(), sent.end), max_gap=1), "locatedIn", finest, sent, LOC_AT_MADE)
            continue
        h = _SEAT_ANAPHOR_VERB.match(text, end, sent.end)
        if h is None:
            continue
        clause = _clause_start(text, sent.start, a)
        an = _anaphor_re().match(text, _LEAD.match(text, clause, a).end(), a)
        if an is None or not _SEAT_SUBJ_GAP.match(text[an.end() : a]):
            continue
        head = re.sub(r"^(?:本次|此次|该|本|这一?|上述|此)\s*", "", an.group())
        ev = _resolve_head(ctx, sent, an.start(), head, frozenset({"Event"}))
        for o in finest:
            if ev is not None and allowed("locatedIn", ev, o):
                yield _rel(ev, "locatedIn", o, sent, LOC_AT_MADE)
    for v in _COVER_ONE.finditer(text, sent.start, sent.end):
        locs, end = _places_after(ms, text, v.end(), sent.end)
        if not locs:
            continue
        # 覆盖 X 的 12 个乡镇 / 走进 X(、Y)。: a visit or a settling ends the clause or names the sites there
        if not _COVER_TAIL.match(text, end, sent.end) and not (
            v.group().startswith(("走进", "来到", "扎根")) and re.match(r"[\s”\"]*(?:[，。；！,;]|$|的[^，。；]{0,12}?(?:学校|乡村|社区|村庄|村落|课堂))", text[end : sent.end])
        ):
            continue
        subj = _loc_subject(ctx, sent, ms, v.start(), v.start())
        finest = [o for o in locs if o.key not in _chain_children(locs, text)]
        yield from _pairs(subj, "locatedIn", finest, sent, LOC_AT_MADE)


MEMBER_LINES = register(
    Rule("memberOf.list_lines", "memberOf", 0.7, "a heading naming new members / a member list (N新成员, 会员单位名单), then one organisation a line")
)
_MEMBER_LINES_HEADING = re.compile(r"(?:新(?:加入的?)?|首批|正式)?(?:成员|会员)(?:单位|机构|伙伴)?(?:名单|名录|列表)?(?:如下|包括|有)?[：:]?\s*$|(?:欢迎|迎来)[^，。；]{0,10}(?:新成员|新会员)")


def _member_lines_relations(ctx: Ctx, res: DocResult, ms: list[Mention]) -> Iterator[Relation]:
    """N新成员 / 会员单位名单 heading, then one organisation per line (a newsletter's members list):
    each memberOf N (named in the heading, else the network the section is about)."""
    text = res.document.text
    by_start = {m.start: m for m in ms}
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    for idx, (a, b) in enumerate(lines):
        head = text[a:b].strip()
        if not head or len(head) > 30 or not _MEMBER_LINES_HEADING.search(head) or head.endswith(("：", ":")):
            continue  # a heading ending in a colon is memberOf.heading_list's
        in_head = [m for m in ms if a <= m.start and m.end <= b and m.type == "Organization"]
        network = in_head[-1] if in_head else _network_in_context(ctx, a)
        if network is None:
            continue
        members: list[tuple[Mention, int, int]] = []
        j = idx + 1
        blanks = intro = 0
        while j < len(lines) and len(members) < 60:
            la, lb = lines[j]
            body = text[la:lb].strip()
            if not body:
                blanks += 1
                if blanks > 1 and members:
                    break
                j += 1
                continue
            blanks = 0
            off = la + len(text[la:lb]) - len(text[la:lb].lstrip())
            m = by_start.get(off)
            # the line is one organisation (a short note in parentheses may follow)
            if m is None or m.type != "Organization" or not re.fullmatch(r"\s*(?:[（(][^（）()]{1,30}[）)])?[\s；;，,。]*", text[m.end : lb]):
                if not members and intro < 2 and body.endswith("。"):
                    intro += 1  # 本季度，以下机构通过入会审议。(an introductory sentence before the list)
                    j += 1
                    continue
                break  # (a line ending in a colon introduces the list itself: memberOf.heading_list)
            members.append((m, la, lb))
            j += 1
        if len(members) < 2:
            continue
        for m, la, lb in members:
            sent = Sentence(res.document.id, -1, la, lb, text[la:lb].strip(), -1)
            if m.key != network.key and allowed("memberOf", m, network):
                yield _rel(m, "memberOf", network, sent, MEMBER_LINES)


def _structure_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """The sentence-level structural rules of this block."""
    yield from _superlative_relations(sent, ms, ctx.text)
    yield from _sub_event_relations(ctx, sent, ms)
    yield from _programme_item_relations(ctx, sent, ms)
    yield from _prefix_list_relations(sent, ms, ctx.text)
    yield from _nationwide_relations(ctx, sent, ms)
    yield from _scene_place_relations(ctx, sent, ms)
    yield from _seat_topic_relations(ctx, sent, ms)
    yield from _org_name_role_relations(sent, ms, ctx.text)
    yield from _found_unit_relations(sent, ms, ctx.text)
    yield from _role_list_first_relations(sent, ms, ctx.text)
    yield from _case_award_relations(ctx, sent, ms)
    yield from _title_relations(sent, ms, ctx.text)
    yield from _member_award_relations(ctx, sent, ms)
    yield from _award_relative_relations(ctx, sent, ms)
    yield from _award_give_relations(sent, ms, ctx.text)
    yield from _unit_of_relations(sent, ms, ctx.text)
    yield from _scene_project_relations(ctx, sent, ms)
    yield from _at_made_relations(ctx, sent, ms)


def extract_relations(res: DocResult) -> tuple[Relation, ...]:
    """All relations stated in one document."""
    text = res.document.text
    # nested names (kg.entities._nested) take part in no grouping, only in the structural rules
    nested = [m for m in res.mentions if m.rule.startswith("nested.")]
    ms = [m for m in res.mentions if not m.rule.startswith("nested.")]
    ms = _without_alias_declarations(sorted(ms, key=lambda m: m.start), text)
    ms = _strip_former(ms, text)
    ms = _with_generic_heads(ms, text)
    out: list[Relation] = []
    award = _document_award(res) if any(s.kind == "case" for s in res.sections) else None
    case_projects: dict[int, Mention] = {}
    for sec in res.sections:
        if sec.kind == "case":
            out.extend(_case_relations(res, sec, ms, award))
            p = _case_project(sec, ms)
            if p is not None:
                case_projects[sec.index] = p
        elif sec.kind == "table":
            out.extend(_table_role_relations(res, sec, ms))
    case_orgs = {
        sec.index: [m for m in ms if sec.start <= m.start < sec.end and m.rule == "case.org" and m.type == "Organization"]
        for sec in res.sections
        if sec.kind == "case"
    }
    ctx = Ctx(text, ms, {s.index: s for s in res.sections}, case_projects, {k: v for k, v in case_orgs.items() if v})
    ms = ctx.ms = _resolve_anaphoric_mentions(ctx, res.sentences)
    ms = ctx.ms = _with_bare_heads(ctx, res.sentences)
    ms = ctx.ms = _with_self_references(ctx, res.sentences)
    out.extend(_member_lines_relations(ctx, res, ms))
    out.extend(_name_nesting_relations(res, ms, text))
    out.extend(_nested_relations(res, nested, ms))
    out.extend(_staff_list_relations(res, ms))
    out.extend(_reference_relations(res, ms))
    out.extend(_edition_relations(res, ms))
    out.extend(_nationwide_case_relations(res, ms))
    out.extend(_bio_card_relations(res, ms))
    idx = 0
    for sent in res.sentences:
        while idx < len(ms) and ms[idx].end <= sent.start:
            idx += 1
        j = idx
        in_sent = []
        while j < len(ms) and ms[j].start < sent.end:
            if ms[j].end <= sent.end:
                in_sent.append(ms[j])
            j += 1
        if not in_sent:
            continue
        out.extend(_sentence_relations(ctx, sent, in_sent))
        out.extend(_role_relations(sent, in_sent, text))
        out.extend(_chain_relations(sent, in_sent, text))
        out.extend(_seat_relations(sent, in_sent, text))
        out.extend(_located_relations(ctx, sent, in_sent))
        out.extend(_verb_place_relations(ctx, sent, in_sent))
        out.extend(_scene_relations(ctx, sent, in_sent))
        out.extend(_funding_relations(ctx, sent, in_sent))
        out.extend(_backing_relations(ctx, sent, in_sent))
        out.extend(_seat_phrase_relations(sent, in_sent, text))
        out.extend(_place_prefix_relations(sent, in_sent, text))
        out.extend(_member_list_relations(ctx, sent, in_sent))
        out.extend(_membership_relations(ctx, sent, in_sent))
        out.extend(_chair_relations(ctx, sent, in_sent))
        out.extend(_subproject_relations(ctx, sent, in_sent))
        out.extend(_purpose_relations(ctx, sent, in_sent))
        out.extend(_invite_relations(ctx, sent, in_sent))
        out.extend(_structure_relations(ctx, sent, in_sent))
        out.extend(_nominal_publication_relations(sent, in_sent, text))
        out.extend(_role_phrase_relations(ctx, sent, in_sent))
        out.extend(_role_is_relations(ctx, sent, in_sent))
        out.extend(_reliance_relations(ctx, sent, in_sent))
        out.extend(_at_event_relations(ctx, sent, in_sent))
        out.extend(_general_relations(ctx, sent, in_sent))
        out.extend(_source_relations(ctx, sent, in_sent))
        out.extend(_thanks_to_relations(ctx, sent, in_sent))
        out.extend(_person_relations(ctx, sent, in_sent))
    out.extend(_funder_name_relations(res, ms))
    out.extend(_label_line_relations(ctx, res.document.id))
    out.extend(_award_list_relations(ctx, res))
    out.extend(_organiser_name_relations(res, ms))
    out.extend(_member_heading_relations(ctx, res))
    out.extend(_cofounder_members(out))
    seen = set()
    unique = []
    for r in out:
        k = (r.subject.key, r.predicate, r.object.key, r.start)
        if k not in seen and allowed(r.predicate, r.subject, r.object):
            seen.add(k)
            if r.predicate == "receivedAward" and not any(q == "level" for q, _ in r.qualifiers) and (level := award_level(r.object.text)):
                r = replace(r, qualifiers=(*r.qualifiers, ("level", level)))  # “W奖-年度先锋奖”
            unique.append(r)
    return tuple(unique)


# --- generalisation rules (held-out phrasings) ---------------------------------------------------

# what may follow a clause-opening head noun without making it part of a longer word or of a
# time/place adverbial (项目组, 项目区, 计划书, 会议上, 活动期间)
_BARE_HEAD_STOP = re.compile(r"[组方区地部书点办室上中内外前后时期间们所单费款资金额名长员处章程的之：:]")


@cache
def _bare_head_re() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(_anaphora(), key=len, reverse=True))
    return re.compile(rf"([\u4e00-\u9fff]{{0,4}}?)({heads})")


def _bare_head_ref(ctx: Ctx, sent: Sentence, pos: int, mod: str, head: str) -> Mention | None:
    """The entity a clause-opening generic noun names: 基金会 the foundation the passage is about,
    项目/行动 the latest project; with a modifier (培训计划) only a named entity ending in it."""
    want = _anaphora()[head]
    if mod:
        sec = ctx.sections.get(sent.section)
        floor = max(sec.start if sec else 0, pos - 600)
        named = [m for m in window(ctx.ms, floor, pos) if m.end <= pos and m.type == want and m.key.endswith(mod + head)]
        return named[-1] if named else None
    if want == "Organization":
        # 基金会接受…: the organisation of that kind the passage names most often (its topic),
        # not merely the latest one named (a donor mentioned in passing)
        sec = ctx.sections.get(sent.section)
        floor = max(sec.start if sec else 0, pos - 1500)
        named = [m for m in window(ctx.ms, floor, pos) if m.end <= pos and m.type == want and m.key.endswith(head) and m.rule != _BARE_RULE]
        if not named:
            return None
        here = [m for m in named if m.start >= sent.start]
        if here:
            return here[-1]  # A 秘书长甲介绍，项目由基金会负责实施: the foundation the sentence names
        counts: dict[str, int] = {}
        for m in named:
            counts[m.key] = counts.get(m.key, 0) + 1
        best = max(counts.values())
        top = [m for m in named if counts[m.key] == best]
        return top[-1] if best >= 2 or len(counts) == 1 else None
    if want == "Project" and sent.section in ctx.case_projects and head in ("项目", "计划", "工程", "平台"):
        return ctx.case_projects[sent.section]
    sec = ctx.sections.get(sent.section)
    floor = max(sec.start if sec else 0, pos - 600)
    before = [m for m in window(ctx.ms, floor, pos) if m.end <= pos and m.type == want]
    # “X”行动 names an action even though its key is only X
    named = [m for m in before if m.key.endswith(head) or m.text.rstrip("”\"").endswith(head)]
    if named:
        return named[-1]
    return before[-1] if before and pos - before[-1].end < (800 if want == "Event" else 300) else None


_BARE_RULE = "anaphor.bare_head"
# a heading or a compound noun, not a reference (项目成效, 项目背景, 活动现场)
_BARE_HEAD_NOUN = re.compile(r"成效|简介|概况|背景|介绍|名称|现场|经费|资金|团队|成员|负责人|管理|数据|内容|目标|周期|类型|领域|经验")


def _with_bare_heads(ctx: Ctx, sents: tuple[Sentence, ...]) -> list[Mention]:
    """Clause-opening generic nouns (基金会接受…, 项目得到了…, 行动将在…, 培训计划的部分课程由…) as
    mentions of the entity they refer back to, so every rule sees the clause's subject. Only at a
    clause start (after time phrases), never inside a longer word or an adverbial."""
    text, ms = ctx.text, ctx.ms
    extra: list[Mention] = []
    taken: set[int] = set()
    for sent in sents:
        cuts = [sent.start] + [sent.start + m.end() for m in re.finditer(r"[，,；;：:]", text[sent.start : sent.end])]
        for c in cuts:
            lead = _LEAD.match(text, c, sent.end).end()
            m = _bare_head_re().match(text, lead, sent.end)
            if m is None or lead in taken or _BARE_HEAD_STOP.match(text, m.end()) or _BARE_HEAD_NOUN.match(text, m.end()):
                continue
            if _anaphora()[m.group(2)] == "Project" and sent.section in ctx.case_projects:
                continue  # a case block's 项目 is the case project: the case rules read it themselves
            near = window(ms, lead, m.end())
            if near or any(x.start < m.end() and x.end > lead for x in window(ms, max(0, lead - 60), lead)):
                continue  # a recognised name opens the clause
            mod, head = m.group(1), m.group(2)
            if re.search(r"本次|此次|该|本|这|上述|此|每|各|其|多|个|一|全|新|原|总", mod):
                continue
            ref = _bare_head_ref(ctx, sent, lead, mod, head)
            if ref is not None:
                taken.add(lead)
                extra.append(Mention(ref.doc_id, lead, m.end(), text[lead : m.end()], ref.type, ref.subtype, _BARE_RULE, ref.key))
        # 项目将由基金会负责组织实施: an organisation head right after 由
        for b in re.finditer(r"由(?=(?:基金会|协会|联盟|学会|促进会|研究院))", text[sent.start : sent.end]):
            pos = sent.start + b.end()
            m = _bare_head_re().match(text, pos, sent.end)
            if m is None or m.group(1) or pos in taken or _BARE_HEAD_STOP.match(text, m.end()) or window(ms, pos, m.end()):
                continue
            ref = _bare_head_ref(ctx, sent, pos, "", m.group(2))
            if ref is not None and ref.type == "Organization":
                taken.add(pos)
                extra.append(Mention(ref.doc_id, pos, m.end(), text[pos : m.end()], ref.type, ref.subtype, _BARE_RULE, ref.key))
        # …下设“A”和“B”两个子项目，前者由 C 运营，后者由 D 实施: 前者/后者 name A and B
        for c in cuts:
            w = re.match(r"\s*(前者|后者)", text[c : sent.end])
            if w is None:
                continue
            pair = _latest_pair(ms, text, sent, c)
            if pair is None:
                continue
            ref = pair[0] if w.group(1) == "前者" else pair[1]
            a = c + w.start(1)
            extra.append(Mention(ref.doc_id, a, a + 2, "前者" if ref is pair[0] else "后者", ref.type, ref.subtype, _BARE_RULE, ref.key))
    if not extra:
        return ms
    return sorted([*ms, *extra], key=lambda x: (x.start, x.end))


def _latest_pair(ms: list[Mention], text: str, sent: Sentence, pos: int) -> tuple[Mention, Mention] | None:
    """The last two coordinated names of one type before ``pos`` in the sentence (“A”和“B”)."""
    before = [x for x in window(ms, sent.start, pos) if x.end <= pos and x.type in ("Project", "Event", "Organization")]
    for a, b in reversed(list(pairwise(before))):
        if a.type == b.type and re.fullmatch(r"[\s“”\"]*(?:和|与|及|、)[\s“”\"]*", text[a.end : b.start]):
            return a, b
    return None


# 在 A、B 两省的 320 所学校建成… / 在上海 12 个社区推广…: a count of the listed places or of the
# sites in them stands between the places and the verb
_COUNT_TAIL = re.compile(
    rf"[\s）)]*(?:{_NUM}\s*(?:个)?(?:地|省|市|县|区|国|州|镇|乡|村|省份|省区|城市|地区|国家)(?:的)?)?"
    rf"(?:{_NUM}\s*(?:个|所|座|处|家|条|片)[\u4e00-\u9fff]{{1,8}}?|的)?[\s，,]*(?=(?:将|已|还|也|首批|先后|分别|陆续)*{_LOC_VERB.pattern})"
)


# 在 A、B 两省的 50 个县… / 在乌江干流沿岸的 100 个村庄…: the sites counted in the places name the
# places of the activity whatever the verb
_SITES_TAIL = re.compile(
    rf"[\s）)]*(?:{_NUM}\s*(?:个)?(?:地|省|市|县|区|国|州|省份|省区|城市|地区|国家)|(?:干流|沿岸|沿线|流域|境内|周边|两岸|上游|中游|下游|一带){{1,2}})"
    rf"的\s*{_NUM}\s*(?:个|所|座|处|家|条)"
)


def _count_tail(text: str, pos: int, ceiling: int) -> re.Match[str] | None:
    m = _COUNT_TAIL.match(text, pos, ceiling)
    return m if m and m.end() > pos else None


# “X”项目 / “X”暖冬行动 / “X”主题活动: the generic head after a quoted name belongs to the mention,
# so that the name's verb or 在-phrase follows it directly
_GENERIC_HEAD = re.compile(r"(?:(?![的之和与及或个子等两几多各其该本此])[\u4e00-\u9fff]){0,4}?(?:专项基金|基金|项目|计划|行动|工程|活动|倡议|大赛|论坛|峰会|沙龙)")


_HEAD_END = re.compile(r"$|[^\u4e00-\u9fff]|[在由是于将已获的和与及也还自正并于荣入首已共从为被]")


def _with_generic_heads(ms: list[Mention], text: str) -> list[Mention]:
    out: list[Mention] = []
    for i, m in enumerate(ms):
        if m.type in ("Project", "Event") and text[m.end - 1 : m.end] in ("”", '"'):
            h = _GENERIC_HEAD.match(text, m.end, m.end + 8)
            nxt = ms[i + 1].start if i + 1 < len(ms) else len(text)
            if h and h.end() <= nxt and _HEAD_END.match(text, h.end()):
                m = Mention(m.doc_id, m.start, h.end(), text[m.start : h.end()], m.type, m.subtype, m.rule, m.key)
        out.append(m)
    return out


_UNDER_LAUNCH = re.compile(r"(?:正式|共同|联合)?(?:启动|发起|举办|举行|开展|设立|推出)(?:了)?")


def _launched_under(ms: list[Mention], text: str, pos: int, end: int) -> list[Mention]:
    """在 A 的指导下，B 在 L 启动“P” / 在 A 的指导下，由 B 主办的“E”在 L 启动: the named project or
    event the main clause launches (A supports it, not B)."""
    cend = _clause_end(text, pos, end)
    by = re.match(r"[\s“”\"]*由[^，。；]{1,60}?的\s*", text[pos:end])
    if by:
        hit = group_after(ms, text, pos + by.end(), frozenset({"Project", "Event"}), end, max_gap=1)
        if hit and _LAUNCHED.match(text, hit[-1].end):
            return hit
    for v in _UNDER_LAUNCH.finditer(text, pos, cend):
        hit = group_after(ms, text, v.end(), frozenset({"Project", "Event"}), cend, max_gap=1)
        if hit:
            return hit
    return []


LOC_LAUNCH = register(Rule("locatedIn.launched_at", "locatedIn", 0.8, "A 在 L 启动/发起/举办 “P” / 在 L 举行的 E / 组织 X 在 L 正式成立: P, E, X are at the finest place of L"))
_AT_LAUNCH = re.compile(r"(?:正式|隆重|共同|联合|成功)?(?:启动|发起|举办|开展|揭牌|推出)(?:了)?")


def _launch_place_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """在 L 启动“P” / 在 L 举行的 E / X 在 L 正式成立: the launched thing is at the place."""
    text = ctx.text
    for m in re.finditer(r"在", text[sent.start : sent.end]):
        a = sent.start + m.start()
        locs, end = _places_after(ms, text, a + 1, sent.end)
        if not locs:
            continue
        parents = _chain_children(locs, text)
        finest = [x for x in locs if x.key not in parents]
        subj: list[Mention] = []
        v = _AT_LAUNCH.match(text, end)
        if v:
            subj = group_after(ms, text, v.end(), frozenset({"Project", "Event"}), sent.end, max_gap=1)
        elif (held := re.match(r"(?:召开|举行|举办)的[\s“”\"]*", text[end : sent.end])) is not None:
            subj = group_after(ms, text, end + held.end(), frozenset({"Event"}), sent.end, max_gap=1)
        elif re.match(r"(?:正式|宣告)?成立", text[end : end + 4]):
            clause = _clause_start(text, sent.start, a)
            subj = group_before(ms, text, a, frozenset({"Organization"}), clause)
        yield from _pairs(subj, "locatedIn", finest, sent, LOC_LAUNCH)


def _general_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """The sentence rules of the generalisation block."""
    yield from _launch_place_relations(ctx, sent, ms)
    yield from _accept_guidance_relations(ctx, sent, ms)
    yield from _office_seat_relations(ctx, sent, ms)
    yield from _money_by_relations(ctx, sent, ms)
    yield from _speaker_relations(ctx, sent, ms)
    yield from _during_event_relations(ctx, sent, ms)
    yield from _appoint_relations(ctx, sent, ms)
    yield from _held_post_relations(ctx, sent, ms)
    yield from _chain_provider_relations(ctx, sent, ms)


SUPPORT_ACCEPT = register(Rule("supports.accept_guidance", "supports", 0.8, "B 接受 A 的(业务)指导/监督/支持: A supports B"))
_GUIDANCE = re.compile(r"[\s”\"]*(?:（[^）]{0,30}）)?\s*(?:等)?的?\s*(?:业务|技术|专业|学术|政策)?(?:指导|监督|支持|帮扶)(?![\u4e00-\u9fff]{0,2}下)")


def _accept_guidance_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for t in re.finditer(r"接受(?:了)?", text[sent.start : sent.end]):
        a, b = sent.start + t.start(), sent.start + t.end()
        backers = group_after(ms, text, b, frozenset({"Organization", "Person"}), sent.end, max_gap=1)
        if not backers or not _GUIDANCE.match(text, backers[-1].end):
            continue
        clause = _clause_start(text, sent.start, a)
        subj = group_before(ms, text, a, frozenset({"Organization", "Project"}), clause)
        if not subj and clause > sent.start and _adverbs_only().match(text[clause:a]):
            subj = sentence_subject(ctx, sent, ms, frozenset({"Organization", "Project"}))
        yield from _pairs(backers, "supports", subj, sent, SUPPORT_ACCEPT)


def _body_owner(ctx: Ctx, org: Mention) -> Mention | None:
    """N决策委员会 / N理事会 (a generic governing body named after its network): the network N,
    an organisation the document names (by the same surface form) before."""
    body = next((b for b in sorted(_bodies(), key=len, reverse=True) if org.key.endswith(b) and len(org.key) > len(b) + 1), None)
    if body is None:
        return None
    owner = org.key[: -len(body)].rstrip("“”\" ")
    declared = re.compile(rf"\s*[（(](?:以下|下文)?(?:简称|英文简称)?[为：:]?[“\"]?{re.escape(owner)}[”\"]?[）)，,]")
    for m in reversed(window(ctx.ms, max(0, org.start - 5000), org.start)):
        if m.type == "Organization" and m.end <= org.start and (owner in (m.key, m.text) or declared.match(ctx.text, m.end)):
            return m
    return None


LOC_OFFICE = register(Rule("locatedIn.office_seat", "locatedIn", 0.8, "A …，秘书处设在/总部位于/办公地点位于 L: the sentence's subject organisation is at L"))
_OFFICE_SEAT = re.compile(
    r"[，,；;（(]\s*(?:其|该机构的?|联盟的?|网络的?)?(?:秘书处|总部|办公地点|办公室|注册地|注册地址|办公地址)(?:设在|设于|位于|落户|在|为)"
    r"|(?:一家|是)(?:注册|登记)(?:于|在)(?=[^，。；]{2,16}的)"
)


def _office_seat_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for m in _OFFICE_SEAT.finditer(text, sent.start, sent.end):
        locs, e = _places_after(ms, text, m.end(), sent.end)
        if not locs or not re.match(r"\s*(?:$|[，。；,;、）)]|和|及|与|的|境内|市内)", text[e : e + 3]):
            continue  # 位于荷兰[瓦赫宁根]: an unrecognised finer place follows, the country is not the seat
        subj = [x for x in sentence_subject(ctx, sent, ms, frozenset({"Organization"})) if x.end <= m.start()]
        subj = [_body_owner(ctx, x) or x for x in subj]
        finest = [o for o in locs if o.key not in _chain_children(locs, text)]
        for x in subj[:1]:
            yield from _pairs([x], "locatedIn", finest, sent, LOC_OFFICE)


MEMBER_HEADING = register(Rule("memberOf.heading_list", "memberOf", 0.85, "a line '(新加入)N的成员单位/会员单位…：' then one organisation a line: each memberOf N"))
_MEMBER_HEADING = re.compile(r"(?m)^[^\n]{0,40}?(?:成员|会员)(?:单位|机构)?(?:名单|名录)?(?:[（(][^）)\n]{0,20}[）)])?\s*[：:]\s*$")


def _member_heading_relations(ctx: Ctx, res: DocResult) -> Iterator[Relation]:
    """本期新加入 N 的成员单位：/ N 会员单位名单： followed by lines that each hold one organisation."""
    text, ms = ctx.text, ctx.ms
    for h in _MEMBER_HEADING.finditer(text):
        head = [x for x in window(ms, h.start(), h.end()) if x.type == "Organization"]
        network = head[-1] if head else _network_in_context(ctx, h.start())
        if network is not None:
            network = _body_owner(ctx, network) or network
        if network is None:
            continue
        sent = _sentence_at(list(res.sentences), h.start())
        pos = h.end()
        while True:
            line = re.match(r"\n*([^\n]*)", text[pos:])
            if line is None or not line.group(1).strip():
                break
            a, b = pos + line.start(1), pos + line.end(1)
            inner = window(ms, a, b + 1)
            if len(inner) != 1 or inner[0].type != "Organization" or text[a : inner[0].start].strip(" 0123456789.、（）()") or text[inner[0].end : b].strip(" ，,；;。"):
                break
            if sent is not None and allowed("memberOf", inner[0], network):
                yield _rel(inner[0], "memberOf", network, sent, MEMBER_HEADING)
            pos = b


FUND_MONEY_BY = register(Rule("funds.money_by", "funds", 0.8, "(P)首期资金/规模 N 万元(，)(全部)由 A 捐赠/出资/提供; 原始基金 N 万元由 A 捐赠 (the foundation): A funds it"))
_MONEY_BY = re.compile(
    rf"(?:(原始基金|注册资金|原始资金|开办资金)|首期(?:资金|规模|捐款|善款)?|资金|善款|经费|捐款)\s*(?:{_MONEY})?[，,]?\s*(?:全部|主要|均|将|则)?由"
)
_MONEY_BY_VERB = re.compile(r"[\s”\"]*(?:（[^）]{0,30}）)?\s*(?:全额|独家|共同|联合)?(?:捐赠|捐资|出资|资助|提供|筹集|捐助|承担)")


def _money_by_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    orgs = frozenset({"Organization", "Person"})
    for m in _MONEY_BY.finditer(text, sent.start, sent.end):
        donors = group_after(ms, text, m.end(), orgs, sent.end, max_gap=1)
        if not donors or not _MONEY_BY_VERB.match(text, donors[-1].end):
            continue
        clause = _clause_start(text, sent.start, m.start())
        if m.group(1):
            # 原始基金 2000 万元全部由 A 捐赠: the foundation the sentence is about
            target = next(iter(x for x in sentence_subject(ctx, sent, ms, frozenset({"Organization"})) if x.end <= m.start()), None)
        else:
            # “P”…，首期规模 N 万元，由 A 捐赠 / 计划首期资金由 A 捐赠: the clause's or sentence's project
            own = group_after(ms, text, _LEAD.match(text, clause, m.start()).end(), frozenset({"Project"}), m.start(), max_gap=1)
            target = own[0] if own else _context_project(ctx, sent, ms, m.start(), local_first=True)
        for d in donors:
            if target is not None and allowed("funds", d, target):
                yield _rel(d, "funds", target, sent, FUND_MONEY_BY)


def _donor_list_topic(ctx: Ctx, sent: Sentence, ms: list[Mention], pos: int) -> Mention | None:
    """主要捐赠方包括 A、B opening a sentence outside a case block, with no project or event named in
    the sentence: the donors give to the foundation the passage is about."""
    if sent.section in ctx.case_projects or any(x.type in ("Project", "Event") for x in ms):
        return None
    lead = _LEAD.match(ctx.text, sent.start, pos).end()
    if not re.fullmatch(r"[\s“”\"]*(?:其|基金会的?|本会的?)?(?:主要|重要|历年|年度)?[\s“”\"]*", ctx.text[lead:pos]):
        return None
    return _bare_head_ref(ctx, sent, pos, "", "基金会")


SPEAKER = register(Rule("participatesIn.speaker", "participatesIn", 0.8, "(ORG ROLE) 甲 在会上/开幕式上/领奖时 表示/呼吁/宣布; 甲 致开幕辞: 甲 takes part in the event of the passage"))
_SPEAK_AT = re.compile(
    r"(?:在(?:本次|此次)?(?:会上|会议上|大会上|论坛上|峰会上|边会上|年会上|开幕式上|闭幕式上|启动仪式上|颁奖典礼上|颁奖仪式上|仪式上|活动上|发布会上|致辞中|发言中|演讲中|领奖时)"
    r"[\s，,]*(?:表示|呼吁|宣布|指出|强调|介绍|提出|说|透露|倡议|发布)"
    r"|致(?:开幕辞|开幕词|闭幕辞|闭幕词|欢迎辞|欢迎词))"
)


def _speaker_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for m in _SPEAK_AT.finditer(text, sent.start, sent.end):
        clause = _clause_start(text, sent.start, m.start())
        people = group_before(ms, text, m.start(), frozenset({"Person"}), clause)
        if not people:
            continue
        ev = _latest_event(ctx, sent, people[0].start)
        if ev is None or re.search(r"仪式|典礼|发布会|签约会|座谈会|见面会", ctx.text[ev.end : people[0].start]):
            continue  # 捐赠仪式在宁德举行。…在仪式上表示: an unnamed event came after the named one
        yield from _pairs(people, "participatesIn", [ev], sent, SPEAKER)


DURING = register(Rule("participatesIn.during", "participatesIn", 0.8, "E（alias）期间，A 与 B 在…举办/签署/发布…: the actors of the clause take part in E"))


def _during_event_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for m in re.finditer(r"期间[，,]", text[sent.start : sent.end]):
        a = sent.start + m.start()
        evs = [x for x in window(ms, sent.start, a) if x.end <= a and x.type == "Event"]
        if not evs or not re.fullmatch(r"[\s”\"]*(?:[（(][^（）()]{1,30}[）)])?\s*", text[evs[-1].end : a]):
            continue
        ev = evs[-1]
        if len(evs) > 1 and re.fullmatch(r"[\s”\"]*[（(]\s*", text[evs[-2].end : ev.start]):
            ev = evs[-2]  # E（COP29）期间: the full name before its short form
        actors = group_after(ms, text, sent.start + m.end(), frozenset({"Organization", "Person"}), sent.end, max_gap=1)
        if not actors:
            continue
        rest = text[actors[-1].end : _clause_end(text, actors[-1].end, sent.end)]
        if not re.search(r"举办|主办|签署|签订|发布|出席|参加|亮相|展示|宣布|举行|发起|启动", rest):
            continue
        yield from _pairs(actors, "participatesIn", [ev], sent, DURING)


APPOINT = register(Rule("worksFor.appoint", "worksFor", 0.85, "A (决定)聘任/任命 甲 为(A 的)ROLE: 甲 worksFor A"))
HELD_POST = register(Rule("worksFor.held_post", "worksFor", 0.85, "甲 (此前/曾)任/担任 ORG (部门) ROLE: 甲 worksFor ORG"))
_APPOINT = re.compile(r"(?:正式)?(?:聘任|任命|聘请|选举|推选)(?:了)?")
_GENERIC_ORG = re.compile(r"(?:基金会|协会|学会|联盟|研究会|促进会|本会|该会|公司|集团|中心|网络)")


def _appoint_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    role = _role_alt()
    for t in _APPOINT.finditer(text, sent.start, sent.end):
        people = group_after(ms, text, t.end(), frozenset({"Person"}), sent.end, max_gap=1)
        if len(people) != 1:
            continue
        tail = re.match(r"\s*为\s*", text[people[0].end : sent.end])
        if tail is None:
            continue
        at = people[0].end + tail.end()
        named = group_after(ms, text, at, frozenset({"Organization"}), sent.end, max_gap=0)
        if named:
            org = named[0]
            if not re.match(rf"[^，。；]{{0,12}}?(?:{role})", text[org.end : sent.end]):
                continue
        else:
            # 聘任甲为(基金会)秘书长: the organisation that appoints
            if not re.match(rf"(?:{_GENERIC_ORG.pattern})?[^，。；]{{0,8}}?(?:{role})", text[at:sent.end]):
                continue
            clause = _clause_start(text, sent.start, t.start())
            subj = group_before(ms, text, t.start(), frozenset({"Organization"}), clause)
            if not subj:
                subj = [x for x in sentence_subject(ctx, sent, ms, frozenset({"Organization"})) if x.end <= t.start()]
            if len(subj) != 1:
                continue
            org = subj[0]
        if allowed("worksFor", people[0], org):
            yield _rel(people[0], "worksFor", org, sent, APPOINT)


def _held_post_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    role = _role_alt()
    for t in re.finditer(r"(?:此前|之前|曾经|曾|先后|历任|现任|现|目前)?(?:担任|任职于|就职于|供职于|任)", text[sent.start : sent.end]):
        a, b = sent.start + t.start(), sent.start + t.end()
        people = group_before(ms, text, a, frozenset({"Person"}), _clause_start(text, sent.start, a))
        if len(people) != 1 or text[people[0].end : a].strip():
            continue
        orgs = group_after(ms, text, b, frozenset({"Organization"}), sent.end, max_gap=0)
        if len(orgs) != 1 or not re.match(rf"[\u4e00-\u9fffA-Za-z（）()]{{0,10}}?(?:{role})", text[orgs[0].end : sent.end]):
            continue
        if allowed("worksFor", people[0], orgs[0]):
            yield _rel(people[0], "worksFor", orgs[0], sent, HELD_POST)


CHAIN_PROVIDER = register(Rule("supports.chain_provider", "supports", 0.8, "P 由 A 负责实施，B 提供技术指导/课程设计…; B 为项目提供…培训: B supports P"))
_PROVIDES = re.compile(
    r"(?:为(?:该|本)?项目)?(?:提供|负责提供)(?:了)?[^，。；]{0,12}?(?:指导|支持|培训|评估|咨询|设计|监测|支撑)"
    r"|(?:负责|给予|进行)?(?:业务|技术|学术|专业|科学)?指导(?=[，。；,;]|$)"
)


CHAIN_FUNDER = register(Rule("funds.chain_provider", "funds", 0.7, "P 由 A 执行，B 提供资金支持: B funds P"))
# P 于…启动/举行(，…): a first clause about the project or event opening the sentence
_TOPIC_CLAUSE = re.compile(r"[\s”\"]*(?:将|已|还|也|正式|于[^，。；]{1,16}?|在[^，。；]{1,16}?)?(?:启动|举行|举办|召开|开幕|实施|开展|上线|落地)[^，。；]{0,10}[，,]")


def _chain_provider_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """A later clause whose organisation provides guidance, training or evaluation, in a sentence
    about one project (P 由 A 负责实施，B 提供技术指导 / 项目得到了…，B 为项目提供…培训)."""
    text = ctx.text
    lead = _LEAD.match(text, sent.start, sent.end).end()
    projs = [m for m in ms if m.type in ("Project", "Event")]
    if projs and (projs[0].start - lead <= 1 or re.fullmatch(r"(?:首届|第[一二三四五六七八九十\d]+届|(?:19|20)\d{2}年?)\s*[“\"]?", text[lead : projs[0].start])):
        p, end = projs[0], projs[0].end
    elif sent.section in ctx.case_projects and (pron := _SUBJECT_PRONOUN.match(text, lead, sent.end)):
        p, end = ctx.case_projects[sent.section], pron.end()  # (case block) 项目由 A 实施，B 提供…
    else:
        return
    if not re.match(r"[\s”\"]*(?:将|已|还|也)?(?:由|得到|获得)", text[end : end + 6]) and not _TOPIC_CLAUSE.match(text, end, sent.end):
        return  # the sentence is not about the project opening it
    for c in [sent.start + x.end() for x in re.finditer(r"[，,；;]", text[sent.start : sent.end])]:
        group = group_after(ms, text, c, frozenset({"Organization"}), sent.end, max_gap=1)
        if not group:
            continue
        v = _PROVIDES.match(text, group[-1].end)
        if v is None:
            continue
        pred, rule = ("funds", CHAIN_FUNDER) if re.search(r"资金|经费|捐", v.group()) else ("supports", CHAIN_PROVIDER)
        yield from _pairs(group, pred, [p], sent, rule)


COFOUNDER = register(Rule("memberOf.cofounder", "memberOf", 0.8, "A、B(、C) 共同/联合发起(成立) N联盟/网络: each co-founder memberOf the network"))
_NETWORK_NAME = re.compile(r"(?:联盟|网络|圆桌|联合会|协作网|共同体)$")


def _cofounder_members(rels: list[Relation]) -> Iterator[Relation]:
    """Two or more organisations founding a network together are its first members (a single
    founder, or a founder of a company or foundation, is not)."""
    groups: dict[tuple[str, int], list[Relation]] = {}
    for r in rels:
        if r.rule == "initiates.launch" and r.object.type == "Organization" and r.subject.type == "Organization" and (
            r.object.subtype == "Network" or _NETWORK_NAME.search(r.object.key)
        ):
            groups.setdefault((r.object.key, r.start), []).append(r)
    for (_key, _start), rs in groups.items():
        founders = {r.subject.key: r for r in rs}
        if len(founders) < 2 or not re.search(r"共同|联合", rs[0].evidence):
            continue
        for r in founders.values():
            yield Relation(r.subject, "memberOf", r.object, r.doc_id, r.evidence, r.start, r.end, COFOUNDER.id, COFOUNDER.confidence, ())


# --- table roles ---------------------------------------------------------------------------
# Tab-separated tables whose header cells name column roles (kg/resources/table_columns.tsv):
# each row relates the names of its cells by the roles of their columns; a caption line above the
# header may name the funder (资助方：X) or the organisation the table belongs to. Confidences:
# measured precision on the seeds + held-out set 1 (executor 23/23, funder 6/6, staff 5/5, employer
# 4/4, host 4/4, place 3/3, smoothed as in relation_rules.tsv); rules that never fire there get .7.

TABLE_FUNDS = register(Rule("table.funder", "funds", 0.9, "table row: the 资助方/捐赠方 column funds the row's project, its 受赠方 and the project of its 用途 column"))
TABLE_DONOR = register(Rule("table.donor", "funds", 0.7, "donor table without project or recipient column (捐赠方/金额/用途): each donor funds the table's organisation"))
TABLE_CAPTION_FUNDS = register(Rule("table.caption_funder", "funds", 0.7, "caption （资助方：X）/ X2023年度资助项目 above a table: X funds every row's project"))
TABLE_OWNER_GRANT = register(Rule("table.owner_grant", "funds", 0.7, "caption 资助项目一览 without a funder: the table's organisation funds every row's project"))
TABLE_EXEC = register(Rule("table.executor", "implements", 0.95, "table row: the 执行机构/实施单位/受资助机构 column implements the row's project"))
TABLE_HOST = register(Rule("table.host", "organizes", 0.85, "table row: the 主办/承办 column organizes the row's event"))
TABLE_SUPPORT = register(Rule("table.supporter", "supports", 0.7, "table row: the 支持单位/指导单位 column supports the row's project or event"))
TABLE_PLACE = register(Rule("table.place", "locatedIn", 0.85, "table row: the 地点/所在地/所在流域 column holds the row's project or event (finest place of a chain)"))
TABLE_STAFF = register(Rule("table.staff", "worksFor", 0.9, "board table (职务/姓名/工作单位): the person works for the table's organisation in the 职务 role"))
TABLE_EMPLOYER = register(Rule("table.employer", "worksFor", 0.85, "table row: the person of 姓名 works for the organisation of 工作单位 (role written after it or in 职务)"))
TABLE_AWARD = register(Rule("table.award", "receivedAward", 0.7, "award table: the row's 获奖机构/获奖者/project (else the table's organisation) received the 奖项 (year, level qualifiers)"))
TABLE_PARTNER = register(Rule("table.partner", "partnersWith", 0.7, "合作伙伴 table: each partner cooperates with the organisation the caption names"))
TABLE_CONTENT_IMPL = register(Rule("table.content_implements", "implements", 0.7, "合作伙伴 table: 合作内容 …项目执行/实施 -> the partner implements the project named there"))
TABLE_CONTENT_SUPPORT = register(Rule("table.content_supports", "supports", 0.7, "合作伙伴 table: 合作内容 …技术支持/指导 -> the partner supports the project named there"))
TABLE_SPEAKER = register(Rule("table.speaker", "participatesIn", 0.7, "agenda table: the persons of the 嘉宾/主讲人/主持人 column take part in the event of the caption (else the event the document names most often)"))
TABLE_MEMBER = register(Rule("table.member", "memberOf", 0.7, "成员单位 table: each member belongs to the network the caption names (else the network or association the document is about)"))

_TOTAL_ROW = re.compile(r"(?:合计|总计|小计|共计|总额|累计)")
_CAPTION_FUNDER = re.compile(r"(?:资助方|出资方|捐赠方|资助机构|资助单位|出资单位|捐赠单位|资金支持)\s*[：:为]\s*")
_FUNDER_CAPTION_TAIL = re.compile(r"[\s“”\"]*(?:(?:19|20)\d{2}\s*年度?)?(?:第[一二三四五六七八九十\d]+[期批届])?\s*(?:资助|捐赠|捐助|捐资|支持)(?:的)?(?:项目|名单|一览|情况|机构)")
_GRANT_CAPTION = re.compile(r"资助(?:的)?(?:项目|名单|一览|情况)|受资助|资助计划")
_BOARD_CAPTION = re.compile(r"理事会|监事会|理事名单|监事名单|秘书处|管理团队|领导班子")
_CONTENT_IMPL = re.compile(r"执行|实施|承担|运营|落地")
_CONTENT_SUPPORT = re.compile(r"技术支持|专业支持|学术支持|指导|智力支持|监测")


def _table_caption(text: str, sec: Section) -> tuple[int, int]:
    """The caption of a table: the last non-empty line above its header (blank lines skipped),
    with the line before it when that continues it (a PDF line break, no sentence end)."""
    lines = text[max(0, sec.start - 300) : sec.start].split("\n")
    offs, pos = [], sec.start
    for ln in reversed(lines):
        pos -= len(ln) + 1
        offs.append((pos + 1, ln))
    offs = offs[1:] if offs and not offs[0][1] else offs  # the header's own line start
    got: list[tuple[int, str]] = []
    for start, ln in offs:
        if not ln.strip():
            if got:
                break
            continue
        if "\t" in ln or len(ln.strip()) > 80 or (got and re.search(r"[。！？；]\s*$", ln)):
            break
        got.append((start, ln))
        if len(got) == 2:
            break
    if not got:
        return sec.start, sec.start
    return max(0, got[-1][0]), got[0][0] + len(got[0][1])


def _caption_funders(text: str, ms: list[Mention], a: int, b: int) -> list[Mention]:
    orgs = [m for m in window(ms, a, b) if m.end <= b and m.type == "Organization"]
    out = []
    for m in _CAPTION_FUNDER.finditer(text, a, b):
        out.extend(group_after(ms, text, m.end(), frozenset({"Organization"}), b, max_gap=1))
    for o in orgs:
        if _FUNDER_CAPTION_TAIL.match(text, o.end) and o not in out:
            out.append(o)
    return out


def _table_owner(res: DocResult, ms: list[Mention], sec: Section, cap: tuple[int, int], skip: set[str]) -> Mention | None:
    """The organisation a table belongs to: the first one its caption names, else the subject of
    the document (named by its title and most often, short forms counted with their full name),
    never one of the table's own names."""
    if not re.search(r"[。！？!?]\s*$", res.document.text[cap[0] : cap[1]]):  # a title, not a sentence
        for m in window(ms, *cap):
            if m.type == "Organization" and m.end <= cap[1] and m.key not in skip:
                return m
    full = {a.short: a.full for a in res.aliases}
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in ms:
        if m.type == "Organization" and not (sec.start <= m.start < sec.end):
            k = full.get(m.key, m.key)
            counts[k] = counts.get(k, 0) + 1
            first.setdefault(k, m)
    lead = next((m for m in ms if m.type == "Organization"), None)
    if lead is not None and lead.start < 300:  # the organisation of the document's title
        k = full.get(lead.key, lead.key)
        counts[k] = counts.get(k, 0) + 5
    ranked = sorted((k for k in counts if k not in skip and first[k].key not in skip), key=lambda k: (-counts[k], first[k].start))
    if not ranked or counts[ranked[0]] < 3:
        return None
    return first[ranked[0]]


def _repeated_award(ms: list[Mention]) -> Mention | None:
    """The award a document is about: the one it names most often, at least three times (or
    twice, once in its title)."""
    counts: dict[str, list[Mention]] = {}
    for m in ms:
        if m.type == "Award":
            counts.setdefault(m.key, []).append(m)
    best = max(sorted(counts), key=lambda k: len(counts[k]), default=None)
    if best is None:
        return None
    title = len(counts[best]) >= 2 and counts[best][0].start < 300  # named in the title and again
    return counts[best][0] if len(counts[best]) >= 3 or title else None


def _amount(cell: str, unit: str) -> str:
    cell = re.sub(r"\s+", "", cell)
    if not re.search(r"\d", cell):
        return ""
    return cell + unit if unit and re.fullmatch(r"[\d.,，]+", cell) else cell


@dataclass
class _Row:
    """One table row: its cell spans and the roles of their columns."""

    text: str
    ms: list[Mention]
    cols: dict[str, list[int]]
    cells: list[tuple[int, int]]
    bracketed: list[Mention]  # all mentions, also those inside alias-like brackets
    table: dict[str, Any]  # per-table memo (the document's event, its projects by name)

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.table:
            self.table[key] = make()
        return self.table[key]

    def cell_text(self, role: str) -> str:
        return " ".join(self.text[self.cells[i][0] : self.cells[i][1]] for i in self.cols.get(role, []) if i < len(self.cells))

    def mentions(self, role: str, types: frozenset[str]) -> list[Mention]:
        out = []
        for i in self.cols.get(role, []):
            if i < len(self.cells) and self.cells[i][1] > self.cells[i][0]:
                out.extend(_cell_mentions(self.ms, self.cells[i], types))
        return out


def _table_role_relations(res: DocResult, sec: Section, ms: list[Mention]) -> Iterator[Relation]:
    """Each row of a table whose header names column roles: funds, implements, organizes,
    supports, locatedIn, worksFor, receivedAward, partnersWith and memberOf between its cells (and
    the funder or organisation of its caption)."""
    text = res.document.text
    header, rows = table_grid(text, sec)
    header = [h.strip() for h in header]
    cols: dict[str, list[int]] = {}
    for i, h in enumerate(header):
        if (r := table_column_role(h)) is not None:
            cols.setdefault(r, []).append(i)
    if not cols:
        return
    cap = _table_caption(text, sec)
    bracketed = sorted((m for m in res.mentions if not m.rule.startswith("nested.") and sec.start <= m.start < sec.end), key=lambda m: m.start)
    cap_funders = _caption_funders(text, ms, *cap)
    unit = next((u for i in cols.get("amount", []) if (u := table_header_unit(header[i]))), "") or table_header_unit(text[cap[0] : cap[1]])
    skip = {m.key for m in window(ms, sec.start, sec.end)} | {m.key for m in cap_funders}
    owner_memo: list[Mention | None] = []

    def owner_named() -> Mention | None:
        """Only an organisation a title-like caption names (partner and member lists), not one of
        a sentence that happens to stand above the table."""
        if re.search(r"[。！？!?]\s*$", text[cap[0] : cap[1]]):
            return None
        return next((m for m in window(ms, *cap) if m.type == "Organization" and m.end <= cap[1] and m.key not in skip), None)

    def owner() -> Mention | None:
        if not owner_memo:
            owner_memo.append(_table_owner(res, ms, sec, cap, skip))
        return owner_memo[0]

    emp_has_role = any("职务" in header[i] for i in cols.get("employer", []))
    board_caption = bool(_BOARD_CAPTION.search(text, *cap))
    doc_award = _repeated_award(ms) if "award" in cols else None
    # a caption 资助项目一览 without any funder named: the table's organisation gives the grants
    grant_caption = bool(_GRANT_CAPTION.search(text, *cap)) and "funder" not in cols and not _CAPTION_FUNDER.search(text, *cap) and not cap_funders
    memo: dict[str, Any] = {}
    carry: tuple[int, int] | None = None
    merged = [i for r in ("funder", "year", "category") for i in cols.get(r, []) if i > 0]
    above: dict[int, tuple[int, int]] = {}
    year = _year_of(text[cap[0] : cap[1]])
    for row_start, line_end, cells in rows:
        first = next((text[a:b] for a, b in cells if b > a), "")
        if not first or _TOTAL_ROW.fullmatch(re.sub(r"\s+", "", first)):
            continue
        if cells[0][0] == cells[0][1] and carry is not None:
            cells = [carry, *cells[1:]]  # an empty first cell continues the group above
        elif cells[0][1] > cells[0][0]:
            carry = cells[0]
        for i in merged:  # an empty funder, year or group cell: a cell merged over several rows
            if i < len(cells) and cells[i][0] == cells[i][1] and i in above:
                cells = [*cells[:i], above[i], *cells[i + 1 :]]
            elif i < len(cells):
                above[i] = cells[i]
        sent = Sentence(res.document.id, -1, row_start, line_end, text[row_start:line_end].replace("\t", " "), sec.index)

        row = _Row(text, ms, cols, cells, bracketed, memo)
        items = row.mentions("project", frozenset({"Project"}))[:1] or row.mentions("event", frozenset({"Event"}))[:1]
        item = items[0] if items else None
        quals: list[tuple[str, str]] = []
        if (amt := _amount(row.cell_text("amount"), unit)) and item is not None:
            quals.append(("amount", amt))
        if cat := row.cell_text("category").strip():
            quals.append(("category", cat))
        if year and "year" not in cols:
            quals.extend(year)  # 2023年度资助项目一览
        yield from _table_row_funding(sent, row, item, tuple(quals), cap_funders, owner, grant_caption)
        yield from _table_row_actors(text, sent, row, item)
        yield from _table_row_people(text, sent, row, owner, emp_has_role, board_caption)
        yield from _table_row_awards(sent, row, item, cap, owner, doc_award)
        yield from _table_row_partners(sent, row, item, owner_named, owner)
        yield from _table_row_speakers(sent, row, item, cap)


def _cell_mentions(ms: list[Mention], cell: tuple[int, int], types: frozenset[str]) -> list[Mention]:
    return [m for m in window(ms, cell[0], cell[1]) if m.end <= cell[1] and m.type in types]


_ORG = frozenset({"Organization"})
_DONOR = frozenset({"Organization", "Person"})


def _table_row_funding(sent: Sentence, row: _Row, item: Mention | None, quals: tuple, cap_funders: list[Mention], owner: Callable[[], Mention | None], grant_caption: bool) -> Iterator[Relation]:
    funders = row.mentions("funder", _DONOR)
    # without a project column, the 受资助机构/执行机构 of a row is what the money goes to
    no_item_col = "project" not in row.cols and "event" not in row.cols
    grantees = row.mentions("executor", _ORG) if no_item_col else []
    recipients = row.mentions("recipient", _ORG) + grantees
    uses = row.mentions("use", frozenset({"Project", "Organization"}))
    for f in funders:
        targets = ([item] if item is not None else []) + recipients
        yield from _pairs([f], "funds", targets, sent, TABLE_FUNDS, quals)
        yield from _pairs([f], "funds", uses, sent, TABLE_FUNDS, quals)
        if item is None and not recipients and no_item_col:
            o = owner()
            if o is not None and allowed("funds", f, o):
                yield _rel(f, "funds", o, sent, TABLE_DONOR, quals)
    if item is None:
        yield from _pairs(cap_funders, "funds", grantees, sent, TABLE_CAPTION_FUNDS, quals)
        return
    yield from _pairs(cap_funders, "funds", [item], sent, TABLE_CAPTION_FUNDS, quals)
    if grant_caption and (o := owner()) is not None and allowed("funds", o, item):
        yield _rel(o, "funds", item, sent, TABLE_OWNER_GRANT, quals)


def _table_row_actors(text: str, sent: Sentence, row: _Row, item: Mention | None) -> Iterator[Relation]:
    if item is None:
        return
    for role, pred, rule in (("executor", "implements", TABLE_EXEC), ("host", "organizes", TABLE_HOST), ("supporter", "supports", TABLE_SUPPORT)):
        yield from _pairs(row.mentions(role, _ORG), pred, [item], sent, rule)
    locs = row.mentions("place", frozenset({"Place"}))
    parents = _chain_children(locs, text)
    for loc in locs:
        if loc.key not in parents and allowed("locatedIn", item, loc):
            yield _rel(item, "locatedIn", loc, sent, TABLE_PLACE)


def _table_row_people(text: str, sent: Sentence, row: _Row, owner: Callable[[], Mention | None], emp_has_role: bool, board_caption: bool) -> Iterator[Relation]:
    """姓名 worksFor 工作单位 (role after the name or in 职务); in a board table (a 职务 column of
    board roles beside 工作单位及职务, or a 工作单位 cell with its own role, or a caption naming
    the 理事会) also the table's organisation in the 职务 role."""
    persons = row.mentions("person", frozenset({"Person"}))
    if not persons:
        return
    role = re.sub(r"\s+", "", row.cell_text("role"))
    board_role = bool(role) and re.fullmatch(f"(?:{_role_alt()})(?:[、，,/及和兼](?:{_role_alt()}))*", role) is not None
    emp_col = "employer" if row.cols.get("employer") else "role"  # 职务: 某某基金会秘书长
    emps = row.mentions(emp_col, _ORG)
    tail = ""
    for e in emps[-1:]:
        i = next(i for i in row.cols[emp_col] if i < len(row.cells) and row.cells[i][0] <= e.start < row.cells[i][1])
        tail = re.sub(r"\s+", "", text[e.end : row.cells[i][1]]).strip("，,、；;（）()")
    for p in persons:
        for e in emps:
            r = tail or (role if emp_col == "employer" else "")
            if allowed("worksFor", p, e):
                yield _rel(p, "worksFor", e, sent, TABLE_EMPLOYER, (("role", r),) if r else ())
        if board_role and ((row.cols.get("employer") and (tail or emp_has_role)) or board_caption):
            o = owner()
            if o is not None and all(o.key != e.key for e in emps) and allowed("worksFor", p, o):
                yield _rel(p, "worksFor", o, sent, TABLE_STAFF, (("role", role),))


_AWARD_LEVEL_CELL = re.compile(r"[^，。；、\s]{0,6}(?:[一二三特]等奖|优秀奖|提名奖?|入围|金奖|银奖|铜奖|大奖|个人奖|团队奖|集体奖|机构奖|项目奖|新人奖|贡献奖|成就奖)")


def _table_row_awards(sent: Sentence, row: _Row, item: Mention | None, cap: tuple[int, int], owner: Callable[[], Mention | None], doc_award: Mention | None) -> Iterator[Relation]:
    """Award tables: the row's winner (获奖机构/获奖者, else the row's person or project, else the
    table's organisation in a list of its own honours) received the award of the 奖项 column; a
    奖项 cell that is only a level (年度大奖, 杰出个人奖) names a level of the award of the caption
    or of the document."""
    if not {"award", "winner", "level"} & row.cols.keys():
        return
    awards = row.mentions("award", frozenset({"Award"}))
    level = row.cell_text("level").strip()
    cell = re.sub(r"\s+", "", row.cell_text("award") or level)
    if not awards or (cell and _AWARD_LEVEL_CELL.fullmatch(cell)):
        if cell and not _AWARD_LEVEL_CELL.fullmatch(cell):
            return
        awards = [m for m in window(row.ms, *cap) if m.type == "Award" and m.end <= cap[1]][:1] or ([doc_award] if doc_award is not None else [])
        level = level or cell
    if not awards:
        return
    # a prize's winning case is its project (as in case books); else the named winner
    winners = [item] if item is not None else row.mentions("winner", frozenset({"Organization", "Person", "Project"})) or row.mentions("person", frozenset({"Person"}))
    if not winners and not row.cols.keys() - {"award", "year", "level", "category"}:
        o = owner()
        winners = [o] if o is not None else []
    quals: list[tuple[str, str]] = []
    if y := re.search(r"(?:19|20)\d{2}", row.cell_text("year") or row.cell_text("award")):
        quals.append(("year", y.group()))
    if level:
        quals.append(("level", level))
    yield from _pairs(winners, "receivedAward", awards, sent, TABLE_AWARD, tuple(quals))


def _table_row_speakers(sent: Sentence, row: _Row, item: Mention | None, cap: tuple[int, int]) -> Iterator[Relation]:
    speakers = row.mentions("speaker", frozenset({"Person"}))
    if not speakers:
        return
    event = item if item is not None and item.type == "Event" else None
    if event is None:
        event = next((m for m in window(row.ms, *cap) if m.type == "Event" and m.end <= cap[1]), None) or row.memo("event", lambda: _repeated_event(row.ms, cap[0]))
    for p in speakers:
        if event is not None and allowed("participatesIn", p, event):
            yield _rel(p, "participatesIn", event, sent, TABLE_SPEAKER)
        # 甲（某大学某学院教授）: the organisation in the bracket after the name, with its role
        cell = next(c for i in row.cols["speaker"] if i < len(row.cells) and (c := row.cells[i])[0] <= p.start < c[1])
        br = re.compile(r"\s*[（(]").match(row.text, p.end, cell[1])
        orgs = [m for m in window(row.bracketed, p.end, cell[1]) if m.type == "Organization" and m.end <= cell[1]] if br else []
        if len(orgs) == 1 and orgs[0].start == br.end():
            tail = re.match(r"[^（）()，,、；;]{0,12}(?=[）)])", row.text[orgs[0].end : cell[1]])
            if tail and tail.group() and re.fullmatch(f"(?:{_role_alt()})", tail.group()) and allowed("worksFor", p, orgs[0]):
                yield _rel(p, "worksFor", orgs[0], sent, TABLE_EMPLOYER, (("role", tail.group()),))


def _repeated_event(ms: list[Mention], before: int) -> Mention | None:
    """The event a report is about: the one named most often before the table, at least twice."""
    counts: dict[str, list[Mention]] = {}
    for m in ms:
        if m.type == "Event" and m.end <= before:
            counts.setdefault(m.key, []).append(m)
    best = max(sorted(counts), key=lambda k: len(counts[k]), default=None)
    return counts[best][0] if best is not None and len(counts[best]) >= 2 else None


def _named_projects(ms: list[Mention]) -> list[tuple[str, Mention]]:
    """The projects of a document by name, each at its first mention, in text order."""
    first: dict[str, Mention] = {}
    for m in ms:
        if m.type == "Project" and len(m.key) >= 4:
            first.setdefault(m.key, m)
    return list(first.items())


def _table_row_partners(sent: Sentence, row: _Row, item: Mention | None, owner_named: Callable[[], Mention | None], owner: Callable[[], Mention | None]) -> Iterator[Relation]:
    partners = row.mentions("partner", _ORG)
    members = row.mentions("member", _ORG)
    if not partners and not members:
        return
    o = owner_named()
    for p in partners:
        if o is not None and allowed("partnersWith", o, p):
            yield _rel(o, "partnersWith", p, sent, TABLE_PARTNER)
    net = o
    if members and net is None and (d := owner()) is not None and d.subtype in ("Network", "SocialOrganization"):
        net = d  # 会员单位 listed in a network's or association's own report
    for m in members:
        if net is not None and allowed("memberOf", m, net):
            yield _rel(m, "memberOf", net, sent, TABLE_MEMBER)
    content = row.cell_text("content")
    projects = row.mentions("content", frozenset({"Project"})) or ([item] if item is not None else [])
    if not projects and content:
        # 某某计划技术支持: a project the document names, written inside the cell
        named = row.memo("projects", lambda: _named_projects(row.ms))
        projects = [m for k, m in named if k in content][:1]
    for p in partners:
        for proj in projects:
            if _CONTENT_IMPL.search(content) and allowed("implements", p, proj):
                yield _rel(p, "implements", proj, sent, TABLE_CONTENT_IMPL)
            elif _CONTENT_SUPPORT.search(content) and allowed("supports", p, proj):
                yield _rel(p, "supports", proj, sent, TABLE_CONTENT_SUPPORT)


# --- persons and participation (pers3) ------------------------------------------------------------

SUPPORT_MOBILISE = register(Rule("supports.mobilise", "supports", 0.7, "A 组织/动员 员工 参与 P: a company backing a project with its staff supports it (participatesIn is kept for events)"))
TAKE_OFFICE = register(Rule("worksFor.take_office", "worksFor", 0.8, "甲 出任/兼任/当选(为)/接任 ORG(或 联盟/该会) (部门) ROLE: 甲 worksFor ORG"))
ANAPHOR_ROLE = register(Rule("worksFor.anaphor_org", "worksFor", 0.85, "该所/该院/该会 ROLE 甲, 分会秘书长甲: 甲 worksFor the organisation the head refers back to"))
PAREN_CARD = register(Rule("worksFor.paren_card", "worksFor", 0.7, "甲（ORG (部门) ROLE）: 甲 worksFor ORG"))
SPEECH_AT = register(Rule("participatesIn.speech_at", "participatesIn", 0.7, "甲 在 E/本次论坛/开幕式 上 致辞/发言/作主旨演讲/表示: 甲 takes part in E"))
NAMED_SCENE = register(Rule("participatesIn.named_scene", "participatesIn", 0.7, "在(…举行的)“E”上/期间，(ORG ROLE)甲 发表/致辞/签署…: the actors take part in E"))
DELEGATE = register(Rule("participatesIn.delegate", "participatesIn", 0.8, "ORG (有关)负责同志/负责人/代表 出席/参加 (E): ORG takes part in E (the passage's event when bare)"))
CHAIR = register(Rule("participatesIn.chair", "participatesIn", 0.7, "甲 主持(了) E/开幕式/会议; “E”由 (ORG ROLE) 甲 主持: 甲 takes part in the event"))
GUESTS = register(Rule("participatesIn.guests", "participatesIn", 0.7, "与会嘉宾/出席活动的领导 包括/有 (ORG ROLE)甲、乙: each takes part in the passage's event"))

_OFFICE_VERB = re.compile(r"(?:此前|之前|曾经|曾|先后|现|目前|后|随后)?(?:出任|兼任|当选为|当选|接任|升任|改任|转任)")
# a generic organisation head standing for the organisation of the passage (联盟首任主席, 该所研究员)
_ORG_HEAD = r"(?:研究所|研究院|研究中心|基金会|协会|学会|联盟|分会|促进会|联合会|委员会|中心|网络|大学|学院|公司|集团|机构|所|院|会|校)"
_ANAPHOR_ORG = re.compile(rf"(?:该|本|这家|此|其所在的?)({_ORG_HEAD})")
_BARE_ORG = re.compile(r"(?:(?<=[，。；、：:\s])|^)((?:研究所|研究院|研究中心|基金会|协会|学会|联盟|分会|促进会|联合会|网络))")
_HEAD_SUFFIXES = {"校": ("大学", "学院", "学校", "校"), "所": ("所",), "院": ("院",), "会": ("会",)}


def _head_org(ctx: Ctx, sent: Sentence, pos: int, head: str) -> Mention | None:
    """The latest organisation of the section before ``pos`` whose name ends with ``head``
    (该所 → …研究所, 联盟 → …联盟), at most 800 characters back."""
    sec = ctx.sections.get(sent.section)
    floor = max(sec.start if sec else 0, pos - 800)
    ends = _HEAD_SUFFIXES.get(head, (head,))
    named = [m for m in window(ctx.ms, floor, pos) if m.end <= pos and m.type == "Organization" and m.key.endswith(ends) and m.rule != _BARE_RULE]
    if not named:
        return None
    # 中国X学会渔业资源与环境分会 … 环境分会: a clipped repeat stands for the full name given before
    full = [m for m in named if m.key != named[-1].key and m.key.endswith(named[-1].key)]
    return full[-1] if full else named[-1]


def _role_at(text: str, pos: int, end: int) -> re.Match[str] | None:
    """(department) ROLE(、ROLE) right at ``pos``: 亚太区首席代表, 首任主席, 理事、秘书长."""
    role = _role_alt()
    return re.compile(rf"[\u4e00-\u9fffA-Za-z0-9（）()]{{0,10}}?(?:{role})(?:[、兼](?:{role}))*").match(text, pos, end)


def _office_taken_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for t in _OFFICE_VERB.finditer(text, sent.start, sent.end):
        a, b = t.start(), t.end()
        people = group_before(ms, text, a, frozenset({"Person"}), _clause_start(text, sent.start, a))
        if len(people) != 1 or text[people[0].end : a].strip():
            continue
        orgs = group_after(ms, text, b, frozenset({"Organization"}), sent.end, max_gap=1)
        at = orgs[0].end if len(orgs) == 1 and orgs[0].start - b <= 1 else -1
        org = orgs[0] if at >= 0 else None
        if org is None:
            m = _ANAPHOR_ORG.match(text, b) or re.compile(rf"({_ORG_HEAD})").match(text, b)
            if m is None:
                continue
            org, at = _head_org(ctx, sent, a, m.group(1)), m.end()
            if org is None:
                continue
        role = _role_at(text, at, sent.end)
        if role is None or re.search(r"[，。；]", role.group()):
            continue
        inner = [x for x in window(ms, at, role.end()) if x.type in ("Organization", "Person", "Event", "Project")]
        if inner:
            continue  # 出任 A 旗下 B 理事长 / 出任 A 与 B …: the title is not simply A's
        if "当选" in t.group() and re.search(r"(?:代表|委员|常委)$", role.group()):
            continue  # 当选人大代表 / 政协委员: an elected deputy, not a post in the body
        if allowed("worksFor", people[0], org):
            yield _rel(people[0], "worksFor", org, sent, TAKE_OFFICE, (("role", role.group()),))


def _anaphor_role_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    role = _role_alt()
    tail = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9]{{0,8}}?((?:{role})(?:[、兼](?:{role}))*)\s*")
    for pat in (_ANAPHOR_ORG, _BARE_ORG):
        for m in pat.finditer(text, sent.start, sent.end):
            if window(ms, m.start(), m.end()) or any(x.start < m.start() < x.end for x in window(ms, max(sent.start, m.start() - 40), m.start())):
                continue  # the head is part of a recognised name
            r = tail.match(text, m.end(), sent.end)
            if r is None:
                continue
            person = next((x for x in window(ms, r.end(), r.end() + 1) if x.type == "Person"), None)
            if person is None:
                continue
            org = _head_org(ctx, sent, m.start(), m.group(1))
            if org is not None and allowed("worksFor", person, org):
                yield _rel(person, "worksFor", org, sent, ANAPHOR_ROLE, (("role", r.group(1)),))


def _paren_card_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for p in ms:
        if p.type != "Person" or text[p.end : p.end + 1] not in ("（", "("):
            continue
        close = re.compile(r"[^（）()]{2,40}?[）)]").match(text, p.end + 1, sent.end)
        if close is None:
            continue
        inner = [x for x in window(ms, p.end + 1, close.end()) if x.end <= close.end()]
        if not inner or inner[0].type != "Organization" or inner[0].start != p.end + 1:
            continue
        role = _role_at(text, inner[0].end, close.end() - 1)
        if role is None or role.end() != close.end() - 1:
            continue
        if allowed("worksFor", p, inner[0]):
            yield _rel(p, "worksFor", inner[0], sent, PAREN_CARD, (("role", role.group()),))


_GENERIC_AT = r"(?:本次|此次|本届|该)?(?:主论坛|分论坛|论坛|峰会|大会|年会|会议|研讨会|沙龙|发布会|开幕式|闭幕式|启动仪式|颁奖典礼|仪式|典礼|活动|会)"
NAME_TITLE = register(Rule("worksFor.org_name_title", "worksFor", 0.7, "ORG (部门)(的) 甲 ROLE(、乙 ROLE): 甲 worksFor ORG (青川大学的王海涛教授、李晓东副教授)"))


def _name_title_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    role_re = re.compile(rf"(?:{_role_alt()})(?![会院所部处室团组])")
    prev: tuple[Mention, Mention] | None = None  # (person, organisation) of the previous 甲 ROLE
    for p in ms:
        if p.type != "Person":
            continue
        role = role_re.match(text, p.end, sent.end)
        if role is None:
            prev = None
            continue
        org = None
        before = [x for x in window(ms, max(sent.start, p.start - 30), p.start) if x.end <= p.start]
        if before and before[-1].type == "Organization" and re.fullmatch(r"[\u4e00-\u9fff]{0,10}?的|", text[before[-1].end : p.start]):
            org = before[-1]
            if text[org.end : p.start] and window(ms, org.end, p.start):
                org = None
        elif prev is not None and before and before[-1] is prev[0] and re.fullmatch(r"\S{0,6}?[、和及与]", text[prev[0].end : p.start]):
            org = prev[1]  # …的甲教授、乙副教授: the list goes on with the same organisation
        prev = (p, org) if org is not None else None
        if org is not None and allowed("worksFor", p, org):
            yield _rel(p, "worksFor", org, sent, NAME_TITLE, (("role", role.group()),))


_SPEECH_AT_EVENT = re.compile(rf"在\s*(?:({_GENERIC_AT})|[“\"]?)")
_AT_TAIL = re.compile(r"[\s”\"]*(?:上|中|期间|现场)[\s，,]*(?:发表|作了?|做了?|进行了?)?[\s了]*(?:主旨演讲|主题演讲|演讲|致辞|讲话|发言|报告|主题报告|分享|表示|指出|介绍|强调|呼吁|提出|宣布|透露|说|倡议|主持|致开幕辞|致欢迎辞)")
_EVENT_KIND = re.compile(r"论坛|峰会|大会|年会|会议|研讨会|沙龙|发布会|典礼|仪式|活动|会")


def _generic_event(ctx: Ctx, sent: Sentence, pos: int, word: str) -> Mention | None:
    """The event a generic word (本次论坛, 开幕式, 会议) refers to: the latest event of the
    section, of that kind when the word names a kind (论坛 → …论坛); 开幕式/仪式/会 any."""
    ev = _latest_event(ctx, sent, pos)
    if ev is None:
        return None
    kind = re.sub(r"^(?:本次|此次|本届|该|主|分)", "", word)
    if re.search(r"仪式|典礼|发布会|签约会|座谈会|见面会", ctx.text[ev.end : pos]):
        return None  # 捐赠仪式在宁德举行。…在仪式上表示: an unnamed event came after the named one
    if kind in ("论坛", "峰会", "大会", "年会", "研讨会", "沙龙", "发布会") and kind not in ev.key:
        return None
    return ev


def _speech_at_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for t in _SPEECH_AT_EVENT.finditer(text, sent.start, sent.end):
        clause = _clause_start(text, sent.start, t.start())
        people = group_before(ms, text, t.start(), frozenset({"Person"}), clause)
        if not people:
            continue
        if t.group(1):
            ev, end = _generic_event(ctx, sent, t.start(), t.group(1)), t.end()
        else:
            nxt = next((x for x in window(ms, t.end(), t.end() + 2)), None)
            ev, end = (nxt, nxt.end) if nxt is not None and nxt.type == "Event" else (None, t.end())
        if ev is None or not _AT_TAIL.match(text, end, sent.end):
            continue
        yield from _pairs(people, "participatesIn", [ev], sent, SPEECH_AT)


_NAMED_SCENE = re.compile(r"在[^，。；]{0,40}?[”\"]?\s*(?:上|期间|现场|中)[，,]")
_ACT_VERB = re.compile(r"发表|致辞|讲话|发言|演讲|作了?(?:主旨|主题)?报告|分享|介绍|表示|指出|签署|签订|签约|发布|宣布|主持|出席|参加|亮相|展示|颁发|领取|获颁")


def _named_scene_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    lead = _LEAD.match(text, sent.start, sent.end).end()
    m = _NAMED_SCENE.match(text, lead, sent.end)
    if m is None:
        return
    evs = [x for x in window(ms, lead, m.end()) if x.type == "Event" and x.end <= m.end()]
    if not evs or not re.fullmatch(r"[\s”\"]*(?:上|期间|现场|中)[，,]", text[evs[-1].end : m.end()]):
        return
    ev = evs[-1]
    end = _clause_end(text, m.end(), sent.end)
    verb = _ACT_VERB.search(text, m.end(), end)
    if verb is None:
        return
    # the clause's subject: (ORG ROLE) 甲、乙 or A、B opening the clause, its verb right after
    actors = group_after(ms, text, m.end(), frozenset({"Organization", "Person"}), end, max_gap=1)
    persons = [x for x in window(ms, m.end(), verb.start()) if x.type == "Person" and x.end <= verb.start()]
    if actors and persons:
        actors = persons
    if not actors or not _gap_before().match(text[actors[-1].end : verb.start()]):
        return
    yield from _pairs(actors, "participatesIn", [ev], sent, NAMED_SCENE)


_DELEGATE = re.compile(
    r"(?:的)?(?:有关|相关|主要)?(?:负责同志|负责人|领导|代表团|代表|同志|项目团队|团队|工作人员)(?:等)?(?:一行)?[\s、，]*(?:也|还|均)?(?:应邀|受邀)?(?:出席|参加|参会|与会|莅临)(?:了)?"
)


def _delegate_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for t in _DELEGATE.finditer(text, sent.start, sent.end):
        orgs = group_before(ms, text, t.start(), frozenset({"Organization"}), _clause_start(text, sent.start, t.start()))
        if not orgs or not re.fullmatch(r"[\s”\"]*", text[orgs[-1].end : t.start()]):
            continue  # 来自 A、B 等 20 余家机构的代表: an open list of many, no statement about A
        rest = text[t.end() : _clause_end(text, t.end(), sent.end)]
        obj = group_after(ms, text, t.end(), frozenset({"Event"}), sent.end, max_gap=4)
        if not obj and re.fullmatch(r"[\s了]*(?:并(?:致辞|讲话|发言)|(?:本次|此次|该)?(?:活动|会议|仪式|开幕式|启动仪式))?[\s了]*", rest):
            ev = _latest_event(ctx, sent, sent.start)
            obj = [ev] if ev is not None else []
        for o in orgs:
            for e in obj[:1]:
                if allowed("participatesIn", o, e):
                    yield _rel(o, "participatesIn", e, sent, DELEGATE)


_CHAIR_VERB = re.compile(r"主持(?:了)?")


def _chair_event_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for t in _CHAIR_VERB.finditer(text, sent.start, sent.end):
        clause = _clause_start(text, sent.start, t.start())
        people = group_before(ms, text, t.start(), frozenset({"Person"}), clause)
        ev = None
        if people:
            # 甲主持(了)“E” / 甲主持了开幕式 / 甲主持会议
            nxt = group_after(ms, text, t.end(), frozenset({"Event"}), sent.end, max_gap=2)
            if nxt:
                ev = nxt[0]
            elif g := re.compile(rf"\s*({_GENERIC_AT})(?![\u4e00-\u9fff])").match(text, t.end(), sent.end):
                ev = _generic_event(ctx, sent, t.start(), g.group(1))
        if ev is None:
            # E/开幕式 由 (ORG ROLE) 甲 主持
            by = text.rfind("由", clause, t.start())
            if by < 0:
                continue
            people = group_after(ms, text, by + 1, frozenset({"Person"}), t.start(), max_gap=30)
            if not people or not _gap_before().match(text[people[-1].end : t.start()]):
                continue
            # (a bare 开幕式由甲主持 may be the ceremony of an unnamed event: only a named one)
            evs = [x for x in window(ms, clause, by) if x.type == "Event" and x.end <= by]
            if evs and re.fullmatch(r"[\s”\"]*", text[evs[-1].end : by]):
                ev = evs[-1]
        if ev is None:
            continue
        yield from _pairs(people, "participatesIn", [ev], sent, CHAIR)


_GUEST_INTRO = re.compile(
    r"(?:与会嘉宾|与会领导|参会嘉宾|出席嘉宾|到场嘉宾|出席(?:本次|此次)?(?:会议|活动|论坛|仪式|开幕式)的(?:嘉宾|领导)?(?:还)?|参加(?:本次|此次)?(?:会议|活动|论坛)的(?:嘉宾|领导)?(?:还)?)(?:包括|有|为)[：:]?"
)


def _guest_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for t in _GUEST_INTRO.finditer(text, sent.start, sent.end):
        evs = [x for x in window(ms, sent.start, t.start()) if x.type == "Event" and x.end <= t.start()]
        ev = evs[-1] if evs else _latest_event(ctx, sent, sent.start)
        if ev is None:
            continue
        end = sent.end
        people = [x for x in window(ms, t.end(), end) if x.type == "Person" and x.end <= end]
        yield from _pairs(people, "participatesIn", [ev], sent, GUESTS)


MEMBER_PHRASE = register(Rule("memberOf.phrase", "memberOf", 0.7, "作为 N 成员(单位)，A…; N 迎来/新增 (新)成员 A、B; N 共有成员 N 家，包括 A、B; N 欢迎 A 加入; A 加入网络/联盟 (the passage's network); A 是 N1 会员单位、N2 理事单位"))

_MEMBER_WORD = r"(?:成员|会员|理事|常务理事|副?理事长|副?会长|发起成员|创始成员)(?:单位|机构)?|成员|会员"
_AS_MEMBER_OF = re.compile(r"作为\s*")
_NEW_MEMBERS = re.compile(rf"(?:迎来|新增|吸纳|接纳|新吸纳|新加入)(?:了)?(?:{_NUM}\s*(?:家|个|名))?(?:新)?(?:成员|会员)?(?:单位|机构|伙伴)?[：:]?")
_COUNTED_LIST = re.compile(r"(?:成员|会员)(?:伙伴|单位|机构)?[^，。；]{0,12}?[，,：:]\s*(?:包括|其中包括|分别是|分别为|有)[：:]?")
_MEMBER_GLOSS = re.compile(r"\s*[（(]\s*(?:(网络|联盟)|[^（）()，。；]{0,30}?)的?(?:成员|会员)(?:单位|机构)?(?:之一)?\s*[）)]")
_MEMBER_APPOS = re.compile(r"(?:网络|联盟)(?:成员|会员)(?:单位|机构)?(?![\u4e00-\u9fff]{0,1}(?:包括|有|为|是|共|们|大会|代表|数|名单))")
_NET_HEAD = re.compile(r"(?:网络|联盟|圆桌|协作网|共同体)(?![\u4e00-\u9fff]{0,1}(?:成员|会员|单位|机构|的))")


def _network_ref(ctx: Ctx, sent: Sentence, pos: int) -> Mention | None:
    """The network a bare 网络/联盟 at ``pos`` refers to: the latest Network of the passage."""
    return _network_in_context(ctx, pos)


def _member_phrase_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    orgs = frozenset({"Organization"})
    found: list[tuple[Mention, Mention]] = []
    # 作为 N (的) 成员(单位)，A …
    for t in _AS_MEMBER_OF.finditer(text, sent.start, sent.end):
        nets = group_after(ms, text, t.end(), orgs, sent.end, max_gap=1)
        if len(nets) != 1:
            continue
        role = re.compile(rf"[\s”\"]*(?:[（(][^（）()]{{1,30}}[）)])?\s*的?(?:{_MEMBER_WORD})(?:之一)?[\s，,]+").match(text, nets[0].end, sent.end)
        if role is None:
            continue
        for a in group_after(ms, text, role.end(), frozenset({"Organization", "Person"}), sent.end, max_gap=1):
            found.append((a, nets[0]))
    # N 迎来/新增 (两家)新成员(：) A、B / N 新增 A、B 两家成员单位
    for t in _NEW_MEMBERS.finditer(text, sent.start, sent.end):
        if not re.search(r"成员|会员", t.group()) and not re.match(rf"[^，。；]{{0,30}}?(?:{_NUM}\s*家)?(?:新)?(?:成员|会员)", text[t.end() : sent.end]):
            continue
        head = group_before(ms, text, t.start(), orgs, _clause_start(text, sent.start, t.start()))
        net = head[-1] if head else None
        if net is None and (h := _NET_HEAD.search(text, max(sent.start, t.start() - 6), t.start())) and h.end() == t.start():
            net = _network_ref(ctx, sent, h.start())
        if net is None:
            continue
        for a in _list_after(ms, text, t.end(), sent.end):
            found.append((a, net))
    # N 共有成员单位 56 家，包括 A、B
    for t in _COUNTED_LIST.finditer(text, sent.start, sent.end):
        head = [x for x in window(ms, sent.start, t.start()) if x.type == "Organization" and x.end <= t.start()]
        if not head or not re.fullmatch(r"[\s”\"]*(?:[（(][^（）()]{1,30}[）)])?\s*(?:目前|现|现有|共有|已有|目前共有|现已有|拥有|的)?", text[head[-1].end : t.start()]):
            continue
        for a in _list_after(ms, text, t.end(), sent.end):
            found.append((a, head[-1]))
    # N 欢迎 A 加入(网络)
    for t in re.finditer(r"欢迎", text[sent.start : sent.end]):
        a_pos = sent.start + t.end()
        head = group_before(ms, text, sent.start + t.start(), orgs, sent.start)
        mem = group_after(ms, text, a_pos, orgs, sent.end, max_gap=1)
        if head and mem and re.match(r"[\s”\"]*(?:正式)?加入", text[mem[-1].end : mem[-1].end + 6]):
            found.extend((a, head[-1]) for a in mem)
    # A 加入(了)网络/联盟: the passage's network
    for t in re.finditer(r"加入(?:了|到)?", text[sent.start : sent.end]):
        b = sent.start + t.end()
        h = _NET_HEAD.match(text, b)
        if h is None or window(ms, b, h.end()):
            continue
        subj = group_before(ms, text, sent.start + t.start(), orgs, _clause_start(text, sent.start, sent.start + t.start()))
        net = _network_ref(ctx, sent, b)
        if net is not None:
            found.extend((a, net) for a in subj)
    # A 是 N1 会员单位、N2 理事单位: the later items of the list
    for t in re.finditer(rf"(?:{_MEMBER_WORD})[\s”\"]*[、和及]\s*", text[sent.start : sent.end]):
        pos = sent.start + t.end()
        nxt = group_after(ms, text, pos, orgs, sent.end, max_gap=0)
        if not nxt or not re.compile(rf"[\s”\"]*(?:{_MEMBER_WORD})").match(text, nxt[0].end):
            continue
        back = re.compile(r"(?:是|为|系|作为|当选为?|成为)[^，。；]{1,40}?$").search(text, sent.start, sent.start + t.start())
        if back is None:
            continue
        subj = group_before(ms, text, back.start(), frozenset({"Organization", "Person"}), _clause_start(text, sent.start, back.start()))
        found.extend((a, nxt[0]) for a in subj)
    # A（网络成员 / N 成员单位）: a bracketed gloss of membership
    for a in ms:
        if a.type != "Organization":
            continue
        g = _MEMBER_GLOSS.match(text, a.end, sent.end)
        if g is None:
            continue
        inner = [x for x in window(ms, a.end, g.end()) if x.type == "Organization" and x.end <= g.end()]
        net = inner[0] if inner else (_network_ref(ctx, sent, a.start) if g.group(1) else None)
        if net is not None:
            found.append((a, net))
    # 网络成员 A、B: a bare network head and a member word right before the names (N 的成员 A is
    # left out: on a blind set it named members of something else)
    for t in _MEMBER_APPOS.finditer(text, sent.start, sent.end):
        if window(ms, t.start(), t.end()):
            continue
        head = [x for x in window(ms, max(sent.start, t.start() - 40), t.start()) if x.end <= t.start()]
        if re.match(r"[\u4e00-\u9fff]", text[t.start() - 1 : t.start()]) and (not head or head[-1].end != t.start()):
            continue  # …联盟成员: the bare head must open the clause
        net = head[-1] if head and head[-1].end == t.start() and head[-1].type == "Organization" else _network_ref(ctx, sent, t.start())
        if net is None:
            continue
        for a in _list_after(ms, text, t.end(), sent.end):
            found.append((a, net))
    for a, n in found:
        if a.key != n.key and allowed("memberOf", a, n):
            yield _rel(a, "memberOf", n, sent, MEMBER_PHRASE)


CASE_AT_EVENT = register(Rule("participatesIn.case_at_event", "participatesIn", 0.85, "(case block) 该项目/该技术/项目 在 E 中/上 获得/展示/分享/展播…: the case project takes part in E"))
_CASE_PREP = re.compile(r"在|通过")
_PLATFORMS = re.compile(r"[”\"]?\s*等(?:国际性?|国内外|全国性?)?(?:平台|会议|活动|场合|论坛)(?:上)?[\s，,]*")
_CASE_PRONOUN = re.compile(r"(?:该项目|本项目|该技术|该成果|该案例|该模式|项目|案例)")
_CASE_EVENT_VERB = re.compile(r"获得|荣获|获评|获|展示|分享|展播|亮相|交流|介绍|发布|入选|参展|路演")


def _case_at_event_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    case = ctx.case_projects.get(sent.section)
    if case is None:
        return
    text = ctx.text
    for t in _CASE_PREP.finditer(text, sent.start, sent.end):
        evs = group_after(ms, text, t.end(), frozenset({"Event"}), sent.end, max_gap=1)
        platforms = _PLATFORMS.search(text, t.end(), _clause_end(text, t.end(), sent.end) + 1)
        if platforms is not None and evs:
            # 在/通过 E1、E2 等(国际)平台(上)，分享…: every event named before 等…平台
            evs = [x for x in window(ms, evs[0].start, platforms.start()) if x.type == "Event" and x.end <= platforms.start()]
            if not re.search(r"分享|展示|推广|交流|介绍", text[platforms.end() : _clause_end(text, platforms.end(), sent.end) + 12]):
                continue
        elif evs:
            tail = _AT_EVENT_TAIL.match(text, evs[-1].end, sent.end)
            if tail is None or not _CASE_EVENT_VERB.match(text, tail.end()) or t.group() != "在":
                continue
        else:
            continue
        clause = _clause_start(text, sent.start, t.start())
        lead = _LEAD.match(text, clause, t.start()).end()
        head = text[lead : t.start()].strip(" \t■●•▪◆◇□-—")
        if not (_CASE_PRONOUN.fullmatch(head) or _adverbs_only().match(head) or any(m.key == case.key for m in window(ms, lead, t.start()))):
            continue
        if window(ms, lead, t.start()) and not any(m.key == case.key for m in window(ms, lead, t.start())):
            continue  # another named actor opens the clause
        yield from _pairs([case], "participatesIn", evs, sent, CASE_AT_EVENT)


_SELF_REF = re.compile(r"本基金会|我基金会|本会(?![议员计])|本机构|本中心|本协会")
_SELF_RULE = "anaphor.self"


def _with_self_references(ctx: Ctx, sents: tuple[Sentence, ...]) -> list[Mention]:
    """本基金会/我会 (an annual report speaking of itself): a mention of the organisation the
    passage names most often (at least twice) within the 1500 characters before it."""
    text, ms = ctx.text, ctx.ms
    extra: list[Mention] = []
    for sent in sents:
        for m in _SELF_REF.finditer(text, sent.start, sent.end):
            if window(ms, m.start(), m.end()):
                continue
            named = [x for x in window(ms, max(0, m.start() - 1500), m.start()) if x.type == "Organization" and x.end <= m.start() and x.rule != _BARE_RULE]
            counts: dict[str, int] = {}
            for x in named:
                counts[x.key] = counts.get(x.key, 0) + 1
            if not counts:
                continue
            best = max(counts.values())
            top = [x for x in named if counts[x.key] == best]
            if best < 2 or len({x.key for x in top}) > 1:
                continue
            ref = top[-1]
            extra.append(Mention(ref.doc_id, m.start(), m.end(), m.group(), ref.type, ref.subtype, _SELF_RULE, ref.key))
    if not extra:
        return ms
    return sorted([*ms, *extra], key=lambda x: (x.start, x.end))


BARE_SPEECH = register(Rule("participatesIn.bare_speech", "participatesIn", 0.7, "(ORG ROLE) 甲 致辞/作主旨报告/发表主题演讲。(no event named): 甲 takes part in the event of the passage"))
_BARE_SPEECH = re.compile(r"(?:分别|先后|依次)?(?:致辞|致开幕辞|致欢迎辞|作(?:了)?(?:主旨|主题|专题)(?:报告|演讲|发言)|发表(?:了)?(?:主旨|主题)(?:演讲|讲话))(?=\s*[，。；,;]|$)")


def _bare_speech_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    text = ctx.text
    for t in _BARE_SPEECH.finditer(text, sent.start, sent.end):
        clause = _clause_start(text, sent.start, t.start())
        people = group_before(ms, text, t.start(), frozenset({"Person"}), clause)
        if not people or window(ms, t.end(), t.end() + 1):
            continue
        ev = _latest_event(ctx, sent, people[0].start)
        if ev is None or _UNNAMED_CEREMONY.search(text, ev.end, people[0].start):
            continue
        yield from _pairs(people, "participatesIn", [ev], sent, BARE_SPEECH)


def _person_relations(ctx: Ctx, sent: Sentence, ms: list[Mention]) -> Iterator[Relation]:
    """The sentence rules of the persons-and-participation block."""
    for rule in _PERSON_RULES:
        yield from rule(ctx, sent, ms)


_PERSON_RULES = (
    _office_taken_relations,
    _anaphor_role_relations,
    _paren_card_relations,
    _name_title_relations,
    _speech_at_relations,
    _named_scene_relations,
    _delegate_relations,
    _chair_event_relations,
    _guest_relations,
    _member_phrase_relations,
    _case_at_event_relations,
    _bare_speech_relations,
)
