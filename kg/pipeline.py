"""The pipeline: ingest -> normalise -> segment -> entities -> relations -> resolve -> graph.

One ``DocResult`` flows through the per-document stages (spaCy style: one object through
ordered components); resolution and the graph are corpus-wide. Per-file work is independent,
so it runs in worker processes (``workers``) and is cached by content hash and pipeline
version (``cache_dir``): a rebuild after adding one document re-extracts only that document.
"""

from __future__ import annotations

import copyreg
import hashlib
import multiprocessing
import os
import pickle
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path

from rdflib import Graph

from kg.entities import extract_entities
from kg.graph import TextIndex, index_size, text_index, to_graph, validate
from kg.ingest import discover, read_documents
from kg.io import atomic_write
from kg.model import Alias, Corpus, DocResult, Document, Mention, Problem, Relation, Section, Sentence
from kg.namespaces import DEFAULT_BASE
from kg.relations import extract_relations
from kg.resolve import load_alias_file, resolve
from kg.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _reduce_record(obj: object) -> tuple[type, tuple[object, ...]]:
    cls = type(obj)
    return cls, tuple(getattr(obj, f.name) for f in fields(cls))  # type: ignore[arg-type]


# The model's records are frozen slotted dataclasses, which pickle restores through a generic
# __setstate__ that looks up the dataclass fields again for every object (two thirds of the time
# of reading the per-file cache of a 10 MB corpus). Pickled as constructor calls they load about
# four times faster; this covers the cache files and the results worker processes send back.
for _record in (Document, Section, Sentence, Mention, Alias, Relation, DocResult, Problem):
    copyreg.pickle(_record, _reduce_record)
STAGES = ("normalize", "segment", "entities", "relations")


def default_paths() -> list[Path]:
    """The seed corpus; as a relative path when it lies below the working directory, so that
    source paths recorded in the graph do not depend on where the checkout lives."""
    try:
        return [SEEDS.relative_to(Path.cwd())]
    except ValueError:
        return [SEEDS]


_KG_IMPORT = re.compile(r"^\s*(?:from\s+kg\.(\w+)|import\s+kg\.(\w+)|from\s+kg\s+import\s+(\w+))", re.M)


def _extraction_modules(root: Path) -> list[Path]:
    """The kg modules per-file extraction runs: this module and everything it imports from kg,
    transitively (static scan of ``kg.`` imports). Corpus-wide stages (resolve, graph, export,
    html, cli) are left out, so editing them does not throw the cache away."""
    todo, seen = ["pipeline", "ingest", "segment", "entities", "relations"], set()
    files = []
    while todo:
        name = todo.pop()
        if name in seen or name in ("resolve", "graph", "export", "html", "store", "sparql", "cli"):
            continue
        seen.add(name)
        path = root / f"{name}.py"
        if not path.is_file():
            path = root / name / "__init__.py"
        if path.is_file():
            files.append(path)
            todo.extend(a or b or c for a, b, c in _KG_IMPORT.findall(path.read_text(encoding="utf-8")))
    return files


@cache
def pipeline_version() -> str:
    """A hash of the extractor's code and data files: cached results of another version are
    never reused."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for p in sorted([*_extraction_modules(root), *(root / "resources").glob("*")]):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def load_jieba() -> None:
    """Load jieba's prefix dictionary from its cache file, as ``jieba.initialize`` would, but with
    ``marshal.loads`` on the file's bytes: jieba's own ``marshal.load`` on the open file takes
    three times as long (1.1 s against 0.35 s here), which is most of the cost of a rebuild that
    extracts one new document. Falls back to ``jieba.initialize`` for anything unusual."""
    import marshal
    import tempfile

    import jieba

    dt = jieba.dt
    if dt.initialized:
        return
    if dt.dictionary == jieba.DEFAULT_DICT and not dt.cache_file:
        cache_file = Path(dt.tmp_dir or tempfile.gettempdir()) / "jieba.cache"
        try:
            with dt.lock:
                if not dt.initialized:
                    freq, total = marshal.loads(cache_file.read_bytes())
                    if isinstance(freq, dict) and isinstance(total, int) and freq:
                        dt.FREQ, dt.total, dt.initialized = freq, total, True
        except (OSError, ValueError, EOFError, TypeError):
            pass
    dt.check_initialized()


def process_document(
    doc: Document, min_confidence: float = 0.0, timings: Counter[str] | None = None
) -> DocResult:
    """All per-document stages on one (already normalised) document."""
    clock = time.perf_counter
    t0 = clock()
    sections, sentences = segment(doc)
    t1 = clock()
    mentions, aliases = extract_entities(doc, sections, sentences)
    t2 = clock()
    result = DocResult(doc, sections, sentences, mentions, aliases)
    relations = extract_relations(result)
    if min_confidence > 0:
        relations = tuple(r for r in relations if r.confidence >= min_confidence)
    relations = tuple(
        replace(r, raw_start=a, raw_end=b) for r in relations for a, b in [doc.to_raw(r.start, r.end)]
    )
    t3 = clock()
    if timings is not None:
        timings["segment"] += t1 - t0
        timings["entities"] += t2 - t1
        timings["relations"] += t3 - t2
    return replace(result, relations=relations)


def slim(result: DocResult) -> DocResult:
    """Keep what corpus-wide resolution needs; drop texts, sections and sentences (memory)."""
    return DocResult(result.document.slim(), (), (), result.mentions, result.aliases, result.relations)


# --- one file: the unit of parallel work and of caching ----------------------------------------

FileResult = tuple[list[DocResult], list[Problem], dict[str, float], bool]


def _cache_file(cache_dir: str, data: bytes, path: str, min_confidence: float) -> Path:
    key = hashlib.sha256(
        b"\x1f".join([data, path.encode(), pipeline_version().encode(), repr(min_confidence).encode()])
    ).hexdigest()
    return Path(cache_dir) / key[:2] / f"{key}.pickle"


def _load_cached(path: str, min_confidence: float, cache_dir: str) -> tuple[Path | None, FileResult | None]:
    """The cache entry of ``path`` and, when present and readable, its result."""
    try:
        cached = _cache_file(cache_dir, Path(path).read_bytes(), path, min_confidence)
        if cached.is_file():
            with cached.open("rb") as fh:
                docs, problems = pickle.load(fh)
            return cached, (docs, problems, {}, True)
        return cached, None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None, None  # unreadable input is reported by the caller; a broken entry is rebuilt


def process_file(path: str, min_confidence: float = 0.0, cache_dir: str | None = None) -> FileResult:
    """Read, normalise and extract one file; returns slim results, problems, stage times and
    whether the cache answered."""
    timings: Counter[str] = Counter()
    cached: Path | None = None
    if cache_dir:
        cached, hit = _load_cached(path, min_confidence, cache_dir)
        if hit is not None:
            return hit
    load_jieba()
    t = time.perf_counter()
    documents, problems = read_documents(path)
    timings["normalize"] += time.perf_counter() - t
    docs = [slim(process_document(d, min_confidence, timings)) for d in documents]
    if cached is not None:
        atomic_write(cached, pickle.dumps((docs, problems), protocol=pickle.HIGHEST_PROTOCOL))
    return docs, problems, dict(timings), False


def _process_star(args: tuple[str, float, str | None]) -> FileResult:
    return process_file(*args)


def _results(
    files: list[str], min_confidence: float, cache_dir: str | None, workers: int
) -> Iterator[FileResult]:
    """One result per file, in the order of ``files``. Cache hits are read here; only the
    files that need extraction go to the worker processes (a rebuild after adding one document
    starts no pool at all when one file is left: workers would cost more than they save)."""
    hits: dict[int, FileResult] = {}
    if cache_dir:
        for i, f in enumerate(files):
            hit = _load_cached(f, min_confidence, cache_dir)[1]
            if hit is not None:
                hits[i] = hit
    todo = [(f, min_confidence, cache_dir) for i, f in enumerate(files) if i not in hits]
    if workers <= 1 or len(todo) < 2:
        fresh: Iterator[FileResult] = map(_process_star, todo)
        for i in range(len(files)):
            yield hits[i] if i in hits else next(fresh)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # map keeps input order, so the output does not depend on which worker finished first;
        # small chunks balance documents of very different sizes, results are slim to pickle
        chunk = max(1, min(8, len(todo) // (16 * workers)))
        fresh = pool.map(_process_star, todo, chunksize=chunk)
        for i in range(len(files)):
            yield hits[i] if i in hits else next(fresh)


@dataclass
class BuildResult:
    """The resolved corpus and, built from it on first use, its graph.

    ``index`` (subject -> predicate -> objects, see ``kg.graph.text_index``) is all that
    writing graph.ttl and graph.jsonld needs; the rdflib ``graph`` is only built when something
    asks for it (SHACL, HTML, a store, a query), since filling rdflib's indexes costs more than
    writing both files.
    """

    corpus: Corpus
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    conforms: bool | None = None
    shacl_report: str = ""
    violations: int = 0
    cached_files: int = 0
    base: str = DEFAULT_BASE
    workers: int = 1
    _graph: Graph | None = field(default=None, repr=False)
    _index: TextIndex | None = field(default=None, repr=False)
    _turtle: bytes | None = field(default=None, repr=False)  # graph.ttl, once serialised

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            self._graph = to_graph(self.corpus, self.base)
        return self._graph

    @property
    def index(self) -> TextIndex:
        if self._index is None:
            self._index = text_index(self.corpus, self.base)
        return self._index

    @property
    def triples(self) -> int:
        return len(self._graph) if self._graph is not None else index_size(self.index)

    def summary(self) -> dict:
        ents = Counter(e.type for e in self.corpus.entities)
        subs = Counter(e.subtype for e in self.corpus.entities if e.type == "Organization")
        rels = Counter(r.predicate for r in self.corpus.relations)
        return {
            "documents": len(self.corpus.documents),
            "entities": dict(sorted(ents.items())),
            "organisation_subtypes": dict(sorted(subs.items())),
            "relations": dict(sorted(rels.items())),
            "triples": self.triples,
            "problems": [str(p) for p in self.problems],
            "shacl_conforms": self.conforms,
            "shacl_violations": self.violations,
            "cached_files": self.cached_files,
            "seconds": {k: round(v, 3) for k, v in self.timings.items()},
        }


Progress = Callable[[int, int, str], None]


def build_graph(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    *,
    base: str = DEFAULT_BASE,
    min_confidence: float = 0.0,
    aliases: str | os.PathLike[str] | None = None,
    shacl: bool = True,
    workers: int = 1,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the knowledge graph of ``paths`` (default: the built-in seed corpus).

    ``workers`` > 1 extracts files in parallel processes (same output); ``cache_dir`` keeps
    per-file results keyed by content hash and pipeline version; ``progress(done, total, path)``
    is called after each file.
    """
    if paths is None:
        paths = default_paths()
    elif isinstance(paths, str | os.PathLike):
        paths = [paths]
    clock = time.perf_counter
    timings: Counter[str] = Counter()
    problems: list[Problem] = []
    files: list[str] = []
    t0 = clock()
    for item in discover(paths):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            files.append(str(item))
    results: list[DocResult] = []
    cached = 0
    for n, (docs, probs, times, hit) in enumerate(
        _results(files, min_confidence, str(cache_dir) if cache_dir else None, workers), 1
    ):
        results.extend(docs)
        problems.extend(probs)
        timings.update(times)
        cached += hit
        if progress:
            progress(n, len(files), files[n - 1])
    timings["extract (wall)"] = clock() - t0
    t = clock()
    user = load_alias_file(aliases) if aliases else None
    entities, relations = resolve(results, user)
    timings["resolve"] = clock() - t
    corpus = Corpus(tuple(r.document for r in results), entities, relations, tuple(str(p) for p in problems))
    t = clock()
    out = BuildResult(corpus, problems, dict(timings), cached_files=cached, base=base, workers=workers)
    out.index  # noqa: B018  # the triples, timed as the graph stage
    out.timings["graph"] = clock() - t
    if shacl:
        t = clock()
        out.conforms, out.shacl_report, out.violations = validate_result(out)
        out.timings["shacl"] = clock() - t
    out.timings["total"] = clock() - t0
    return out


def validate_result(result: BuildResult) -> tuple[bool, str, int]:
    """SHACL validation of a build against ontology/shapes.ttl: (conforms, report, violations).

    kg's own validator (``kg.shacl``) checks the text index directly, in well under a second for
    a 10 MB corpus where pyshacl needs the rdflib graph and half a minute; pyshacl runs only if
    the shapes use a feature ``kg.shacl`` does not implement."""
    from rdflib import Graph

    from kg.export import serialize_turtle
    from kg.namespaces import shapes_path
    from kg.shacl import report, validate_index

    if result._turtle is None:  # the SPARQL constraint loads it into pyoxigraph; graph.ttl reuses it
        result._turtle = serialize_turtle(result.index)
    found = validate_index(result.index, Graph().parse(shapes_path(), format="turtle"), result._turtle)
    if found is None:
        return validate(result.graph)
    return not found, report(found), len(found)


def write_outputs(result: BuildResult, out_dir: str | os.PathLike[str], *, html: bool = True) -> list[Path]:
    """Write graph.ttl, graph.jsonld and graph.html atomically into ``out_dir``.

    Each file is written to a temporary name and renamed, so an interrupted build leaves
    the previous complete outputs in place.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".graph.*.tmp"):  # left by a build that was killed while writing
        stale.unlink(missing_ok=True)
    from kg.export import serialize_jsonld, serialize_turtle

    t = time.perf_counter()
    index = result.index
    helper = None
    if result.workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        # JSON-LD in a forked child (it shares the index copy-on-write) while this process
        # writes Turtle: the two take about as long, and both are serial after extraction
        helper = multiprocessing.get_context("fork").Process(
            target=_write_file, args=(out / "graph.jsonld", serialize_jsonld, index), daemon=True
        )
        helper.start()
    turtle = result._turtle if result._turtle is not None else serialize_turtle(index)
    written = [atomic_write(out / "graph.ttl", turtle)]
    if helper is not None:
        helper.join()
        if helper.exitcode != 0:  # report the child's error by doing its work here
            atomic_write(out / "graph.jsonld", serialize_jsonld(index))
        written.append(out / "graph.jsonld")
    else:
        written.append(atomic_write(out / "graph.jsonld", serialize_jsonld(index)))
    result.timings["write"] = time.perf_counter() - t
    if html:
        from kg.html import write_html

        t = time.perf_counter()
        written.append(write_html(result.graph, out / "graph.html"))
        result.timings["html"] = time.perf_counter() - t  # with building the rdflib graph it reads
    return written


def _write_file(path: Path, serialize: Callable[[TextIndex], bytes], index: TextIndex) -> None:
    atomic_write(path, serialize(index))


def store_graph(result: BuildResult, spec: str) -> Graph:
    """Load the built graph into a store (``oxigraph:DIR``), replacing what it held."""
    from kg.store import copy_graph, graph_for_store

    target = graph_for_store(spec)
    copy_graph(result.graph, target)
    return target
