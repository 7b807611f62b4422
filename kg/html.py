"""Self-contained interactive HTML explorer of a kg graph (GitHub issue 5).

One HTML file, openable from disk with no network: vis-network's JS (bundled inside the
pyvis package) and the explorer's own JS/CSS are inlined, and the graph travels as JSON in a
``<script type="application/json">`` block. The page inserts document text into the DOM with
``textContent`` only, and a Content-Security-Policy with the hashes of its two scripts stops
anything else from running or loading.

The layout is computed here, not in the browser: networkx's spring layout per connected
component (a grid-accelerated Fruchterman-Reingold for components too large for it without
scipy), scaled to the label sizes, label boxes pushed apart so that no two overlap, and the
components shelf-packed. The browser starts with physics off.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
import rdflib
from rdflib import Literal, URIRef
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from kg.errors import KGError
from kg.io import atomic_write
from kg.model import ENTITY_TYPES, ORG_SUBTYPES, PREDICATES
from kg.namespaces import DCTERMS, KG, PROV, RDF, RDFS, SKOS, ontology_path

__all__ = ["ExplorerOptionError", "explorer_data", "render_html", "write_html"]

LAYOUT_SEED = 20240605
FONT_SIZE = 14  # px, label font of a node with at most one relation; hubs get larger ones
LABEL_MAX_CHARS = 16  # longer canonical names are shortened on the canvas (full name in the panel)
LABEL_GAP = 3.0  # vis-network draws an outside label this far below the shape
BOX_PAD = 4.0
LABEL_ROOM = 2.5  # layout area per node, in label boxes
OVERLAP_START = 1.0  # overlapping pairs per node tolerated before overlap removal
QUALIFIERS = ("role", "year", "level", "category", "amount", "field", "former")
VIS_ASSETS = ("lib", "vis-9.1.2")

# Display type -> (colour, vis-network shape, legend glyph). Organisations are coloured by
# subtype and share the dot; the other entity types each have their own shape.
TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    "Foundation": ("#2ca02c", "dot", "●"),
    "Company": ("#1f77b4", "dot", "●"),
    "GovernmentAgency": ("#d62728", "dot", "●"),
    "SocialOrganization": ("#17becf", "dot", "●"),
    "ResearchInstitute": ("#9467bd", "dot", "●"),
    "MediaOrganization": ("#ff7f0e", "dot", "●"),
    "Network": ("#8c564b", "dot", "●"),
    "Organization": ("#7f7f7f", "dot", "●"),
    "Person": ("#e377c2", "triangle", "▲"),
    "Project": ("#bcbd22", "square", "■"),
    "Place": ("#5fa8d3", "diamond", "◆"),
    "Award": ("#e6a100", "star", "★"),
    "Event": ("#fb8072", "triangleDown", "▼"),
    "Publication": ("#a58bd6", "hexagon", "⬢"),
}
SUBTYPES: tuple[str, ...] = tuple(t for t in ORG_SUBTYPES if t in TYPE_STYLE)
DISPLAY_TYPES: tuple[str, ...] = (*SUBTYPES, *ENTITY_TYPES)

PREDICATE_COLOUR: dict[str, str] = {
    "funds": "#e6194b",
    "supports": "#f58231",
    "partnersWith": "#3cb44b",
    "implements": "#4363d8",
    "initiates": "#911eb4",
    "organizes": "#f032e6",
    "participatesIn": "#20a5c4",
    "locatedIn": "#9a6324",
    "receivedAward": "#b8a000",
    "memberOf": "#469990",
    "worksFor": "#800000",
    "publishes": "#000075",
    "subOrganizationOf": "#808000",
    "partOf": "#8c8c8c",
}
SYMMETRIC = frozenset({"partnersWith"})


class ExplorerOptionError(KGError, ValueError):
    """An option of the HTML export cannot be used (e.g. an unknown entity type)."""


# --------------------------------------------------------------------------- public API


# How kg's own tools (screenshot script, browser tests, benchmark) start Debian's chromium:
# headless, and without the background traffic a closed network would refuse.
CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)


def render_html(
    graph: rdflib.Graph,
    *,
    include_types: Iterable[str] | None = None,
    max_nodes: int = 2000,
    title: str = "kg graph",
) -> str:
    """The explorer page for ``graph`` as one self-contained HTML string.

    ``include_types``: local class names (``"Organization"``, ``"Foundation"``, ``"Project"``…)
    whose entities are kept; default all. Above ``max_nodes`` entities the page starts with the
    ``max_nodes`` most connected ones and says so; every entity stays searchable.
    """
    data = explorer_data(graph, include_types=include_types, max_nodes=max_nodes, title=title)
    return _fill_template(data, title)


def write_html(graph: rdflib.Graph, path: str | Path, **kwargs: Any) -> Path:
    """Write :func:`render_html` output to ``path`` atomically, as UTF-8 whatever the locale."""
    return atomic_write(path, render_html(graph, **kwargs), encoding="utf-8")


def explorer_data(
    graph: rdflib.Graph,
    *,
    include_types: Iterable[str] | None = None,
    max_nodes: int = 2000,
    title: str = "kg graph",
) -> dict[str, Any]:
    """The JSON document the page renders: entities, relations with evidence, styles, layout."""
    if max_nodes < 1:
        raise ExplorerOptionError(f"max_nodes must be at least 1, not {max_nodes}")
    wanted = _check_types(include_types)
    labels = _ontology_labels()
    graph = _Indexed(graph)  # type: ignore[assignment]  # the few lookups below, on dicts

    typed = _entity_types(graph)
    if wanted is not None:
        typed = {n: t for n, t in typed.items() if wanted & t.names}
    order = sorted(typed, key=_node_key)
    index = {node: i for i, node in enumerate(order)}

    docs = _Documents(graph)
    nodes = [_entity_record(graph, node, typed[node], docs) for node in order]
    edges = _edges(graph, index, docs)

    degree = [0] * len(nodes)
    for s, _p, o in edges:
        degree[s] += 1
        if o != s:
            degree[o] += 1

    present_types = [t for t in DISPLAY_TYPES if any(n.display == t for n in nodes)]
    type_index = {t: i for i, t in enumerate(present_types)}
    present_preds = [p for p in PREDICATES if any(p == ep for _s, ep, _o in edges)]
    pred_index = {p: i for i, p in enumerate(present_preds)}

    sizes = [_node_size(d) for d in degree]
    fonts = [_font_size(d) for d in degree]
    shorts = [_short_label(n.label) for n in nodes]
    positions = _layout(
        len(nodes),
        sorted({(min(s, o), max(s, o)) for s, _p, o in edges if s != o}),
        [_label_box(short, size, font) for short, size, font in zip(shorts, sizes, fonts, strict=True)],
    )

    limited = len(nodes) > max_nodes
    initial = sorted(sorted(range(len(nodes)), key=lambda i: (-degree[i], i))[:max_nodes]) if limited else []

    edge_list = sorted(edges, key=lambda e: (e[0], PREDICATES.index(e[1]), e[2]))
    curve = _curvatures(edge_list)
    type_counts = defaultdict(int)
    for n in nodes:
        type_counts[n.display] += 1
    pred_counts = defaultdict(int)
    for _s, p, _o in edge_list:
        pred_counts[p] += 1

    return {
        "title": _clean(title),
        "limited": limited,
        "maxNodes": max_nodes,
        "initial": initial,
        "types": [
            {
                "key": t,
                "zh": labels.get(t, {}).get("zh", t),
                "en": labels.get(t, {}).get("en", t),
                "color": TYPE_STYLE[t][0],
                "shape": TYPE_STYLE[t][1],
                "glyph": TYPE_STYLE[t][2],
                "count": type_counts[t],
            }
            for t in present_types
        ],
        "predicates": [
            {
                "key": p,
                "zh": labels.get(p, {}).get("zh", p),
                "en": labels.get(p, {}).get("en", p),
                "color": PREDICATE_COLOUR[p],
                "symmetric": p in SYMMETRIC,
                "count": pred_counts[p],
            }
            for p in present_preds
        ],
        "qualifiers": {
            q: {"zh": labels.get(q, {}).get("zh", q), "en": labels.get(q, {}).get("en", q)}
            for q in QUALIFIERS
        },
        "documents": docs.records(),
        "nodes": [
            {
                "id": str(order[i]),
                "label": n.label,
                "short": shorts[i],
                "aliases": list(n.aliases),
                "type": type_index[n.display],
                "degree": degree[i],
                "size": round(sizes[i], 1),
                "font": fonts[i],
                "x": round(positions[i][0], 1),
                "y": round(positions[i][1], 1),
                "docs": sorted({docs.index(d) for d in n.docs}),
            }
            for i, n in enumerate(nodes)
        ],
        "edges": [
            {
                "s": s,
                "p": pred_index[p],
                "o": o,
                "curve": curve[j],
                "statements": edges[(s, p, o)],
            }
            for j, (s, p, o) in enumerate(edge_list)
        ],
    }


# --------------------------------------------------------------------------- graph reading


@dataclass(frozen=True)
class _Typed:
    top: str
    display: str
    names: frozenset[str]  # every kg class local name asserted (for include_types)


@dataclass(frozen=True)
class _Entity:
    label: str
    aliases: tuple[str, ...]
    display: str
    docs: tuple[Node, ...]


def _check_types(include_types: Iterable[str] | None) -> frozenset[str] | None:
    if include_types is None:
        return None
    if isinstance(include_types, str):
        include_types = [include_types]
    wanted = frozenset(t.strip() for t in include_types if t.strip())
    unknown = sorted(wanted - set(DISPLAY_TYPES))
    if unknown:
        raise ExplorerOptionError(
            f"unknown entity type(s) {', '.join(unknown)}; known: {', '.join(DISPLAY_TYPES)}"
        )
    return wanted


@cache
def _ontology_labels() -> dict[str, dict[str, str]]:
    """zh/en rdfs:label of every kg class and property, by local name."""
    onto = rdflib.Graph()
    onto.parse(ontology_path(), format="turtle")
    out: dict[str, dict[str, str]] = {}
    base = str(KG)
    for s, o in onto.subject_objects(RDFS.label):
        if isinstance(s, URIRef) and str(s).startswith(base) and isinstance(o, Literal) and o.language:
            out.setdefault(str(s)[len(base) :], {})[o.language.split("-")[0].lower()] = str(o)
    return out


class _Indexed:
    """The lookups the explorer makes (``objects``, ``value``, ``subject_objects``) answered from
    plain dicts: rdflib's per-call ``triples`` machinery was three quarters of the export time of
    a large graph. A graph on rdflib's in-memory store lends its own indexes; any other graph is
    read once."""

    def __init__(self, graph: rdflib.Graph) -> None:
        store = graph.store
        spo = getattr(store, "_Memory__spo", None)
        pos = getattr(store, "_Memory__pos", None)
        by_context = getattr(store, "_Memory__contextTriples", None)
        own = type(graph) is rdflib.Graph and type(store) is Memory and spo is not None and pos is not None
        if own and by_context is not None:
            ctx = store._Memory__ctx_to_str(graph)  # type: ignore[attr-defined]
            own = set(by_context) <= {None, ctx} and len(by_context.get(None, ())) == len(by_context.get(ctx, ()))
        if not own:
            spo, pos = {}, {}
            for s, p, o in graph:
                spo.setdefault(s, {}).setdefault(p, {})[o] = 1
                pos.setdefault(p, {}).setdefault(o, {})[s] = 1
        self._spo: dict[Node, dict[Node, dict[Node, Any]]] = spo  # type: ignore[assignment]
        self._pos: dict[Node, dict[Node, dict[Node, Any]]] = pos  # type: ignore[assignment]

    def objects(self, s: Node, p: Node) -> Iterable[Node]:
        return self._spo.get(s, {}).get(p, {}).keys()

    def value(self, s: Node, p: Node) -> Node | None:
        return next(iter(self._spo.get(s, {}).get(p, ())), None)

    def subject_objects(self, p: Node) -> Iterator[tuple[Node, Node]]:
        for o, subjects in self._pos.get(p, {}).items():
            for s in subjects:
                yield s, o


def _entity_types(graph: rdflib.Graph) -> dict[Node, _Typed]:
    tops = {KG[t]: t for t in ENTITY_TYPES}
    subs = {KG[t]: t for t in SUBTYPES}
    found: dict[Node, set[str]] = defaultdict(set)
    for s, o in graph.subject_objects(RDF.type):
        name = tops.get(o) or subs.get(o)
        if name is not None:
            found[s].add(name)
    out: dict[Node, _Typed] = {}
    for node, names in found.items():
        top = next((t for t in ENTITY_TYPES if t in names), "Organization")  # a bare subtype implies it
        display = top
        if top == "Organization":
            display = next((t for t in SUBTYPES if t in names), "Organization")
        out[node] = _Typed(top, display, frozenset(names | {top}))
    return out


def _node_key(node: Node) -> tuple[int, str]:
    return (0 if isinstance(node, URIRef) else 1, str(node))


def _clean(text: object) -> str:
    """Text safe to encode as UTF-8 (lone surrogates replaced)."""
    s = str(text)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = s.encode("utf-8", "replace").decode("utf-8")
    return s


def _literals(graph: rdflib.Graph, node: Node, prop: URIRef) -> list[Literal]:
    return sorted((o for o in graph.objects(node, prop) if isinstance(o, Literal)), key=lambda o: str(o))


def _best_literal(values: list[Literal]) -> str | None:
    zh = [v for v in values if (v.language or "").lower().startswith("zh")]
    for group in (zh, values):
        if group:
            return _clean(group[0])
    return None


def _local_name(node: Node) -> str:
    text = str(node)
    return _clean(unquote(re.split(r"[/#]", text.rstrip("/#"))[-1] or text))


def _entity_record(graph: rdflib.Graph, node: Node, typed: _Typed, docs: _Documents) -> _Entity:
    pref = _literals(graph, node, SKOS.prefLabel)
    rdfs_label = _literals(graph, node, RDFS.label)
    zh = [v for v in (*pref, *rdfs_label) if (v.language or "").lower().startswith("zh")]
    label = _best_literal(zh) or _best_literal(pref) or _best_literal(rdfs_label) or _local_name(node)
    names = {_clean(v) for v in (*pref, *rdfs_label, *_literals(graph, node, SKOS.altLabel))}
    aliases = tuple(sorted(n for n in names if n and n != label))
    mentioned = tuple(sorted(graph.objects(node, KG.mentionedIn), key=_node_key))
    for d in mentioned:
        docs.add(d)
    return _Entity(label, aliases, typed.display, mentioned)


class _Documents:
    """Source documents, numbered in a stable order once all are known."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        self.seen: set[Node] = set()
        self._index: dict[Node, int] | None = None

    def add(self, node: Node) -> None:
        self.seen.add(node)

    def _info(self, node: Node) -> tuple[str, str, str]:
        title = _best_literal(_literals(self.graph, node, DCTERMS.title)) or ""
        path = _best_literal(_literals(self.graph, node, KG.sourcePath)) or ""
        return (path, title, str(node))

    def _ensure(self) -> dict[Node, int]:
        if self._index is None:
            ordered = sorted(self.seen, key=lambda n: (self._info(n), _node_key(n)))
            self._index = {n: i for i, n in enumerate(ordered)}
        return self._index

    def index(self, node: Node) -> int:
        return self._ensure()[node]

    def records(self) -> list[dict[str, str]]:
        index = self._ensure()
        out = []
        for node in sorted(index, key=index.__getitem__):
            path, title, iri = self._info(node)
            out.append({"id": _clean(iri), "title": title, "path": path})
        return out


def _number(lit: Node | None, kind: type) -> Any:
    if not isinstance(lit, Literal):
        return None
    try:
        value = kind(float(str(lit)))
    except (TypeError, ValueError):
        return None
    if kind is float:
        return round(value, 4) if math.isfinite(value) else None
    return value


def _edges(
    graph: rdflib.Graph, index: dict[Node, int], docs: _Documents
) -> dict[tuple[int, str, int], list[dict[str, Any]]]:
    """(subject, predicate, object) -> sorted statement records; from plain triples and rdf:Statements."""
    preds = {KG[p]: p for p in PREDICATES}
    qualifier_iris = [(q, KG[q]) for q in QUALIFIERS]
    start_p, end_p, confidence_p, evidence_p, rule_p = KG.startOffset, KG.endOffset, KG.confidence, KG.evidence, KG.rule
    raw: dict[tuple[int, str, int], list[tuple[Any, ...]]] = {}
    for p_iri, p in preds.items():
        for s, o in graph.subject_objects(p_iri):
            if s in index and o in index:
                raw.setdefault((index[s], p, index[o]), [])
    for st, p_iri in graph.subject_objects(RDF.predicate):
        p = preds.get(p_iri)
        s, o = graph.value(st, RDF.subject), graph.value(st, RDF.object)
        if p is None or s not in index or o not in index:
            continue
        sources = sorted(graph.objects(st, PROV.wasDerivedFrom), key=_node_key)
        for d in sources:
            docs.add(d)
        evidence = _best_literal(_literals(graph, st, evidence_p)) or ""
        rule = _best_literal(_literals(graph, st, rule_p)) or ""
        quals = tuple(
            (q, v) for q, q_iri in qualifier_iris if (v := _best_literal(_literals(graph, st, q_iri))) is not None
        )
        raw.setdefault((index[s], p, index[o]), []).append(
            (
                sources[0] if sources else None,
                _number(graph.value(st, start_p), int),
                _number(graph.value(st, end_p), int),
                evidence,
                rule,
                _number(graph.value(st, confidence_p), float),
                quals,
            )
        )
    out: dict[tuple[int, str, int], list[dict[str, Any]]] = {}
    for key, stmts in raw.items():
        records = []
        for doc, start, end, evidence, rule, conf, quals in stmts:
            records.append(
                {
                    "doc": docs.index(doc) if doc is not None else None,
                    "start": start,
                    "end": end,
                    "evidence": evidence,
                    "rule": rule,
                    "confidence": conf,
                    "qualifiers": [list(q) for q in quals],
                }
            )
        if len(records) <= 1:
            out[key] = records
            continue
        unique = {json.dumps(r, sort_keys=True, ensure_ascii=False): r for r in records}
        out[key] = [
            unique[k]
            for k in sorted(
                unique,
                key=lambda k: (
                    -1 if unique[k]["doc"] is None else unique[k]["doc"],
                    -1 if unique[k]["start"] is None else unique[k]["start"],
                    k,
                ),
            )
        ]
    return out


def _curvatures(edge_list: list[tuple[int, str, int]]) -> list[float]:
    """Roundness per edge so that parallel edges between one pair of nodes do not coincide."""
    seen: dict[tuple[int, int], int] = defaultdict(int)
    out = []
    for s, _p, o in edge_list:
        pair = (min(s, o), max(s, o))
        out.append(round(0.2 * seen[pair], 2))
        seen[pair] += 1
    return out


# --------------------------------------------------------------------------- geometry


def _node_size(degree: int) -> float:
    return min(36.0, 10.0 + 4.5 * math.log2(1 + degree))


def _short_label(label: str) -> str:
    text = re.sub(r"\s+", " ", label).strip() or "?"
    return text if len(text) <= LABEL_MAX_CHARS else text[: LABEL_MAX_CHARS - 1] + "…"


def _font_size(degree: int) -> float:
    """Larger labels for hubs, so that their names show in the zoomed-out overview first."""
    return round(FONT_SIZE + min(12.0, max(0.0, 2.5 * (math.log2(1 + degree) - 1))), 1)


def _text_width(text: str, font: float = FONT_SIZE) -> float:
    return sum(font if unicodedata.east_asian_width(ch) in "WF" else font * 0.62 for ch in text)


def _label_box(short: str, size: float, font: float = FONT_SIZE) -> tuple[float, float, float]:
    """(half width, extent above centre, extent below centre) of a node with its label below.

    Upward triangles and stars reach about 1.15 × size above the centre (vis-network shapes).
    """
    half = max(size, _text_width(short, font) / 2) + BOX_PAD
    return (half, 1.15 * size + BOX_PAD, size + LABEL_GAP + font * 1.3 + BOX_PAD)


def _layout(
    n: int, pairs: list[tuple[int, int]], boxes: list[tuple[float, float, float]]
) -> list[tuple[float, float]]:
    """Positions in page pixels: per-component force layout, no label box overlap, packed."""
    if n == 0:
        return []
    try:
        import numpy as np  # noqa: F401  (networkx's spring layout needs it too)
    except ImportError:  # pragma: no cover - numpy comes with the dev install
        return _grid_fallback(n, pairs, boxes)
    return _numpy_layout(n, pairs, boxes)


def _numpy_layout(
    n: int, pairs: list[tuple[int, int]], boxes: list[tuple[float, float, float]]
) -> list[tuple[float, float]]:
    import numpy as np

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(pairs)
    comps = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    box = np.asarray(boxes, dtype=float)
    placed: list[tuple[list[int], Any]] = []
    for comp in comps:
        where = {node: i for i, node in enumerate(comp)}
        edges = np.array(
            sorted((where[a], where[b]) for a, b in graph.subgraph(comp).edges()), dtype=np.int64
        ).reshape(-1, 2)
        local = _component_layout(len(comp), edges)
        hw, top, bot = box[comp, 0], box[comp, 1], box[comp, 2]
        local = _scale_to_labels(local, edges, hw, top, bot)
        local = _remove_overlaps(local, hw, top, bot)
        placed.append((comp, local))
    return _pack(n, placed, box)


def _component_layout(size: int, edges: Any) -> Any:
    """Unit-free positions of one connected component (nodes 0..size-1)."""
    import numpy as np

    if size == 1:
        return np.zeros((1, 2))
    if size == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    if size < 500:
        sub = nx.Graph()
        sub.add_nodes_from(range(size))
        sub.add_edges_from(map(tuple, edges.tolist()))
        pos = nx.spring_layout(sub, seed=LAYOUT_SEED, iterations=150 if size <= 100 else 80, method="force")
        return np.array([pos[i] for i in range(size)], dtype=float)
    return _fr_grid(size, edges, LAYOUT_SEED, iterations=60)


def _fr_grid(n: int, edges: Any, seed: int, iterations: int) -> Any:
    """Fruchterman-Reingold for large components without scipy, O(n·sqrt(n)) per step.

    k = 1; repulsion from :func:`_grid_repulsion`. As in ForceAtlas2, a node repels in
    proportion to its degree + 1, so the leaves of a hub spread out instead of piling up.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.random((n, 2)) * side
    u, v = edges[:, 0], edges[:, 1]
    mass = 1.0 + np.bincount(u, minlength=n) + np.bincount(v, minlength=n)
    temp = side * 0.1
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        disp = _grid_repulsion(pos, mass)
        d = pos[u] - pos[v]
        dist = np.hypot(d[:, 0], d[:, 1])
        fx, fy = d[:, 0] * dist, d[:, 1] * dist  # magnitude dist²/k along the edge
        disp[:, 0] += np.bincount(v, fx, n) - np.bincount(u, fx, n)
        disp[:, 1] += np.bincount(v, fy, n) - np.bincount(u, fy, n)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cool
    return pos


def _neighbour_pairs(cx: Any, cy: Any) -> tuple[Any, Any]:
    """Index pairs (i, j), each once, of points in the same or adjacent integer grid cells.

    Cells are found by sorting, never allocated, so a sparse or stretched grid costs nothing;
    the work is the number of pairs returned.
    """
    import numpy as np

    n = len(cx)
    stride = int(cy.max()) + 3
    cid = cx * stride + (cy + 1)
    order = np.argsort(cid, kind="stable")
    uniq, start, counts = np.unique(cid[order], return_index=True, return_counts=True)
    firsts, seconds = [], []
    for ox, oy in ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1)):  # half the neighbourhood: no duplicates
        target = cid + ox * stride + oy
        at = np.minimum(np.searchsorted(uniq, target), len(uniq) - 1)
        cnt = np.where(uniq[at] == target, counts[at], 0)
        total = int(cnt.sum())
        if not total:
            continue
        first = np.repeat(np.arange(n), cnt)
        ends = np.cumsum(cnt)
        second = order[np.arange(total) - np.repeat(ends - cnt, cnt) + np.repeat(start[at], cnt)]
        if ox == 0 and oy == 0:
            keep = first < second
            first, second = first[keep], second[keep]
        firsts.append(first)
        seconds.append(second)
    if not firsts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)


def _grid_repulsion(pos: Any, weight: Any) -> Any:
    """Repulsive displacement: a smoothed far field from coarse cells plus exact short range.

    Far field: every coarse cell (about (9n)^¼ per side) pushes with its total weight from its
    weighted centroid, softened by the cell size; this spreads the layout globally at
    O(n·cells). Short range: exact pairs closer than 2k (cells of 2k, pairs found by sorting),
    which keeps neighbours apart locally. Weights multiply, as masses would.
    """
    import numpy as np

    n = len(pos)
    g = max(1, int((9 * n) ** 0.25))
    lo = pos.min(axis=0)
    span = max(float((pos.max(axis=0) - lo).max()), 1e-9)
    cell_size = span / g * (1 + 1e-9)
    cell = np.minimum(((pos - lo) / cell_size).astype(np.int64), g - 1)
    cid = cell[:, 0] * g + cell[:, 1]
    mass = np.bincount(cid, weight, g * g)
    occ = np.flatnonzero(mass)
    m = mass[occ]
    mx = np.bincount(cid, pos[:, 0] * weight, g * g)[occ] / m
    my = np.bincount(cid, pos[:, 1] * weight, g * g)[occ] / m
    dx = pos[:, 0, None] - mx[None, :]
    dy = pos[:, 1, None] - my[None, :]
    w = m[None, :] / (dx * dx + dy * dy + cell_size * cell_size)
    fx, fy = (dx * w).sum(axis=1) * weight, (dy * w).sum(axis=1) * weight

    reach = 2.0  # 2k
    a, b = _neighbour_pairs(
        ((pos[:, 0] - lo[0]) // reach).astype(np.int64), ((pos[:, 1] - lo[1]) // reach).astype(np.int64)
    )
    ddx = pos[a, 0] - pos[b, 0]
    ddy = pos[a, 1] - pos[b, 1]
    d2 = ddx * ddx + ddy * ddy
    w2 = np.where(d2 < reach * reach, weight[a] * weight[b] / np.maximum(d2, 1e-4), 0.0)
    px, py = ddx * w2, ddy * w2
    fx += np.bincount(a, px, n) - np.bincount(b, px, n)
    fy += np.bincount(a, py, n) - np.bincount(b, py, n)
    return np.stack([fx, fy], axis=1)


def _scale_to_labels(local: Any, edges: Any, hw: Any, top: Any, bot: Any) -> Any:
    """Scale a unit-free layout to pixels: room for the labels, edges about a label long."""
    import numpy as np

    local = local - local.mean(axis=0)
    if len(local) == 1:
        return local
    # About LABEL_ROOM times the label area per node over the disc holding 90% of the nodes...
    radius = np.hypot(local[:, 0] - np.median(local[:, 0]), local[:, 1] - np.median(local[:, 1]))
    r90 = max(float(np.quantile(radius, 0.9)), 0.25 * float(radius.max()), 1e-9)
    need = LABEL_ROOM * float(np.sum(2 * hw * (top + bot)))
    scale = math.sqrt(need / (math.pi * r90 * r90 / 0.9))
    # ...and edges about as long as a label box is wide and high, so that arrows show; but
    # at most twice as spread out, as edges in a tangle are long and would scatter it.
    if len(edges):
        length = float(np.median(np.hypot(*(local[edges[:, 0]] - local[edges[:, 1]]).T)))
        if length > 1e-9:
            scale = max(scale, min(2 * scale, 1.1 * float(np.median(2 * hw + top + bot)) / length))
    # Overlap removal is local: from a crowded start it needs many passes and still leaves
    # knots, so first spread the whole layout until few boxes overlap.
    for _ in range(25):
        if len(_overlaps(local * scale, hw, top, bot)[0]) <= len(local) * OVERLAP_START:
            break
        scale *= 1.15
    return local * scale


def _overlaps(pos: Any, hw: Any, top: Any, bot: Any, gap: float = 2.0) -> tuple[Any, ...]:
    """Overlapping box pairs: (a, b, centre dx, centre dy, x overlap, y overlap), gap included."""
    import numpy as np

    lo = pos.min(axis=0)
    a, b = _neighbour_pairs(
        ((pos[:, 0] - lo[0]) // (2 * float(hw.max()) + gap)).astype(np.int64),
        ((pos[:, 1] - lo[1]) // (float((top + bot).max()) + gap)).astype(np.int64),
    )
    dx = pos[b, 0] - pos[a, 0]
    dy = (pos[b, 1] + (bot[b] - top[b]) / 2) - (pos[a, 1] + (bot[a] - top[a]) / 2)
    ox = hw[a] + hw[b] + gap - np.abs(dx)
    oy = (top[a] + bot[a] + top[b] + bot[b]) / 2 + gap - np.abs(dy)
    hit = (ox > 1e-3) & (oy > 1e-3)  # not 0: the float residue of an exact push
    return a[hit], b[hit], dx[hit], dy[hit], ox[hit], oy[hit]


def _remove_overlaps(pos: Any, hw: Any, top: Any, bot: Any, passes: int = 200) -> Any:
    """Push overlapping label boxes apart until none overlap (or ``passes`` run out).

    Each overlapping pair moves apart along the line between the box centres, just far enough
    to separate, half each; pushes on a node add up. Candidate pairs come from a grid of
    cells as large as the largest box, so a pass costs about the number of nearby pairs.
    """
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos
    pos = pos.copy()
    for _ in range(passes):
        a, b, dx, dy, ox, oy = _overlaps(pos, hw, top, bot)
        if not len(a):
            break
        length = np.hypot(dx, dy)
        same = length < 1e-9
        ux = np.where(same, 1.0, dx / np.maximum(length, 1e-9))
        uy = np.where(same, 0.0, dy / np.maximum(length, 1e-9))
        with np.errstate(divide="ignore"):
            step = np.minimum(
                np.where(np.abs(ux) > 1e-9, (ox + 0.01) / np.abs(ux), np.inf),
                np.where(np.abs(uy) > 1e-9, (oy + 0.01) / np.abs(uy), np.inf),
            )
        mx, my = ux * step / 2, uy * step / 2
        pos[:, 0] += np.bincount(b, mx, n) - np.bincount(a, mx, n)
        pos[:, 1] += np.bincount(b, my, n) - np.bincount(a, my, n)
    return pos


def _pack(n: int, placed: list[tuple[list[int], Any]], box: Any) -> list[tuple[float, float]]:
    """Shelf-pack components (largest first) into rows about as wide as the whole is tall."""
    import numpy as np

    margin = 40.0
    frames = []
    for comp, local in placed:
        hw, top, bot = box[comp, 0], box[comp, 1], box[comp, 2]
        x0 = float((local[:, 0] - hw).min())
        x1 = float((local[:, 0] + hw).max())
        y0 = float((local[:, 1] - top).min())
        y1 = float((local[:, 1] + bot).max())
        frames.append((x0, y0, x1 - x0, y1 - y0))
    total = sum((w + margin) * (h + margin) for _x, _y, w, h in frames)
    row_width = max(max(w for _x, _y, w, _h in frames), math.sqrt(total) * 1.3)
    out = np.zeros((n, 2))
    x = y = row_h = 0.0
    for (comp, local), (x0, y0, w, h) in zip(placed, frames, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + margin, 0.0
        out[comp] = local + np.array([x - x0, y - y0])
        x += w + margin
        row_h = max(row_h, h)
    out -= (out.max(axis=0) + out.min(axis=0)) / 2
    return [(float(a), float(b)) for a, b in out]


def _grid_fallback(
    n: int, pairs: list[tuple[int, int]], boxes: list[tuple[float, float, float]]
) -> list[tuple[float, float]]:  # pragma: no cover - only without numpy
    """Without numpy: nodes on a grid in breadth-first order per component (never overlapping)."""
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(pairs)
    order: list[int] = []
    for comp in sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])):
        order.extend(nx.bfs_tree(graph, comp[0], sort_neighbors=sorted).nodes())
    cell_w = 2 * max(b[0] for b in boxes) + 8
    cell_h = max(b[1] + b[2] for b in boxes) + 8
    cols = max(1, math.ceil(math.sqrt(n * cell_h / cell_w)))
    pos = [(0.0, 0.0)] * n
    for k, node in enumerate(order):
        pos[node] = ((k % cols - cols / 2) * cell_w, (k // cols - n / cols / 2) * cell_h)
    return pos


# --------------------------------------------------------------------------- page


def _resource(name: str) -> str:
    return (resources.files("kg.resources") / name).read_text(encoding="utf-8")


@cache
def _vis_js() -> str:
    """vis-network's standalone build as shipped inside pyvis (no CDN)."""
    try:
        path = resources.files("pyvis").joinpath(*VIS_ASSETS, "vis-network.min.js")
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - pyvis is a dependency
        raise KGError("the HTML export needs pyvis 0.3.2, which bundles vis-network 9.1.2") from exc
    return _script_safe(text)


def _script_safe(js: str) -> str:
    """Make JS text safe inside <script>…</script> (no early close, no comment-state trick)."""
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    return js.replace("<!--", "<\\!--")


def json_for_script(data: Any) -> str:
    """JSON that cannot end or alter the <script> element it sits in, and is valid JS too."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _fill_template(data: dict[str, Any], title: str) -> str:
    vis_js = _vis_js()
    app_js = _script_safe(_resource("explorer.js"))
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    parts = {
        "CSP": csp,
        "TITLE": html.escape(_clean(title), quote=True),
        "CSS": _resource("explorer.css").replace("</", "<\\/"),
        "DATA": json_for_script(data),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass: text substituted in (names from documents) is never scanned for markers again.
    return re.sub(r"@@KG_([A-Z_]+)@@", lambda m: parts[m.group(1)], _resource("explorer.html"))
