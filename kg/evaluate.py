"""`kg eval`: score a graph against gold annotations exactly as ../shared/gold/FORMAT.md defines."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import KGError
from kg.model import ENTITY_TYPES, PREDICATES
from kg.namespaces import KG, SCHEMA

_DROP = re.compile(r"[\s“”‘’\"'《》〈〉「」『』【】·・•]")
LABEL_PROPS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SCHEMA.name, SCHEMA.alternateName)


def norm(s: str) -> str:
    """NFKC, no white space or quote/bracket/dot characters, Latin lower-cased."""
    return _DROP.sub("", unicodedata.normalize("NFKC", s)).lower()


@dataclass
class PRF:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.n_pred,
            "gold": self.n_gold,
        }


@dataclass
class Report:
    entities: PRF = field(default_factory=PRF)
    typed_entities: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=dict)
    relations: PRF = field(default_factory=PRF)
    by_predicate: dict[str, PRF] = field(default_factory=dict)
    by_rule: dict[str, PRF] = field(default_factory=dict)
    provenance: float = 0.0
    errors: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "entities": self.entities.as_dict(),
            "typed_entities": self.typed_entities.as_dict(),
            "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "relations": self.relations.as_dict(),
            "by_predicate": {k: v.as_dict() for k, v in sorted(self.by_predicate.items())},
            "by_rule": {k: v.as_dict() for k, v in sorted(self.by_rule.items())},
            "provenance_share": round(self.provenance, 4),
        }


# --- gold ---------------------------------------------------------------------------------------


@dataclass
class Gold:
    forms: dict[str, int]  # normalised surface -> gold entity id
    types: dict[int, str]
    triples: set[tuple[int, str, int]]
    count: int


def load_gold(gold_dir: str | Path) -> Gold:
    files = sorted(Path(gold_dir).glob("*.jsonl"))
    if not files:
        raise KGError(f"{gold_dir}: no gold *.jsonl files")
    # union-find over gold entities that share a normalised surface form, in any file
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    entries: list[tuple[str, str, list[str]]] = []
    rels: list[tuple[str, str, str, str]] = []  # file, s, p, o
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KGError(f"{f}:{n}: invalid JSON ({exc.msg})") from exc
            if d.get("kind") == "entity":
                entries.append((f.name, d["type"], [d["name"], *d.get("aliases", [])]))
            elif d.get("kind") == "relation":
                rels.append((f.name, d["s"], d["p"], d["o"]))
    form_owner: dict[str, int] = {}
    for i, (_f, _t, names) in enumerate(entries):
        parent[i] = i
        for nm in names:
            k = norm(nm)
            if not k:
                continue
            if k in form_owner:
                a, b = find(form_owner[k]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                form_owner[k] = i
    forms = {k: find(i) for k, i in form_owner.items()}
    types: dict[int, str] = {}
    for i, (_f, t, _n) in enumerate(entries):
        types.setdefault(find(i), t)
    triples = set()
    for _f, s, p, o in rels:
        si, oi = forms.get(norm(s)), forms.get(norm(o))
        if si is None or oi is None:
            continue
        triples.add((si, p, oi))
    return Gold(forms, types, triples, len({find(i) for i in parent}))


# --- output ---------------------------------------------------------------------------------------


def _top_classes(g: Graph) -> dict[URIRef, str]:
    """Class IRI -> top-level type name, following rdfs:subClassOf in the graph."""
    tops = {KG[t]: t for t in ENTITY_TYPES}
    out = dict(tops)
    changed = True
    while changed:
        changed = False
        for sub, sup in g.subject_objects(RDFS.subClassOf):
            if sup in out and sub not in out and isinstance(sub, URIRef):
                out[sub] = out[sup]
                changed = True
    return out


def evaluate(graph: Graph, gold_dir: str | Path, *, with_errors: bool = False) -> Report:
    gold = load_gold(gold_dir)
    tops = _top_classes(graph)
    ent_type: dict[URIRef, str] = {}
    for s, cls in graph.subject_objects(RDF.type):
        if cls in tops and isinstance(s, URIRef):
            # several classes: the most specific agrees with its top anyway; keep the first seen sorted
            ent_type.setdefault(s, tops[cls])
    match: dict[URIRef, int | None] = {}
    for e in ent_type:
        m = None
        for prop in LABEL_PROPS:
            for lab in graph.objects(e, prop):
                gid = gold.forms.get(norm(str(lab)))
                if gid is not None:
                    m = gid
                    break
            if m is not None:
                break
        match[e] = m

    rep = Report()
    rep.entities.n_pred = rep.typed_entities.n_pred = len(ent_type)
    rep.entities.n_gold = rep.typed_entities.n_gold = gold.count
    matched_gold = {g for g in match.values() if g is not None}
    typed_gold = {match[e] for e in ent_type if match[e] is not None and gold.types.get(match[e]) == ent_type[e]}
    rep.entities.tp_pred = sum(1 for e in ent_type if match[e] is not None)
    rep.entities.tp_gold = len(matched_gold)
    rep.typed_entities.tp_pred = sum(
        1 for e in ent_type if match[e] is not None and gold.types.get(match[e]) == ent_type[e]
    )
    rep.typed_entities.tp_gold = len(typed_gold)
    for t in ENTITY_TYPES:
        prf = PRF()
        prf.n_pred = sum(1 for e in ent_type if ent_type[e] == t)
        prf.tp_pred = sum(1 for e in ent_type if ent_type[e] == t and match[e] is not None and gold.types.get(match[e]) == t)
        gold_ids = {g for g, gt in gold.types.items() if gt == t}
        prf.n_gold = len(gold_ids)
        prf.tp_gold = len(gold_ids & typed_gold)
        rep.by_type[t] = prf

    # relations
    preds = {KG[p]: p for p in PREDICATES}
    out_rel: set[tuple[URIRef, str, URIRef]] = set()
    for s, p, o in graph:
        if p in preds and s in ent_type and o in ent_type:
            out_rel.add((s, preds[p], o))
    rules: dict[tuple[URIRef, str, URIRef], set[str]] = defaultdict(set)
    prov_ok: set[tuple[URIRef, str, URIRef]] = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        s = graph.value(st, RDF.subject)
        p = graph.value(st, RDF.predicate)
        o = graph.value(st, RDF.object)
        if p not in preds:
            continue
        key = (s, preds[p], o)
        extra = {pp for pp, _ in graph.predicate_objects(st)} - {RDF.type, RDF.subject, RDF.predicate, RDF.object}
        if extra:
            prov_ok.add(key)
        for r in graph.objects(st, KG.rule):
            rules[key].add(str(r))
    rep.provenance = len(out_rel & prov_ok) / len(out_rel) if out_rel else 1.0

    def correct(t: tuple[URIRef, str, URIRef]) -> bool:
        s, p, o = t
        gs, go = match.get(s), match.get(o)
        if gs is None or go is None:
            return False
        if (gs, p, go) in gold.triples:
            return True
        return p == "partnersWith" and (go, p, gs) in gold.triples

    found_gold: set[tuple[int, str, int]] = set()
    per_pred: dict[str, PRF] = {p: PRF() for p in PREDICATES}
    per_rule: dict[str, PRF] = defaultdict(PRF)
    wrong: list[str] = []
    for t in sorted(out_rel):
        ok = correct(t)
        per_pred[t[1]].n_pred += 1
        rep.relations.n_pred += 1
        for r in rules.get(t, {"(none)"}):
            per_rule[r].n_pred += 1
            per_rule[r].tp_pred += ok
        if ok:
            per_pred[t[1]].tp_pred += 1
            rep.relations.tp_pred += 1
            gs, go = match[t[0]], match[t[2]]
            key = (gs, t[1], go) if (gs, t[1], go) in gold.triples else (go, t[1], gs)
            found_gold.add(key)
        elif with_errors:
            wrong.append(f"{_lab(graph, t[0])} {t[1]} {_lab(graph, t[2])}")
    sym = {(s, p, o) for (s, p, o) in gold.triples}
    rep.relations.n_gold = len(sym)
    rep.relations.tp_gold = len(found_gold)
    for p in PREDICATES:
        gp = {t for t in sym if t[1] == p}
        per_pred[p].n_gold = len(gp)
        per_pred[p].tp_gold = len({t for t in found_gold if t[1] == p})
    rep.by_predicate = per_pred
    rep.by_rule = dict(per_rule)
    if with_errors:
        inv = defaultdict(list)
        for k, v in gold.forms.items():
            inv[v].append(k)
        rep.errors["false_entities"] = sorted(
            f"{ent_type[e]}:{_lab(graph, e)}" for e in ent_type if match[e] is None
        )
        rep.errors["missed_entities"] = sorted(
            f"{gold.types[g]}:{min(inv[g], key=len)}" for g in set(gold.forms.values()) - matched_gold
        )
        rep.errors["false_relations"] = wrong
        rep.errors["missed_relations"] = sorted(
            f"{min(inv[s], key=len)} {p} {min(inv[o], key=len)}" for (s, p, o) in sym - found_gold
        )
    return rep


def _lab(g: Graph, e: URIRef) -> str:
    return str(g.value(e, RDFS.label) or e)


def format_report(rep: Report, by_rule: bool = False) -> str:
    lines = []

    def row(name: str, prf: PRF) -> str:
        return f"{name:<22} P {prf.precision:6.3f}  R {prf.recall:6.3f}  F1 {prf.f1:6.3f}   (pred {prf.n_pred}, gold {prf.n_gold})"

    lines.append(row("entities", rep.entities))
    lines.append(row("entities (typed)", rep.typed_entities))
    for t, prf in sorted(rep.by_type.items()):
        lines.append(row(f"  {t}", prf))
    lines.append(row("relations", rep.relations))
    for p, prf in sorted(rep.by_predicate.items()):
        lines.append(row(f"  {p}", prf))
    lines.append(f"provenance share       {rep.provenance:.3f}")
    if by_rule:
        lines.append("by rule (precision of the triples each rule produced):")
        for r, prf in sorted(rep.by_rule.items(), key=lambda kv: (-kv[1].n_pred, kv[0])):
            lines.append(f"  {r:<36} P {prf.precision:6.3f}  ({prf.tp_pred}/{prf.n_pred})")
    return "\n".join(lines)


def counter_summary(items: list[str], n: int = 20) -> list[tuple[str, int]]:
    return Counter(items).most_common(n)
