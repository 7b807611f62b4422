"""The pipeline: ingest -> normalise -> segment -> entities -> relations -> resolve -> graph.

One ``DocResult`` flows through the per-document stages (spaCy style: one object through
ordered components); resolution and the graph are corpus-wide.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph

from kg.entities import extract_entities
from kg.graph import to_graph, validate
from kg.ingest import ingest
from kg.model import Corpus, DocResult, Document, Problem
from kg.namespaces import DEFAULT_BASE
from kg.relations import extract_relations
from kg.resolve import load_alias_file, resolve
from kg.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PIPELINE_VERSION = "1"


def default_paths() -> list[Path]:
    return [SEEDS]


def process_document(doc: Document, min_confidence: float = 0.0) -> DocResult:
    """All per-document stages on one document."""
    sections, sentences = segment(doc)
    result = DocResult(doc, sections, sentences)
    mentions, aliases = extract_entities(doc, sections, sentences)
    result = replace(result, mentions=mentions, aliases=aliases)
    relations = extract_relations(result)
    if min_confidence > 0:
        relations = tuple(r for r in relations if r.confidence >= min_confidence)
    relations = tuple(replace(r, raw_start=a, raw_end=b) for r in relations for a, b in [doc.to_raw(r.start, r.end)])
    return replace(result, relations=relations)


def slim(result: DocResult) -> DocResult:
    """Keep what corpus-wide resolution needs; drop texts, sections and sentences (memory)."""
    return DocResult(result.document.slim(), (), (), result.mentions, result.aliases, result.relations)


@dataclass
class BuildResult:
    graph: Graph
    corpus: Corpus
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    conforms: bool | None = None
    shacl_report: str = ""
    violations: int = 0

    def summary(self) -> dict:
        ents = Counter(e.type for e in self.corpus.entities)
        subs = Counter(e.subtype for e in self.corpus.entities if e.type == "Organization")
        rels = Counter(r.predicate for r in self.corpus.relations)
        return {
            "documents": len(self.corpus.documents),
            "entities": dict(sorted(ents.items())),
            "organisation_subtypes": dict(sorted(subs.items())),
            "relations": dict(sorted(rels.items())),
            "triples": len(self.graph),
            "problems": [str(p) for p in self.problems],
            "shacl_conforms": self.conforms,
            "shacl_violations": self.violations,
            "seconds": {k: round(v, 3) for k, v in self.timings.items()},
        }


def build_graph(
    paths: Iterable[str | os.PathLike[str]] | str | None = None,
    *,
    base: str = DEFAULT_BASE,
    min_confidence: float = 0.0,
    aliases: str | os.PathLike[str] | None = None,
    shacl: bool = True,
    progress: Callable[[int, str], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of ``paths`` (default: the built-in seed corpus)."""
    if paths is None:
        paths = default_paths()
    elif isinstance(paths, str | os.PathLike):
        paths = [paths]
    timings: Counter[str] = Counter()
    problems: list[Problem] = []
    results: list[DocResult] = []
    t0 = time.perf_counter()
    for item in ingest(paths):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        t = time.perf_counter()
        results.append(slim(process_document(item, min_confidence)))
        timings["extract"] += time.perf_counter() - t
        if progress:
            progress(len(results), item.path)
    timings["ingest+extract"] = time.perf_counter() - t0
    t = time.perf_counter()
    user = load_alias_file(aliases) if aliases else None
    entities, relations = resolve(results, user)
    timings["resolve"] = time.perf_counter() - t
    corpus = Corpus(tuple(r.document for r in results), entities, relations, tuple(str(p) for p in problems))
    t = time.perf_counter()
    graph = to_graph(corpus, base)
    timings["graph"] = time.perf_counter() - t
    out = BuildResult(graph, corpus, problems, dict(timings))
    if shacl:
        t = time.perf_counter()
        out.conforms, out.shacl_report, out.violations = validate(graph)
        out.timings["shacl"] = time.perf_counter() - t
    out.timings["total"] = time.perf_counter() - t0
    return out


def write_outputs(result: BuildResult, out_dir: str | os.PathLike[str], *, html: bool = True) -> list[Path]:
    """Write graph.ttl, graph.jsonld and graph.html atomically into ``out_dir``.

    Each file is written to a temporary name and renamed, so an interrupted build leaves
    the previous complete outputs in place.
    """
    from kg.io import atomic_write

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".graph.*.tmp"):  # left by a build that was killed while writing
        stale.unlink(missing_ok=True)
    written = [
        atomic_write(out / "graph.ttl", result.graph.serialize(format="turtle", encoding="utf-8")),
        atomic_write(out / "graph.jsonld", result.graph.serialize(format="json-ld", encoding="utf-8")),
    ]
    if html:
        from kg.html import write_html

        written.append(write_html(result.graph, out / "graph.html"))
    return written
