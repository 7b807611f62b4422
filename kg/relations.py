"""Relation extraction: document structure first, then sentence patterns.

Every rule is registered with an id, a description, its predicate and a confidence
(``RULES``); ``kg eval --by-rule`` reports each rule's precision. Sentence rules come from
``resources/relation_rules.tsv``; structural rules (case-book fields, tables, roles, place
chains) are code below. Domain and range checks from the ontology drop impossible triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from kg.lexicon import places, roles
from kg.model import DocResult, Mention, Relation, Section, Sentence
from kg.resources import load_table

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


CASE_IMPLEMENTS = register(Rule("case.org", "implements", 0.9, "case book: 项目机构 field -> implements the case project"))
CASE_LOCATION = register(Rule("case.location", "locatedIn", 0.9, "case book: 实施地点 field -> project locatedIn place"))
CASE_AWARD = register(Rule("case.award", "receivedAward", 0.85, "case book: 获奖情况 with category·year -> receivedAward the book's prize"))
TABLE_IMPLEMENTS = register(Rule("table.org", "implements", 0.85, "table row: 案例机构 implements 案例名称 (empty first cell continues the group)"))
PLACE_CHAIN = register(Rule("place.chain", "partOf", 0.85, "adjacent places 山东威海市 / 广东省广州市: the second is partOf the first"))
ROLE_NAME = register(Rule("worksFor.org_role_name", "worksFor", 0.85, "organisation + role + person (中华环保基金会理事长徐光)"))
MEMBER_LIST = register(Rule("memberOf.list", "memberOf", 0.7, "member lists: 成员包括A、B / N由A、B组成"))
SEAT = register(Rule("locatedIn.held_at", "locatedIn", 0.75, "E 在 X 举行/开幕/召开, P 落户 X"))
SUBORG_PAREN = register(Rule("subOrg.branch", "subOrganizationOf", 0.7, "A的/下属分会/分支机构 B, X分会 of its parent"))


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
    "supports": (frozenset({"Organization", "Person", "Project"}), frozenset({"Organization", "Project", "Event"})),
    "partnersWith": (frozenset({"Organization", "Project", "Person"}), frozenset({"Organization", "Project"})),
    "implements": (frozenset({"Organization", "Person"}), frozenset({"Project"})),
    "initiates": (frozenset({"Organization", "Person"}), frozenset({"Project", "Event", "Organization", "Publication"})),
    "organizes": (frozenset({"Organization", "Person"}), frozenset({"Event"})),
    "participatesIn": (frozenset({"Organization", "Person"}), frozenset({"Event", "Project"})),
    "locatedIn": (frozenset({"Organization", "Project", "Event"}), frozenset({"Place"})),
    "receivedAward": (frozenset({"Organization", "Project", "Person"}), frozenset({"Award"})),
    "memberOf": (frozenset({"Organization", "Person"}), frozenset({"Organization"})),
    "worksFor": (frozenset({"Person"}), frozenset({"Organization"})),
    "publishes": (frozenset({"Organization", "Person"}), frozenset({"Publication"})),
    "subOrganizationOf": (frozenset({"Organization"}), frozenset({"Organization"})),
    "partOf": (frozenset({"Place", "Project"}), frozenset({"Place", "Project"})),
}


def allowed(pred: str, s: Mention, o: Mention) -> bool:
    dom, rng = DOMAIN_RANGE[pred]
    if s.type not in dom or o.type not in rng:
        return False
    if pred == "partOf" and s.type != o.type:
        return False
    return s.key != o.key


# --- mention groups around a trigger ---------------------------------------------------------

# a connector between coordinated names; an alias parenthesis （以下简称“X”） may precede it
_CONNECT = re.compile(r"^\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:、|，|,|和|与|及|以及|同|跟|联合|携手|及其)\s*$")
_GAP_BEFORE = re.compile(r"^[\s“”\"]*(?:共同|联合|一起|均|都|也|还|已|已经|正式|率先|分别|积极|将|于\d{4}年(?:\d{1,2}月)?|在\d{4}年|日前|近日|此前|曾|先后|再次|首次)*[\s“”\"]*$")
_GAP_AFTER = re.compile(r"^[\s“”\"了的：:]*(?:由|给|为|向|在)?[\s“”\"了的]*$")


def group_before(ms: list[Mention], text: str, pos: int, types: frozenset[str], floor: int) -> list[Mention]:
    """The coordinated mentions ending just before ``pos`` (A、B和C + trigger)."""
    cands = [m for m in ms if m.end <= pos and m.start >= floor]
    if not cands:
        return []
    last = cands[-1]
    if not _GAP_BEFORE.match(text[last.end : pos]) or last.type not in types:
        return []
    group = [last]
    for m in reversed(cands[:-1]):
        if _CONNECT.match(text[m.end : group[-1].start]) and m.type in types:
            group.append(m)
        else:
            break
    return list(reversed(group))


def group_after(ms: list[Mention], text: str, pos: int, types: frozenset[str], ceiling: int, max_gap: int = 12) -> list[Mention]:
    """The coordinated mentions starting soon after ``pos`` (trigger + 了“X”和“Y”)."""
    cands = [m for m in ms if m.start >= pos and m.end <= ceiling]
    first = None
    for m in cands:
        if m.type in types and m.start - pos <= max_gap and not re.search(r"[，。；！？]", text[pos : m.start]):
            first = m
            break
        if m.start - pos > max_gap:
            break
    if first is None:
        return []
    group = [first]
    for m in cands[cands.index(first) + 1 :]:
        if _CONNECT.match(text[group[-1].end : m.start]) and m.type in types:
            group.append(m)
        else:
            break
    return group


def _rel(s: Mention, pred: str, o: Mention, sent: Sentence, rule: Rule, quals: tuple = ()) -> Relation:
    return Relation(s, pred, o, sent.doc_id, sent.text[:200], sent.start, sent.end, rule.id, rule.confidence, quals)


def _year_of(text: str) -> tuple[tuple[str, str], ...]:
    m = re.search(r"((?:19|20)\d{2})\s*年", text)
    return (("year", m.group(1)),) if m else ()


# --- sentence rules ---------------------------------------------------------------------------


def _sentence_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    if len(ms) < 2:
        return
    for rule in sentence_rules():
        assert rule.trigger is not None
        for t in rule.trigger.finditer(text, sent.start, sent.end):
            yield from _apply(rule, t, sent, ms, text)


def _apply(rule: Rule, t: re.Match[str], sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    pred = rule.predicate
    clause_start = _clause_start(text, sent.start, t.start())
    subj = group_before(ms, text, t.start(), rule.subject_types, sent.start)
    obj_ceiling = sent.end
    if rule.id == "funds.donate_to":
        # A 向 B 捐赠: B right after 向, then a donation verb
        recips = group_after(ms, text, t.end(), rule.object_types, sent.end, max_gap=2)
        if not recips or not re.match(r"[^，。；]{0,12}?(?:捐赠|捐资|捐建|资助|捐助|捐款|提供资金)", text[recips[-1].end : sent.end]):
            return
        for s in subj:
            for o in recips:
                if allowed(pred, s, o):
                    yield _rel(s, pred, o, sent, rule, _year_of(sent.text))
        return
    if not subj:
        # 由 A、B 主办的 E / E 由 A 主办
        by = text.rfind("由", clause_start, t.start())
        if by >= 0:
            subj = group_after(ms, text, by + 1, rule.subject_types, t.start(), max_gap=1)
            if subj and not _GAP_BEFORE.match(text[subj[-1].end : t.start()]):
                subj = []
    if not subj:
        return
    obj = group_after(ms, text, t.end(), rule.object_types, obj_ceiling)
    if not obj and pred in ("organizes", "initiates", "publishes", "supports", "funds", "implements"):
        # the object precedes: “E”由 A 主办 / 由A发起的“P” … object after 的
        m = re.match(r"[^，。；]{0,6}?的", text[t.end() : sent.end])
        if m:
            obj = group_after(ms, text, t.end() + m.end(), rule.object_types, sent.end, max_gap=4)
        if not obj:
            before = [m for m in ms if m.end <= subj[0].start and m.start >= clause_start and m.type in rule.object_types]
            if before and text[before[-1].end : subj[0].start].strip(" “”\"") in ("由", "是由", "将由", "，由"):
                obj = [before[-1]]
    if pred == "partnersWith":
        members = subj + [o for o in obj if o not in subj]
        if rule.id == "partnersWith.sign" and len(members) < 2:
            return
        if len(members) < 2:
            return
        for a, b in combinations(members, 2):
            if allowed(pred, a, b):
                yield _rel(a, pred, b, sent, rule)
        return
    if pred == "memberOf":
        # N 成员 A: A memberOf N (N precedes the trigger)
        for network in subj[-1:]:
            for o in obj:
                if allowed(pred, o, network):
                    yield _rel(o, pred, network, sent, rule)
        return
    if pred == "subOrganizationOf":
        for parent in subj[-1:]:
            for child in obj[:1]:
                if allowed(pred, child, parent):
                    yield _rel(child, pred, parent, sent, rule)
        return
    quals = _year_of(text[clause_start : t.end()]) if pred in ("initiates", "publishes", "receivedAward", "funds") else ()
    for s in subj:
        for o in obj:
            if allowed(pred, s, o):
                yield _rel(s, pred, o, sent, rule, quals)


def _clause_start(text: str, floor: int, pos: int) -> int:
    cut = max(text.rfind(c, floor, pos) for c in "，；：,;")
    return cut + 1 if cut >= floor else floor


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


def _place_pairs(locs: list[Mention], text: str) -> Iterator[tuple[Mention, Mention]]:
    """Adjacent places where the second lies in the first (广东省广州市, 山东威海)."""
    table = places()
    for a, b in zip(locs, locs[1:], strict=False):
        if b.start - a.end > 0:
            continue
        pa, pb = table.get(a.key), table.get(b.key)
        if pa and pb and pb.parent == pa.name:
            yield b, a
        elif pa and pb and pb.level == "county" and pa.level == "province":
            # county given directly under its province (municipality or skipped city)
            yield b, a


def _chain_children(locs: list[Mention], text: str) -> set[str]:
    """Places of a chain that are parents of a following place: only the finest is the location."""
    return {parent.key for _child, parent in _place_pairs(locs, text)}


def _table_relations(res: DocResult, sec: Section, ms: list[Mention]) -> Iterator[Relation]:
    text = res.document.text
    header = dict(sec.fields).get("header", "").split("\t")
    cols = {h: i for i, h in enumerate(header)}
    name_col = next((cols[c] for c in ("案例名称", "项目名称") if c in cols), None)
    org_col = next((cols[c] for c in ("案例机构", "机构名称", "实施机构") if c in cols), None)
    field_col = cols.get("工作领域")
    if name_col is None or org_col is None:
        return
    pos = sec.start
    current_field = ""
    for n, line in enumerate(text[sec.start : sec.end].split("\n")):
        start = pos
        pos += len(line) + 1
        if n == 0:
            continue
        cells = line.split("\t")
        if field_col is not None and field_col < len(cells) and cells[field_col].strip():
            current_field = cells[field_col].strip()
        row_ms = [m for m in ms if start <= m.start < start + len(line)]
        proj = [m for m in row_ms if m.type == "Project" and m.rule.startswith("table.")]
        orgs = [m for m in row_ms if m.type == "Organization" and m.rule.startswith("table.")]
        sent = Sentence(res.document.id, -1, start, start + len(line), line.replace("\t", " "), sec.index)
        quals = (("field", current_field),) if current_field else ()
        for o in orgs:
            for p in proj:
                yield _rel(o, "implements", p, sent, TABLE_IMPLEMENTS, quals)


def _role_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    """ORG ROLE(、ROLE) PERSON: the person works for each organisation of the chain."""
    role_alt = "|".join(re.escape(r) for r in roles())
    for p in ms:
        if p.type != "Person":
            continue
        # walk left over (ORG ROLE、)* directly before the person
        pos = p.start
        chain: list[tuple[Mention, str]] = []
        guard = 0
        while guard < 4:
            guard += 1
            m = re.search(f"((?:{role_alt})(?:兼(?:{role_alt}))*)(?:、)?$", text[max(sent.start, pos - 16) : pos])
            if not m:
                break
            role_start = pos - len(m.group(0))
            org = next((o for o in ms if o.end == role_start and o.type == "Organization"), None)
            if org is None:
                break
            chain.append((org, m.group(1)))
            pos = org.start
            sep = text[max(sent.start, pos - 1) : pos]
            if sep == "、":
                pos -= 1
            else:
                break
        for org, role in chain:
            quals: tuple[tuple[str, str], ...] = (("role", role),)
            if re.search(r"(?:原|前|曾任)$", text[max(sent.start, org.start - 2) : org.start]):
                quals += (("former", "true"),)
            yield _rel(p, "worksFor", org, sent, ROLE_NAME, quals)


def _chain_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    places_in = [m for m in ms if m.type == "Place"]
    for child, parent in _place_pairs(places_in, text):
        yield _rel(child, "partOf", parent, sent, PLACE_CHAIN)


def _seat_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    for m in re.finditer(r"在([^，。；]{2,20}?)(?:举行|举办|召开|开幕|启动|揭幕|落地)|落户([^，。；]{2,10})", text[sent.start : sent.end]):
        a = sent.start + m.start()
        # the finest place of a chain (江西省九江市 -> 九江市)
        place = next((p for p in reversed(ms) if p.type == "Place" and a <= p.start < sent.start + m.end()), None)
        if place is None:
            continue
        subj = [x for x in ms if x.type in ("Event", "Project") and x.end <= a and x.start >= sent.start]
        if subj:
            s = subj[-1]
            if allowed("locatedIn", s, place):
                yield _rel(s, "locatedIn", place, sent, SEAT)


def _member_list_relations(sent: Sentence, ms: list[Mention], text: str) -> Iterator[Relation]:
    for m in re.finditer(r"(?:由|成员(?:伙伴)?(?:包括|有)|会员(?:单位)?(?:包括|有))", text[sent.start : sent.end]):
        a = sent.start + m.end()
        members = group_after(ms, text, a, frozenset({"Organization"}), sent.end, max_gap=2)
        if len(members) < 2 and "由" in m.group():
            continue
        tail = text[members[-1].end : sent.end] if members else ""
        if "由" in m.group() and not re.match(r"[^，。]{0,6}(?:组成|构成)", tail):
            continue
        network = None
        head = [x for x in ms if x.end <= sent.start + m.start() and x.type == "Organization" and x.start >= sent.start]
        if head:
            network = head[-1]
        if network is None:
            continue
        for mem in members:
            if allowed("memberOf", mem, network):
                yield _rel(mem, "memberOf", network, sent, MEMBER_LIST)


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


_DECLARATION = re.compile(r"[（(](?:以下|下文)?(?:简称|又称|英文简称)?[为：:]?[“\"「]?$")


def _without_alias_declarations(ms: list[Mention], text: str) -> list[Mention]:
    """Drop the short name inside A（以下简称“B”）: it names A again, it is not a new argument."""
    out: list[Mention] = []
    for m in ms:
        if out and m.start - out[-1].end <= 8 and _DECLARATION.search(text[out[-1].end : m.start]):
            continue
        out.append(m)
    return out


def extract_relations(res: DocResult) -> tuple[Relation, ...]:
    """All relations stated in one document."""
    text = res.document.text
    ms = _without_alias_declarations(sorted(res.mentions, key=lambda m: m.start), text)
    out: list[Relation] = []
    award = _document_award(res) if any(s.kind == "case" for s in res.sections) else None
    for sec in res.sections:
        if sec.kind == "case":
            out.extend(_case_relations(res, sec, ms, award))
        elif sec.kind == "table":
            out.extend(_table_relations(res, sec, ms))
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
        out.extend(_sentence_relations(sent, in_sent, text))
        out.extend(_role_relations(sent, in_sent, text))
        out.extend(_chain_relations(sent, in_sent, text))
        out.extend(_seat_relations(sent, in_sent, text))
        out.extend(_member_list_relations(sent, in_sent, text))
    seen = set()
    unique = []
    for r in out:
        k = (r.subject.key, r.predicate, r.object.key, r.start)
        if k not in seen and allowed(r.predicate, r.subject, r.object):
            seen.add(k)
            unique.append(r)
    return tuple(unique)
