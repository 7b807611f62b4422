"""Corpus-wide resolution: mentions of one real-world thing become one Entity.

Merge rules, each recorded on the entity (alias, rule, evidence) so a wrong merge can be
found and undone:

- ``same-name``      identical cleaned names are one entity (per type family);
- ``declared``       以下简称“X” / （简称X） / （CCF） declared in a document;
- ``contraction``    regular contractions of a full name seen in the corpus: 环境保护 -> 环保,
                     股份有限公司 / 有限公司 dropped, a region prefix dropped, 集团/控股集团;
                     merged only when exactly one full name contracts to the short one; and the
                     company forms a document uses after the full name (X科技, X集团, X控股, a
                     bare X before a verb or a list joiner), recorded by the recogniser as
                     aliases of rule ``contraction`` and merged when one full name owns the form;
- ``gazetteer``      places and government bodies by the gazetteer's canonical name;
- ``user``           the user's alias file (``kg build --aliases FILE``), which wins.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from kg.lexicon import TrieScanner, places
from kg.model import Alias, DocResult, Entity, Mention, ResolvedRelation
from kg.relations import DOMAIN_RANGE

# Region prefixes that a contraction may drop (provinces, cities and 中国/中华).
_NATIONAL_PREFIXES = ("中华人民共和国", "中国", "中华", "全国")

_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    ("环境保护", "环保"),
    ("股份有限公司", ""),
    ("有限责任公司", ""),
    ("有限公司", ""),
    ("股份公司", ""),
    ("科技集团", "集团"),
    ("控股集团", "控股"),
    ("控股集团", "集团"),
    ("集团", ""),
    ("人民政府", "政府"),
    ("委员会", "委"),
    ("公益基金会", "基金会"),
    ("慈善基金会", "基金会"),
)


@cache
def _region_prefixes() -> tuple[str, ...]:
    out = list(_NATIONAL_PREFIXES)
    for surface, place in places().items():
        if place.level in ("province", "city") and len(surface) >= 2:
            out.append(surface)
    return tuple(sorted(set(out), key=len, reverse=True))


@cache
def _region_trie() -> TrieScanner:
    return TrieScanner(_region_prefixes())


def _drop_region(name: str) -> str:
    """``name`` without its longest region prefix that leaves three characters or more, or ""."""
    for end in reversed(_region_trie().prefix_ends(name)):
        if len(name) - end >= 3:
            return name[end:]
    return ""


def contractions(name: str) -> set[str]:
    """Regular short forms of a full organisation name."""
    forms = {name}
    for _ in range(3):
        new = set()
        for f in forms:
            for long, short in _CONTRACTIONS:
                if long in f:
                    g = f.replace(long, short, 1)
                    if len(g) >= 2:
                        new.add(g)
            rest = _drop_region(f)
            if rest:
                new.add(rest)
        forms |= new
    forms.discard(name)
    return {f for f in forms if len(f) >= 2}


def family(typ: str) -> str:
    return typ


def load_alias_file(path: str | Path) -> dict[str, str]:
    """User alias file: ``alias<TAB>canonical name`` per line, ``#`` comments."""
    out: dict[str, str] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 2 or not all(parts):
            raise ValueError(f"{path}:{n}: expected 'alias<TAB>canonical name'")
        out[parts[0]] = parts[1]
    return out


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # deterministic representative: the lexicographically smaller key
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _node(typ: str, name: str) -> str:
    return f"{typ}\x1f{name}"


def resolve(results: Iterable[DocResult], user_aliases: dict[str, str] | None = None) -> tuple[
    tuple[Entity, ...], tuple[ResolvedRelation, ...]
]:
    """Resolve mentions of all documents into entities and map relations onto them."""
    results = list(results)
    uf = _UnionFind()
    merges: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    type_votes: dict[str, Counter[tuple[str, str | None]]] = defaultdict(Counter)
    docs_of: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    name_type: dict[str, Counter[str]] = defaultdict(Counter)

    # Each document's mentions as counts of (name, type, subtype), in order of first occurrence:
    # every decision below depends on the counts and on which form came first, never on single
    # mentions, and a corpus has several times fewer distinct triples than mentions.
    tallies = [(r.document.id, Counter([(m.name or m.text, m.type, m.subtype) for m in r.mentions])) for r in results]

    # a declared short name takes the type of its full form in that document (（以下简称
    # “青禾工程”） names an organisation, whatever the quote recogniser read): it never votes
    # the full form's type away
    declared: dict[tuple[str, str], str] = {}
    for r, (_doc, tally) in zip(results, tallies, strict=True):
        pairs = [a for a in r.aliases if a.rule != "alias.gazetteer" and a.short != a.full]
        if not pairs:
            continue
        doc_types: dict[str, Counter[str]] = defaultdict(Counter)
        for (key, typ, _sub), n in tally.items():
            doc_types[key][typ] += n
        for a in pairs:
            if a.full in doc_types:
                declared.setdefault((r.document.id, a.short), doc_types[a.full].most_common(1)[0][0])

    for doc, tally in tallies:
        for (key, typ, _sub), n in tally.items():
            if (doc, key) not in declared:
                name_type[key][typ] += n
    # one type per name across the corpus: the majority type (ties: the first seen)
    major = {name: c.most_common(1)[0][0] for name, c in name_type.items()}

    def type_in(doc: str, key: str, typ: str) -> str:
        return declared.get((doc, key)) or major.get(key, typ)

    project_names: list[set[str]] = []
    parent = uf.parent
    for doc, tally in tallies:
        projects = set()
        for (key, mtyp, sub), n in tally.items():
            typ = (declared and declared.get((doc, key))) or major.get(key, mtyp)
            node = f"{typ}\x1f{key}"
            if node not in parent:
                parent[node] = node
            type_votes[node][(typ, sub if typ == mtyp else None)] += n
            docs_of[node].add(doc)
            surfaces[node][key] += n
            if typ == "Project":
                projects.add(key)
        project_names.append(projects)

    # gazetteer: a short and a full form of one place or body are merged where one article or
    # case uses both (福建 … 福建省; the recogniser records the pair); elsewhere as written
    for r in results:
        for a in r.aliases:
            if a.rule != "alias.gazetteer":
                continue
            for typ in ("Place", "Organization"):
                keep, other = _node(typ, a.full), _node(typ, a.short)
                if keep in uf.parent and other in uf.parent:
                    uf.union(keep, other)
                    merges[keep].append((a.short, "gazetteer", a.evidence))
                    break

    # programme names reused in a shorter form in one document (蓝鲸海岸带修复计划 … 蓝鲸计划):
    # merged when exactly one full name of that document contracts to the short one, and no
    # other document reads the short name as another programme
    short_links: dict[str, set[str]] = defaultdict(set)
    evidence_of: dict[tuple[str, str], str] = {}
    for r, names in zip(results, project_names, strict=True):
        for short in names:
            for full in _programme_fulls(short, names):
                short_links[short].add(full)
                evidence_of.setdefault((full, short), f"{full} -> {short} ({r.document.path})")
    for short, fulls in sorted(short_links.items()):
        if len(fulls) == 1:
            full = next(iter(fulls))
            uf.union(_node("Project", full), _node("Project", short))
            merges[_node("Project", full)].append((short, "contraction", evidence_of[(full, short)]))

    all_nodes = list(uf.parent)
    names_by_type: dict[str, set[str]] = defaultdict(set)
    for node in all_nodes:
        typ, name = node.split("\x1f", 1)
        names_by_type[typ].add(name)

    # company names contracted in a document (杭州青禾科技股份有限公司 … 青禾科技 … 青禾): merged
    # when exactly one full name of the corpus is recorded for the short form
    contracted: dict[str, set[str]] = defaultdict(set)
    contraction_evidence: dict[tuple[str, str], str] = {}
    for r in results:
        for a in r.aliases:
            if a.rule == "contraction":
                contracted[a.short].add(a.full)
                contraction_evidence.setdefault((a.full, a.short), a.evidence)
    for short, fulls in sorted(contracted.items()):
        if len(fulls) != 1:
            continue
        full = next(iter(fulls))
        typ = major.get(full, "Organization")
        full_node, short_node = _node(typ, full), _node(typ, short)
        if full_node not in uf.parent:
            continue
        uf.find(short_node)
        uf.union(full_node, short_node)
        merges[full_node].append((short, "contraction", contraction_evidence[(full, short)]))

    # declared aliases
    for r in results:
        for a in r.aliases:
            if a.rule in ("alias.gazetteer", "contraction"):
                continue
            full_typ = declared.get((r.document.id, a.full)) or major.get(a.full)
            if full_typ is None:
                continue
            full_node = _node(full_typ, a.full)
            short_node = _node(full_typ, a.short)
            if short_node not in uf.parent:
                uf.find(short_node)
                type_votes[short_node][(full_typ, None)] += 0
            uf.union(full_node, short_node)
            merges[full_node].append((a.short, a.rule, a.evidence))

    # contractions: a short name that exactly one full name contracts to
    for typ in ("Organization", "Project", "Event", "Award", "Publication"):
        index: dict[str, set[str]] = defaultdict(set)
        for name in names_by_type[typ]:
            for c in contractions(name) if typ == "Organization" else _project_forms(name):
                index[c].add(name)
        for short, fulls in index.items():
            if short in names_by_type[typ] and len(fulls) == 1:
                full = next(iter(fulls))
                uf.union(_node(typ, full), _node(typ, short))
                merges[_node(typ, full)].append((short, "contraction", f"{full} -> {short}"))

    if user_aliases:
        for alias, canonical in user_aliases.items():
            a_nodes = [n for n in uf.parent if n.split("\x1f", 1)[1] == alias]
            c_nodes = [n for n in uf.parent if n.split("\x1f", 1)[1] == canonical]
            for an in a_nodes:
                for cn in c_nodes[:1]:
                    uf.union(cn, an)
                    merges[cn].append((alias, "user", "alias file"))

    groups: dict[str, list[str]] = defaultdict(list)
    for node in list(uf.parent):
        groups[uf.find(node)].append(node)

    entities: list[Entity] = []
    key_of_node: dict[str, str] = {}
    used_keys: set[str] = set()
    for _root, nodes in sorted(groups.items()):
        votes: Counter[tuple[str, str | None]]
        names: Counter[str]
        docs: set[str]
        recs: list[tuple[str, str, str]]
        if len(nodes) == 1 and nodes[0] in surfaces:  # most entities: one name, nothing merged
            n = nodes[0]
            votes, names, docs, recs = type_votes[n], surfaces[n], docs_of[n], merges.get(n, [])
            if n.split("\x1f", 1)[1] not in names:
                names = Counter(names)
                names[n.split("\x1f", 1)[1]] += 0
        else:
            votes, names, docs, recs = Counter(), Counter(), set(), []
            for n in nodes:
                votes.update(type_votes[n])
                names.update(surfaces[n])
                names[n.split("\x1f", 1)[1]] += 0
                docs |= docs_of[n]
                recs.extend(merges[n])
        if not votes:
            votes[(nodes[0].split("\x1f", 1)[0], None)] += 1
        totals: Counter[str] = Counter()  # votes of all subtypes of a type count for the type
        for (t, _s), c in votes.items():
            totals[t] += c
        typ = totals.most_common(1)[0][0]
        subs = Counter({s: c for (t, s), c in votes.items() if t == typ and s})
        subtype = _best_subtype(subs) if typ == "Organization" else None
        canonical = _canonical(typ, [n.split("\x1f", 1)[1] for n in nodes], names)
        aliases = tuple(sorted({n for n in names if n != canonical} | {a for a, _r, _e in recs if a != canonical}))
        key = f"{typ}/{canonical}"
        if key in used_keys:
            continue
        used_keys.add(key)
        entities.append(
            Entity(key, canonical, typ, subtype or ("Other" if typ == "Organization" else None), aliases, tuple(sorted(docs)), tuple(sorted(set(recs))))
        )
        for n in nodes:
            key_of_node[n] = key

    def key_for(m: Mention) -> str | None:
        key = m.name or m.text
        return key_of_node.get(_node(type_in(m.doc_id, key, m.type), key))

    type_of = {e.key: e.type for e in entities}
    relations: dict[tuple, ResolvedRelation] = {}
    docs_by_id = {r.document.id: r.document for r in results}
    for r in results:
        for rel in r.relations:
            s, o = key_for(rel.subject), key_for(rel.object)
            if not s or not o or s == o:
                continue
            dom, rng = DOMAIN_RANGE[rel.predicate]
            if type_of[s] not in dom or type_of[o] not in rng:
                continue  # the resolved types no longer fit the predicate
            if rel.predicate == "partnersWith" and s > o:
                s, o = o, s
            if rel.raw_start >= 0:
                rs, re_ = rel.raw_start, rel.raw_end
            else:
                rs, re_ = docs_by_id[rel.doc_id].to_raw(rel.start, rel.end)
            item = ResolvedRelation(s, rel.predicate, o, rel.doc_id, rel.evidence, rs, re_, rel.rule, rel.confidence, rel.qualifiers)
            k = (s, rel.predicate, o, rel.doc_id, rs)
            if k not in relations or relations[k].confidence < item.confidence:
                relations[k] = item
    return tuple(sorted(entities, key=lambda e: e.key)), tuple(
        sorted(relations.values(), key=lambda x: (x.subject, x.predicate, x.object, x.doc_id, x.raw_start))
    )


_PROGRAMME_HEADS = ("计划", "项目", "工程", "行动", "平台", "基金", "专项")


def _programme_fulls(short: str, names: set[str]) -> list[str]:
    """Full programme names of one document that contract to ``short``: the same opening stem
    (two characters or more) and the same head, with words dropped between them
    (蓝鲸海岸带修复计划 -> 蓝鲸计划)."""
    head = next((h for h in _PROGRAMME_HEADS if short.endswith(h)), "")
    stem = short[: len(short) - len(head)]
    if not head or len(stem) < 2:
        return []
    fulls = [f for f in names if f != short and f.startswith(stem) and f.endswith(head) and len(f) > len(short)]
    return fulls if len(fulls) == 1 else []


def _project_forms(name: str) -> set[str]:
    out = set()
    for suf in ("公益项目", "项目", "计划", "行动", "平台", "工程"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            out.add(name[: -len(suf)])
    stripped = re.sub(r"[·•・]", "", name)
    if stripped != name:
        out.add(stripped)
    return out


_SUBTYPE_ORDER = (
    "Foundation",
    "GovernmentAgency",
    "ResearchInstitute",
    "MediaOrganization",
    "Network",
    "SocialOrganization",
    "Company",
    "Other",
)


def _best_subtype(subs: Counter[str]) -> str | None:
    if not subs:
        return None
    top = max(subs.values())
    return min((s for s, c in subs.items() if c == top), key=_SUBTYPE_ORDER.index)


def _canonical(typ: str, node_names: list[str], counts: Counter[str]) -> str:
    """The fullest official form: the longest name with the type's suffix, then frequency."""
    cands = set(node_names) | set(counts)
    if typ == "Place":
        full = [n for n in cands if places().get(n) and places()[n].name == n]
        if full:
            return sorted(full, key=lambda n: (-len(n), n))[0]
    return sorted(cands, key=lambda n: (-len(n), -counts[n], n))[0]


__all__ = ["Alias", "contractions", "load_alias_file", "resolve"]
